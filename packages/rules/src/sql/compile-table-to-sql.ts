import type { ClassifierDefinition, HitPolicy } from '@formwork/definitions';
import { parseExpression } from '../feel/parse-expression.js';
import { parseUnaryTests } from '../feel/parse-unary-tests.js';
import { assignRuleIds } from '../rule-ids.js';
import {
  compileExpressionToSql,
  compileUnaryTestsToSql,
  type SqlColumn,
} from './compile-cells-to-sql.js';
import { valueText, type SqlError } from './compile-filter-to-sql.js';
import {
  checkEntity,
  chunkClauses,
  compileInputsToSql,
  type ChunkFilter,
} from './compile-inputs-to-sql.js';
import {
  CAST_OF,
  isNumberKind,
  kindOfField,
  SqlParameters,
  type SqlKind,
  type SqlSchemaInfo,
} from './sql-schema.js';

export interface CompileTableToSqlOptions {
  /** Only the records whose ids are in an array parameter (`$n::uuid[]`, see `slots.ids`). */
  idsParameter?: boolean;
  /** Keyset chunks: `id > $after ORDER BY id LIMIT $limit` (see `slots`; a null `after` starts). */
  keyset?: boolean;
  /** The instant windows end at, as a parameter; `now()` when absent. */
  asOf?: string | Date;
}

/** 1-based positions in `values` the caller fills for each run (see `bindChunk`). */
export interface SqlSlots {
  ids?: number;
  after?: number;
  limit?: number;
}

export interface CompiledTableSql {
  /** One statement; empty when there are errors. */
  text: string;
  values: unknown[];
  slots: SqlSlots;
  /**
   * Result columns: `id`, `row_version` (the record's version), one `in_<key>` per input, `matched_rules` (text[], rule order), one
   * `out_<field>` per output (jsonb lists for COLLECT, RULE_ORDER and OUTPUT_ORDER), `conflict`
   * (the matched rule ids when UNIQUE or ANY cannot pick: outputs are null, do not apply them)
   * and `errors` (ids of matched rules whose outputs failed, e.g. division by zero).
   */
  columns: { inputs: Record<string, string>; outputs: Record<string, string> };
  /** What cannot compile, with JSON Pointers into the classifier. Never thrown. */
  errors: SqlError[];
}

const LIST_POLICIES: readonly HitPolicy[] = ['COLLECT', 'RULE_ORDER', 'OUTPUT_ORDER'];
/** Policies classified with one CASE in rule order (no row per hit). */
const DIRECT_POLICIES: readonly HitPolicy[] = ['FIRST', 'UNIQUE'];
const AGGREGATE_POLICIES: readonly HitPolicy[] = [
  'COLLECT_SUM',
  'COLLECT_MIN',
  'COLLECT_MAX',
  'COLLECT_COUNT',
];

interface OutputPlan {
  field: string;
  kind: SqlKind;
  cast: string;
  /** The select options, for PRIORITY and OUTPUT_ORDER; empty: no ranking. */
  options: readonly string[];
  default: string;
}

interface RulePlan {
  n: number;
  condition: string;
  outputs: string[];
  fails: string;
}

/** Fills the chunk slots of a compiled statement: the values to run it with. */
export function bindChunk(
  compiled: Pick<CompiledTableSql, 'values' | 'slots'>,
  chunk: { ids?: readonly string[]; after?: string | null; limit?: number },
): unknown[] {
  const values = [...compiled.values];
  const { ids, after, limit } = compiled.slots;
  if (ids !== undefined) values[ids - 1] = chunk.ids ?? [];
  if (after !== undefined) values[after - 1] = chunk.after ?? null;
  if (limit !== undefined) values[limit - 1] = chunk.limit ?? 1000;
  return values;
}

class TableSqlCompiler {
  private readonly parameters = new SqlParameters();
  private readonly errors: SqlError[] = [];
  private readonly slots: SqlSlots = {};

  constructor(
    private readonly classifier: ClassifierDefinition,
    private readonly schema: SqlSchemaInfo,
    private readonly options: CompileTableToSqlOptions,
  ) {}

