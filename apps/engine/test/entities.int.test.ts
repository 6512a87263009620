import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { ApiError, type FormworkClient } from '@formwork/client';
import type { EntityInput } from '@formwork/definitions';
import { refusal } from './support/refusal.js';
import { startTestEngine, type TestEngine } from './support/test-engine.js';

let t: TestEngine;
beforeAll(async () => {
  t = await startTestEngine();
  await t.admin.apps.create({ key: 'crm', name: '客户管理' });
});
afterAll(() => t.stop());

const customer: EntityInput = {
  key: 'customer',
  name: '客户',
  fields: [
    { key: 'name', name: '名称', type: 'text', required: true },
    {
      key: 'city',
      name: '城市',
      type: 'select',
      options: [{ value: '北京' }, { value: '上海' }, { value: '广州' }],
      indexed: true,
    },
    { key: 'total_amount', name: '累计金额', type: 'money' },
    { key: 'email', name: '邮箱', type: 'email', unique: true },
  ],
};

const order: EntityInput = {
  key: 'order',
  name: '订单',
  fields: [
    { key: 'amount', name: '金额', type: 'money', required: true },
    { key: 'customer', name: '客户', type: 'relation', target: 'customer' },
    { key: 'ordered_at', name: '下单时间', type: 'datetime' },
  ],
};

const schemaOf = async (table: string) =>
  t.sql<{ column_name: string; data_type: string; is_nullable: string }>(
    `SELECT column_name, data_type, is_nullable FROM information_schema.columns WHERE table_schema = 'app_crm' AND table_name = $1 ORDER BY ordinal_position`,
    [table],
  );

