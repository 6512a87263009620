import type { Expression, ParseError, UnaryTests } from './feel/ast.js';
import { toFeelValue } from './feel/convert.js';
import { parseExpression } from './feel/parse-expression.js';
import { parseUnaryTests } from './feel/parse-unary-tests.js';
import type { FeelValue } from './feel/values.js';
import { assignRuleIds } from './rule-ids.js';
import type { DecisionTable, TableMessage } from './table.js';

export interface CompiledRule {
  index: number;
  id: string;
  disabled: boolean;
  /** One per input; undefined where the cell does not parse (the rule then never matches). */
  when: (UnaryTests | undefined)[];
  then: (Expression | undefined)[];
}

export interface CompiledTable {
  table: DecisionTable;
  rules: CompiledRule[];
  /** Allowed values per output, as FEEL values (empty: any value). */
  outputValues: FeelValue[][];
  defaults: FeelValue[];
  /** Cells that do not parse, and rows of the wrong length. */
  errors: TableMessage[];
}

const cache = new WeakMap<DecisionTable, CompiledTable>();

function cellError(path: string, ruleId: string, cell: string, error: ParseError): TableMessage {
  return {
    code: 'invalid_cell',
    path,
    ruleId,
    message: `${error.message} in ${JSON.stringify(cell)}`,
  };
}

/** Parses every cell once. Tables are treated as immutable: the result is cached per object. */
export function compileTable(table: DecisionTable): CompiledTable {
  const cached = cache.get(table);
  if (cached) return cached;
  const errors: TableMessage[] = [];
  const rules = assignRuleIds(table.rules).map((rule, index): CompiledRule => {
    const path = `/rules/${index}`;
    if (rule.when.length !== table.inputs.length)
      errors.push({
        code: 'row_length',
        path: `${path}/when`,
        ruleId: rule.id,
        message: `rule ${rule.id} has ${rule.when.length} input cells; the table has ${table.inputs.length} inputs`,
      });
    if (rule.then.length !== table.outputs.length)
      errors.push({
        code: 'row_length',
        path: `${path}/then`,
        ruleId: rule.id,
        message: `rule ${rule.id} has ${rule.then.length} output cells; the table has ${table.outputs.length} outputs`,
      });
    const when = table.inputs.map((_input, column) => {
      const cell = rule.when[column] ?? '-';
      const parsed = parseUnaryTests(cell);
      if (parsed.ok) return parsed.value;
      errors.push(cellError(`${path}/when/${column}`, rule.id, cell, parsed.error));
      return undefined;
    });
    const then = table.outputs.map((_output, column) => {
      const cell = rule.then[column] ?? 'null';
      const parsed = parseExpression(cell);
      if (parsed.ok) return parsed.value;
      errors.push(cellError(`${path}/then/${column}`, rule.id, cell, parsed.error));
      return undefined;
    });
    return { index, id: rule.id, disabled: rule.disabled === true, when, then };
  });
  const compiled: CompiledTable = {
    table,
    rules,
    outputValues: table.outputs.map((output) =>
      (output.values ?? []).map((value) => toFeelValue(value, output.type)),
    ),
    defaults: table.outputs.map((output) => toFeelValue(output.default ?? null, output.type)),
    errors,
  };
  cache.set(table, compiled);
  return compiled;
}
