import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { ApiError, FormworkClient } from '@formwork/client';
import type { EntityInput } from '@formwork/definitions';
import type { RunningEngine } from '../src/engine.js';
import {
  ADMIN_EMAIL,
  ADMIN_PASSWORD,
  startTestEngine,
  type TestEngine,
} from './support/test-engine.js';

// Two engines on one database, as behind a load balancer: each caches sessions and entity
// definitions, and must never act on a copy that another engine has made stale.
let t: TestEngine;
let other: RunningEngine;
beforeAll(async () => {
  t = await startTestEngine();
  other = await t.secondEngine();
  await t.admin.apps.create({ key: 'crm', name: '客户管理' });
  await t.admin.entities.put('crm', customer);
});
afterAll(() => t.stop());

const customer: EntityInput = {
  key: 'customer',
  name: '客户',
  fields: [{ key: 'name', name: '名称', type: 'text', required: true }],
};

const onOther = (token: string) => new FormworkClient({ baseUrl: other.url }).useToken(token);

async function statusOf(call: () => Promise<unknown>): Promise<number> {
  try {
    await call();
    return 200;
  } catch (error) {
    return (error as ApiError).status;
  }
}

/** NOTIFY reaches the other engine a moment after commit: ask until it answers `status`. */
async function eventuallyStatus(call: () => Promise<unknown>, status: number): Promise<number> {
  let last = await statusOf(call);
  for (let attempt = 0; attempt < 50 && last !== status; attempt += 1) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    last = await statusOf(call);
  }
  return last;
}

describe('sessions across engines', () => {
  it('a logout on one engine ends the session on the other', async () => {
    const { token } = await t
      .anonymous()
      .auth.login({ email: ADMIN_EMAIL, password: ADMIN_PASSWORD });
    const client = onOther(token);
    await expect(client.auth.me()).resolves.toMatchObject({ email: ADMIN_EMAIL });
    await new FormworkClient({ baseUrl: t.url }).useToken(token).auth.logout();
    expect(await eventuallyStatus(() => client.auth.me(), 401)).toBe(401);
  });

  it('deactivating a user on one engine locks them out of the other', async () => {
    const staff = await t.userWith(['staff']);
    const token = (
      await t.anonymous().auth.login({ email: staff.user.email, password: staff.password })
    ).token;
    const client = onOther(token);
    await expect(client.auth.me()).resolves.toMatchObject({ roles: ['staff'] });
    await t.admin.users.update(staff.user.id, { active: false });
    expect(await eventuallyStatus(() => client.auth.me(), 401)).toBe(401);
  });

  it('a role change on one engine applies on the other', async () => {
    const viewer = await t.userWith(['viewer']);
    const token = (
      await t.anonymous().auth.login({ email: viewer.user.email, password: viewer.password })
    ).token;
    const client = onOther(token);
    expect(await statusOf(() => client.records.create('crm', 'customer', { name: '甲' }))).toBe(
      403,
    );
    await t.admin.users.update(viewer.user.id, { roles: ['staff'] });
    expect(
      await eventuallyStatus(() => client.records.create('crm', 'customer', { name: '乙' }), 200),
    ).toBe(200);
  });
});

describe('entity definitions across engines', () => {
  it('a record written on the other engine right after a change follows the new definition', async () => {
    const token = (await t.anonymous().auth.login({ email: ADMIN_EMAIL, password: ADMIN_PASSWORD }))
      .token;
    const client = onOther(token);
    await client.records.create('crm', 'customer', { name: '缓存' }); // the other engine caches v1
    // Without the notification the other engine's copy stays stale: it must still notice.
    await t.sql(`ALTER TABLE formwork.entities DISABLE TRIGGER entities_notify`);
    try {
      await t.admin.entities.put('crm', {
        ...customer,
        fields: [
          ...customer.fields,
          { key: 'tier', name: '等级', type: 'select', options: [{ value: 'A' }, { value: 'B' }] },
        ],
      });
      const created = await client.records.create('crm', 'customer', { name: '新字段', tier: 'A' });
      expect(created).toMatchObject({ name: '新字段', tier: 'A' });
      const updated = await client.records.update('crm', 'customer', created.id, { tier: 'B' });
      expect(updated.tier).toBe('B');
      const refusal = await client.records
        .create('crm', 'customer', { name: '错误', tier: 'Z' })
        .catch((error: ApiError) => error);
      expect(refusal).toMatchObject({ status: 422 });
    } finally {
      await t.sql(`ALTER TABLE formwork.entities ENABLE TRIGGER entities_notify`);
    }
  });

  it('many concurrent creates each get their own row, history and event', async () => {
    const names = Array.from({ length: 60 }, (_, index) => `并发 ${index}`);
    const created = await Promise.all(
      names.map((name) => t.admin.records.create('crm', 'customer', { name })),
    );
    expect(new Set(created.map((record) => record.id)).size).toBe(60);
    expect(created.map((record) => record.name)).toEqual(names);
    const [counts] = await t.sql<{ history: number; events: number }>(
      `SELECT (SELECT count(*) FROM formwork.record_history WHERE record_id = ANY($1::uuid[]) AND action = 'create')::int AS history,
              (SELECT count(*) FROM formwork.events WHERE record_id = ANY($1::uuid[]) AND type = 'record_created')::int AS events`,
      [created.map((record) => record.id)],
    );
    expect(counts).toEqual({ history: 60, events: 60 });
  });
});