  compile(): CompiledTableSql {
    const { classifier } = this;
    const entity = checkEntity(this.schema, classifier.entity, '/entity', this.errors);
    const empty = { inputs: {}, outputs: {} };
    if (!entity) return this.result('', empty);
    let asOfSql: string | undefined;
    const { asOf: instant } = this.options;
    // A parameter only when a window uses it (an unused one has no type PostgreSQL can infer).
    const asOf = () =>
      (asOfSql ??=
        instant === undefined
          ? 'now()'
          : this.parameters.add(
              instant instanceof Date ? instant.toISOString() : instant,
              'timestamptz',
            ));
    const chunk = this.chunk();
    const inputs = compileInputsToSql(
      classifier,
      this.schema,
      entity,
      this.parameters,
      this.errors,
      {
        asOf,
        chunk,
      },
    );
    const columnsOf = (alias: string) =>
      new Map<string, SqlColumn>(
        [...inputs.columns].map(([key, column]) => [
          key,
          { sql: `${alias}.${column.name}`, kind: column.kind },
        ]),
      );
    const outputs = classifier.outputs.map((output, index) =>
      this.output(output, index, entity.fields),
    );
    const withIds = assignRuleIds(classifier.rules);
    const ruleIds = withIds.map((rule) => rule.id);
    const rules = withIds.flatMap((rule, index) =>
      this.rule(rule, index, columnsOf('x'), columnsOf('h'), outputs),
    );
    if (this.errors.length > 0 || outputs.some((output) => output === undefined))
      return this.result('', empty);
    const plans = outputs as OutputPlan[];
    const direct = DIRECT_POLICIES.includes(classifier.hitPolicy);
    // A parameter only when the statement uses it (one left unused has no type PostgreSQL can infer).
    const idsParameter = direct && rules.length === 0 ? '' : this.parameters.add(ruleIds, 'text[]');
    const ctes = [
      ...inputs.ctes,
      `hits AS (\n  SELECT x.*${rules.map((rule) => `,\n    ${rule.condition} AS m_${rule.n}`).join('')}\n  FROM ${inputs.from} x\n)`,
      ...(direct ? [] : [this.hitRows(rules, plans), ...this.summary(plans, idsParameter)]),
    ];
    const restrict = inputs.chunkPending ? chunkClauses('h', chunk) : { where: [], tail: '' };
    const inputColumns = Object.fromEntries(
      classifier.inputs.map((input) => [input.key, `in_${input.key}`]),
    );
    const outputColumns = Object.fromEntries(
      plans.map((plan) => [plan.field, `out_${plan.field}`]),
    );
    const results = direct
      ? this.directResults(rules, plans, idsParameter)
      : [
          `COALESCE(s.matched, '{}'::text[]) AS matched_rules`,
          ...plans.map(
            (plan, column) => `${this.outputValue(plan, column)} AS "out_${plan.field}"`,
          ),
          `${this.conflict()} AS conflict`,
          's.failed AS errors',
        ];
    const select = [
      'h.id',
      'h.row_version',
      ...classifier.inputs.map((input) => `h."in_${input.key}"`),
      ...results,
    ];
    const picks = this.picks();
    const joins = direct
      ? ''
      : `\nLEFT JOIN summary s ON s.id = h.id${picks ? '\nLEFT JOIN picked p ON p.id = h.id' : ''}`;
    const text = [
      `WITH ${ctes.join(',\n')}`,
      `SELECT ${select.join(',\n  ')}`,
      `FROM hits h${joins}`,
      ...(restrict.where.length > 0 ? [`WHERE ${restrict.where.join(' AND ')}`] : []),
      restrict.tail ? restrict.tail.trim() : 'ORDER BY h.id',
    ].join('\n');
    return this.result(text, { inputs: inputColumns, outputs: outputColumns });
  }

  private result(text: string, columns: CompiledTableSql['columns']): CompiledTableSql {
    return {
      text: this.errors.length > 0 ? '' : text,
      values: this.parameters.values,
      slots: this.slots,
      columns,
      errors: this.errors,
    };
  }

  private chunk(): ChunkFilter {
    const chunk: ChunkFilter = {};
    if (this.options.idsParameter) {
      const slot = this.parameters.slot();
      this.slots.ids = slot;
      chunk.ids = (id) => `${id} = ANY($${slot}::uuid[])`;
    }
    if (this.options.keyset) {
      const after = this.parameters.slot();
      const limit = this.parameters.slot();
      this.slots.after = after;
      this.slots.limit = limit;
      chunk.after = (id) => `($${after}::uuid IS NULL OR ${id} > $${after}::uuid)`;
      chunk.limit = `$${limit}::int`;
    }
    return chunk;
  }