describe('entities', () => {
  it('creates real tables with typed columns; SQL keywords are fine as keys', async () => {
    const created = await t.admin.entities.put('crm', customer);
    expect(created).toMatchObject({ key: 'customer', version: 1 });
    await t.admin.entities.put('crm', order);
    const columns = await schemaOf('order');
    expect(columns.map((column) => [column.column_name, column.data_type])).toEqual(
      expect.arrayContaining([
        ['amount', 'numeric'],
        ['customer', 'uuid'],
        ['ordered_at', 'timestamp with time zone'],
        ['deleted_at', 'timestamp with time zone'],
      ]),
    );
    const again = await t.admin.entities.put('crm', order);
    expect(again.version).toBe(1);
  });

  it.each([
    ['a quote', 'bad"key'],
    ['a semicolon', 'x;drop'],
    ['a space', 'two words'],
    ['capitals', 'Customer'],
    ['a unicode look-alike', 'сustomer'],
    ['200 characters', 'a'.repeat(200)],
  ])('refuses a field key with %s, changing nothing', async (_case, key) => {
    const error = await refusal(
      t.admin.entities.put('crm', {
        ...customer,
        fields: [...customer.fields, { key, name: 'x', type: 'text' }],
      }),
    );
    expect(error.status).toBe(422);
    expect(error.fieldErrors[0]?.path).toBe('/fields/4/key');
    expect((await schemaOf('customer')).map((column) => column.column_name)).not.toContain(key);
  });

  it('refuses reserved keys, relations to missing entities and bad options with one error each', async () => {
    const error = await refusal(
      t.admin.entities.put('crm', {
        key: 'broken',
        name: 'Broken',
        fields: [
          { key: 'version', name: 'v', type: 'integer' },
          { key: 'link', name: 'l', type: 'relation', target: 'nowhere' },
          { key: 'kind', name: 'k', type: 'select' },
        ],
      }),
    );
    expect(error.status).toBe(422);
    expect(error.fieldErrors.map((e) => e.path).sort()).toEqual([
      '/fields/0/key',
      '/fields/2/options',
    ]);
    const missing = await refusal(
      t.admin.entities.put('crm', {
        key: 'broken',
        name: 'B',
        fields: [{ key: 'link', name: 'l', type: 'relation', target: 'nowhere' }],
      }),
    );
    expect(missing.fieldErrors).toEqual([
      { path: '/fields/0/target', message: 'there is no entity nowhere in this app' },
    ]);
    expect((await t.admin.entities.list('crm')).items.map((e) => e.key)).toEqual([
      'customer',
      'order',
    ]);
  });

  it('shows a plan on dry run and changes nothing', async () => {
    const plan = await t.admin.entities.plan('crm', {
      ...customer,
      fields: [...customer.fields, { key: 'phone', name: '电话', type: 'phone' }],
    });
    expect(plan.steps).toEqual([
      { action: 'add_column', field: 'phone', detail: 'add phone field phone' },
    ]);
    expect((await schemaOf('customer')).map((column) => column.column_name)).not.toContain('phone');
  });

  it('refuses data loss with a report: required without default, duplicates for unique, lossy type change', async () => {
    await t.admin.records.create('crm', 'customer', { name: '甲公司', email: 'a@example.com' });
    await t.admin.records.create('crm', 'customer', {
      name: '乙公司',
      email: 'b@example.com',
      total_amount: '1200.50',
    });
    const required = await refusal(
      t.admin.entities.put('crm', {
        ...customer,
        fields: [...customer.fields, { key: 'level', name: '等级', type: 'text', required: true }],
      }),
    );
    expect(required.status).toBe(409);
    expect(required.problem.report).toEqual([expect.objectContaining({ field: 'level', rows: 2 })]);

    const withDefault = await t.admin.entities.put('crm', {
      ...customer,
      fields: [
        ...customer.fields,
        { key: 'level', name: '等级', type: 'text', required: true, default: 'C' },
      ],
    });
    expect(withDefault.version).toBe(2);
    const rows = await t.sql<{ level: string }>(`SELECT level FROM app_crm.customer`);
    expect(rows.every((row) => row.level === 'C')).toBe(true);

    const toInteger = await refusal(
      t.admin.entities.put('crm', {
        ...customer,
        fields: customer.fields.map((f) =>
          f.key === 'total_amount' ? { ...f, type: 'integer' as const } : f,
        ),
      }),
    );
    expect(toInteger.status).toBe(409);
    expect(toInteger.problem.report).toEqual([
      expect.objectContaining({ field: 'total_amount', rows: 1, examples: [1200.5] }),
    ]);
  });

  it('archives a removed field (data kept) and restores it when its key comes back', async () => {
    const current = await t.admin.entities.get('crm', 'customer');
    const without = await t.admin.entities.put(
      'crm',
      {
        key: 'customer',
        name: '客户',
        fields: current.fields.filter((f) => f.key !== 'total_amount'),
      },
      { expectedVersion: current.version },
    );
    expect(without.archivedFields.map((f) => f.key)).toEqual(['total_amount']);
    const records = await t.admin.records.list('crm', 'customer');
    expect(records.items[0]).not.toHaveProperty('total_amount');
    const back = await t.admin.entities.put('crm', {
      key: 'customer',
      name: '客户',
      fields: current.fields,
    });
    expect(back.archivedFields).toEqual([]);
    const list = await t.admin.records.list('crm', 'customer', {
      filter: { field: 'total_amount', op: 'eq', value: 1200.5 },
    });
    expect(list.items).toHaveLength(1);
  });

  it('purges an archived field for good, and refuses to purge active ones', async () => {
    const current = await t.admin.entities.get('crm', 'customer');
    await t.admin.entities.put('crm', {
      key: 'customer',
      name: '客户',
      fields: [...current.fields, { key: 'fax', name: '传真', type: 'text' }],
    });
    const archived = await t.admin.entities.put('crm', {
      key: 'customer',
      name: '客户',
      fields: current.fields,
    });
    expect(archived.archivedFields.map((f) => f.key)).toEqual(['fax']);
    const active = await refusal(t.admin.entities.purge('crm', 'customer', ['name']));
    expect(active.status).toBe(422);
    expect(active.fieldErrors).toEqual([
      { path: '/fields/0', message: 'name is not an archived field of customer' },
    ]);
    const purged = await t.admin.entities.purge('crm', 'customer', ['fax']);
    expect(purged.archivedFields).toEqual([]);
    expect((await schemaOf('customer')).map((column) => column.column_name)).not.toContain('fax');
  });

  it('refuses a stale If-Match with 409', async () => {
    const error = await refusal(t.admin.entities.put('crm', customer, { expectedVersion: 1 }));
    expect(error.status).toBe(409);
  });
});

