import { compileTable, type CompiledTable } from './compile-table.js';
import { formatFeelValue, toFeelValue, toJsonValue, type JsonValue } from './feel/convert.js';
import { evaluateExpression, matchesUnaryTests, resolvePath, type Scope } from './feel/evaluate.js';
import { feelContext, valuesEqual, type FeelValue } from './feel/values.js';
import { applyHitPolicy, type Hit, type PolicyResult } from './hit-policies.js';
import type { DecisionTable, TableMessage } from './table.js';

export interface TableValuesResult {
  /** Output name → value (a list for COLLECT, RULE_ORDER and OUTPUT_ORDER). */
  outputs: Record<string, FeelValue>;
  /** The table's value as DMN defines it: one output's value, or a context of all outputs. */
  result: FeelValue;
  /** Every rule that matched, in rule order. */
  matchedRules: string[];
  /** The rules whose outputs make the result (FIRST and PRIORITY pick one of the matched). */
  appliedRules: string[];
  warnings: TableMessage[];
  errors: TableMessage[];
}

export interface TableResult extends Omit<TableValuesResult, 'outputs' | 'result'> {
  outputs: Record<string, JsonValue>;
}

function readInput(compiled: CompiledTable, scope: Scope, column: number): FeelValue {
  const input = compiled.table.inputs[column];
  if (!input) return null;
  const direct = scope(input.key);
  const raw =
    direct !== undefined
      ? direct
      : resolvePath(
          input.key.split('.').map((part) => part.trim()),
          scope,
        );
  return input.type ? toFeelValue(raw, input.type) : raw;
}

function checkAllowed(compiled: CompiledTable, hit: Hit, errors: TableMessage[]) {
  hit.values.forEach((value, column) => {
    const allowed = compiled.outputValues[column] ?? [];
    if (value === null || allowed.length === 0) return;
    if (allowed.some((candidate) => valuesEqual(candidate, value) === true)) return;
    const output = compiled.table.outputs[column]?.name ?? String(column);
    errors.push({
      code: 'output_not_allowed',
      path: `/rules/${hit.index}/then/${column}`,
      ruleId: hit.ruleId,
      output,
      message: `rule ${hit.ruleId} gives ${output} the value ${formatFeelValue(value)}, which is not one of its allowed values`,
    });
  });
}

function shape(
  compiled: CompiledTable,
  policy: PolicyResult,
): { outputs: FeelValue[]; result: FeelValue; applied: Hit[] } {
  const { defaults } = compiled;
  const single = compiled.table.outputs.length === 1;
  const names = compiled.table.outputs.map((output) => output.name);
  const contextOf = (values: FeelValue[]) =>
    feelContext(Object.fromEntries(names.map((name, column) => [name, values[column] ?? null])));
  const asResult = (values: FeelValue[]) => (single ? (values[0] ?? null) : contextOf(values));
  const noHit = () => ({
    outputs: defaults,
    result:
      single || defaults.every((value) => value === null)
        ? (defaults[0] ?? null)
        : contextOf(defaults),
    applied: [],
  });
  switch (policy.kind) {
    case 'single':
      return policy.hit
        ? { outputs: policy.hit.values, result: asResult(policy.hit.values), applied: [policy.hit] }
        : noHit();
    case 'list':
      if (policy.hits.length === 0) return noHit();
      return {
        outputs: names.map((_name, column) => policy.hits.map((hit) => hit.values[column] ?? null)),
        result: policy.hits.map((hit) => asResult(hit.values)),
        applied: policy.hits,
      };
    case 'aggregate':
      if (policy.hits.length === 0) return noHit();
      return { outputs: policy.values, result: asResult(policy.values), applied: policy.hits };
  }
}

/**
 * Evaluates a table over FEEL values (the DMN evaluator and the TCK use this form): `scope` gives
 * each name's value. Never throws; problems are in `errors`.
 */
export function evaluateTableValues(table: DecisionTable, scope: Scope): TableValuesResult {
  const compiled = compileTable(table);
  const errors: TableMessage[] = [...compiled.errors];
  const warnings: TableMessage[] = [];
  const inputs = table.inputs.map((_input, column) => readInput(compiled, scope, column));
  const hits: Hit[] = [];
  for (const rule of compiled.rules) {
    if (rule.disabled) continue;
    const matches = rule.when.every(
      (tests, column) =>
        tests !== undefined && matchesUnaryTests(tests, inputs[column] ?? null, scope),
    );
    if (!matches) continue;
    const values = rule.then.map((expression, column): FeelValue => {
      if (!expression) return null;
      const evaluated = evaluateExpression(expression, scope);
      if (evaluated.ok) return evaluated.value;
      const output = table.outputs[column]?.name ?? String(column);
      errors.push({
        code: 'evaluation',
        path: `/rules/${rule.index}/then/${column}`,
        ruleId: rule.id,
        output,
        message: `rule ${rule.id}, output ${output}: ${evaluated.message}`,
      });
      return null;
    });
    hits.push({ ruleId: rule.id, index: rule.index, values });
  }
  hits.forEach((hit) => checkAllowed(compiled, hit, errors));
  const policy = applyHitPolicy(
    table.hitPolicy,
    hits,
    table.outputs.map((output) => output.name),
    compiled.outputValues,
  );
  errors.push(...policy.errors);
  warnings.push(...policy.warnings);
  const shaped =
    policy.errors.length > 0 && policy.kind === 'single'
      ? { outputs: table.outputs.map(() => null), result: null, applied: [] }
      : shape(compiled, policy);
  return {
    outputs: Object.fromEntries(
      table.outputs.map((output, column) => [output.name, shaped.outputs[column] ?? null]),
    ),
    result: shaped.result,
    matchedRules: hits.map((hit) => hit.ruleId),
    appliedRules: shaped.applied.map((hit) => hit.ruleId),
    warnings,
    errors,
  };
}

/**
 * Evaluates a table for one record: `input` maps input keys to plain values (numbers, decimal
 * strings, ISO dates…). Outputs come back as JSON values. Pure; never throws.
 */
export function evaluateTable(
  table: DecisionTable,
  input: Readonly<Record<string, unknown>>,
): TableResult {
  const types = new Map(table.inputs.map((column) => [column.key, column.type]));
  const converted = new Map<string, FeelValue>();
  const scope: Scope = (name) => {
    if (!Object.prototype.hasOwnProperty.call(input, name)) return undefined;
    if (!converted.has(name)) converted.set(name, toFeelValue(input[name], types.get(name)));
    return converted.get(name);
  };
  const { outputs, result: _result, ...rest } = evaluateTableValues(table, scope);
  return {
    outputs: Object.fromEntries(
      Object.entries(outputs).map(([name, value]) => [name, toJsonValue(value)]),
    ),
    ...rest,
  };
}
