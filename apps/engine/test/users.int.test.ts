import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { refusal } from './support/refusal.js';
import { startTestEngine, type TestEngine } from './support/test-engine.js';

let t: TestEngine;
beforeAll(async () => {
  t = await startTestEngine();
});
afterAll(() => t.stop());

const countUsers = async () =>
  (await t.sql<{ n: number }>('SELECT count(*)::int AS n FROM formwork.users'))[0]!.n;

describe('users', () => {
  it('an admin creates users of every role, who can then log in', async () => {
    for (const role of ['admin', 'builder', 'staff', 'viewer'] as const) {
      const { client, user } = await t.userWith([role]);
      expect(await client.auth.me()).toEqual({
        id: user.id,
        email: user.email,
        name: user.name,
        roles: [role],
      });
    }
    const audit = await t.sql(`SELECT * FROM formwork.audit_log WHERE action = 'user.create'`);
    expect(audit.length).toBeGreaterThanOrEqual(4);
  });

  it('keeps Chinese names intact', async () => {
    const created = await t.admin.users.create({
      email: 'zhang.san@example.cn',
      name: '张三（客户经理）',
      password: 'secret-password',
      roles: ['staff'],
    });
    expect((await t.admin.users.get(created.id)).name).toBe('张三（客户经理）');
  });

  it('refuses unknown roles, bad emails and unknown keys with one error per field, writing nothing', async () => {
    const before = await countUsers();
    const error = await refusal(
      t.admin.users.create({
        email: 'not-an-email',
        name: 'X',
        password: 'short',
        roles: ['root' as 'admin'],
        isAdmin: true,
      } as never),
    );
    expect(error.status).toBe(422);
    expect(error.fieldErrors.map((e) => e.path).sort()).toEqual([
      '/email',
      '/isAdmin',
      '/password',
      '/roles/0',
    ]);
    expect(await countUsers()).toBe(before);
  });

  it('refuses a duplicate email (any case) with 409 on /email', async () => {
    await t.admin.users.create({
      email: 'dup@example.com',
      name: 'A',
      password: 'secret-password',
      roles: ['viewer'],
    });
    const before = await countUsers();
    const error = await refusal(
      t.admin.users.create({
        email: 'DUP@example.com',
        name: 'B',
        password: 'secret-password',
        roles: ['viewer'],
      }),
    );
    expect(error.status).toBe(409);
    expect(error.fieldErrors).toEqual([{ path: '/email', message: 'is already taken' }]);
    expect(await countUsers()).toBe(before);
  });

  it('pages through users with keyset cursors and refuses tampered cursors', async () => {
    const seen = new Set<string>();
    let cursor: string | undefined;
    do {
      const page = await t.admin.users.list({ limit: 2, cursor });
      expect(page.items.length).toBeLessThanOrEqual(2);
      for (const user of page.items) seen.add(user.id);
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    expect(seen.size).toBe(await countUsers());
    expect((await refusal(t.admin.users.list({ cursor: 'garbage' }))).status).toBe(400);
    const auditCursor = Buffer.from(JSON.stringify(['audit', '5'])).toString('base64url');
    expect((await refusal(t.admin.users.list({ cursor: auditCursor }))).status).toBe(400);
    expect((await refusal(t.admin.users.list({ limit: 501 }))).status).toBe(400);
  });

  it('updates roles, deactivates users (their sessions stop working) and audits before/after', async () => {
    const { client, user } = await t.userWith(['viewer']);
    const updated = await t.admin.users.update(user.id, {
      roles: ['staff', 'viewer'],
      name: 'Renamed',
    });
    expect(updated).toMatchObject({ roles: ['staff', 'viewer'], name: 'Renamed' });
    const [row] = await t.sql<{ before: { roles: string[] }; after: { roles: string[] } }>(
      `SELECT before, after FROM formwork.audit_log WHERE action = 'user.update' AND subject_id = $1`,
      [user.id],
    );
    expect(row).toMatchObject({
      before: { roles: ['viewer'] },
      after: { roles: ['staff', 'viewer'] },
    });
    await t.admin.users.update(user.id, { active: false });
    expect((await refusal(client.auth.me())).status).toBe(401);
  });

  it('a password reset ends the user sessions, and reactivation revives none', async () => {
    const reset = await t.userWith(['staff']);
    await t.admin.users.update(reset.user.id, { password: 'brand-new-password' });
    expect((await refusal(reset.client.auth.me())).status).toBe(401);
    await t.anonymous().auth.login({ email: reset.user.email, password: 'brand-new-password' });

    const paused = await t.userWith(['staff']);
    await t.admin.users.update(paused.user.id, { active: false });
    await t.admin.users.update(paused.user.id, { active: true });
    expect((await refusal(paused.client.auth.me())).status).toBe(401);
  });

  it('an admin cannot lock themselves out', async () => {
    const me = await t.admin.auth.me();
    const error = await refusal(t.admin.users.update(me.id, { roles: ['viewer'], active: false }));
    expect(error.status).toBe(422);
    expect(error.fieldErrors.map((e) => e.path)).toEqual(['/roles', '/active']);
  });

  it('answers 400 for a malformed id and 404 for an unknown one', async () => {
    expect((await refusal(t.admin.users.get('1 OR 1=1'))).status).toBe(400);
    expect((await refusal(t.admin.users.get('00000000-0000-0000-0000-000000000000'))).status).toBe(
      404,
    );
  });
});

describe('permissions', () => {
  it.each([['builder'], ['staff'], ['viewer']] as const)(
    'a %s cannot reach user administration',
    async (role) => {
      const { client, user } = await t.userWith([role]);
      const before = await countUsers();
      expect((await refusal(client.users.list())).status).toBe(403);
      expect(
        (
          await refusal(
            client.users.create({
              email: `x-${role}@example.com`,
              name: 'X',
              password: 'secret-password',
              roles: ['admin'],
            }),
          )
        ).status,
      ).toBe(403);
      expect((await refusal(client.users.update(user.id, { roles: ['admin'] }))).status).toBe(403);
      expect((await refusal(client.audit.list())).status).toBe(403);
      expect(await countUsers()).toBe(before);
    },
  );

  it('every route except the public ones refuses anonymous requests (deny by default)', async () => {
    const document = (await (await fetch(`${t.url}/api/docs-json`)).json()) as {
      paths: Record<string, Record<string, unknown>>;
    };
    const publicRoutes = new Set([
      'GET /api/health',
      'POST /api/auth/login',
      'GET /api/public/forms/{token}',
      'POST /api/public/forms/{token}/submissions',
    ]);
    const routes = Object.entries(document.paths).flatMap(([path, methods]) =>
      Object.keys(methods).map((method) => `${method.toUpperCase()} ${path}`),
    );
    expect(routes.length).toBeGreaterThan(5);
    for (const route of routes.filter((r) => !publicRoutes.has(r))) {
      const [method, path] = route.split(' ') as [string, string];
      const url = t.url + path.replaceAll(/\{[^}]+\}/g, '00000000-0000-0000-0000-000000000000');
      const response = await fetch(url, {
        method,
        headers: { 'content-type': 'application/json' },
        body: method === 'GET' ? undefined : '{}',
      });
      expect({ route, status: response.status }).toEqual({ route, status: 401 });
    }
  });
});

describe('audit', () => {
  it('lists logins and user changes newest first', async () => {
    const page = await t.admin.audit.list({ limit: 500 });
    const actions = page.items.map((entry) => entry.action);
    expect(actions).toEqual(expect.arrayContaining(['auth.login', 'user.create', 'user.update']));
    const ids = page.items.map((entry) => Number(entry.id));
    expect(ids).toEqual([...ids].sort((a, b) => b - a));
  });
});
