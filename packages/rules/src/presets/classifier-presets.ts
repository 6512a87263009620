import type { ClassifierDefinition } from '@formwork/definitions';

/**
 * Starter classifiers over a customer entity (`total_amount`, `tier`, `vip`, `rfm_score`,
 * `lifecycle` …) and its orders (`order.customer`, `amount`, `status`, `ordered_at`): ABC by
 * thresholds, ABC by Pareto share, VIP top 1 %, RFM and lifecycle. The editor offers them and the
 * templates reuse them; the tests compile and run them.
 */
const revenue = {
  key: 'revenue',
  source: {
    aggregate: 'sum',
    entity: 'order',
    via: 'customer',
    field: 'amount',
    where: { field: 'status', op: 'eq', value: 'paid' },
  },
} as const;

export const CLASSIFIER_PRESETS = {
  abc_amount: {
    name: 'ABC by amount',
    entity: 'customer',
    hitPolicy: 'UNIQUE',
    inputs: [{ key: 'total_amount', source: { field: 'total_amount' } }],
    outputs: [{ field: 'tier', default: 'C' }],
    rules: [
      { id: 'a', when: ['>= 5000000'], then: ['"A"'] },
      { id: 'b', when: ['[1000000..5000000)'], then: ['"B"'] },
      { id: 'c', when: ['< 1000000'], then: ['"C"'] },
    ],
  },
  abc_pareto: {
    name: 'ABC by Pareto share',
    entity: 'customer',
    hitPolicy: 'FIRST',
    inputs: [revenue, { key: 'share', source: { measure: 'cume_share', of: 'revenue' } }],
    outputs: [{ field: 'tier' }],
    rules: [
      { id: 'a', when: ['-', '<= 0.7'], then: ['"A"'] },
      { id: 'b', when: ['-', '<= 0.9'], then: ['"B"'] },
      { id: 'c', when: ['-', '-'], then: ['"C"'] },
    ],
  },
  vip: {
    name: 'VIP: top 1 %',
    entity: 'customer',
    hitPolicy: 'UNIQUE',
    inputs: [revenue, { key: 'rank', source: { measure: 'percent_rank', of: 'revenue' } }],
    outputs: [{ field: 'vip', default: false }],
    rules: [{ id: 'top', when: ['-', '>= 0.99'], then: ['true'] }],
  },
  rfm: {
    name: 'RFM',
    entity: 'customer',
    hitPolicy: 'FIRST',
    inputs: [
      {
        key: 'last_order',
        source: { aggregate: 'max', entity: 'order', via: 'customer', field: 'ordered_at' },
      },
      { key: 'frequency', source: { aggregate: 'count', entity: 'order', via: 'customer' } },
      revenue,
      { key: 'r', source: { measure: 'ntile', of: 'last_order', n: 5 } },
      { key: 'f', source: { measure: 'ntile', of: 'frequency', n: 5 } },
      { key: 'm', source: { measure: 'ntile', of: 'revenue', n: 5 } },
    ],
    outputs: [{ field: 'segment', default: 'other' }, { field: 'rfm_score' }],
    rules: [
      {
        id: 'champion',
        when: ['-', '-', '-', '>= 4', '>= 4', '>= 4'],
        then: ['"champion"', 'r * 100 + f * 10 + m'],
      },
      {
        id: 'at_risk',
        when: ['-', '-', '-', '<= 2', '>= 3', '-'],
        then: ['"at risk"', 'r * 100 + f * 10 + m'],
      },
      {
        id: 'rest',
        when: ['-', '-', '-', '-', '-', '-'],
        then: ['"other"', 'r * 100 + f * 10 + m'],
      },
    ],
  },
  lifecycle: {
    name: 'Lifecycle',
    entity: 'customer',
    hitPolicy: 'FIRST',
    inputs: [
      {
        key: 'orders_30d',
        source: {
          aggregate: 'count',
          entity: 'order',
          via: 'customer',
          window: 'P30D',
          dateField: 'ordered_at',
        },
      },
      {
        key: 'orders_365d',
        source: {
          aggregate: 'count',
          entity: 'order',
          via: 'customer',
          window: 'P365D',
          dateField: 'ordered_at',
        },
      },
    ],
    outputs: [{ field: 'lifecycle' }],
    rules: [
      { id: 'active', when: ['> 0', '-'], then: ['"active"'] },
      { id: 'lapsing', when: ['0', '> 0'], then: ['"lapsing"'] },
      { id: 'lost', when: ['-', '-'], then: ['"lost"'] },
    ],
  },
} satisfies Record<string, ClassifierDefinition>;