describe('records', () => {
  let staff: FormworkClient;
  beforeAll(async () => {
    staff = (await t.userWith(['staff'])).client;
  });

  it('creates, reads, updates with If-Match, and keeps history', async () => {
    const created = await staff.records.create('crm', 'customer', {
      name: '丙公司',
      city: '上海',
      total_amount: 5_000_000,
      email: 'c@example.com',
    });
    expect(created).toMatchObject({
      name: '丙公司',
      city: '上海',
      total_amount: 5000000,
      version: 1,
      level: 'C',
    });
    expect(created.created_at).toMatch(/Z$/);
    const updated = await staff.records.update(
      'crm',
      'customer',
      created.id,
      { total_amount: '5100000.25' },
      { expectedVersion: 1 },
    );
    expect(updated).toMatchObject({ total_amount: 5100000.25, version: 2 });
    const stale = await refusal(
      staff.records.update('crm', 'customer', created.id, { name: 'x' }, { expectedVersion: 1 }),
    );
    expect(stale.status).toBe(409);
    const history = await staff.records.history('crm', 'customer', created.id);
    expect(history.items.map((entry) => entry.action)).toEqual(['update', 'create']);
    expect(history.items[0]).toMatchObject({
      before: { total_amount: 5000000 },
      after: { total_amount: 5100000.25 },
    });
  });

  it('refuses wrong types with one error per field and writes nothing', async () => {
    const before = (
      await t.sql<{ n: number }>(`SELECT count(*)::int AS n FROM app_crm.customer`)
    )[0]!.n;
    const error = await refusal(
      staff.records.create('crm', 'customer', {
        name: 42,
        city: '深圳',
        total_amount: 'lots',
        email: 'nope',
        extra: 1,
      }),
    );
    expect(error.status).toBe(422);
    expect(error.fieldErrors.map((e) => e.path).sort()).toEqual([
      '/city',
      '/email',
      '/extra',
      '/name',
      '/total_amount',
    ]);
    expect(
      (await t.sql<{ n: number }>(`SELECT count(*)::int AS n FROM app_crm.customer`))[0]!.n,
    ).toBe(before);
  });

  it('refuses a duplicate unique value with 409 on the field, and a relation to a missing record with 422', async () => {
    const duplicate = await refusal(
      staff.records.create('crm', 'customer', { name: '丁', email: 'c@example.com' }),
    );
    expect(duplicate.status).toBe(409);
    expect(duplicate.fieldErrors).toEqual([
      { path: '/email', message: 'is already used by another record' },
    ]);
    const orphan = await refusal(
      staff.records.create('crm', 'order', {
        amount: 10,
        customer: '00000000-0000-0000-0000-000000000000',
      }),
    );
    expect(orphan.status).toBe(422);
    expect(orphan.fieldErrors[0]?.path).toBe('/customer');
  });

  it('filters by relation paths, sorts with nulls last and pages with keyset cursors', async () => {
    const shanghai = (
      await staff.records.list('crm', 'customer', {
        filter: { field: 'city', op: 'eq', value: '上海' },
      })
    ).items[0]!;
    for (const amount of [10, 20, 30])
      await staff.records.create('crm', 'order', { amount, customer: shanghai.id });
    await staff.records.create('crm', 'order', { amount: 99 });
    const viaPath = await staff.records.list('crm', 'order', {
      filter: { field: 'customer.city', op: 'eq', value: '上海' },
      sort: '-amount',
    });
    expect(viaPath.items.map((o) => o.amount)).toEqual([30, 20, 10]);

    const sorted = await staff.records.list('crm', 'customer', { sort: '-total_amount' });
    const amounts = sorted.items.map((c) => c.total_amount);
    expect(amounts.at(-1)).toBeNull();
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await staff.records.list('crm', 'customer', {
        sort: '-total_amount',
        limit: 1,
        cursor,
      });
      seen.push(...page.items.map((c) => c.id));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    expect(seen).toEqual(sorted.items.map((c) => c.id));
  });

  it('answers 400 for unknown fields, wrong operators, tampered cursors and limits over 500', async () => {
    const cases = [
      staff.records.list('crm', 'customer', { filter: { field: 'nope', op: 'eq', value: 1 } }),
      staff.records.list('crm', 'customer', { filter: { field: 'city', op: 'gt', value: '上海' } }),
      staff.records.list('crm', 'customer', { cursor: 'dGFtcGVyZWQ' }),
      staff.records.list('crm', 'customer', { limit: 501 }),
      staff.records.list('crm', 'customer', { sort: 'nope' }),
    ];
    for (const request of cases) expect((await refusal(request)).status).toBe(400);
    const page = await staff.records.list('crm', 'customer', { limit: 1 });
    expect(
      (
        await refusal(
          staff.records.list('crm', 'customer', {
            limit: 1,
            sort: '-name',
            cursor: page.nextCursor!,
          }),
        )
      ).status,
    ).toBe(400);
  });

  it('soft-deletes (absent everywhere) and restores', async () => {
    const record = await staff.records.create('crm', 'customer', { name: '戊公司' });
    await staff.records.delete('crm', 'customer', record.id);
    expect((await refusal(staff.records.get('crm', 'customer', record.id))).status).toBe(404);
    const search = await staff.records.list('crm', 'customer', { search: '戊公司' });
    expect(search.items).toHaveLength(0);
    await staff.records.restore('crm', 'customer', record.id);
    expect((await staff.records.get('crm', 'customer', record.id)).name).toBe('戊公司');
  });

  it('lets viewers read but not write, and only builders change entities', async () => {
    const viewer = (await t.userWith(['viewer'])).client;
    expect((await viewer.records.list('crm', 'customer')).items.length).toBeGreaterThan(0);
    expect((await refusal(viewer.records.create('crm', 'customer', { name: 'x' }))).status).toBe(
      403,
    );
    expect((await refusal(staff.entities.put('crm', customer))).status).toBe(403);
  });
});

