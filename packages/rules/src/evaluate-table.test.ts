import { describe, expect, it } from '@jest/globals';
import { evaluateTable } from './evaluate-table.js';
import type { DecisionTable } from './table.js';

const tiers: DecisionTable = {
  hitPolicy: 'UNIQUE',
  inputs: [
    { key: 'total_amount', type: 'number' },
    { key: 'city', type: 'string' },
  ],
  outputs: [
    { name: 'tier', values: ['A', 'B', 'C'], default: 'C' },
    { name: 'bonus', type: 'number' },
  ],
  rules: [
    { id: 'big', when: ['>= 5000000', '-'], then: ['"A"', 'total_amount * 0.01'] },
    {
      id: 'mid',
      when: ['[1000000..5000000)', '"北京","上海"'],
      then: ['"B"', '(total_amount - 1000000) / 2'],
    },
    {
      id: 'odd',
      when: ['< 0', '-'],
      then: ['"Z"', 'total_amount / (total_amount - total_amount)'],
    },
  ],
};

describe('evaluateTable', () => {
  it.each<[Record<string, unknown>, unknown, string[]]>([
    [{ total_amount: 6000000, city: '广州' }, { tier: 'A', bonus: 60000 }, ['big']],
    [{ total_amount: '1000000.10', city: '上海' }, { tier: 'B', bonus: 0.05 }, ['mid']],
    [{ total_amount: 2000000, city: '广州' }, { tier: 'C', bonus: null }, []],
    [{ total_amount: null, city: '上海' }, { tier: 'C', bonus: null }, []],
    [{}, { tier: 'C', bonus: null }, []],
  ])('classifies %j', (input, outputs, matched) => {
    const result = evaluateTable(tiers, input);
    expect(result.errors).toEqual([]);
    expect(result.outputs).toEqual(outputs);
    expect(result.matchedRules).toEqual(matched);
  });

  it('reports division by zero naming the rule and the output, and values outside the allowed list', () => {
    const result = evaluateTable(tiers, { total_amount: -5, city: 'x' });
    expect(result.errors).toEqual([
      expect.objectContaining({
        code: 'evaluation',
        ruleId: 'odd',
        output: 'bonus',
        path: '/rules/2/then/1',
        message: 'rule odd, output bonus: division by zero',
      }),
      expect.objectContaining({
        code: 'output_not_allowed',
        ruleId: 'odd',
        output: 'tier',
        path: '/rules/2/then/0',
      }),
    ]);
    expect(result.outputs.bonus).toBeNull();
  });

  it('reports a cell that does not parse and keeps evaluating the other rules', () => {
    const broken: DecisionTable = {
      ...tiers,
      rules: [{ id: 'bad', when: ['>=', '-'], then: ['"A"', '1'] }, ...tiers.rules],
    };
    const result = evaluateTable(broken, { total_amount: 6000000, city: 'x' });
    expect(result.errors).toEqual([
      expect.objectContaining({ code: 'invalid_cell', path: '/rules/0/when/0', ruleId: 'bad' }),
    ]);
    expect(result.outputs.tier).toBe('A');
  });

  it('reads dotted paths and dates', () => {
    const table: DecisionTable = {
      hitPolicy: 'FIRST',
      inputs: [{ key: 'customer.since' }, { key: 'signed_on', type: 'date' }],
      outputs: [{ name: 'loyal' }],
      rules: [
        { id: 'old', when: ['-', '< date("2020-01-01")'], then: ['true'] },
        { id: 'rest', when: ['-', '-'], then: ['customer.since'] },
      ],
    };
    expect(evaluateTable(table, { signed_on: '2019-05-01' }).outputs).toEqual({ loyal: true });
    expect(
      evaluateTable(table, { signed_on: '2021-05-01', customer: { since: 2021 } }).outputs,
    ).toEqual({ loyal: 2021 });
  });

  it('gives generated ids to rules without one', () => {
    const table: DecisionTable = {
      ...tiers,
      rules: tiers.rules.map(({ id: _id, ...rule }) => rule),
    };
    const [id] = evaluateTable(table, { total_amount: 6000000 }).matchedRules;
    expect(id).toMatch(/^r_[0-9a-z]{7}$/);
  });
});
