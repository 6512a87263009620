import type { FieldType } from '@formwork/definitions';
import type { Expression, Operand, UnaryTests } from './feel/ast.js';
import { formatFeelValue, toFeelValue } from './feel/convert.js';
import { typeOfValue, valuesEqual, type FeelValue, type ValueType } from './feel/values.js';
import { findGaps, type GapColumn } from './check/find-gaps.js';
import { describeRange, intersectSets, valueSetOf, type ValueSet } from './check/value-sets.js';
import { compileTable, type CompiledRule } from './compile-table.js';
import type { DecisionTable, TableMessage } from './table.js';

/** What the editor knows about the entity: field types and select options, by input key. */
export interface CheckContext {
  fields?: Record<string, { type: FieldType; options?: readonly { value: string }[] }>;
  /** Names that cells may use as operands besides the inputs (the extension). */
  names?: readonly string[];
}

export interface CheckResult {
  errors: (TableMessage & { path: string })[];
  warnings: (TableMessage & { path: string })[];
}

/** The FEEL type of a Formwork field type. */
export function valueTypeOfField(type: FieldType): ValueType {
  switch (type) {
    case 'integer':
    case 'number':
    case 'money':
    case 'percent':
      return 'number';
    case 'boolean':
      return 'boolean';
    case 'date':
      return 'date';
    case 'datetime':
      return 'date and time';
    case 'multiselect':
    case 'file':
      return 'any';
    case 'text':
    case 'longtext':
    case 'select':
    case 'email':
    case 'phone':
    case 'url':
    case 'relation':
    case 'user':
      return 'string';
  }
}

interface Column {
  key: string;
  type?: ValueType;
  options?: FeelValue[];
}

function columnsOf(table: DecisionTable, context: CheckContext): Column[] {
  return table.inputs.map((input) => {
    const field = context.fields?.[input.key];
    const type = input.type ?? (field ? valueTypeOfField(field.type) : undefined);
    const rawOptions = input.options ?? field?.options?.map((option) => option.value);
    const column: Column = { key: input.key };
    if (type) column.type = type;
    if (rawOptions) column.options = rawOptions.map((option) => toFeelValue(option, type));
    return column;
  });
}

function literalsOf(tests: UnaryTests): Operand[] {
  switch (tests.kind) {
    case 'any':
    case 'null':
      return [];
    case 'compare':
      return [tests.operand];
    case 'interval':
      return [tests.low, tests.high];
    case 'disjunction':
    case 'not':
      return tests.tests.flatMap(literalsOf);
  }
}

function pathsOf(expression: Expression): string[][] {
  switch (expression.kind) {
    case 'literal':
      return [];
    case 'path':
      return [expression.path];
    case 'negate':
      return pathsOf(expression.operand);
    case 'arithmetic':
      return [...pathsOf(expression.left), ...pathsOf(expression.right)];
  }
}

const fits = (value: FeelValue, type: ValueType | undefined) =>
  value === null || !type || type === 'any' || typeOfValue(value) === type;

/**
 * Checks a table for the editor, without evaluating it: cells that do not parse, literals of the
 * wrong type or outside the allowed values, and for UNIQUE tables rules that overlap (errors) and
 * inputs no rule matches (warnings). Paths are JSON Pointers such as `/rules/3/when/1`.
 */
