import { describe, expect, it } from '@jest/globals';
import { checkTable } from './check-table.js';
import type { DecisionTable } from './table.js';

function table(rules: string[][], overrides: Partial<DecisionTable> = {}): DecisionTable {
  return {
    hitPolicy: 'UNIQUE',
    inputs: [{ key: 'total_amount' }, { key: 'level' }],
    outputs: [{ name: 'tier', values: ['A', 'B', 'C'] }],
    rules: rules.map((cells, index) => ({
      id: `r${index}`,
      when: cells.slice(0, 2),
      then: cells.slice(2),
    })),
    ...overrides,
  };
}

const context = {
  fields: {
    total_amount: { type: 'money' as const },
    level: { type: 'select' as const, options: [{ value: 'gold' }, { value: 'silver' }] },
  },
};

describe('checkTable', () => {
  it('accepts a complete, disjoint table', () => {
    const result = checkTable(
      table([
        ['< 1000', '-', '"C"'],
        ['[1000..5000)', '-', '"B"'],
        ['>= 5000', '"gold"', '"A"'],
        ['>= 5000', 'not("gold")', '"B"'],
      ]),
      context,
    );
    expect(result).toEqual({ errors: [], warnings: [] });
  });

  it.each<[string, string[][], { path: string; code: string }[]]>([
    [
      'a cell that does not parse',
      [['>=', '-', '"A"']],
      [{ path: '/rules/0/when/0', code: 'invalid_cell' }],
    ],
    [
      'text in a number column',
      [['"big"', '-', '"A"']],
      [{ path: '/rules/0/when/0', code: 'type_mismatch' }],
    ],
    [
      'an unknown option',
      [['-', '"bronze"', '"A"']],
      [{ path: '/rules/0/when/1', code: 'unknown_option' }],
    ],
    [
      'an output outside its values',
      [['-', '-', '"Z"']],
      [{ path: '/rules/0/then/0', code: 'output_not_allowed' }],
    ],
    [
      'an output that does not parse',
      [['-', '-', '"A" +']],
      [{ path: '/rules/0/then/0', code: 'invalid_cell' }],
    ],
    [
      'overlapping rules',
      [
        ['< 5000', '-', '"B"'],
        ['[1000..8000]', '"gold"', '"A"'],
        ['> 8000', '-', '"A"'],
      ],
      [{ path: '/rules/1', code: 'overlap' }],
    ],
  ])('reports %s', (_name, rules, expected) => {
    const result = checkTable(table(rules), context);
    expect(result.errors.map(({ path, code }) => ({ path, code }))).toEqual(expected);
  });

  it('describes where two rules overlap', () => {
    const result = checkTable(
      table([
        ['< 5000', '-', '"B"'],
        ['[1000..8000]', '"gold"', '"A"'],
        ['> 8000', '-', '"A"'],
      ]),
      context,
    );
    expect(result.errors[0]?.message).toBe(
      'rules r0 and r1 both match when total_amount in [1000..5000) and level = "gold", but the hit policy is UNIQUE',
    );
  });

  it('does not flag touching ranges or whole days as overlaps', () => {
    const dates = table(
      [
        ['< date("2024-01-02")', '-', '"A"'],
        ['>= date("2024-01-02")', '-', '"B"'],
      ],
      { inputs: [{ key: 'signed_on', type: 'date' }, { key: 'level' }] },
    );
    expect(checkTable(dates, context)).toEqual({ errors: [], warnings: [] });
  });

  it.each<[string, string[][], string[]]>([
    [
      'a numeric range no rule covers',
      [
        ['< 1000', '-', '"C"'],
        ['> 5000', '-', '"A"'],
      ],
      ['no rule matches when total_amount in [1000..5000]: the outputs become null'],
    ],
    [
      'a point between two open ranges',
      [
        ['< 1000', '-', '"C"'],
        ['> 1000', '-', '"A"'],
      ],
      ['no rule matches when total_amount = 1000: the outputs become null'],
    ],
    [
      'an option no rule covers',
      [
        ['< 1000', '-', '"C"'],
        ['>= 1000', '"gold"', '"A"'],
      ],
      ['no rule matches when total_amount >= 1000 and level = "silver": the outputs become null'],
    ],
  ])('warns about %s', (_name, rules, warnings) => {
    expect(checkTable(table(rules), context).warnings.map((warning) => warning.message)).toEqual(
      warnings,
    );
  });

  it('merges adjacent gap pieces only by reporting each one', () => {
    const result = checkTable(table([['[1000..2000]', '-', '"C"']]), context);
    expect(result.warnings.map((warning) => warning.message)).toEqual([
      'no rule matches when total_amount < 1000: the outputs become null',
      'no rule matches when total_amount > 2000: the outputs become null',
    ]);
  });

  it('checks overlaps and gaps only for UNIQUE tables', () => {
    const first = table(
      [
        ['< 5000', '-', '"B"'],
        ['< 8000', '-', '"A"'],
      ],
      { hitPolicy: 'FIRST' },
    );
    expect(checkTable(first, context)).toEqual({ errors: [], warnings: [] });
  });

  it('leaves rules that compare inputs with each other out of the overlap check', () => {
    const result = checkTable(
      table(
        [
          ['> limit', '-', '"A"'],
          ['>= 0', '-', '"B"'],
        ],
        { inputs: [{ key: 'total_amount' }, { key: 'limit' }] },
      ),
      context,
    );
    expect(result.errors).toEqual([]);
  });

  it('warns about names that are not inputs', () => {
    const result = checkTable(
      table([['> budget', '-', 'tier_name']], { outputs: [{ name: 'tier' }], hitPolicy: 'FIRST' }),
      context,
    );
    expect(result.warnings.map(({ path, code }) => ({ path, code }))).toEqual([
      { path: '/rules/0/when/0', code: 'unknown_name' },
      { path: '/rules/0/then/0', code: 'unknown_name' },
    ]);
  });
});
