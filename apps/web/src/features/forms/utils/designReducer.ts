import type { FormDesign, FormFieldDesign, FormLayout } from '@formwork/definitions';

/** Where a field sits: group index and index within the group. */
export interface FieldPosition {
  group: number;
  index: number;
}

export type DesignAction =
  | { type: 'reset'; design: FormDesign }
  | { type: 'setLayout'; layout: FormLayout }
  | { type: 'setTexts'; texts: Pick<FormDesign, 'submitLabel' | 'successMessage'> }
  | { type: 'addField'; key: string; to?: FieldPosition }
  | { type: 'removeField'; key: string }
  | { type: 'moveField'; key: string; to: FieldPosition }
  | { type: 'moveFieldBy'; key: string; step: -1 | 1 }
  | { type: 'updateField'; key: string; patch: Partial<FormFieldDesign> }
  | { type: 'addGroup'; id: string; title: string }
  | { type: 'renameGroup'; id: string; title: string }
  | { type: 'removeGroup'; id: string };

export function positionOf(design: FormDesign, key: string): FieldPosition | undefined {
  for (const [group, { fields }] of design.groups.entries()) {
    const index = fields.findIndex((field) => field.key === key);
    if (index >= 0) return { group, index };
  }
  return undefined;
}

export function fieldDesignOf(design: FormDesign, key: string): FormFieldDesign | undefined {
  const at = positionOf(design, key);
  return at && design.groups[at.group]?.fields[at.index];
}

const withoutField = (design: FormDesign, key: string): FormDesign => ({
  ...design,
  groups: design.groups.map((group) => ({
    ...group,
    fields: group.fields.filter((field) => field.key !== key),
  })),
});

function insertField(design: FormDesign, field: FormFieldDesign, to: FieldPosition): FormDesign {
  const groupIndex = Math.min(Math.max(to.group, 0), design.groups.length - 1);
  return {
    ...design,
    groups: design.groups.map((group, index) => {
      if (index !== groupIndex) return group;
      const fields = [...group.fields];
      fields.splice(Math.min(Math.max(to.index, 0), fields.length), 0, field);
      return { ...group, fields };
    }),
  };
}

/** Moving past the edge of a group enters the next (or previous) group. */
function stepTarget(design: FormDesign, from: FieldPosition, step: -1 | 1): FieldPosition | null {
  const size = design.groups[from.group]?.fields.length ?? 0;
  const index = from.index + step;
  if (index >= 0 && index < size) return { group: from.group, index };
  const group = from.group + step;
  if (group < 0 || group >= design.groups.length) return null;
  return { group, index: step === 1 ? 0 : (design.groups[group]?.fields.length ?? 0) };
}

function moveField(design: FormDesign, key: string, to: FieldPosition): FormDesign {
  const field = fieldDesignOf(design, key);
  const from = positionOf(design, key);
  if (!field || !from) return design;
  // Removing the field first shifts the later positions of its own group by one.
  const shifted = from.group === to.group && from.index < to.index ? to.index - 1 : to.index;
  return insertField(withoutField(design, key), field, { group: to.group, index: shifted });
}

/** Edits of the form design; pure, so that every change is a value the preview compiles. */
export function designReducer(design: FormDesign, action: DesignAction): FormDesign {
  switch (action.type) {
    case 'reset':
      return action.design;
    case 'setLayout':
      return { ...design, layout: action.layout };
    case 'setTexts':
      return { ...design, ...action.texts };
    case 'addField': {
      if (positionOf(design, action.key)) return design;
      const last = design.groups.length - 1;
      const to = action.to ?? { group: last, index: design.groups[last]?.fields.length ?? 0 };
      return insertField(design, { key: action.key }, to);
    }
    case 'removeField':
      return withoutField(design, action.key);
    case 'moveField':
      return moveField(design, action.key, action.to);
    case 'moveFieldBy': {
      const from = positionOf(design, action.key);
      const target = from && stepTarget(design, from, action.step);
      if (!from || !target) return design;
      const to =
        target.group === from.group && action.step === 1
          ? { ...target, index: target.index + 1 }
          : target;
      return moveField(design, action.key, to);
    }
    case 'updateField':
      return {
        ...design,
        groups: design.groups.map((group) => ({
          ...group,
          fields: group.fields.map((field) =>
            field.key === action.key ? cleanField({ ...field, ...action.patch }) : field,
          ),
        })),
      };
    case 'addGroup':
      return {
        ...design,
        groups: [...design.groups, { id: action.id, title: action.title, fields: [] }],
      };
    case 'renameGroup':
      return {
        ...design,
        groups: design.groups.map((group) =>
          group.id === action.id ? { ...group, title: action.title } : group,
        ),
      };
    case 'removeGroup':
      return removeGroup(design, action.id);
  }
}

/** The fields of a removed group join the group before it (or after it, for the first). */
function removeGroup(design: FormDesign, id: string): FormDesign {
  const index = design.groups.findIndex((group) => group.id === id);
  const removed = design.groups[index];
  if (!removed || design.groups.length === 1) return design;
  const heir = index === 0 ? 1 : index - 1;
  return {
    ...design,
    groups: design.groups
      .map((group, at) =>
        at === heir
          ? {
              ...group,
              fields:
                heir < index
                  ? [...group.fields, ...removed.fields]
                  : [...removed.fields, ...group.fields],
            }
          : group,
      )
      .filter((group) => group.id !== id),
  };
}

/** Unset settings leave the design (an empty label means "the field's name"). */
function cleanField(field: FormFieldDesign): FormFieldDesign {
  return Object.fromEntries(
    Object.entries(field).filter(
      ([name, value]) =>
        value !== undefined && value !== '' && value !== null && !(name === 'required' && !value),
    ),
  ) as FormFieldDesign;
}

export function newGroupId(design: FormDesign): string {
  let number = design.groups.length + 1;
  while (design.groups.some((group) => group.id === `group_${number}`)) number += 1;
  return `group_${number}`;
}
