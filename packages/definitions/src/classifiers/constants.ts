/** Hit policies of a decision table, as DMN names them (`COLLECT_SUM` is DMN's `COLLECT` with `SUM`). */
export const HIT_POLICIES = [
  'UNIQUE',
  'FIRST',
  'PRIORITY',
  'ANY',
  'COLLECT',
  'COLLECT_SUM',
  'COLLECT_MIN',
  'COLLECT_MAX',
  'COLLECT_COUNT',
  'RULE_ORDER',
  'OUTPUT_ORDER',
] as const;
export type HitPolicy = (typeof HIT_POLICIES)[number];

/** Hit policies whose output is a list of every hit rather than one value. */
export const LIST_HIT_POLICIES: readonly HitPolicy[] = ['COLLECT', 'RULE_ORDER', 'OUTPUT_ORDER'];

/** Aggregates over related records an input may compute. */
export const AGGREGATES = ['sum', 'count', 'min', 'max', 'avg'] as const;
export type Aggregate = (typeof AGGREGATES)[number];

/** Population measures: they rank a record among every record of the entity. */
export const MEASURES = ['percent_rank', 'cume_share', 'ntile'] as const;
export type Measure = (typeof MEASURES)[number];

export const MEASURE_ORDERS = ['asc', 'desc'] as const;
export type MeasureOrder = (typeof MEASURE_ORDERS)[number];

/** `on_change`, `manual`, or `schedule:<cron>` (five or six cron fields). */
export const TRIGGER_KINDS = ['on_change', 'manual', 'schedule'] as const;
export type ClassifierTrigger = 'on_change' | 'manual' | `schedule:${string}`;
