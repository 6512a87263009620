import { describe, expect, it } from '@jest/globals';
import type { Filter } from '@formwork/definitions';
import { evaluateCondition, type FlowContext } from './index.js';

const context: FlowContext = {
  record: {
    name: '上海华东贸易',
    level: 'A',
    total_amount: '1250000.50',
    visits: 3,
    tags: ['vip', 'export'],
    signed_on: '2024-03-15',
    owner_id: null,
    customer: { city: '上海' },
    active: true,
  },
  input: { channel: 'email' },
  tasks: { visit: { satisfied: false, outcome: 'approve' } },
};

const is = (field: string, op: string, value?: unknown) => ({ field, op, value }) as Filter;

describe('evaluateCondition', () => {
  it.each<[string, Filter, boolean]>([
    ['eq on text', is('record.level', 'eq', 'A'), true],
    ['eq on a decimal string and a number', is('record.total_amount', 'eq', 1250000.5), true],
    ['eq on a missing field', is('record.nothing', 'eq', 'A'), false],
    ['eq on a relation path', is('record.customer.city', 'eq', '上海'), true],
    ['eq on the input', is('input.channel', 'eq', 'email'), true],
    ['eq on a task result', is('tasks.visit.satisfied', 'eq', false), true],
    ['eq on a task not done yet', is('tasks.call.satisfied', 'eq', false), false],
    ['eq on a boolean', is('record.active', 'eq', true), true],
    ['eq on a multiselect', is('record.tags', 'eq', ['vip', 'export']), true],
    ['ne on another value', is('record.level', 'ne', 'B'), true],
    ['ne on the same value', is('record.level', 'ne', 'A'), false],
    ['ne on a missing value (IS DISTINCT FROM)', is('record.owner_id', 'ne', 'u1'), true],
    ['lt numerically, not as text', is('record.visits', 'lt', 10), true],
    ['lte at the bound', is('record.visits', 'lte', 3), true],
    ['gt on money', is('record.total_amount', 'gt', 1000000), true],
    ['gte on a date', is('record.signed_on', 'gte', '2024-03-15'), true],
    ['gt on a missing value', is('record.owner_id', 'gt', 0), false],
    ['lt on a missing value', is('record.owner_id', 'lt', 0), false],
    ['in', is('record.level', 'in', ['A', 'B']), true],
    ['in, not listed', is('record.level', 'in', ['C']), false],
    ['nin', is('record.level', 'nin', ['C']), true],
    ['nin on a missing value', is('record.owner_id', 'nin', ['u1']), true],
    ['contains, ignoring case', is('input.channel', 'contains', 'MAI'), true],
    ['contains on a multiselect', is('record.tags', 'contains', 'vip'), true],
    [
      'contains all of a list on a multiselect',
      is('record.tags', 'contains', ['vip', 'new']),
      false,
    ],
    ['starts', is('record.name', 'starts', '上海'), true],
    ['starts, not a prefix', is('record.name', 'starts', '华东'), false],
    ['between, inclusive', is('record.visits', 'between', [3, 5]), true],
    ['between dates', is('record.signed_on', 'between', ['2024-01-01', '2024-12-31']), true],
    ['between, outside', is('record.visits', 'between', [4, 5]), false],
    ['is_null true', is('record.owner_id', 'is_null', true), true],
    ['is_null true on a missing field', is('record.nothing', 'is_null', true), true],
    ['is_null false', is('record.level', 'is_null', false), true],
    ['and', { and: [is('record.level', 'eq', 'A'), is('record.visits', 'gt', 1)] }, true],
    [
      'and with one false',
      { and: [is('record.level', 'eq', 'A'), is('record.visits', 'gt', 5)] },
      false,
    ],
    ['or', { or: [is('record.level', 'eq', 'B'), is('record.visits', 'gt', 1)] }, true],
    ['not', { not: is('record.level', 'eq', 'A') }, false],
    [
      'nested',
      {
        and: [
          { not: is('record.level', 'eq', 'C') },
          { or: [is('tasks.visit.outcome', 'eq', 'approve')] },
        ],
      },
      true,
    ],
  ])('%s', (_, filter, expected) => {
    expect(evaluateCondition(filter, context)).toBe(expected);
  });
});