  private output(
    output: ClassifierDefinition['outputs'][number],
    index: number,
    fields: SqlSchemaInfo['entities'][string]['fields'],
  ): OutputPlan | undefined {
    const path = `/outputs/${index}`;
    const field = fields[output.field];
    const listPolicy = LIST_POLICIES.includes(this.classifier.hitPolicy);
    const kind = field
      ? (kindOfField(field.type) ??
        (listPolicy && field.type === 'multiselect' ? 'text' : undefined))
      : undefined;
    if (!field || !kind) {
      this.errors.push({
        path: `${path}/field`,
        message: field
          ? `${field.type} fields cannot be outputs of a ${this.classifier.hitPolicy} table`
          : `there is no field ${output.field} in ${this.classifier.entity}`,
      });
      return undefined;
    }
    const policy = this.classifier.hitPolicy;
    const refuse = (message: string) => {
      this.errors.push({ path: `${path}/field`, message });
      return undefined;
    };
    if ((policy === 'COLLECT_SUM' || policy === 'COLLECT_COUNT') && !isNumberKind(kind))
      return refuse(`${policy} needs a number output; ${output.field} is a ${field.type} field`);
    if ((policy === 'COLLECT_MIN' || policy === 'COLLECT_MAX') && kind === 'boolean')
      return refuse(`${policy} cannot order booleans`);
    const cast = CAST_OF[kind];
    let fallback = `NULL::${cast}`;
    if (output.default !== undefined && output.default !== null) {
      const text = valueText(kind, output.default);
      if (text === undefined)
        this.errors.push({ path: `${path}/default`, message: `must be a ${kind} value` });
      else fallback = this.parameters.add(text, cast);
    }
    const ranked = policy === 'PRIORITY' || policy === 'OUTPUT_ORDER';
    return {
      field: output.field,
      kind,
      cast,
      options: ranked && kind === 'text' ? (field.options ?? []) : [],
      default: fallback,
    };
  }

  private rule(
    rule: ClassifierDefinition['rules'][number],
    index: number,
    cellColumns: Map<string, SqlColumn>,
    outputColumns: Map<string, SqlColumn>,
    outputs: (OutputPlan | undefined)[],
  ): RulePlan[] {
    if (rule.disabled) return [];
    const path = `/rules/${index}`;
    const conditions: string[] = [];
    let ok = true;
    this.classifier.inputs.forEach((input, column) => {
      const cell = rule.when[column] ?? '-';
      const parsed = parseUnaryTests(cell);
      const at = `${path}/when/${column}`;
      if (!parsed.ok) {
        this.errors.push({ path: at, message: parsed.error.message });
        ok = false;
        return;
      }
      const sqlColumn = cellColumns.get(input.key);
      if (!sqlColumn) {
        ok = false; // the input itself did not compile; its error is reported already
        return;
      }
      const compiled = compileUnaryTestsToSql(
        parsed.value,
        sqlColumn,
        cellColumns,
        this.parameters,
      );
      if (compiled === undefined) return;
      if (!compiled.ok) {
        this.errors.push({ path: at, message: compiled.message });
        ok = false;
      } else conditions.push(compiled.sql);
    });
    const values: string[] = [];
    const fails: string[] = [];
    this.classifier.outputs.forEach((_output, column) => {
      const plan = outputs[column];
      const cell = rule.then[column] ?? 'null';
      const at = `${path}/then/${column}`;
      const parsed = parseExpression(cell);
      if (!parsed.ok) {
        this.errors.push({ path: at, message: parsed.error.message });
        ok = false;
        return;
      }
      const compiled = compileExpressionToSql(parsed.value, outputColumns, this.parameters);
      if (!compiled.ok) {
        this.errors.push({ path: at, message: compiled.message });
        ok = false;
        return;
      }
      if (!plan) return;
      const fits =
        compiled.kind === null ||
        compiled.kind === plan.kind ||
        (isNumberKind(compiled.kind) && isNumberKind(plan.kind));
      if (!fits) {
        this.errors.push({
          path: at,
          message: `gives a ${compiled.kind} value, but ${plan.field} holds ${plan.kind} values`,
        });
        ok = false;
        return;
      }
      values.push(
        compiled.kind === null
          ? `NULL::${plan.cast}`
          : compiled.kind === plan.kind
            ? compiled.sql
            : `(${compiled.sql})::${plan.cast}`,
      );
      if (compiled.fails !== 'false') fails.push(compiled.fails);
    });
    if (!ok) return [];
    return [
      {
        n: index + 1,
        condition: conditions.length > 0 ? conditions.join('\n      AND ') : 'true',
        outputs: values,
        fails: fails.length > 0 ? `COALESCE(${fails.join(' OR ')}, false)` : 'false',
      },
    ];
  }

