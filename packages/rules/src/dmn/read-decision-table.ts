import type { HitPolicy } from '@formwork/definitions';
import { toJsonValue, type JsonValue } from '../feel/convert.js';
import { parseExpression } from '../feel/parse-expression.js';
import { parseUnaryTests } from '../feel/parse-unary-tests.js';
import type { DecisionTable, TableInput, TableOutput, TableRule } from '../table.js';
import type { DmnIssue, DmnItemDefinition } from './dmn-model.js';
import { resolveType } from './dmn-types.js';
import { attribute, childNamed, childrenNamed, textOf, type Element } from './xml.js';

export const FORMWORK_NAMESPACE = 'https://formwork.dev/dmn/extensions';

const HIT_POLICY_NAMES: Record<string, HitPolicy> = {
  UNIQUE: 'UNIQUE',
  FIRST: 'FIRST',
  PRIORITY: 'PRIORITY',
  ANY: 'ANY',
  COLLECT: 'COLLECT',
  'RULE ORDER': 'RULE_ORDER',
  'OUTPUT ORDER': 'OUTPUT_ORDER',
};

export interface ReadContext {
  ns: ReadonlySet<string>;
  items: readonly DmnItemDefinition[];
  path: string;
  errors: DmnIssue[];
  warnings: DmnIssue[];
}

/** `"A", "B"` → ['A', 'B']; undefined when the list is not plain literals. */
export function readValueList(source: string): JsonValue[] | undefined {
  if (source.trim() === '') return undefined;
  const parsed = parseUnaryTests(source, { allowNames: false });
  if (!parsed.ok) return undefined;
  const tests = parsed.value.kind === 'disjunction' ? parsed.value.tests : [parsed.value];
  const values: JsonValue[] = [];
  for (const test of tests) {
    if (test.kind !== 'compare' || test.op !== '=' || test.operand.kind !== 'literal')
      return undefined;
    values.push(toJsonValue(test.operand.value));
  }
  return values;
}

function readHitPolicy(element: Element, context: ReadContext): HitPolicy {
  const name = attribute(element, 'hitPolicy') ?? 'UNIQUE';
  const aggregation = attribute(element, 'aggregation');
  if (name === 'COLLECT' && aggregation) {
    const policy = `COLLECT_${aggregation}`;
    if (['COLLECT_SUM', 'COLLECT_MIN', 'COLLECT_MAX', 'COLLECT_COUNT'].includes(policy))
      return policy as HitPolicy;
  }
  const policy = HIT_POLICY_NAMES[name];
  if (policy) return policy;
  context.errors.push({
    element: `${context.path}/decisionTable`,
    message: `the hit policy ${name} is not supported`,
  });
  return 'UNIQUE';
}

function readInput(element: Element, index: number, context: ReadContext): TableInput {
  const expression = childNamed(element, 'inputExpression', context.ns);
  const key = textOf(childNamed(expression ?? element, 'text', context.ns)).trim();
  const path = `${context.path}/decisionTable/input[${index + 1}]`;
  if (!/^[^\s.][^.]*(\.[^.]+)*$/.test(key))
    context.errors.push({
      element: `${path}/inputExpression`,
      message: `the input expression ${JSON.stringify(key)} is not a name or a dotted path`,
    });
  const input: TableInput = { key };
  const label = attribute(element, 'label');
  if (label !== undefined) input.label = label;
  const typeRef = expression ? attribute(expression, 'typeRef') : undefined;
  const type = resolveType(typeRef, context.items);
  if (type) input.type = type;
  const values = childNamed(element, 'inputValues', context.ns);
  if (values) {
    const options = readValueList(textOf(childNamed(values, 'text', context.ns)));
    if (options) input.options = options;
    else
      context.warnings.push({
        element: `${path}/inputValues`,
        message: 'input values that are not a list of literals are ignored',
      });
  }
  return input;
}

