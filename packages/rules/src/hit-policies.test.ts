import { describe, expect, it } from '@jest/globals';
import type { HitPolicy } from '@formwork/definitions';
import { evaluateTable } from './evaluate-table.js';
import type { DecisionTable } from './table.js';

/** Age and risk decide a status and a rate; rules overlap on purpose. */
function table(hitPolicy: HitPolicy, rules: [string, string, string, string][]): DecisionTable {
  return {
    hitPolicy,
    inputs: [
      { key: 'age', type: 'number' },
      { key: 'risk', type: 'string' },
    ],
    outputs: [
      { name: 'status', values: ['Approved', 'Review', 'Declined'] },
      { name: 'rate', type: 'number' },
    ],
    rules: rules.map(([age, risk, status, rate], index) => ({
      id: `r${index + 1}`,
      when: [age, risk],
      then: [status, rate],
    })),
  };
}

const OVERLAPPING: [string, string, string, string][] = [
  ['>= 18', '-', '"Review"', '2'],
  ['>= 18', '"Low"', '"Approved"', '1'],
  ['< 18', '-', '"Declined"', '5'],
  ['-', '"High"', '"Declined"', '5'],
];

describe('hit policies', () => {
  it.each<[HitPolicy, Record<string, unknown>, unknown, string[]]>([
    ['FIRST', { age: 30, risk: 'Low' }, { status: 'Review', rate: 2 }, ['r1']],
    ['PRIORITY', { age: 30, risk: 'Low' }, { status: 'Approved', rate: 1 }, ['r2']],
    ['PRIORITY', { age: 30, risk: 'High' }, { status: 'Review', rate: 2 }, ['r1']],
    [
      'RULE_ORDER',
      { age: 30, risk: 'Low' },
      { status: ['Review', 'Approved'], rate: [2, 1] },
      ['r1', 'r2'],
    ],
    [
      'COLLECT',
      { age: 10, risk: 'High' },
      { status: ['Declined', 'Declined'], rate: [5, 5] },
      ['r3', 'r4'],
    ],
    [
      'OUTPUT_ORDER',
      { age: 30, risk: 'Low' },
      { status: ['Approved', 'Review'], rate: [1, 2] },
      ['r2', 'r1'],
    ],
    [
      'OUTPUT_ORDER',
      { age: 10, risk: 'High' },
      { status: ['Declined', 'Declined'], rate: [5, 5] },
      ['r3', 'r4'],
    ],
    ['COLLECT_MIN', { age: 30, risk: 'High' }, { status: 'Declined', rate: 2 }, ['r1', 'r4']],
    ['COLLECT_MAX', { age: 30, risk: 'High' }, { status: 'Review', rate: 5 }, ['r1', 'r4']],
    ['COLLECT_COUNT', { age: 30, risk: 'High' }, { status: 2, rate: 2 }, ['r1', 'r4']],
    ['ANY', { age: 10, risk: 'Low' }, { status: 'Declined', rate: 5 }, ['r3']],
    ['UNIQUE', { age: 10, risk: 'Low' }, { status: 'Declined', rate: 5 }, ['r3']],
  ])('%s for %j', (policy, input, outputs, applied) => {
    const result = evaluateTable(table(policy, OVERLAPPING), input);
    expect(result.errors).toEqual([]);
    expect(result.outputs).toEqual(outputs);
    expect(result.appliedRules).toEqual(applied);
  });

  it('COLLECT_SUM adds exact decimals, and refuses text', () => {
    const sums: DecisionTable = {
      hitPolicy: 'COLLECT_SUM',
      inputs: [{ key: 'n', type: 'number' }],
      outputs: [{ name: 'total' }],
      rules: [
        { id: 'a', when: ['> 0'], then: ['0.1'] },
        { id: 'b', when: ['> 1'], then: ['0.2'] },
        { id: 'c', when: ['> 2'], then: ['"x"'] },
      ],
    };
    expect(evaluateTable(sums, { n: 2 })).toMatchObject({ outputs: { total: 0.3 }, errors: [] });
    expect(evaluateTable(sums, { n: 3 }).errors.map((error) => error.code)).toEqual([
      'aggregation',
    ]);
  });

  it('UNIQUE with two hits is an error naming both rules', () => {
    const result = evaluateTable(table('UNIQUE', OVERLAPPING), { age: 30, risk: 'Low' });
    expect(result.errors).toEqual([
      expect.objectContaining({
        code: 'unique_violation',
        message: 'rules r1 and r2 both match, but the hit policy is UNIQUE',
      }),
    ]);
    expect(result.outputs).toEqual({ status: null, rate: null });
    expect(result.matchedRules).toEqual(['r1', 'r2']);
  });

  it('ANY with disagreeing hits is an error', () => {
    const result = evaluateTable(table('ANY', OVERLAPPING), { age: 30, risk: 'Low' });
    expect(result.errors.map((error) => error.message)).toEqual([
      'rules r1 and r2 both match with different outputs, but the hit policy is ANY',
    ]);
  });

  it('ANY with agreeing hits is fine', () => {
    const result = evaluateTable(table('ANY', OVERLAPPING), { age: 10, risk: 'High' });
    expect(result.errors).toEqual([]);
    expect(result.outputs).toEqual({ status: 'Declined', rate: 5 });
  });

  it.each<HitPolicy>(['UNIQUE', 'FIRST', 'COLLECT', 'COLLECT_SUM', 'RULE_ORDER'])(
    '%s without a hit gives defaults or null',
    (policy) => {
      const defaults = table(policy, [['> 100', '-', '"Review"', '1']]);
      defaults.outputs[0] = { ...defaults.outputs[0], name: 'status', default: 'Declined' };
      const result = evaluateTable(defaults, { age: 30, risk: 'Low' });
      expect(result.outputs).toEqual({ status: 'Declined', rate: null });
      expect(result.matchedRules).toEqual([]);
    },
  );

  it('skips disabled rules', () => {
    const disabled = table('FIRST', OVERLAPPING);
    disabled.rules[0] = {
      ...disabled.rules[0],
      when: ['>= 18', '-'],
      then: ['"Review"', '2'],
      disabled: true,
    };
    expect(evaluateTable(disabled, { age: 30, risk: 'Low' }).appliedRules).toEqual(['r2']);
  });

  it('PRIORITY without output values warns and keeps rule order', () => {
    const plain = table('PRIORITY', OVERLAPPING);
    plain.outputs = plain.outputs.map(({ values: _values, ...output }) => output);
    const result = evaluateTable(plain, { age: 30, risk: 'Low' });
    expect(result.appliedRules).toEqual(['r1']);
    expect(result.warnings.map((warning) => warning.code)).toEqual(['no_priorities']);
  });
});
