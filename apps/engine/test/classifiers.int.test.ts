import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { ClassifierDefinitionInput, EntityRecord, Job } from '@formwork/definitions';
import { CLASSIFIER_PRESETS } from '@formwork/rules';
import { customerEntity, orderEntity } from './support/classifier-data.js';
import { refusal } from './support/refusal.js';
import { startTestEngine, type TestEngine } from './support/test-engine.js';

let t: TestEngine;
beforeAll(async () => {
  t = await startTestEngine();
  await t.admin.apps.create({ key: 'crm', name: '客户管理' });
  await t.admin.entities.put('crm', customerEntity);
  await t.admin.entities.put('crm', orderEntity);
});
afterAll(() => t.stop());

const abc: ClassifierDefinitionInput = {
  ...CLASSIFIER_PRESETS.abc_amount,
  triggers: ['on_change'],
};

const createCustomer = (values: Record<string, unknown>) =>
  t.admin.records.create('crm', 'customer', { name: '客户', ...values });

async function finished(jobId: string): Promise<Job> {
  for (;;) {
    const job = await t.admin.jobs.get(jobId);
    if (job.status !== 'queued' && job.status !== 'running') return job;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

const count = async (text: string) => (await t.sql<{ n: number }>(text))[0]!.n;

const eventsOf = (recordId: string, type: string) =>
  t.sql<{ payload: Record<string, unknown> }>(
    `SELECT payload FROM formwork.events WHERE record_id = $1 AND type = $2 ORDER BY id`,
    [recordId, type],
  );

describe('defining classifiers', () => {
  it('creates, keeps the version when nothing changed, and versions changes', async () => {
    const created = await t.admin.classifiers.put('crm', 'abc', abc);
    expect(created).toMatchObject({ key: 'abc', version: 1, entity: 'customer' });
    expect(created.rules.map((rule) => rule.id)).toEqual(['a', 'b', 'c']);
    expect((await t.admin.classifiers.put('crm', 'abc', abc)).version).toBe(1);
    const changed = await t.admin.classifiers.put('crm', 'abc', {
      ...abc,
      rules: abc.rules.map((rule) => ({ ...rule, description: `rule ${rule.id}` })),
    });
    expect(changed.version).toBe(2);
    expect((await t.admin.classifiers.list('crm')).items.map((item) => item.key)).toContain('abc');
  });

  it('gives generated rule ids that survive reordering', async () => {
    const rules = [
      { when: ['>= 100'], then: ['"A"'] },
      { when: ['< 100'], then: ['"B"'] },
    ];
    const first = await t.admin.classifiers.put('crm', 'unnamed', {
      ...abc,
      triggers: ['manual'],
      rules,
    });
    const [a, b] = first.rules;
    const reordered = await t.admin.classifiers.put('crm', 'unnamed', {
      ...abc,
      triggers: ['manual'],
      rules: [first.rules[1]!, first.rules[0]!],
    });
    expect(reordered.rules.map((rule) => rule.id)).toEqual([b!.id, a!.id]);
    await t.admin.classifiers.delete('crm', 'unnamed');
  });

  it.each([
    ['an unparseable cell', { rules: [{ when: ['>= 5000 x'], then: ['"A"'] }] }, '/rules/0/when/0'],
    [
      'an output value outside the options',
      { rules: [{ when: ['-'], then: ['"Z"'] }] },
      '/rules/0/then/0',
    ],
    [
      'a cell of the wrong type',
      { rules: [{ when: ['"many"'], then: ['"A"'] }] },
      '/rules/0/when/0',
    ],
    ['an output that is no field', { outputs: [{ field: 'grade' }] }, '/outputs/0/field'],
    ['a missing entity', { entity: 'supplier' }, '/entity'],
    [
      'an aggregate over a missing relation',
      {
        inputs: [
          {
            key: 'total_amount',
            source: { aggregate: 'sum', entity: 'order', via: 'buyer', field: 'amount' },
          },
        ],
      },
      '/inputs/0/source/via',
    ],
    [
      'population measures on change',
      { ...CLASSIFIER_PRESETS.abc_pareto, triggers: ['on_change'] },
      '/triggers/0',
    ],
    ['a bad schedule', { triggers: ['schedule:0 25 * * *'] }, '/triggers/0'],
    ['an unknown key', { colour: 'red' }, '/colour'],
  ])('refuses %s with the path to it, storing nothing', async (_, change, path) => {
    const problem = await refusal(t.admin.classifiers.put('crm', 'refused', { ...abc, ...change }));
    expect(problem.status).toBe(422);
    expect(problem.problem.errors?.map((error) => error.path)).toContain(path);
    expect((await refusal(t.admin.classifiers.get('crm', 'refused'))).status).toBe(404);
  });

  it('accepts overlapping UNIQUE rules with a warning', async () => {
    const overlapping = await t.admin.classifiers.put('crm', 'overlap', {
      ...abc,
      triggers: ['manual'],
      rules: [
        { id: 'big', when: ['>= 100'], then: ['"A"'] },
        { id: 'bigger', when: ['>= 200'], then: ['"B"'] },
      ],
    });
    expect((overlapping as unknown as { warnings: { path: string }[] }).warnings).toEqual(
      expect.arrayContaining([expect.objectContaining({ path: '/rules/1' })]),
    );
  });

  it('answers 409 on a stale If-Match', async () => {
    const problem = await refusal(
      t.admin.classifiers.put('crm', 'abc', abc, { expectedVersion: 1 }),
    );
    expect(problem.status).toBe(409);
  });
});

describe('evaluate', () => {
  it('answers outputs and matched rules, writing nothing', async () => {
    const result = await t.admin.classifiers.evaluate('crm', 'abc', { total_amount: 6_000_000 });
    expect(result).toMatchObject({ outputs: { tier: 'A' }, matchedRules: ['a'] });
    expect(
      (await t.admin.classifiers.evaluate('crm', 'abc', { total_amount: null })).outputs,
    ).toEqual({
      tier: 'C',
    });
  });

  it('names both rules when a UNIQUE table is hit twice', async () => {
    const problem = await refusal(
      t.admin.classifiers.evaluate('crm', 'overlap', { total_amount: 500 }),
    );
    expect(problem.status).toBe(422);
    expect(problem.problem.detail).toContain('big');
    expect(problem.problem.detail).toContain('bigger');
  });
});

describe('on change', () => {
  it('classifies a created and an edited record in the same write', async () => {
    const created = await createCustomer({ total_amount: 6_000_000 });
    expect(created.tier).toBe('A');
    const edited = await t.admin.records.update(
      'crm',
      'customer',
      created.id,
      { total_amount: 2_000_000 },
      {
        expectedVersion: created.version,
      },
    );
    expect(edited).toMatchObject({ tier: 'B', version: created.version + 1 });
    // The user's next If-Match still holds: classification did not bump the version.
    const again = await t.admin.records.update(
      'crm',
      'customer',
      created.id,
      { name: '改名' },
      {
        expectedVersion: edited.version,
      },
    );
    expect(again.tier).toBe('B');

    const changes = await eventsOf(created.id, 'classification_changed');
    expect(changes.map((event) => [event.payload.from, event.payload.to])).toEqual([
      [{ tier: null }, { tier: 'A' }],
      [{ tier: 'A' }, { tier: 'B' }],
    ]);
    expect(changes[1]!.payload).toMatchObject({
      classifier: 'abc',
      cause: 'on_change',
      rules: ['b'],
    });
    expect(await eventsOf(created.id, 'record_updated')).toHaveLength(2); // the two edits only
  });

  it('re-classifies a customer when one of its orders changes', async () => {
    await t.admin.classifiers.put('crm', 'spend', {
      name: '消费分层',
      entity: 'customer',
      hitPolicy: 'FIRST',
      inputs: [
        {
          key: 'spend',
          source: {
            aggregate: 'sum',
            entity: 'order',
            via: 'customer',
            field: 'amount',
            where: { field: 'status', op: 'eq', value: 'paid' },
          },
        },
      ],
      outputs: [{ field: 'segment', default: '无消费' }],
      rules: [
        { id: 'big', when: ['>= 1000'], then: ['"大客户"'] },
        { id: 'small', when: ['> 0'], then: ['"小客户"'] },
      ],
      triggers: ['on_change'],
    });
    const customer = await createCustomer({ total_amount: 10 });
    expect(customer.segment).toBe('无消费');
    const order = await t.admin.records.create('crm', 'order', {
      customer: customer.id,
      amount: 300,
      status: 'paid',
    });
    const segment = async () => (await t.admin.records.get('crm', 'customer', customer.id)).segment;
    expect(await segment()).toBe('小客户');
    await t.admin.records.create('crm', 'order', {
      customer: customer.id,
      amount: 900,
      status: 'paid',
    });
    expect(await segment()).toBe('大客户');
    await t.admin.records.update('crm', 'order', order.id, { status: 'refunded' });
    expect(await segment()).toBe('小客户');
    await t.admin.records.delete('crm', 'order', order.id);
    expect(await segment()).toBe('小客户');

    const explanation = await t.admin.classifiers.explain('crm', 'customer', customer.id, 'spend');
    expect(explanation).toMatchObject({
      inputs: { spend: 900 },
      matchedRules: ['small'],
      outputs: { segment: '小客户' },
    });
  });

  it('classifies many concurrent creates, each in its own answer', async () => {
    const amounts = Array.from({ length: 40 }, (_, index) => index * 200_000);
    const created = await Promise.all(
      amounts.map((amount) => createCustomer({ total_amount: amount })),
    );
    for (const record of created) {
      const amount = record.total_amount as number;
      expect(record.tier).toBe(amount >= 5_000_000 ? 'A' : amount >= 1_000_000 ? 'B' : 'C');
    }
  });
});

describe('preview and run', () => {
  let ids: string[] = [];
  beforeAll(async () => {
    const customers: EntityRecord[] = [];
    for (const amount of [100, 2_000_000, 3_000_000, 7_000_000])
      customers.push(await createCustomer({ total_amount: amount }));
    ids = customers.map((customer) => customer.id);
  });

  it('previews an unsaved table: distribution, what moves, a sample', async () => {
    const lower = {
      ...abc,
      rules: [
        { id: 'a', when: ['>= 2500000'], then: ['"A"'] },
        { id: 'b', when: ['[1000000..2500000)'], then: ['"B"'] },
        { id: 'c', when: ['< 1000000'], then: ['"C"'] },
      ],
    };
    const preview = await t.admin.classifiers.preview('crm', 'abc', lower);
    const live = await count(
      `SELECT count(*)::int AS n FROM app_crm.customer WHERE deleted_at IS NULL`,
    );
    expect(preview.total).toBe(live);
    expect(Object.values(preview.distribution).reduce((sum, n) => sum + n, 0)).toBe(live);
    expect(preview.transitions).toEqual(
      expect.arrayContaining([expect.objectContaining({ from: 'B', to: 'A' })]),
    );
    expect(preview.sample.map((row) => row.id)).toContain(ids[2]);
    expect(preview.changes).toBe(preview.transitions.reduce((sum, move) => sum + move.count, 0));
    // Nothing was written.
    expect((await t.admin.records.get('crm', 'customer', ids[2]!)).tier).toBe('B');
  });

  it('runs a Pareto classifier as a job and explains each record', async () => {
    await t.admin.classifiers.put('crm', 'pareto', {
      ...CLASSIFIER_PRESETS.abc_pareto,
      inputs: [
        { key: 'revenue', source: { field: 'total_amount' } },
        { key: 'share', source: { measure: 'cume_share', of: 'revenue' } },
      ],
      outputs: [{ field: 'lifecycle' }],
      rules: [
        { id: 'a', when: ['-', '<= 0.7'], then: ['"active"'] },
        { id: 'b', when: ['-', '<= 0.9'], then: ['"lapsing"'] },
        { id: 'c', when: ['-', '-'], then: ['"lost"'] },
      ],
      triggers: ['manual'],
    });
    const { jobId } = await t.admin.classifiers.run('crm', 'pareto');
    const job = await finished(jobId);
    expect(job).toMatchObject({ status: 'completed', progress: 1 });
    const live = await count(
      `SELECT count(*)::int AS n FROM app_crm.customer WHERE deleted_at IS NULL`,
    );
    expect(job.result).toMatchObject({ total: live, changed: live });
    const top = await t.admin.records.get('crm', 'customer', ids[3]!);
    expect(top.lifecycle).toBe('active');
    const explanation = await t.admin.classifiers.explain('crm', 'customer', ids[3]!, 'pareto');
    expect(explanation).toMatchObject({
      classifier: 'pareto',
      version: 1,
      matchedRules: ['a', 'b', 'c'],
    });
    expect(explanation.inputs.revenue).toBe(7_000_000);

    // A second run changes nothing and writes no events.
    const before = await count(
      `SELECT count(*)::int AS n FROM formwork.events WHERE type = 'classification_changed'`,
    );
    const second = await finished((await t.admin.classifiers.run('crm', 'pareto')).jobId);
    expect(second.result).toMatchObject({ total: live, changed: 0 });
    const after = await count(
      `SELECT count(*)::int AS n FROM formwork.events WHERE type = 'classification_changed'`,
    );
    expect(after).toBe(before);
    // The first run's table was replaced by the second's.
    const tables = await t.sql(
      `SELECT tablename FROM pg_tables WHERE schemaname = 'formwork_runs'`,
    );
    expect(tables).toHaveLength(1);
  });

  it('reports records that hit a UNIQUE overlap instead of classifying them', async () => {
    const { jobId } = await t.admin.classifiers.run('crm', 'overlap');
    const job = await finished(jobId);
    expect((job.result as { conflicts: number }).conflicts).toBeGreaterThan(0);
    const preview = await t.admin.classifiers.preview('crm', 'overlap');
    expect(preview.conflicts[0]).toMatchObject({ problem: 'overlap', rules: ['big', 'bigger'] });
  });
});

describe('DMN', () => {
  it('exports DMN 1.3 and imports it back as a new classifier', async () => {
    const xml = await t.admin.classifiers.exportDmn('crm', 'abc');
    expect(xml).toContain('https://www.omg.org/spec/DMN/20191111/MODEL/');
    expect(xml).toContain('&gt;= 5000000');
    const imported = await t.admin.classifiers.importDmn('crm', xml, {
      key: 'abc_copy',
      entity: 'customer',
    });
    expect(imported).toMatchObject({ key: 'abc_copy', hitPolicy: 'UNIQUE', entity: 'customer' });
    const original = await t.admin.classifiers.get('crm', 'abc');
    expect(imported.rules.map((rule) => [rule.when, rule.then])).toEqual(
      original.rules.map((rule) => [rule.when, rule.then]),
    );
  });

  it('refuses a document that is not DMN, storing nothing', async () => {
    for (const xml of ['<not-xml', '<definitions xmlns="urn:other"/>', '']) {
      const problem = await refusal(
        t.admin.classifiers.importDmn('crm', xml, { key: 'bad', entity: 'customer' }),
      );
      expect(problem.status).toBe(422);
    }
    expect((await refusal(t.admin.classifiers.get('crm', 'bad'))).status).toBe(404);
  });
});