function readOutput(
  element: Element,
  index: number,
  count: number,
  decision: { name: string; typeRef?: string },
  context: ReadContext,
): TableOutput {
  const path = `${context.path}/decisionTable/output[${index + 1}]`;
  const name = attribute(element, 'name') ?? (count === 1 ? decision.name : `output${index + 1}`);
  const output: TableOutput = { name };
  const label = attribute(element, 'label');
  if (label !== undefined) output.label = label;
  const typeRef = attribute(element, 'typeRef');
  const type = resolveType(typeRef, context.items);
  if (type) output.type = type;
  const valuesElement = childNamed(element, 'outputValues', context.ns);
  let values = valuesElement
    ? readValueList(textOf(childNamed(valuesElement, 'text', context.ns)))
    : undefined;
  if (valuesElement && !values)
    context.warnings.push({
      element: `${path}/outputValues`,
      message: 'output values that are not a list of literals are ignored',
    });
  if (!valuesElement)
    values = allowedValuesFromTypes(typeRef, name, count, decision.typeRef, context.items);
  if (values) output.values = values;
  const defaultElement = childNamed(element, 'defaultOutputEntry', context.ns);
  if (defaultElement) {
    const source = textOf(childNamed(defaultElement, 'text', context.ns));
    const parsed = parseExpression(source);
    if (parsed.ok && parsed.value.kind === 'literal')
      output.default = toJsonValue(parsed.value.value);
    else
      context.errors.push({
        element: `${path}/defaultOutputEntry`,
        message: `the default output entry ${JSON.stringify(source)} must be a literal`,
      });
  }
  return output;
}

/** An output without outputValues takes the allowed values of its item definition, if any. */
function allowedValuesFromTypes(
  typeRef: string | undefined,
  name: string,
  count: number,
  decisionTypeRef: string | undefined,
  items: readonly DmnItemDefinition[],
): JsonValue[] | undefined {
  const find = (ref: string | undefined) => items.find((item) => item.name === ref);
  const item = typeRef
    ? find(typeRef)
    : count === 1
      ? find(decisionTypeRef)
      : find(decisionTypeRef)?.components.find((component) => component.name === name);
  return item?.allowedValues ? readValueList(item.allowedValues) : undefined;
}

function readRule(
  element: Element,
  index: number,
  context: ReadContext,
  shape: { inputs: number; outputs: number },
): TableRule {
  const path = `${context.path}/decisionTable/rule[${index + 1}]`;
  const cells = (name: string) =>
    childrenNamed(element, name, context.ns).map((cell) =>
      textOf(childNamed(cell, 'text', context.ns)),
    );
  const rule: TableRule = { when: cells('inputEntry'), then: cells('outputEntry') };
  const id = attribute(element, 'id');
  if (id !== undefined) rule.id = id;
  const annotations = cells('annotationEntry').filter((entry) => entry !== '');
  if (annotations.length > 0) rule.description = annotations.join('\n');
  if (element.getAttributeNS(FORMWORK_NAMESPACE, 'disabled') === 'true') rule.disabled = true;
  if (rule.when.length !== shape.inputs || rule.then.length !== shape.outputs)
    context.errors.push({
      element: path,
      message: `the rule has ${rule.when.length} input and ${rule.then.length} output entries; the table has ${shape.inputs} inputs and ${shape.outputs} outputs`,
    });
  rule.when.forEach((cell, column) => {
    const parsed = parseUnaryTests(cell);
    if (!parsed.ok)
      context.errors.push({
        element: `${path}/inputEntry[${column + 1}]`,
        message: `${parsed.error.message} in ${JSON.stringify(cell)}: outside the supported FEEL subset`,
      });
  });
  rule.then.forEach((cell, column) => {
    const parsed = parseExpression(cell);
    if (!parsed.ok)
      context.errors.push({
        element: `${path}/outputEntry[${column + 1}]`,
        message: `${parsed.error.message} in ${JSON.stringify(cell)}: outside the supported FEEL subset`,
      });
  });
  return rule;
}

/** Reads a `decisionTable`; problems go into `context.errors` (the table is then unsupported). */
export function readDecisionTable(
  element: Element,
  decision: { id: string; name: string; typeRef?: string },
  context: ReadContext,
): DecisionTable {
  const { ns } = context;
  const inputs = childrenNamed(element, 'input', ns).map((input, index) =>
    readInput(input, index, context),
  );
  const outputElements = childrenNamed(element, 'output', ns);
  const outputs = outputElements.map((output, index) =>
    readOutput(output, index, outputElements.length, decision, context),
  );
  const rules = childrenNamed(element, 'rule', ns).map((rule, index) =>
    readRule(rule, index, context, { inputs: inputs.length, outputs: outputs.length }),
  );
  if (outputs.length === 0)
    context.errors.push({
      element: `${context.path}/decisionTable`,
      message: 'the table has no output',
    });
  return {
    id: decision.id,
    name: decision.name,
    hitPolicy: readHitPolicy(element, context),
    inputs,
    outputs,
    rules,
  };
}
