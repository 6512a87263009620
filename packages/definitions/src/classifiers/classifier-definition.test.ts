import { describe, expect, it } from '@jest/globals';
import { classifierDefinitionSchema, toFieldErrors } from '../index.js';

const valid = {
  name: '客户分级',
  entity: 'customer',
  hitPolicy: 'UNIQUE',
  inputs: [
    { key: 'total_amount', source: { field: 'total_amount' } },
    {
      key: 'orders_year',
      source: {
        aggregate: 'count',
        entity: 'order',
        via: 'customer',
        where: { field: 'status', op: 'eq', value: 'paid' },
        window: 'P365D',
        dateField: 'ordered_at',
      },
    },
    { key: 'rank', source: { measure: 'ntile', of: 'total_amount', n: 5, order: 'desc' } },
  ],
  outputs: [{ field: 'tier', default: 'C' }],
  rules: [
    { id: 'big', when: ['>= 5000000', '-', '-'], then: ['"A"'] },
    { when: ['[1000000..5000000)', '> 3', '-'], then: ['"B"'], description: 'mid', disabled: true },
  ],
  triggers: ['manual', 'schedule:0 3 * * *'],
};

const errorsOf = (input: unknown) => {
  const result = classifierDefinitionSchema.safeParse(input);
  return result.success ? [] : toFieldErrors(result.error);
};

describe('classifierDefinitionSchema', () => {
  it('accepts the API example', () => expect(errorsOf(valid)).toEqual([]));

  it.each<[string, (c: typeof valid) => unknown, string[]]>([
    ['a bad hit policy', (c) => ({ ...c, hitPolicy: 'FIRST_MATCH' }), ['/hitPolicy']],
    [
      'a when row with too many cells',
      (c) => ({ ...c, rules: [{ when: ['-', '-', '-', '-'], then: ['"A"'] }] }),
      ['/rules/0/when/3'],
    ],
    [
      'a then row with too few cells',
      (c) => ({ ...c, rules: [{ when: ['-', '-', '-'], then: [] }] }),
      ['/rules/0/then'],
    ],
    [
      'a non-text cell',
      (c) => ({ ...c, rules: [{ when: ['-', 5, '-'], then: ['"A"'] }] }),
      ['/rules/0/when/1'],
    ],
    [
      'a window without dateField',
      (c) => ({
        ...c,
        inputs: [
          {
            key: 'n',
            source: { aggregate: 'count', entity: 'order', via: 'customer', window: 'P1D' },
          },
        ],
        rules: [],
      }),
      ['/inputs/0/source/dateField'],
    ],
    [
      'a bad where filter and an unknown source key',
      (c) => ({
        ...c,
        inputs: [
          {
            key: 'n',
            source: { aggregate: 'count', entity: 'order', via: 'customer', where: { x: 1 }, y: 2 },
          },
        ],
        rules: [],
      }),
      ['/inputs/0/source/where', '/inputs/0/source/y'],
    ],
    ['measures on_change', (c) => ({ ...c, triggers: ['on_change'] }), ['/triggers/0']],
    ['a bad trigger', (c) => ({ ...c, triggers: ['hourly'] }), ['/triggers/0']],
    [
      'bad keys and duplicate rule ids',
      (c) => ({
        ...c,
        inputs: [{ key: 'Total', source: { field: 'total' } }],
        outputs: [{ field: 'tier' }, { field: 'tier' }],
        rules: [
          { id: 'a', when: ['-'], then: ['1', '2'] },
          { id: 'a', when: ['-'], then: ['1', '2'] },
        ],
      }),
      ['/inputs/0/key', '/outputs/1/field', '/rules/1/id'],
    ],
    [
      'a measure of an unknown input',
      (c) => ({
        ...c,
        inputs: [{ key: 'r', source: { measure: 'percent_rank', of: 'x', n: 3 } }],
        rules: [],
      }),
      ['/inputs/0/source/of', '/inputs/0/source/n'],
    ],
  ])('reports %s', (_name, change, paths) => {
    expect(errorsOf(change(valid)).map((error) => error.path)).toEqual(paths);
  });
});