describe('expand', () => {
  it('puts the related record under the relation key, and refuses non-relation fields', async () => {
    const customerRecord = await t.admin.records.create('crm', 'customer', {
      name: '己公司',
      city: '广州',
    });
    const orderRecord = await t.admin.records.create('crm', 'order', {
      amount: 5,
      customer: customerRecord.id,
    });
    const expanded = await t.admin.records.get('crm', 'order', orderRecord.id, 'customer');
    expect(expanded.customer).toMatchObject({
      id: customerRecord.id,
      name: '己公司',
      city: '广州',
    });
    const list = await t.admin.records.list('crm', 'order', {
      filter: { field: 'customer', op: 'eq', value: customerRecord.id },
      expand: 'customer,created_by',
    });
    expect(list.items[0]?.customer).toMatchObject({ name: '己公司' });
    expect(
      (await refusal(t.admin.records.get('crm', 'order', orderRecord.id, 'amount'))).status,
    ).toBe(400);
  });
});

describe('races', () => {
  it('two edits racing on one record with the same If-Match: one wins, the other gets 409', async () => {
    const record = await t.admin.records.create('crm', 'customer', { name: '庚公司' });
    const results = await Promise.allSettled([
      t.admin.records.update(
        'crm',
        'customer',
        record.id,
        { name: '庚公司 A' },
        { expectedVersion: 1 },
      ),
      t.admin.records.update(
        'crm',
        'customer',
        record.id,
        { name: '庚公司 B' },
        { expectedVersion: 1 },
      ),
    ]);
    expect(results.filter((result) => result.status === 'fulfilled')).toHaveLength(1);
    const rejected = results.find((result) => result.status === 'rejected');
    expect((rejected?.reason as ApiError).status).toBe(409);
    expect((await t.admin.records.get('crm', 'customer', record.id)).version).toBe(2);
  });

  it('two schema changes racing on one entity version: one applies, the other is refused whole', async () => {
    const current = await t.admin.entities.get('crm', 'customer');
    const withField = (key: string) => ({
      key: 'customer',
      name: '客户',
      fields: [...current.fields, { key, name: key, type: 'text' as const }],
    });
    const results = await Promise.allSettled([
      t.admin.entities.put('crm', withField('wechat'), { expectedVersion: current.version }),
      t.admin.entities.put('crm', withField('qq'), { expectedVersion: current.version }),
    ]);
    expect(results.filter((result) => result.status === 'fulfilled')).toHaveLength(1);
    const columns = (await schemaOf('customer')).map((column) => column.column_name);
    expect(columns.filter((column) => column === 'wechat' || column === 'qq')).toHaveLength(1);
  });

  it('refuses a unique constraint over duplicates, naming the values', async () => {
    await t.admin.records.create('crm', 'customer', { name: '重名' });
    await t.admin.records.create('crm', 'customer', { name: '重名' });
    const current = await t.admin.entities.get('crm', 'customer');
    const error = await refusal(
      t.admin.entities.put('crm', {
        key: 'customer',
        name: '客户',
        fields: current.fields.map((f) => (f.key === 'name' ? { ...f, unique: true } : f)),
      }),
    );
    expect(error.status).toBe(409);
    expect(error.problem.report).toEqual([
      expect.objectContaining({
        field: 'name',
        code: 'duplicates',
        problem: 'has duplicate values',
        examples: expect.arrayContaining(['重名']),
      }),
    ]);
  });
});

