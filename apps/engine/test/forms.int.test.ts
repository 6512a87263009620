import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { ApiError, FormworkClient } from '@formwork/client';
import type { EntityInput, Form, FormInput } from '@formwork/definitions';
import {
  ADMIN_EMAIL,
  ADMIN_PASSWORD,
  startTestEngine,
  type TestEngine,
} from './support/test-engine.js';

let t: TestEngine;
let staff: FormworkClient;
let customerId: string;

const customer: EntityInput = {
  key: 'customer',
  name: '客户',
  fields: [
    { key: 'name', name: '名称', type: 'text', required: true },
    { key: 'email', name: '邮箱', type: 'email', unique: true },
  ],
};
const survey: EntityInput = {
  key: 'survey',
  name: '满意度调查',
  fields: [
    { key: 'customer', name: '客户', type: 'relation', target: 'customer' },
    {
      key: 'kind',
      name: '类型',
      type: 'select',
      options: [{ value: '咨询' }, { value: '投诉' }],
      required: true,
    },
    { key: 'detail', name: '投诉详情', type: 'longtext' },
    { key: 'score', name: '满意度', type: 'integer' },
    { key: 'follow_up', name: '回访日期', type: 'date' },
    { key: 'phone', name: '电话', type: 'phone' },
  ],
};
const surveyForm: FormInput = {
  name: '满意度调查',
  entity: 'survey',
  design: {
    layout: 'sections',
    groups: [
      {
        id: 'main',
        title: '反馈',
        fields: [
          { key: 'kind', required: true },
          { key: 'detail', required: true, showWhen: { field: 'kind', op: 'eq', value: '投诉' } },
          { key: 'score', widget: 'nps' },
          { key: 'follow_up', requireWhen: { field: 'score', op: 'lte', value: 6 } },
          { key: 'phone', pattern: '^1[0-9]{10}$' },
        ],
      },
    ],
  },
};

const raw = (method: string, path: string, init: RequestInit & { token?: string } = {}) =>
  fetch(`${t.url}${path}`, {
    ...init,
    method,
    headers: {
      'content-type': 'application/json',
      ...(init.token ? { authorization: `Bearer ${init.token}` } : {}),
      ...(init.headers as Record<string, string> | undefined),
    },
  });

async function refused(call: Promise<unknown>) {
  const error = await call.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ApiError);
  return error as ApiError;
}

const surveyRows = async () =>
  (await t.sql<{ n: number }>(`SELECT count(*)::int AS n FROM app_crm.survey`))[0]!.n;

/** Rows of everything a public submission writes (a repeat must add none). */
const writtenRows = async (engine: TestEngine = t) =>
  (
    await engine.sql<{ counts: number[] }>(
      `SELECT ARRAY[(SELECT count(*) FROM formwork.form_submissions), (SELECT count(*) FROM formwork.events),
                    (SELECT count(*) FROM formwork.record_history), (SELECT count(*) FROM formwork.idempotency_keys)]::int[] AS counts`,
    )
  )[0]!.counts;