export function checkTable(table: DecisionTable, context: CheckContext = {}): CheckResult {
  const compiled = compileTable(table);
  const errors: CheckResult['errors'] = compiled.errors.map((error) => ({
    ...error,
    path: error.path ?? '',
  }));
  const warnings: CheckResult['warnings'] = [];
  const columns = columnsOf(table, context);
  const known = new Set([
    ...table.inputs.map((input) => input.key.split('.')[0] ?? ''),
    ...Object.keys(context.fields ?? {}),
    ...(context.names ?? []),
  ]);
  const active = compiled.rules.filter((rule) => !rule.disabled);

  for (const rule of compiled.rules) {
    rule.when.forEach((tests, index) => {
      const column = columns[index];
      if (!tests || !column) return;
      const path = `/rules/${rule.index}/when/${index}`;
      for (const operand of literalsOf(tests)) {
        if (operand.kind === 'path') {
          if (!known.has(operand.path[0] ?? ''))
            warnings.push({
              code: 'unknown_name',
              path,
              ruleId: rule.id,
              message: `${operand.path.join('.')} is not an input of this table`,
            });
          continue;
        }
        if (!fits(operand.value, column.type))
          errors.push({
            code: 'type_mismatch',
            path,
            ruleId: rule.id,
            message: `${formatFeelValue(operand.value)} is ${typeOfValue(operand.value) === 'string' ? 'text' : `a ${typeOfValue(operand.value)}`}, but ${column.key} is ${column.type === 'string' ? 'text' : `a ${column.type}`}`,
          });
        else if (
          column.options &&
          operand.value !== null &&
          !column.options.some((option) => valuesEqual(option, operand.value) === true)
        )
          errors.push({
            code: 'unknown_option',
            path,
            ruleId: rule.id,
            message: `${formatFeelValue(operand.value)} is not one of the options of ${column.key}: ${column.options.map(formatFeelValue).join(', ')}`,
          });
      }
    });
    rule.then.forEach((expression, index) => {
      const output = table.outputs[index];
      if (!expression || !output) return;
      const path = `/rules/${rule.index}/then/${index}`;
      for (const name of pathsOf(expression))
        if (!known.has(name[0] ?? ''))
          warnings.push({
            code: 'unknown_name',
            path,
            ruleId: rule.id,
            output: output.name,
            message: `${name.join('.')} is not an input of this table`,
          });
      if (expression.kind !== 'literal') return;
      const value = expression.value;
      const allowed = compiled.outputValues[index] ?? [];
      if (!fits(value, output.type))
        errors.push({
          code: 'type_mismatch',
          path,
          ruleId: rule.id,
          output: output.name,
          message: `${formatFeelValue(value)} is not a ${output.type} value for ${output.name}`,
        });
      else if (
        value !== null &&
        allowed.length > 0 &&
        !allowed.some((candidate) => valuesEqual(candidate, value) === true)
      )
        errors.push({
          code: 'output_not_allowed',
          path,
          ruleId: rule.id,
          output: output.name,
          message: `${formatFeelValue(value)} is not an allowed value of ${output.name}: ${allowed.map(formatFeelValue).join(', ')}`,
        });
    });
  }

  if (table.hitPolicy === 'UNIQUE') {
    const sets = active.map((rule) => setsOf(rule));
    errors.push(...findOverlaps(active, sets, columns));
    const decidable = active.filter((_rule, index) => sets[index] !== undefined);
    const { gaps, truncated } = findGaps(
      columns.map((column): GapColumn => ({
        name: column.key,
        ...(column.type ? { type: column.type } : {}),
        ...(column.options ? { options: column.options } : {}),
      })),
      decidable.map((rule) => setsOf(rule)?.map((set) => set) ?? []),
    );
    const fallback = table.outputs.every((output) => output.default !== undefined)
      ? 'the outputs take their defaults'
      : 'the outputs become null';
    for (const gap of gaps)
      warnings.push({
        code: 'gap',
        path: '/rules',
        message: `no rule matches when ${gap}: ${fallback}`,
      });
    if (truncated)
      warnings.push({
        code: 'gap',
        path: '/rules',
        message: 'more input combinations match no rule',
      });
  }
  return { errors, warnings };
}

/** Per column, the values a rule accepts (undefined inside: depends on other inputs). */
function setsOf(rule: CompiledRule): (ValueSet | undefined)[] | undefined {
  if (rule.when.some((tests) => tests === undefined)) return undefined;
  return rule.when.map((tests) => (tests ? valueSetOf(tests) : undefined));
}

function findOverlaps(
  rules: CompiledRule[],
  sets: ((ValueSet | undefined)[] | undefined)[],
  columns: Column[],
): CheckResult['errors'] {
  const errors: CheckResult['errors'] = [];
  for (let second = 1; second < rules.length; second += 1) {
    for (let first = 0; first < second; first += 1) {
      const a = sets[first];
      const b = sets[second];
      if (!a || !b) continue;
      const where: string[] = [];
      const overlapping = a.every((left, column) => {
        const right = b[column];
        if (!left || !right) return false;
        const common = intersectSets(left, right);
        if (!common) return false;
        const name = columns[column]?.key ?? String(column);
        if (common.null) where.push(`${name} is null`);
        else if (common.range && (common.range.low || common.range.high))
          where.push(describeRange(name, common.range));
        return true;
      });
      const firstRule = rules[first];
      const secondRule = rules[second];
      if (!overlapping || !firstRule || !secondRule) continue;
      errors.push({
        code: 'overlap',
        path: `/rules/${secondRule.index}`,
        ruleId: secondRule.id,
        message: `rules ${firstRule.id} and ${secondRule.id} both match when ${where.length > 0 ? where.join(' and ') : 'any input'}, but the hit policy is UNIQUE`,
      });
    }
  }
  return errors;
}
