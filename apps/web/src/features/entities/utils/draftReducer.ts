import type { FieldType } from '@formwork/definitions';
import {
  activeFields,
  canBeUnique,
  canHaveDefault,
  hasOptions,
  newField,
  nextUid,
  type DraftField,
  type EntityDraft,
} from './entityDraft';

export type DraftAction =
  | { type: 'reset'; draft: EntityDraft }
  | { type: 'setEntity'; patch: Partial<Pick<EntityDraft, 'key' | 'name' | 'description'>> }
  | { type: 'addField' }
  | { type: 'updateField'; uid: string; patch: Partial<Omit<DraftField, 'uid' | 'saved'>> }
  | { type: 'changeFieldType'; uid: string; fieldType: FieldType }
  /** Moves an active field one place up (-1) or down (+1) among the active fields. */
  | { type: 'moveField'; uid: string; delta: -1 | 1 }
  /** Moves an active field to the place of another (drag and drop). */
  | { type: 'moveFieldTo'; uid: string; beforeUid: string }
  | { type: 'removeField'; uid: string }
  | { type: 'restoreField'; uid: string }
  | { type: 'addIndex' }
  | { type: 'updateIndex'; uid: string; fields: string[] }
  | { type: 'removeIndex'; uid: string };

function mapField(
  draft: EntityDraft,
  uid: string,
  change: (field: DraftField) => DraftField,
): EntityDraft {
  return {
    ...draft,
    fields: draft.fields.map((field) => (field.uid === uid ? change(field) : field)),
  };
}

/** Puts the active fields in `order`, keeping archived fields after them. */
function withActiveOrder(draft: EntityDraft, order: DraftField[]): EntityDraft {
  return { ...draft, fields: [...order, ...draft.fields.filter((field) => field.archived)] };
}

function move(draft: EntityDraft, uid: string, delta: -1 | 1): EntityDraft {
  const order = activeFields(draft);
  const from = order.findIndex((field) => field.uid === uid);
  const to = from + delta;
  if (from < 0 || to < 0 || to >= order.length) return draft;
  const next = [...order];
  [next[from], next[to]] = [next[to]!, next[from]!];
  return withActiveOrder(draft, next);
}

function moveTo(draft: EntityDraft, uid: string, beforeUid: string): EntityDraft {
  const order = activeFields(draft);
  const moving = order.find((field) => field.uid === uid);
  const targetIndex = order.findIndex((field) => field.uid === beforeUid);
  if (!moving || targetIndex < 0 || uid === beforeUid) return draft;
  const rest = order.filter((field) => field.uid !== uid);
  // Dropped on a row below, the field lands after it; on a row above, before it.
  rest.splice(targetIndex, 0, moving);
  return withActiveOrder(draft, rest);
}

function changeType(field: DraftField, type: FieldType): DraftField {
  return {
    ...field,
    type,
    // A default of the old type would not fit the new one.
    default: canHaveDefault(type) && field.type === type ? field.default : undefined,
    unique: canBeUnique(type) && field.unique,
    options: hasOptions(type) && field.options.length === 0 ? [{ value: '' }] : field.options,
    target: type === 'relation' ? field.target : undefined,
  };
}

export function draftReducer(draft: EntityDraft, action: DraftAction): EntityDraft {
  switch (action.type) {
    case 'reset':
      return action.draft;
    case 'setEntity':
      return { ...draft, ...action.patch };
    case 'addField':
      return withActiveOrder(draft, [...activeFields(draft), newField()]);
    case 'updateField':
      return mapField(draft, action.uid, (field) => ({ ...field, ...action.patch }));
    case 'changeFieldType':
      return mapField(draft, action.uid, (field) => changeType(field, action.fieldType));
    case 'moveField':
      return move(draft, action.uid, action.delta);
    case 'moveFieldTo':
      return moveTo(draft, action.uid, action.beforeUid);
    case 'removeField': {
      const field = draft.fields.find((candidate) => candidate.uid === action.uid);
      if (!field) return draft;
      // A field never saved has no data: it simply goes; a saved one is archived.
      if (!field.saved)
        return { ...draft, fields: draft.fields.filter((other) => other.uid !== action.uid) };
      const rest = draft.fields.filter((other) => other.uid !== action.uid);
      return { ...draft, fields: [...rest, { ...field, archived: true }] };
    }
    case 'restoreField': {
      const field = draft.fields.find((candidate) => candidate.uid === action.uid);
      if (!field) return draft;
      return withActiveOrder(
        { ...draft, fields: draft.fields.filter((other) => other.uid !== action.uid) },
        [...activeFields(draft), { ...field, archived: false }],
      );
    }
    case 'addIndex':
      return { ...draft, indexes: [...draft.indexes, { uid: nextUid(), fields: [] }] };
    case 'updateIndex':
      return {
        ...draft,
        indexes: draft.indexes.map((index) =>
          index.uid === action.uid ? { ...index, fields: action.fields } : index,
        ),
      };
    case 'removeIndex':
      return { ...draft, indexes: draft.indexes.filter((index) => index.uid !== action.uid) };
  }
}