describe('keyset paging', () => {
  it('walks every sort shape page by page exactly like one big page', async () => {
    await t.admin.entities.put('crm', {
      key: 'deal',
      name: '商机',
      fields: [
        { key: 'title', name: '标题', type: 'text', required: true },
        { key: 'value', name: '金额', type: 'money' },
        {
          key: 'stage',
          name: '阶段',
          type: 'select',
          options: [{ value: 'lead' }, { value: 'won' }],
        },
      ],
      indexes: [{ fields: ['stage', '-value'] }],
    });
    for (let i = 0; i < 30; i += 1) {
      await t.admin.records.create('crm', 'deal', {
        title: `商机 ${i % 7}`,
        value: i % 4 === 0 ? null : (i * 37) % 11,
        stage: i % 3 === 0 ? 'won' : 'lead',
      });
    }
    const sorts = [
      '-value',
      'value',
      'title',
      '-title',
      'stage,-value',
      '-created_at',
      'title,-value',
    ];
    for (const sort of sorts) {
      const whole = (await t.admin.records.list('crm', 'deal', { sort, limit: 500 })).items.map(
        (d) => d.id,
      );
      const walked: string[] = [];
      let cursor: string | undefined;
      do {
        const page = await t.admin.records.list('crm', 'deal', { sort, limit: 4, cursor });
        walked.push(...page.items.map((d) => d.id));
        cursor = page.nextCursor ?? undefined;
      } while (cursor);
      expect({ sort, ids: walked }).toEqual({ sort, ids: whole });
    }
    const filtered = { field: 'stage', op: 'eq', value: 'lead' } as const;
    const whole = (
      await t.admin.records.list('crm', 'deal', { filter: filtered, sort: '-value', limit: 500 })
    ).items.map((d) => d.id);
    const first = await t.admin.records.list('crm', 'deal', {
      filter: filtered,
      sort: '-value',
      limit: 5,
    });
    const second = await t.admin.records.list('crm', 'deal', {
      filter: filtered,
      sort: '-value',
      limit: 500,
      cursor: first.nextCursor!,
    });
    expect([...first.items, ...second.items].map((d) => d.id)).toEqual(whole);
  });
});
