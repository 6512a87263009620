import { toFeelValue } from '../feel/convert.js';
import { evaluateExpression, type Scope } from '../feel/evaluate.js';
import type { FeelValue } from '../feel/values.js';
import { evaluateTableValues } from '../evaluate-table.js';
import type { TableMessage } from '../table.js';
import type { DmnModel } from './dmn-model.js';
import { resolveType } from './dmn-types.js';

export interface DecisionResult {
  value: FeelValue;
  /** Problems of this decision and of the decisions it requires. */
  errors: TableMessage[];
  warnings: TableMessage[];
}

/**
 * Evaluates one decision of a model: first the decisions it requires (each once), then its own
 * logic over the input data and their results. `inputs` maps input data names to values (plain
 * values are read with the input data's type); a missing input is null.
 */
export function evaluateDecision(
  model: DmnModel,
  decisionName: string,
  inputs: Readonly<Record<string, unknown>>,
): DecisionResult {
  const values = new Map<string, FeelValue>();
  for (const input of model.inputData)
    values.set(
      input.name,
      toFeelValue(inputs[input.name] ?? null, resolveType(input.typeRef, model.itemDefinitions)),
    );
  for (const [name, value] of Object.entries(inputs))
    if (!values.has(name)) values.set(name, toFeelValue(value));
  const results = new Map<string, DecisionResult>();
  const visiting = new Set<string>();

  const evaluate = (name: string): DecisionResult => {
    const done = results.get(name);
    if (done) return done;
    const decision = model.decisions.find((candidate) => candidate.name === name);
    const fail = (message: string): DecisionResult => ({
      value: null,
      errors: [{ code: 'decision', message: `${name}: ${message}` }],
      warnings: [],
    });
    if (!decision) return fail('there is no such decision in the model');
    if (visiting.has(name)) return fail('it requires itself (a cycle of requirements)');
    if (decision.unsupported || !decision.logic)
      return fail(`cannot be evaluated: ${decision.unsupported ?? 'it has no logic'}`);
    visiting.add(name);
    const errors: TableMessage[] = [];
    const warnings: TableMessage[] = [];
    const scope = new Map(values);
    for (const required of decision.requiredDecisions) {
      const result = evaluate(required);
      errors.push(...result.errors);
      warnings.push(...result.warnings);
      scope.set(required, result.value);
    }
    const lookup: Scope = (key) => scope.get(key);
    let value: FeelValue = null;
    if (errors.length === 0) {
      if (decision.logic.kind === 'decisionTable') {
        const table = evaluateTableValues(decision.logic.table, lookup);
        errors.push(
          ...table.errors.map((error) => ({ ...error, message: `${name}: ${error.message}` })),
        );
        warnings.push(...table.warnings);
        value = table.result;
      } else {
        const result = evaluateExpression(decision.logic.expression, lookup);
        if (result.ok) value = result.value;
        else errors.push({ code: 'evaluation', message: `${name}: ${result.message}` });
      }
    }
    visiting.delete(name);
    const result = { value: errors.length > 0 ? null : value, errors, warnings };
    results.set(name, result);
    return result;
  };
  return evaluate(decisionName);
}
