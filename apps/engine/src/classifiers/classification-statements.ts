import type { Entity, Field } from '@formwork/definitions';
import type { CompiledTableSql } from '@formwork/rules';
import { quoteIdentifier, tableOf } from '../entities/physical-names.js';
import { castOf } from '../records/record-columns.js';

/** Why outputs were (re)computed; travels in the `classification_changed` event. */
export type ClassificationCause = 'on_change' | 'run' | 'schedule';

export interface ApplyTarget {
  app: string;
  entity: Entity;
  classifier: string;
  version: number;
  /** The compiled table: its result columns name inputs and outputs. */
  compiled: Pick<CompiledTableSql, 'columns'>;
}

/** A result row as every classification statement answers it. */
export interface ClassifiedRow {
  id: string;
  changed: boolean;
  conflict: string[] | null;
  errors: string[] | null;
  matched_rules: string[];
  outputs: Record<string, unknown>;
}

const literal = (text: string) => `'${text.replaceAll("'", "''")}'`;

function outputFields(target: ApplyTarget): { field: Field; column: string }[] {
  return Object.entries(target.compiled.columns.outputs).map(([key, column]) => {
    const field = target.entity.fields.find((candidate) => candidate.key === key);
    if (!field) throw new Error(`output ${key} is not a field of ${target.entity.key}`);
    return { field, column: quoteIdentifier(column) };
  });
}

/** `jsonb_build_object('a', x."in_a", …)` over the named result columns. */
function jsonObject(alias: string, columns: Record<string, string>): string {
  const pairs = Object.entries(columns).map(
    ([key, column]) => `${literal(key)}, ${alias}.${quoteIdentifier(column)}`,
  );
  return pairs.length > 0 ? `jsonb_build_object(${pairs.join(', ')})` : `'{}'::jsonb`;
}

/**
 * CTEs that write a classification result (the CTE `result`, one row per record) onto the
 * records: only rows whose outputs change are updated, without touching `version` (the user's
 * next If-Match still holds) and without `record_updated`; each change writes one
 * `classification_changed` event with the values before and after. With `guardVersion`, a
 * result is applied only to the record version it was computed from (batch runs: a newer
 * on-change result wins). `$base+1`… are the app, entity, classifier, version and cause.
 */
function applyCtes(target: ApplyTarget, base: number, guardVersion: boolean): string[] {
  const table = tableOf(target.app, target.entity.key);
  const outputs = outputFields(target);
  const column = (field: Field) => quoteIdentifier(field.key);
  const newValue = ({ field, column: out }: { field: Field; column: string }) =>
    `r.${out}::${castOf(field.type)}`;
  const differs = outputs
    .map((output) => `t.${column(output.field)} IS DISTINCT FROM ${newValue(output)}`)
    .join(' OR ');
  const p = (n: number) => `$${base + n}`;
  const before = Object.fromEntries(outputs.map(({ field }) => [field.key, field.key]));
  return [
    `applied AS (
  UPDATE ${table} t SET ${outputs.map((output) => `${column(output.field)} = ${newValue(output)}`).join(', ')}
    FROM result r
   WHERE t.id = r.id AND t.deleted_at IS NULL AND r.conflict IS NULL AND r.errors IS NULL
     ${guardVersion ? 'AND t.version = r.row_version ' : ''}AND (${differs})
  RETURNING t.id
)`,
    `previous AS (
  SELECT t.id, ${outputs.map(({ field }) => `t.${column(field)}`).join(', ')} FROM ${table} t
   WHERE t.id IN (SELECT id FROM applied)
)`,
    `changed_event AS (
  INSERT INTO formwork.events (type, app_key, entity_key, record_id, payload)
  SELECT 'classification_changed', ${p(1)}::text, ${p(2)}::text, b.id,
         jsonb_build_object('classifier', ${p(3)}::text, 'version', ${p(4)}::int, 'cause', ${p(5)}::text,
           'from', ${jsonObject('b', before)}, 'to', ${jsonObject('r', target.compiled.columns.outputs)},
           'rules', to_jsonb(r.matched_rules))
    FROM previous b JOIN result r ON r.id = b.id
)`,
  ];
}

const applyParameters = (target: ApplyTarget, cause: ClassificationCause) => [
  target.app,
  target.entity.key,
  target.classifier,
  target.version,
  cause,
];

/** The answer row of a statement over `result`: per record, its outputs and whether it changed. */
const resultSelect = (
  target: ApplyTarget,
) => `SELECT r.id, r.id IN (SELECT id FROM applied) AS changed, r.conflict, r.errors, r.matched_rules,
       ${jsonObject('r', target.compiled.columns.outputs)} AS outputs
  FROM result r`;

/**
 * On change: classifies the given records (the compiled statement with an ids parameter) and
 * writes the outputs, their events and each record's explanation, all in the caller's transaction.
 */
export function onChangeStatement(
  target: ApplyTarget,
  compiled: Pick<CompiledTableSql, 'text' | 'values'>,
): { text: string; values: unknown[] } {
  const base = compiled.values.length;
  const text = `WITH result AS (
${compiled.text}
), ${applyCtes(target, base, false).join(',\n')},
explained AS (
  INSERT INTO formwork.classifications AS c (app_key, classifier_key, record_id, classifier_version, inputs, matched_rules, outputs, at)
  SELECT $${base + 1}::text, $${base + 3}::text, r.id, $${base + 4}::int, ${jsonObject('r', target.compiled.columns.inputs)},
         r.matched_rules, ${jsonObject('r', target.compiled.columns.outputs)}, now()
    FROM result r
  ON CONFLICT (app_key, classifier_key, record_id) DO UPDATE SET classifier_version = EXCLUDED.classifier_version,
     inputs = EXCLUDED.inputs, matched_rules = EXCLUDED.matched_rules, outputs = EXCLUDED.outputs, at = EXCLUDED.at
)
${resultSelect(target)}`;
  return { text, values: [...compiled.values, ...applyParameters(target, 'on_change')] };
}

/** A run's results table, in the schema kept for them. */
export const runTableOf = (jobId: string) =>
  `formwork_runs.${quoteIdentifier(`fw_run_${jobId.replaceAll('-', '')}`)}`;

/** Computes every record's classification into a run's results table (one set-based statement). */
export function computeRunStatement(
  table: string,
  compiled: Pick<CompiledTableSql, 'text' | 'values'>,
): { text: string; values: unknown[] } {
  return {
    text: `CREATE UNLOGGED TABLE ${table} AS\n${compiled.text}`,
    values: compiled.values,
  };
}

/** Applies the next chunk of a run's results (keyset on id): answers what it saw and changed. */
export function applyChunkStatement(
  target: ApplyTarget,
  table: string,
  cause: ClassificationCause,
): { text: string; values: (after: string | null, limit: number) => unknown[] } {
  const text = `WITH result AS (
  SELECT * FROM ${table} WHERE $1::uuid IS NULL OR id > $1::uuid ORDER BY id LIMIT $2::int
), ${applyCtes(target, 2, true).join(',\n')}
SELECT (SELECT id FROM result ORDER BY id DESC LIMIT 1) AS last,
       (SELECT count(*) FROM result)::int AS seen,
       (SELECT count(*) FROM applied)::int AS changed,
       (SELECT count(*) FROM result WHERE conflict IS NOT NULL OR errors IS NOT NULL)::int AS conflicts`;
  return {
    text,
    values: (after, limit) => [after, limit, ...applyParameters(target, cause)],
  };
}

export { resultSelect as classifiedRowsSelect };