/** Waits until `check` holds (another engine hears of a change by NOTIFY, within milliseconds). */
async function eventually(check: () => Promise<boolean>, timeoutMs = 5_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('the condition did not hold in time');
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

beforeAll(async () => {
  t = await startTestEngine({ FORMWORK_PUBLIC_SUBMISSIONS_PER_MINUTE: '1000' });
  await t.admin.apps.create({ key: 'crm', name: '客户管理' });
  await t.admin.entities.put('crm', customer);
  await t.admin.entities.put('crm', survey);
  customerId = (await t.admin.records.create('crm', 'customer', { name: '张三' })).id;
  staff = (await t.userWith(['staff'])).client;
});
afterAll(() => t.stop());

describe('form definitions', () => {
  it('generates a schema from the entity when none is given', async () => {
    const form = await t.admin.forms.put('crm', 'customer_basic', {
      name: '客户',
      entity: 'customer',
    });
    expect(form).toMatchObject({
      key: 'customer_basic',
      version: 1,
      entity: 'customer',
      public: false,
    });
    expect(form.schema).toMatchObject({
      type: 'object',
      required: ['name'],
      additionalProperties: false,
      properties: { name: { type: 'string' }, email: { type: 'string', format: 'email' } },
    });
  });

  it('versions the definition: a new version only when the schema changes', async () => {
    const first = await t.admin.forms.put('crm', 'survey', surveyForm);
    expect(first.version).toBe(1);
    const renamed = await t.admin.forms.put('crm', 'survey', { ...surveyForm, name: '调查 v1' });
    expect(renamed.version).toBe(1);
    const published = await t.admin.forms.put('crm', 'survey', { ...surveyForm, public: true });
    expect(published.version).toBe(1);
    expect(published.shareToken).toMatch(/^[A-Za-z0-9_-]{20,}$/);
    const stale = await refused(
      t.admin.forms.put('crm', 'survey', { ...surveyForm, public: true }, { expectedVersion: 7 }),
    );
    expect(stale.status).toBe(409);
  });

  it.each<[string, FormInput, string]>([
    [
      'a design naming a missing field',
      {
        name: 'x',
        entity: 'survey',
        design: { layout: 'single', groups: [{ id: 'g', title: '', fields: [{ key: 'nope' }] }] },
      },
      '/design/groups/0/fields/0/key',
    ],
    [
      'a condition on a missing field',
      {
        name: 'x',
        entity: 'survey',
        design: {
          layout: 'single',
          groups: [
            {
              id: 'g',
              title: '',
              fields: [{ key: 'detail', showWhen: { field: 'gone', op: 'eq', value: 1 } }],
            },
          ],
        },
      },
      '/design/groups/0/fields/0/showWhen/field',
    ],
    [
      'a schema that is not JSON Schema',
      { name: 'x', entity: 'survey', schema: { type: 'nope' } },
      '/schema/type',
    ],
    [
      'a uiSchema naming an unknown property',
      {
        name: 'x',
        entity: 'survey',
        schema: { type: 'object', properties: { score: { type: 'integer' } } },
        uiSchema: { ghost: { 'ui:widget': 'text' } },
      },
      '/uiSchema/ghost',
    ],
    [
      'a circular $ref',
      {
        name: 'x',
        entity: 'survey',
        schema: {
          type: 'object',
          properties: { score: { $ref: '#/definitions/a' } },
          definitions: { a: { $ref: '#/definitions/a' } },
        },
      },
      '/schema',
    ],
    [
      'a pattern RE2 cannot run',
      {
        name: 'x',
        entity: 'survey',
        schema: { type: 'object', properties: { phone: { type: 'string', pattern: '(a)\\1' } } },
      },
      '/schema',
    ],
    [
      'a property the entity does not have',
      {
        name: 'x',
        entity: 'survey',
        schema: { type: 'object', properties: { salary: { type: 'number' } } },
      },
      '/schema/properties/salary',
    ],
    ['a missing entity', { name: 'x', entity: 'nothing' }, '/entity'],
    ['an unknown key', { name: 'x', entity: 'survey', colour: 'red' } as FormInput, '/colour'],
  ])('refuses %s with 422 at the offending path and stores nothing', async (_, input, path) => {
    const error = await refused(t.admin.forms.put('crm', 'bad_form', input));
    expect(error.status).toBe(422);
    expect(error.problem.errors?.map((entry) => entry.path)).toContain(path);
    await expect(t.admin.forms.get('crm', 'bad_form')).rejects.toMatchObject({ status: 404 });
  });

  it('answers 400 for malformed JSON and 403 when a viewer tries to change a form', async () => {
    const response = await raw('PUT', '/api/apps/crm/forms/x', {
      body: '{"name":',
      token: (await t.anonymous().auth.login({ email: ADMIN_EMAIL, password: ADMIN_PASSWORD }))
        .token,
    });
    expect(response.status).toBe(400);
    const viewer = (await t.userWith(['viewer'])).client;
    expect(
      (await refused(viewer.forms.put('crm', 'x', { name: 'x', entity: 'survey' }))).status,
    ).toBe(403);
  });
});

describe('staff submissions', () => {
  it('creates a record remembering the form version, with events for flows', async () => {
    const form = await t.admin.forms.get('crm', 'survey');
    const result = await staff.forms.submit('crm', 'survey', {
      data: { kind: '咨询', score: 9, detail: 'hidden, dropped' },
      formVersion: form.version,
    });
    const record = await t.admin.records.get('crm', 'survey', result.recordId!);
    expect(record).toMatchObject({ kind: '咨询', score: 9, detail: null });
    const [submission] = await t.sql(
      `SELECT form_key, form_version, public FROM formwork.form_submissions WHERE id = $1`,
      [result.submissionId],
    );
    expect(submission).toEqual({ form_key: 'survey', form_version: form.version, public: false });
    const events = await t.sql<{ type: string }>(
      `SELECT type FROM formwork.events WHERE record_id = $1 ORDER BY id`,
      [result.recordId],
    );
    expect(events.map((event) => event.type).sort()).toEqual(['form_submitted', 'record_created']);
  });

  it('reports every failing field at /data/<field>, conditional rules included, and writes nothing', async () => {
    const before = await surveyRows();
    const error = await refused(
      staff.forms.submit('crm', 'survey', {
        data: { kind: '投诉', score: 3, phone: '12345', extra: 1 },
      }),
    );
    expect(error.status).toBe(422);
    expect(error.problem.errors?.map((entry) => entry.path).sort()).toEqual(
      ['/data/detail', '/data/extra', '/data/follow_up', '/data/phone'].sort(),
    );
    expect(await surveyRows()).toBe(before);
  });

  it('refuses wrong types, a stale form version and a relation to a missing record', async () => {
    const wrongType = await refused(
      staff.forms.submit('crm', 'survey', { data: { kind: 7, score: 'ten' } }),
    );
    expect(wrongType.problem.errors?.map((entry) => entry.path).sort()).toEqual([
      '/data/kind',
      '/data/score',
    ]);
    const stale = await refused(
      staff.forms.submit('crm', 'survey', { data: { kind: '咨询' }, formVersion: 99 }),
    );
    expect(stale.status).toBe(409);
    await t.admin.forms.put('crm', 'survey_full', { name: '全部', entity: 'survey' });
    const missing = await refused(
      staff.forms.submit('crm', 'survey_full', {
        data: { kind: '咨询', customer: '00000000-0000-4000-8000-000000000000' },
      }),
    );
    expect(missing.status).toBe(422);
    expect(missing.problem.errors).toEqual([
      { path: '/data/customer', message: 'is not a record of customer' },
    ]);
  });

  it('turns a duplicate under unique into a field error', async () => {
    await staff.forms.submit('crm', 'customer_basic', {
      data: { name: '甲', email: 'a@example.com' },
    });
    const duplicate = await refused(
      staff.forms.submit('crm', 'customer_basic', { data: { name: '乙', email: 'a@example.com' } }),
    );
    expect(duplicate.status).toBe(422);
    expect(duplicate.problem.errors?.[0]?.path).toBe('/data/email');
  });

  it('stores HTML as text', async () => {
    const { recordId } = await staff.forms.submit('crm', 'customer_basic', {
      data: { name: '<script>alert(1)</script>' },
    });
    expect((await t.admin.records.get('crm', 'customer', recordId!)).name).toBe(
      '<script>alert(1)</script>',
    );
  });

  it('edits an existing record through the form', async () => {
    const { recordId } = await staff.forms.submit('crm', 'customer_basic', {
      data: { name: '丙' },
    });
    const edited = await staff.forms.submit('crm', 'customer_basic', {
      data: { name: '丙2' },
      recordId: recordId!,
    });
    expect(edited.recordId).toBe(recordId);
    expect((await t.admin.records.get('crm', 'customer', recordId!)).name).toBe('丙2');
  });
});

describe('public forms', () => {
  let form: Form;
  beforeAll(async () => {
    form = await t.admin.forms.put('crm', 'survey', { ...surveyForm, public: true });
  });
  const submitPublic = (body: unknown, headers: Record<string, string> = {}, query = '') =>
    raw('POST', `/api/public/forms/${form.shareToken}/submissions${query}`, {
      body: JSON.stringify(body),
      headers,
    });

  it('shows the form without login, and nothing else', async () => {
    const response = await raw('GET', `/api/public/forms/${form.shareToken}`);
    expect(response.status).toBe(200);
    const body = (await response.json()) as Record<string, unknown>;
    expect(Object.keys(body).sort()).toEqual(['name', 'schema', 'uiSchema', 'version']);
    expect((await raw('GET', '/api/public/forms/not-a-real-token-123')).status).toBe(404);
  });

  it('accepts a submission once per Idempotency-Key (a double tap makes one record)', async () => {
    const before = await surveyRows();
    const headers = { 'idempotency-key': 'tap-1' };
    const [first, second] = await Promise.all([
      submitPublic({ data: { kind: '咨询', score: 10 } }, headers),
      submitPublic({ data: { kind: '咨询', score: 10 } }, headers),
    ]);
    expect([first.status, second.status]).toEqual([201, 201]);
    const answer = await first.json();
    expect(await second.json()).toEqual(answer);
    const written = await writtenRows();
    const again = await submitPublic({ data: { kind: '咨询', score: 10 } }, headers);
    expect(again.status).toBe(201);
    expect(await again.json()).toEqual(answer);
    expect(await surveyRows()).toBe(before + 1);
    expect(await writtenRows()).toEqual(written);
  });

  it('makes one record of many concurrent submits with one key, whatever their data', async () => {
    const before = await surveyRows();
    const headers = { 'idempotency-key': 'tap-many' };
    const responses = await Promise.all(
      Array.from({ length: 8 }, (_, index) =>
        submitPublic(
          { data: index % 2 ? { kind: '咨询', score: index } : { kind: '投诉', detail: '慢' } },
          headers,
        ),
      ),
    );
    expect(responses.map((response) => response.status)).toEqual(Array(8).fill(201));
    const answers = await Promise.all(responses.map((response) => response.json()));
    expect(new Set(answers.map((answer) => JSON.stringify(answer))).size).toBe(1);
    expect(await surveyRows()).toBe(before + 1);
    const [submission] = await t.sql<{ id: string }>(
      `SELECT id FROM formwork.form_submissions WHERE id = $1`,
      [(answers[0] as { submissionId: string }).submissionId],
    );
    expect(submission).toBeDefined();
  });

  it('replays the first answer for a repeat that is now invalid, and lets a refused one be corrected', async () => {
    const first = await submitPublic(
      { data: { kind: '咨询', score: 7 } },
      { 'idempotency-key': 'later' },
    );
    expect(first.status).toBe(201);
    const repeat = await submitPublic({ data: { kind: '投诉' } }, { 'idempotency-key': 'later' });
    expect(repeat.status).toBe(201);
    expect(await repeat.json()).toEqual(await first.json());

    const before = await surveyRows();
    const headers = { 'idempotency-key': 'fix-me' };
    expect((await submitPublic({ data: { kind: '投诉' } }, headers)).status).toBe(422);
    const fixed = await submitPublic({ data: { kind: '投诉', detail: '发货太慢' } }, headers);
    expect(fixed.status).toBe(201);
    expect(await surveyRows()).toBe(before + 1);
  });

  it('claims a key again once it is older than 24 hours', async () => {
    const headers = { 'idempotency-key': 'old-key' };
    const first = await submitPublic({ data: { kind: '咨询' } }, headers);
    expect(first.status).toBe(201);
    await t.sql(
      `UPDATE formwork.idempotency_keys SET created_at = now() - interval '25 hours' WHERE key = 'old-key'`,
    );
    const before = await surveyRows();
    const later = await submitPublic({ data: { kind: '咨询' } }, headers);
    expect(later.status).toBe(201);
    expect(await later.json()).not.toEqual(await first.json());
    expect(await surveyRows()).toBe(before + 1);
  });

  it('keeps each answer of a concurrent batch as sent, whichever fields it fills', async () => {
    const answers = Array.from({ length: 12 }, (_, index) =>
      index % 3 === 0
        ? { kind: '投诉', detail: `第 ${index} 条`, score: 2, follow_up: '2026-12-24' }
        : index % 3 === 1
          ? { kind: '咨询', score: 9, phone: `1380000000${index % 10}` }
          : { kind: '咨询', score: 10 },
    );
    const responses = await Promise.all(answers.map((data) => submitPublic({ data })));
    expect(responses.map((response) => response.status)).toEqual(Array(12).fill(201));
    const ids = await Promise.all(
      responses.map(
        async (response) => ((await response.json()) as { submissionId: string }).submissionId,
      ),
    );
    const rows = await t.sql<Record<string, unknown> & { submission: string }>(
      `SELECT s.id AS submission, r.kind, r.detail, r.score, r.follow_up, r.phone
         FROM formwork.form_submissions s JOIN app_crm.survey r ON r.id = s.record_id
        WHERE s.id = ANY($1::uuid[])`,
      [ids],
    );
    const bySubmission = new Map(rows.map(({ submission, ...row }) => [submission, row]));
    answers.forEach((data, index) =>
      expect(bySubmission.get(ids[index]!)).toEqual({
        detail: null,
        follow_up: null,
        phone: null,
        ...data,
      }),
    );
  });

  it('links the answer to the customer named by a signed customer link', async () => {
    const link = await staff.forms.customerLink('crm', 'survey', customerId);
    const response = await submitPublic(
      { data: { kind: '咨询', score: 8 } },
      {},
      `?c=${encodeURIComponent(link.token)}`,
    );
    expect(response.status).toBe(201);
    const [row] = await t.sql<{ customer: string }>(
      `SELECT customer FROM app_crm.survey ORDER BY created_at DESC LIMIT 1`,
    );
    expect(row!.customer).toBe(customerId);
    const forged = await submitPublic(
      { data: { kind: '咨询' } },
      {},
      `?c=${encodeURIComponent(link.token.slice(0, -2) + 'xx')}`,
    );
    expect(forged.status).toBe(422);
  });

  it('refuses bad input politely and writes nothing', async () => {
    const before = await surveyRows();
    expect((await submitPublic({ data: { kind: '投诉' } })).status).toBe(422);
    expect(
      (await submitPublic({ data: { kind: '咨询', detail: 'x'.repeat(5 * 1024 * 1024) } })).status,
    ).toBe(413);
    expect((await submitPublic({ data: [] })).status).toBe(422);
    expect((await submitPublic({ data: {}, extra: 1 })).status).toBe(422);
    const bot = await submitPublic({ data: { kind: '咨询' }, _hp: 'http://spam.example' });
    expect(bot.status).toBe(201);
    const botHeaders = { 'idempotency-key': 'bot-1' };
    const keyedBot = await submitPublic({ data: { kind: '咨询' }, _hp: 'x' }, botHeaders);
    const keyedAgain = await submitPublic({ data: { kind: '咨询' }, _hp: 'x' }, botHeaders);
    expect(await keyedAgain.json()).toEqual(await keyedBot.json());
    expect(await surveyRows()).toBe(before);
    expect(await t.sql(`SELECT 1 FROM formwork.idempotency_keys WHERE key = 'bot-1'`)).toHaveLength(
      0,
    );
  });

  it('answers 410 once the form is closed or expired', async () => {
    await t.admin.forms.put('crm', 'survey', { ...surveyForm, public: true, closed: true });
    expect((await raw('GET', `/api/public/forms/${form.shareToken}`)).status).toBe(410);
    expect((await submitPublic({ data: { kind: '咨询' } })).status).toBe(410);
    await t.admin.forms.put('crm', 'survey', {
      ...surveyForm,
      public: true,
      closed: false,
      closesAt: '2020-01-01T00:00:00Z',
    });
    expect((await raw('GET', `/api/public/forms/${form.shareToken}`)).status).toBe(410);
    await t.admin.forms.put('crm', 'survey', { ...surveyForm, public: true, closesAt: null });
    expect((await raw('GET', `/api/public/forms/${form.shareToken}`)).status).toBe(200);
  });
});

describe('public forms on two engines (one database)', () => {
  let form: Form;
  let other: string;
  beforeAll(async () => {
    form = await t.admin.forms.put('crm', 'survey', { ...surveyForm, public: true });
    other = (await t.secondEngine()).url;
  });
  const submitOn = (url: string, body: unknown, headers: Record<string, string> = {}) =>
    fetch(`${url}/api/public/forms/${form.shareToken}/submissions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify(body),
    });

  it('makes one record of a double submit that reaches both engines, and replays it on either', async () => {
    for (const round of [1, 2, 3]) {
      const before = await surveyRows();
      const headers = { 'idempotency-key': `both-${round}` };
      const responses = await Promise.all([
        submitOn(t.url, { data: { kind: '咨询', score: 7 + round } }, headers),
        submitOn(other, { data: { kind: '咨询', score: 7 + round } }, headers),
        submitOn(other, { data: { kind: '投诉', detail: '重复' } }, headers),
      ]);
      expect(responses.map((response) => response.status)).toEqual([201, 201, 201]);
      const answers = await Promise.all(responses.map((response) => response.json()));
      expect(answers[1]).toEqual(answers[0]);
      expect(answers[2]).toEqual(answers[0]);
      expect(await surveyRows()).toBe(before + 1);
      const written = await writtenRows();
      const repeat = await submitOn(round % 2 ? other : t.url, { data: { kind: '咨询' } }, headers);
      expect(await repeat.json()).toEqual(answers[0]);
      expect(await writtenRows()).toEqual(written);
    }
  });

  it('closes the form on every engine (cached forms are told of the change)', async () => {
    expect((await fetch(`${other}/api/public/forms/${form.shareToken}`)).status).toBe(200);
    await t.admin.forms.put('crm', 'survey', { ...surveyForm, public: true, closed: true });
    await eventually(
      async () => (await fetch(`${other}/api/public/forms/${form.shareToken}`)).status === 410,
    );
    expect((await submitOn(other, { data: { kind: '咨询' } })).status).toBe(410);
    await t.admin.forms.put('crm', 'survey', { ...surveyForm, public: true, closed: false });
    await eventually(
      async () => (await submitOn(other, { data: { kind: '咨询' } })).status === 201,
    );
  });
});

describe('public rate limit', () => {
  it('answers 429 with Retry-After past the per-client limit', async () => {
    const limited = await startTestEngine({ FORMWORK_PUBLIC_SUBMISSIONS_PER_MINUTE: '2' });
    try {
      await limited.admin.apps.create({ key: 'crm', name: 'crm' });
      await limited.admin.entities.put('crm', customer);
      const form = await limited.admin.forms.put('crm', 'signup', {
        name: 's',
        entity: 'customer',
        public: true,
      });
      const post = () =>
        fetch(`${limited.url}/api/public/forms/${form.shareToken}/submissions`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ data: { name: 'x' } }),
        });
      expect((await post()).status).toBe(201);
      expect((await post()).status).toBe(201);
      const third = await post();
      expect(third.status).toBe(429);
      expect(Number(third.headers.get('retry-after'))).toBeGreaterThan(0);
      expect(Number(third.headers.get('retry-after'))).toBeLessThanOrEqual(60);
    } finally {
      await limited.stop();
    }
  });

  it('holds a burst to the limit, and counts the submissions of every engine in the database', async () => {
    const limit = 6;
    const limited = await startTestEngine({ FORMWORK_PUBLIC_SUBMISSIONS_PER_MINUTE: `${limit}` });
    try {
      await limited.admin.apps.create({ key: 'crm', name: 'crm' });
      await limited.admin.entities.put('crm', customer);
      const form = await limited.admin.forms.put('crm', 'signup', {
        name: 's',
        entity: 'customer',
        public: true,
      });
      const other = (await limited.secondEngine()).url;
      const post = (url: string) =>
        fetch(`${url}/api/public/forms/${form.shareToken}/submissions`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ data: { name: 'x' } }),
        });
      const burst = await Promise.all(Array.from({ length: 10 }, () => post(limited.url)));
      const statuses = burst.map((response) => response.status);
      expect(statuses.filter((status) => status === 201)).toHaveLength(limit);
      expect(statuses.filter((status) => status === 429)).toHaveLength(10 - limit);
      // The other engine has not heard of this client yet: it may admit up to half the limit on
      // its own (ADR 0010), then it asks the database, which has every engine's count.
      const elsewhere: number[] = [];
      for (let hit = 0; hit <= limit / 2; hit += 1) elsewhere.push((await post(other)).status);
      expect(elsewhere.at(-1)).toBe(429);
      expect(elsewhere.filter((status) => status === 201).length).toBeLessThanOrEqual(limit / 2);
      const refused = await post(limited.url);
      expect(refused.status).toBe(429);
      expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
      await eventually(async () => {
        const [row] = await limited.sql<{ hits: number }>(
          `SELECT sum(hits)::int AS hits FROM formwork.rate_limits WHERE bucket LIKE 'public-form:%'`,
        );
        return row?.hits === 10 + elsewhere.length + 1;
      });
    } finally {
      await limited.stop();
    }
  });
});
