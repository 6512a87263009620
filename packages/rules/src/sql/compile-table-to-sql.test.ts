import { describe, expect, it } from '@jest/globals';
import type { ClassifierDefinition } from '@formwork/definitions';
import { evaluateTable } from '../evaluate-table.js';
import { compileTableToSql, bindChunk } from './compile-table-to-sql.js';
import type { SqlSchemaInfo } from './sql-schema.js';
import { CLASSIFIER_PRESETS } from '../presets/classifier-presets.js';
import { tableFromClassifier } from './table-from-classifier.js';

const schema: SqlSchemaInfo = {
  entities: {
    customer: {
      table: '"app_crm"."customer"',
      fields: {
        name: { column: '"name"', type: 'text' },
        city: { column: '"city"', type: 'select', options: ['北京', '上海'] },
        total_amount: { column: '"total_amount"', type: 'money' },
        tier: { column: '"tier"', type: 'select', options: ['A', 'B', 'C'] },
        vip: { column: '"vip"', type: 'boolean' },
        segment: { column: '"segment"', type: 'text' },
        rfm_score: { column: '"rfm_score"', type: 'integer' },
        lifecycle: {
          column: '"lifecycle"',
          type: 'select',
          options: ['active', 'lapsing', 'lost'],
        },
        tags: { column: '"tags"', type: 'multiselect', options: ['a', 'b'] },
      },
    },
    order: {
      table: '"app_crm"."order"',
      fields: {
        customer: { column: '"customer"', type: 'relation', target: 'customer' },
        amount: { column: '"amount"', type: 'money' },
        status: { column: '"status"', type: 'select', options: ['paid', 'refunded'] },
        ordered_at: { column: '"ordered_at"', type: 'datetime' },
      },
    },
  },
};

const fixtures = CLASSIFIER_PRESETS;