  /**
   * FIRST and UNIQUE need no row per hit: the matched flags give the rule ids, and one CASE in
   * rule order the outputs (as hand-written SQL would classify).
   */
  private directResults(rules: RulePlan[], outputs: OutputPlan[], ruleIds: string): string[] {
    const idOf = (rule: RulePlan) => `(${ruleIds})[${rule.n}]`;
    const listOf = (pick: (rule: RulePlan) => string) =>
      rules.length === 0
        ? `'{}'::text[]`
        : `array_remove(ARRAY[${rules.map((rule) => `CASE WHEN ${pick(rule)} THEN ${idOf(rule)} END`).join(', ')}], NULL)`;
    const matched = listOf((rule) => `h.m_${rule.n}`);
    const hits =
      rules.length === 0 ? '0' : `(${rules.map((rule) => `h.m_${rule.n}::int`).join(' + ')})`;
    const unique = this.classifier.hitPolicy === 'UNIQUE';
    const value = (plan: OutputPlan, column: number) => {
      const branches = rules.map((rule) => `WHEN h.m_${rule.n} THEN ${rule.outputs[column]}`);
      const conflict = unique && rules.length > 1 ? [`WHEN ${hits} > 1 THEN NULL`] : [];
      return `CASE ${[...conflict, ...branches].join(' ')} ELSE ${plan.default} END`;
    };
    const failing = rules.filter((rule) => rule.fails !== 'false');
    return [
      `${matched} AS matched_rules`,
      ...outputs.map((plan, column) =>
        rules.length === 0
          ? `${plan.default} AS "out_${plan.field}"`
          : `${value(plan, column)} AS "out_${plan.field}"`,
      ),
      `${unique && rules.length > 1 ? `CASE WHEN ${hits} > 1 THEN ${matched} END` : 'NULL::text[]'} AS conflict`,
      `${failing.length > 0 ? `NULLIF(${listOf((rule) => `h.m_${rule.n} AND ${rule.fails}`)}, '{}')` : 'NULL::text[]'} AS errors`,
    ];
  }

  /** One row per record and matched rule: its position, its output values, whether they failed. */
  private hitRows(rules: RulePlan[], outputs: OutputPlan[]): string {
    const names = ['n', 'hit', 'failed', ...outputs.map((_plan, column) => `o_${column}`)];
    const ranks = outputs.flatMap((plan, column) =>
      plan.options.length > 0
        ? [
            `COALESCE(array_position(${this.parameters.add(plan.options, 'text[]')}, r.o_${column}), ${plan.options.length + 1}) AS p_${column}`,
          ]
        : [],
    );
    const select = [
      'h.id',
      'h.row_version',
      'r.n',
      'r.failed',
      ...outputs.map((_plan, column) => `r.o_${column}`),
      ...ranks,
    ];
    if (rules.length === 0)
      return `hit_rows AS (\n  SELECT ${select.join(', ')}\n  FROM hits h\n  CROSS JOIN LATERAL (VALUES (0, false, false${outputs.map((plan) => `, NULL::${plan.cast}`).join('')})) AS r(${names.join(', ')})\n  WHERE false\n)`;
    const rows = rules.map(
      (rule) => `(${[String(rule.n), `h.m_${rule.n}`, rule.fails, ...rule.outputs].join(', ')})`,
    );
    return `hit_rows AS (\n  SELECT ${select.join(', ')}\n  FROM hits h\n  CROSS JOIN LATERAL (VALUES\n    ${rows.join(',\n    ')}\n  ) AS r(${names.join(', ')})\n  WHERE r.hit\n)`;
  }

  private priorityOrder(outputs: OutputPlan[], alias: string): string {
    return [
      ...outputs.flatMap((plan, column) =>
        plan.options.length > 0 ? [`${alias}.p_${column}`] : [],
      ),
      `${alias}.n`,
    ].join(', ');
  }

