import { describe, expect, it } from '@jest/globals';
import { entityInputSchema, type EntityInput } from '@formwork/definitions';
import { planEntityChange, type StoredDefinition } from './plan-entity-change.js';

const parse = (input: EntityInput) => entityInputSchema.parse(input);
const context = { existingEntities: new Set(['customer']) };

const stored: StoredDefinition = {
  name: '订单',
  fields: [
    { key: 'amount', name: '金额', type: 'money', required: true },
    { key: 'note', name: '备注', type: 'text' },
  ],
  archivedFields: [{ key: 'legacy', name: '旧字段', type: 'integer', archived: true }],
  indexes: [],
};

const kinds = (input: EntityInput, current: StoredDefinition | null = stored) =>
  planEntityChange(current ?? undefined, parse(input), context).steps.map((step) =>
    'field' in step ? `${step.kind}:${step.field.key}` : step.kind,
  );

describe('planEntityChange', () => {
  it('creates a table with its columns, constraints and relation indexes', () => {
    expect(
      kinds(
        {
          key: 'order',
          name: '订单',
          fields: [
            { key: 'amount', name: '金额', type: 'money', required: true, unique: true },
            { key: 'customer', name: '客户', type: 'relation', target: 'customer' },
          ],
        },
        null,
      ),
    ).toEqual([
      'create_table',
      'add_column:amount',
      'set_required:amount',
      'add_unique:amount',
      'add_column:customer',
      'add_index:customer',
    ]);
  });

  it('plans nothing for an identical definition', () => {
    expect(kinds({ key: 'order', name: '订单', fields: stored.fields })).toEqual([]);
  });

  it.each([
    [
      'a type change',
      [{ key: 'amount', name: '金额', type: 'integer', required: true }, stored.fields[1]],
      ['change_type:amount'],
    ],
    ['a removed field', [stored.fields[0]], ['archive_column:note']],
    [
      'a restored field',
      [...stored.fields, { key: 'legacy', name: '旧字段', type: 'integer' }],
      ['restore_column:legacy'],
    ],
    [
      'optional to required',
      [stored.fields[0], { ...stored.fields[1], required: true }],
      ['set_required:note'],
    ],
    [
      'a renamed display name',
      [{ ...stored.fields[0], name: 'Amount' }, stored.fields[1]],
      ['update_metadata'],
    ],
    ['a reorder', [stored.fields[1], stored.fields[0]], ['update_metadata']],
  ])('plans %s', (_case, fields, expected) => {
    expect(kinds({ key: 'order', name: '订单', fields: fields as EntityInput['fields'] })).toEqual(
      expected,
    );
  });

  it('sees no change in options whose keys come back from jsonb in another order', () => {
    const withOptions: StoredDefinition = {
      ...stored,
      fields: [
        {
          key: 'tag',
          name: '标签',
          type: 'select',
          options: [{ label: 'Gold', value: 'gold' }],
        },
      ],
    };
    expect(
      kinds(
        {
          key: 'order',
          name: '订单',
          fields: [
            {
              key: 'tag',
              name: '标签',
              type: 'select',
              options: [{ value: 'gold', label: 'Gold' }],
            },
          ],
        },
        withOptions,
      ),
    ).toEqual([]);
  });

  it('archives without NOT NULL or UNIQUE so inserts keep working', () => {
    const plan = planEntityChange(
      stored,
      parse({ key: 'order', name: '订单', fields: [stored.fields[1]!] }),
      context,
    );
    expect(plan.next.archivedFields.find((field) => field.key === 'amount')).toMatchObject({
      archived: true,
      required: false,
      unique: false,
    });
  });

  it('reports relations to missing entities and invalid defaults as field errors, never throwing', () => {
    const plan = planEntityChange(
      undefined,
      parse({
        key: 'order',
        name: '订单',
        fields: [
          { key: 'buyer', name: '买家', type: 'relation', target: 'person' },
          { key: 'amount', name: '金额', type: 'money', default: 'lots' },
        ],
      }),
      context,
    );
    expect(plan.errors.map((error) => error.path)).toEqual([
      '/fields/0/target',
      '/fields/1/default',
    ]);
  });

  it('allows a relation to the entity itself', () => {
    const plan = planEntityChange(
      undefined,
      parse({
        key: 'staff',
        name: '员工',
        fields: [{ key: 'manager', name: '上级', type: 'relation', target: 'staff' }],
      }),
      context,
    );
    expect(plan.errors).toEqual([]);
  });
});