describe('compileTableToSql', () => {
  it.each(Object.entries(fixtures))('compiles %s to one statement', (_name, classifier) => {
    const compiled = compileTableToSql(classifier, schema);
    expect(compiled.errors).toEqual([]);
    expect(compiled.text).toMatchSnapshot('text');
    expect(compiled.values).toMatchSnapshot('values');
  });

  it('keeps every value a parameter', () => {
    const classifier: ClassifierDefinition = {
      ...fixtures.abc_amount,
      inputs: [{ key: 'name', source: { field: 'name' } }],
      rules: [{ id: 'x', when: [`"'; DROP TABLE customer; --"`], then: ['"A"'] }],
    };
    const compiled = compileTableToSql(classifier, schema);
    expect(compiled.text).not.toContain('DROP');
    expect(compiled.values).toContain(`'; DROP TABLE customer; --`);
  });

  it('compiles chunked runs with slots to fill', () => {
    const compiled = compileTableToSql(fixtures.abc_amount, schema, {
      idsParameter: true,
      keyset: true,
    });
    expect(compiled.errors).toEqual([]);
    expect(compiled.slots).toEqual({ ids: 1, after: 2, limit: 3 });
    expect(compiled.text).toMatchSnapshot();
    expect(bindChunk(compiled, { ids: ['x'], after: null, limit: 10 }).slice(0, 3)).toEqual([
      ['x'],
      null,
      10,
    ]);
  });

  it('ranks the whole population before taking a chunk', () => {
    const compiled = compileTableToSql(fixtures.vip, schema, {
      keyset: true,
      asOf: '2024-06-01T00:00:00Z',
    });
    expect(compiled.errors).toEqual([]);
    const base = compiled.text.slice(0, compiled.text.indexOf('agg_1 AS'));
    expect(base).not.toContain('LIMIT');
    const { after, limit } = compiled.slots;
    expect(compiled.text).toContain(
      `WHERE ($${after}::uuid IS NULL OR h.id > $${after}::uuid)\nORDER BY h.id LIMIT $${limit}::int`,
    );
  });

  it.each<[string, (c: ClassifierDefinition) => ClassifierDefinition, string[]]>([
    [
      'an aggregate over a missing relation',
      (c) => ({
        ...c,
        inputs: [{ key: 'n', source: { aggregate: 'count', entity: 'order', via: 'owner' } }],
        rules: [],
      }),
      ['/inputs/0/source/via'],
    ],
    [
      'an aggregate over a missing entity',
      (c) => ({
        ...c,
        inputs: [{ key: 'n', source: { aggregate: 'count', entity: 'invoice', via: 'customer' } }],
        rules: [],
      }),
      ['/inputs/0/source/entity'],
    ],
    [
      'a measure of a missing input and a missing field',
      (c) => ({
        ...c,
        inputs: [
          { key: 'a', source: { field: 'total_amount' } },
          { key: 'b', source: { field: 'nope' } },
          { key: 'r', source: { measure: 'percent_rank', of: 'x' } },
        ],
        rules: [],
      }),
      ['/inputs/1/source/field', '/inputs/2/source/of'],
    ],
    [
      'cells that do not parse or mix types',
      (c) => ({
        ...c,
        rules: [
          { id: 'p', when: ['>= '], then: ['"A"'] },
          { id: 'q', when: ['-'], then: ['5'] },
          { id: 'r', when: ['> other'], then: ['"A"'] },
        ],
      }),
      ['/rules/0/when/0', '/rules/1/then/0', '/rules/2/when/0'],
    ],
    [
      'a sum of text outputs and a bad default',
      (c) => ({ ...c, hitPolicy: 'COLLECT_SUM', outputs: [{ field: 'tier' }] }),
      ['/outputs/0/field'],
    ],
    ['a missing entity', (c) => ({ ...c, entity: 'ghost' }), ['/entity']],
  ])('reports %s', (_name, change, paths) => {
    const compiled = compileTableToSql(change(fixtures.abc_amount), schema);
    expect(compiled.errors.map((error) => error.path)).toEqual(paths);
    expect(compiled.text).toBe('');
  });

  it('compiles every hit policy', () => {
    const policies = [
      'UNIQUE',
      'FIRST',
      'PRIORITY',
      'ANY',
      'COLLECT',
      'RULE_ORDER',
      'OUTPUT_ORDER',
      'COLLECT_SUM',
      'COLLECT_MIN',
      'COLLECT_MAX',
      'COLLECT_COUNT',
    ] as const;
    for (const hitPolicy of policies) {
      const numeric = hitPolicy === 'COLLECT_SUM' || hitPolicy === 'COLLECT_COUNT';
      const classifier: ClassifierDefinition = {
        ...fixtures.abc_amount,
        hitPolicy,
        outputs: [{ field: numeric ? 'rfm_score' : 'tier' }],
        rules: [
          { id: 'one', when: ['> 1'], then: [numeric ? 'total_amount / 2' : '"A"'] },
          { id: 'two', when: ['not(null, 3)'], then: [numeric ? '1' : '"B"'] },
        ],
      };
      const compiled = compileTableToSql(classifier, schema);
      expect({ hitPolicy, errors: compiled.errors }).toEqual({ hitPolicy, errors: [] });
    }
  });
});

describe('tableFromClassifier', () => {
  it('takes types, options and allowed values from the fields', () => {
    const fields = Object.entries(schema.entities.customer!.fields).map(([key, field]) => ({
      key,
      type: field.type,
      options: field.options?.map((value) => ({ value })),
    }));
    const table = tableFromClassifier(fixtures.abc_pareto, fields);
    expect(table.inputs).toEqual([
      { key: 'revenue', type: 'number' },
      { key: 'share', type: 'number' },
    ]);
    expect(table.outputs).toEqual([{ name: 'tier', type: 'string', values: ['A', 'B', 'C'] }]);
    expect(evaluateTable(table, { revenue: '10', share: 0.7 })).toMatchObject({
      outputs: { tier: 'A' },
      matchedRules: ['a', 'b', 'c'],
      appliedRules: ['a'],
    });
  });
});