  private summary(outputs: OutputPlan[], ruleIds: string): string[] {
    const policy = this.classifier.hitPolicy;
    const id = `(${ruleIds})[r.n]`;
    const columns = [
      'r.id',
      'count(*) AS hits',
      `array_agg(${id} ORDER BY r.n) AS matched`,
      `array_agg(${id} ORDER BY r.n) FILTER (WHERE r.failed) AS failed`,
    ];
    const ctes: string[] = [];
    let join = '';
    if (this.picks()) {
      const order = policy === 'PRIORITY' ? this.priorityOrder(outputs, 'r') : 'r.n';
      ctes.push(
        `picked AS (\n  SELECT DISTINCT ON (r.id) r.id, r.n${outputs.map((_plan, column) => `, r.o_${column}`).join('')}\n  FROM hit_rows r\n  ORDER BY r.id, ${order}\n)`,
      );
    }
    if (policy === 'ANY') {
      columns.push(
        `bool_and(${outputs.map((_plan, column) => `r.o_${column} IS NOT DISTINCT FROM p.o_${column}`).join(' AND ')}) AS agree`,
      );
      join = '\n  JOIN picked p ON p.id = r.id';
    }
    if (LIST_POLICIES.includes(policy)) {
      const order = policy === 'OUTPUT_ORDER' ? this.priorityOrder(outputs, 'r') : 'r.n';
      outputs.forEach((_plan, column) =>
        columns.push(`array_agg(r.o_${column} ORDER BY ${order}) AS l_${column}`),
      );
    }
    if (AGGREGATE_POLICIES.includes(policy) && policy !== 'COLLECT_COUNT') {
      const fn = policy === 'COLLECT_SUM' ? 'sum' : policy === 'COLLECT_MIN' ? 'min' : 'max';
      outputs.forEach((plan, column) =>
        columns.push(
          `${fn}(r.o_${column}${plan.kind === 'text' && fn !== 'sum' ? ' COLLATE "C"' : ''}) AS a_${column}`,
        ),
      );
    }
    ctes.push(
      `summary AS (\n  SELECT ${columns.join(',\n    ')}\n  FROM hit_rows r${join}\n  GROUP BY r.id\n)`,
    );
    return ctes;
  }

  private picks(): boolean {
    return ['UNIQUE', 'FIRST', 'PRIORITY', 'ANY'].includes(this.classifier.hitPolicy);
  }

  /** An output by hit policy. No hit gives the default (for every policy, as in memory). */
  private outputValue(plan: OutputPlan, column: number): string {
    const policy = this.classifier.hitPolicy;
    const noHit = `s.hits IS NULL`;
    switch (policy) {
      case 'FIRST':
      case 'PRIORITY':
        return `CASE WHEN ${noHit} THEN ${plan.default} ELSE p.o_${column} END`;
      case 'UNIQUE':
        return `CASE WHEN ${noHit} THEN ${plan.default} WHEN s.hits > 1 THEN NULL ELSE p.o_${column} END`;
      case 'ANY':
        return `CASE WHEN ${noHit} THEN ${plan.default} WHEN NOT s.agree THEN NULL ELSE p.o_${column} END`;
      case 'COLLECT':
      case 'RULE_ORDER':
      case 'OUTPUT_ORDER':
        return `CASE WHEN ${noHit} THEN to_jsonb(${plan.default}) ELSE to_jsonb(s.l_${column}) END`;
      case 'COLLECT_SUM':
      case 'COLLECT_MIN':
      case 'COLLECT_MAX':
        return `CASE WHEN ${noHit} THEN ${plan.default} ELSE s.a_${column} END`;
      case 'COLLECT_COUNT':
        return `CASE WHEN ${noHit} THEN ${plan.default} ELSE s.hits::${plan.cast} END`;
    }
  }

  private conflict(): string {
    switch (this.classifier.hitPolicy) {
      case 'UNIQUE':
        return 'CASE WHEN s.hits > 1 THEN s.matched END';
      case 'ANY':
        return 'CASE WHEN NOT s.agree THEN s.matched END';
      default:
        return 'NULL::text[]';
    }
  }
}

/**
 * Compiles a classifier to one set-based, parameterised statement that classifies every live
 * record of its entity (or a chunk of them): CTEs for the inputs (`base`, one `agg_<key>` per
 * aggregate, `ranked`/`measured` for population measures), `hits` with one matched flag per
 * rule, `hit_rows` with one row per matched rule, then the hit policy over them. Rows agree with
 * `evaluateTable` on the same inputs. Never throws: problems come back in `errors`.
 */
export function compileTableToSql(
  classifier: ClassifierDefinition,
  schemaInfo: SqlSchemaInfo,
  options: CompileTableToSqlOptions = {},
): CompiledTableSql {
  return new TableSqlCompiler(classifier, schemaInfo, options).compile();
}
