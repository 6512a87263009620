/** Every field type an entity can have, with how it behaves. One list for the designer and the engine. */
export const FIELD_TYPES = [
  'text',
  'longtext',
  'integer',
  'number',
  'money',
  'percent',
  'boolean',
  'date',
  'datetime',
  'select',
  'multiselect',
  'email',
  'phone',
  'url',
  'relation',
  'user',
  'file',
] as const;
export type FieldType = (typeof FIELD_TYPES)[number];

export const NUMERIC_FIELD_TYPES: readonly FieldType[] = ['integer', 'number', 'money', 'percent'];
export const TEXT_FIELD_TYPES: readonly FieldType[] = [
  'text',
  'longtext',
  'email',
  'phone',
  'url',
  'select',
];
export const REFERENCE_FIELD_TYPES: readonly FieldType[] = ['relation', 'user'];

/** Keys the engine owns on every record. */
export const SYSTEM_FIELDS = [
  'id',
  'version',
  'created_at',
  'updated_at',
  'created_by',
  'owner_id',
  'deleted_at',
] as const;
export type SystemField = (typeof SYSTEM_FIELDS)[number];

export const isSystemField = (key: string): key is SystemField =>
  (SYSTEM_FIELDS as readonly string[]).includes(key);

/** Filter operators, and which field types accept them. */
export const FILTER_OPERATORS = [
  'eq',
  'ne',
  'lt',
  'lte',
  'gt',
  'gte',
  'in',
  'nin',
  'contains',
  'starts',
  'between',
  'is_null',
] as const;
export type FilterOperator = (typeof FILTER_OPERATORS)[number];

const COMPARISONS: FilterOperator[] = ['eq', 'ne', 'lt', 'lte', 'gt', 'gte', 'in', 'nin'];
const ORDERED: FilterOperator[] = [...COMPARISONS, 'between', 'is_null'];
const TEXTUAL: FilterOperator[] = [...COMPARISONS, 'contains', 'starts', 'is_null'];
const EQUALITY: FilterOperator[] = ['eq', 'ne', 'in', 'nin', 'is_null'];

export const OPERATORS_BY_TYPE: Record<FieldType, readonly FilterOperator[]> = {
  text: TEXTUAL,
  longtext: ['contains', 'starts', 'eq', 'ne', 'is_null'],
  email: TEXTUAL,
  phone: TEXTUAL,
  url: TEXTUAL,
  select: EQUALITY,
  multiselect: ['contains', 'is_null'],
  integer: ORDERED,
  number: ORDERED,
  money: ORDERED,
  percent: ORDERED,
  date: ORDERED,
  datetime: ORDERED,
  boolean: ['eq', 'ne', 'is_null'],
  relation: EQUALITY,
  user: EQUALITY,
  file: ['is_null'],
};
