import type { HitPolicy } from '@formwork/definitions';
import { addDecimals } from './feel/decimal.js';
import { formatFeelValue } from './feel/convert.js';
import { compareValues, feelNumber, isTagged, valuesEqual, type FeelValue } from './feel/values.js';
import type { TableMessage } from './table.js';

/** A rule that matched, with its evaluated output cells. */
export interface Hit {
  ruleId: string;
  index: number;
  values: FeelValue[];
}

export type PolicyResult =
  /** UNIQUE, FIRST, PRIORITY, ANY: one hit (or none). */
  | { kind: 'single'; hit: Hit | undefined; errors: TableMessage[]; warnings: TableMessage[] }
  /** COLLECT, RULE_ORDER, OUTPUT_ORDER: every hit, in the policy's order. */
  | { kind: 'list'; hits: Hit[]; errors: TableMessage[]; warnings: TableMessage[] }
  /** COLLECT_SUM/MIN/MAX/COUNT: one value per output, over every hit. */
  | {
      kind: 'aggregate';
      hits: Hit[];
      values: FeelValue[];
      errors: TableMessage[];
      warnings: TableMessage[];
    };

function priorityKey(hit: Hit, outputValues: FeelValue[][]): number[] {
  return outputValues.flatMap((allowed, column) => {
    if (allowed.length === 0) return [];
    const position = allowed.findIndex(
      (value) => valuesEqual(value, hit.values[column] ?? null) === true,
    );
    return [position < 0 ? allowed.length : position];
  });
}

function byPriority(hits: Hit[], outputValues: FeelValue[][]): Hit[] {
  const keyed = hits.map((hit) => ({ hit, key: priorityKey(hit, outputValues) }));
  keyed.sort((a, b) => {
    for (let index = 0; index < a.key.length; index += 1) {
      const difference = (a.key[index] ?? 0) - (b.key[index] ?? 0);
      if (difference !== 0) return difference;
    }
    return a.hit.index - b.hit.index;
  });
  return keyed.map((entry) => entry.hit);
}

function aggregate(
  policy: HitPolicy,
  hits: Hit[],
  column: number,
  output: string,
): { value: FeelValue; error?: TableMessage } {
  const values = hits.map((hit) => hit.values[column] ?? null).filter((value) => value !== null);
  if (policy === 'COLLECT_COUNT')
    return { value: feelNumber({ coefficient: BigInt(hits.length), scale: 0 }) };
  if (values.length === 0) return { value: null };
  if (policy === 'COLLECT_SUM') {
    let sum = { coefficient: 0n, scale: 0 };
    for (const value of values) {
      if (!isTagged(value) || value.kind !== 'number')
        return {
          value: null,
          error: {
            code: 'aggregation',
            output,
            message: `COLLECT_SUM of ${output} needs numbers, got ${formatFeelValue(value)}`,
          },
        };
      sum = addDecimals(sum, value.value);
    }
    return { value: feelNumber(sum) };
  }
  const wanted = policy === 'COLLECT_MIN' ? -1 : 1;
  let best = values[0] ?? null;
  for (const value of values.slice(1)) {
    const order = compareValues(value, best);
    if (order === null)
      return {
        value: null,
        error: {
          code: 'aggregation',
          output,
          message: `${policy} of ${output} cannot order ${formatFeelValue(value)} and ${formatFeelValue(best)}`,
        },
      };
    if (order === wanted) best = value;
  }
  return { value: best };
}

/** Applies a hit policy to the matching rules (given in rule order). */
export function applyHitPolicy(
  policy: HitPolicy,
  hits: Hit[],
  outputNames: string[],
  outputValues: FeelValue[][],
): PolicyResult {
  const errors: TableMessage[] = [];
  const warnings: TableMessage[] = [];
  const needsPriorities = policy === 'PRIORITY' || policy === 'OUTPUT_ORDER';
  if (needsPriorities && outputValues.every((values) => values.length === 0))
    warnings.push({
      code: 'no_priorities',
      message: `${policy} needs output values to rank rules; rule order is used`,
    });
  switch (policy) {
    case 'UNIQUE': {
      if (hits.length > 1)
        errors.push({
          code: 'unique_violation',
          ruleId: hits[0]?.ruleId,
          message: `rules ${hits.map((hit) => hit.ruleId).join(' and ')} both match, but the hit policy is UNIQUE`,
        });
      return { kind: 'single', hit: hits.length === 1 ? hits[0] : undefined, errors, warnings };
    }
    case 'FIRST':
      return { kind: 'single', hit: hits[0], errors, warnings };
    case 'PRIORITY':
      return { kind: 'single', hit: byPriority(hits, outputValues)[0], errors, warnings };
    case 'ANY': {
      const [first] = hits;
      const disagreeing = hits.find((hit) =>
        hit.values.some(
          (value, column) => valuesEqual(value, first?.values[column] ?? null) !== true,
        ),
      );
      if (first && disagreeing) {
        errors.push({
          code: 'any_conflict',
          ruleId: disagreeing.ruleId,
          message: `rules ${first.ruleId} and ${disagreeing.ruleId} both match with different outputs, but the hit policy is ANY`,
        });
        return { kind: 'single', hit: undefined, errors, warnings };
      }
      return { kind: 'single', hit: first, errors, warnings };
    }
    case 'COLLECT':
    case 'RULE_ORDER':
      return { kind: 'list', hits, errors, warnings };
    case 'OUTPUT_ORDER':
      return { kind: 'list', hits: byPriority(hits, outputValues), errors, warnings };
    case 'COLLECT_SUM':
    case 'COLLECT_MIN':
    case 'COLLECT_MAX':
    case 'COLLECT_COUNT': {
      const values = outputNames.map((output, column) => {
        const result = aggregate(policy, hits, column, output);
        if (result.error) errors.push(result.error);
        return result.value;
      });
      return { kind: 'aggregate', hits, values, errors, warnings };
    }
  }
}
