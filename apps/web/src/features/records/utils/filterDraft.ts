import {
  FILTER_OPERATORS,
  isCondition,
  OPERATORS_BY_TYPE,
  type Entity,
  type Field,
  type Filter,
  type FilterOperator,
} from '@formwork/definitions';

export interface ConditionDraft {
  uid: string;
  /** A field key or a relation path such as `customer.city`. */
  field: string;
  op: FilterOperator;
  value?: unknown;
}

/** What the filter builder edits: conditions joined by AND or by OR. */
export interface FilterDraft {
  combinator: 'and' | 'or';
  conditions: ConditionDraft[];
}

let lastUid = 0;
const nextUid = () => `c${++lastUid}`;

export function emptyCondition(): ConditionDraft {
  return { uid: nextUid(), field: '', op: 'eq' };
}

/** A filter as the builder shows it; null when it is nested deeper than the builder edits. */
export function filterToDraft(filter: Filter | undefined): FilterDraft | null {
  if (!filter) return { combinator: 'and', conditions: [] };
  const toConditions = (filters: Filter[]): ConditionDraft[] | null =>
    filters.every(isCondition)
      ? filters.map((condition) => ({ uid: nextUid(), ...condition }))
      : null;
  if (isCondition(filter)) return { combinator: 'and', conditions: toConditions([filter])! };
  if ('and' in filter) {
    const conditions = toConditions(filter.and);
    return conditions && { combinator: 'and', conditions };
  }
  if ('or' in filter) {
    const conditions = toConditions(filter.or);
    return conditions && { combinator: 'or', conditions };
  }
  return null;
}

export function isComplete(condition: ConditionDraft): boolean {
  const { field, op, value } = condition;
  if (!field.trim()) return false;
  switch (op) {
    case 'is_null':
      return typeof value === 'boolean';
    case 'in':
    case 'nin':
      return Array.isArray(value) && value.length > 0;
    case 'between':
      return (
        Array.isArray(value) && value.length === 2 && value.every((v) => v !== null && v !== '')
      );
    default:
      return value !== undefined && value !== null && value !== '';
  }
}

/** The filter sent to the engine: complete conditions only; undefined when there are none. */
export function draftToFilter(draft: FilterDraft): Filter | undefined {
  const conditions: Filter[] = draft.conditions
    .filter(isComplete)
    .map(({ field, op, value }) => ({ field: field.trim(), op, value }));
  if (conditions.length === 0) return undefined;
  if (conditions.length === 1) return conditions[0];
  return draft.combinator === 'and' ? { and: conditions } : { or: conditions };
}

export function countConditions(filter: Filter | undefined): number {
  if (!filter) return 0;
  if (isCondition(filter)) return 1;
  if ('and' in filter) return filter.and.reduce((sum, part) => sum + countConditions(part), 0);
  if ('or' in filter) return filter.or.reduce((sum, part) => sum + countConditions(part), 0);
  return countConditions(filter.not);
}

const activeFieldsOf = (entity: Entity | undefined): Field[] =>
  entity?.fields.filter((field) => !field.archived) ?? [];

/** The field a key or relation path (`customer.city`) ends at, following relations. */
export function resolvePath(
  path: string,
  entity: Entity | undefined,
  entities: readonly Entity[],
): Field | undefined {
  const parts = path.trim().split('.');
  let current = entity;
  let field: Field | undefined;
  for (const [index, part] of parts.entries()) {
    field = activeFieldsOf(current).find((candidate) => candidate.key === part);
    if (!field) return undefined;
    if (index < parts.length - 1) {
      if (field.type !== 'relation') return undefined;
      current = entities.find((candidate) => candidate.key === field!.target);
    }
  }
  return field;
}

/** Operators that make sense for a field; every operator for a path the UI cannot resolve. */
export function operatorsFor(field: Field | undefined): readonly FilterOperator[] {
  return field ? OPERATORS_BY_TYPE[field.type] : FILTER_OPERATORS;
}

/** The empty value an operator starts with. */
export function initialValue(op: FilterOperator): unknown {
  switch (op) {
    case 'is_null':
      return true;
    case 'in':
    case 'nin':
      return [];
    case 'between':
      return [null, null];
    default:
      return undefined;
  }
}

/** Field keys and one-step relation paths, for the field picker. */
export function fieldPathOptions(
  entity: Entity | undefined,
  entities: readonly Entity[],
): { path: string; label: string }[] {
  const options: { path: string; label: string }[] = [];
  for (const field of activeFieldsOf(entity)) {
    options.push({ path: field.key, label: field.name });
    if (field.type !== 'relation') continue;
    const target = entities.find((candidate) => candidate.key === field.target);
    for (const targetField of activeFieldsOf(target))
      options.push({
        path: `${field.key}.${targetField.key}`,
        label: `${field.name} › ${targetField.name}`,
      });
  }
  return options;
}
