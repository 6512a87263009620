import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { ApiError } from '@formwork/client';
import { SignJWT } from 'jose';
import {
  ADMIN_EMAIL,
  ADMIN_PASSWORD,
  startTestEngine,
  type TestEngine,
} from './support/test-engine.js';

let t: TestEngine;
beforeAll(async () => {
  t = await startTestEngine({ FORMWORK_LOGIN_MAX_FAILURES: '3' });
});
afterAll(() => t.stop());

async function problemOf(promise: Promise<unknown>) {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(ApiError);
  return (error as ApiError).problem;
}

async function post(path: string, body: string, headers: Record<string, string> = {}) {
  const response = await fetch(t.url + path, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body,
  });
  return {
    status: response.status,
    type: response.headers.get('content-type'),
    body: (await response.json()) as Record<string, unknown>,
  };
}

describe('login', () => {
  it('answers a token and the user, and the token works as a bearer', async () => {
    const result = await t
      .anonymous()
      .auth.login({ email: ADMIN_EMAIL.toUpperCase(), password: ADMIN_PASSWORD });
    expect(result.user).toMatchObject({ email: ADMIN_EMAIL, roles: ['admin'] });
    expect(await t.anonymous().useToken(result.token).auth.me()).toEqual(result.user);
  });

  it('refuses a wrong password with 401 problem+json and records the failure', async () => {
    const response = await post(
      '/api/auth/login',
      JSON.stringify({ email: 'nobody@example.com', password: 'wrong-password' }),
    );
    expect(response.status).toBe(401);
    expect(response.type).toMatch(/^application\/problem\+json/);
    expect(response.body).toMatchObject({ status: 401, title: 'Unauthorized' });
    const audit = await t.sql(
      `SELECT action FROM formwork.audit_log WHERE action = 'auth.login_failed'`,
    );
    expect(audit.length).toBeGreaterThan(0);
  });

  it.each([
    ['malformed JSON', '{"email": ', 400],
    ['a JSON array', '[]', 422],
    ['missing fields', '{}', 422],
  ])('answers %s with %i', async (_case, body, status) => {
    const response = await post('/api/auth/login', body);
    expect(response.status).toBe(status);
    expect(response.type).toMatch(/^application\/problem\+json/);
  });

  it('lists each missing field with a JSON pointer', async () => {
    const response = await post('/api/auth/login', '{"extra": 1}');
    expect(response.body.errors).toEqual(
      expect.arrayContaining([
        { path: '/email', message: expect.any(String) },
        { path: '/password', message: expect.any(String) },
        { path: '/extra', message: 'is not allowed' },
      ]),
    );
  });

  it('refuses a 10 MB body with 413', async () => {
    const response = await post(
      '/api/auth/login',
      JSON.stringify({ email: 'a@b.co', password: 'x'.repeat(10 * 1024 * 1024) }),
    );
    expect(response.status).toBe(413);
  });

  it('slows down repeated failures for one account with 429 and Retry-After', async () => {
    const client = t.anonymous();
    const attempt = () =>
      problemOf(client.auth.login({ email: 'target@example.com', password: 'guess-guess' }));
    for (let i = 0; i < 3; i += 1) expect((await attempt()).status).toBe(401);
    const response = await fetch(`${t.url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'target@example.com', password: 'guess-guess' }),
    });
    expect(response.status).toBe(429);
    expect(Number(response.headers.get('retry-after'))).toBeGreaterThan(0);
  });
});

describe('tokens and sessions', () => {
  it('refuses requests without a token, with a forged token and with an expired one', async () => {
    expect((await problemOf(t.anonymous().auth.me())).status).toBe(401);
    const { token } = await t
      .anonymous()
      .auth.login({ email: ADMIN_EMAIL, password: ADMIN_PASSWORD });
    const [header, payload] = token.split('.');
    const forged = `${header}.${payload}.${'A'.repeat(43)}`;
    expect((await problemOf(t.anonymous().useToken(forged).auth.me())).status).toBe(401);
    const claims = JSON.parse(Buffer.from(payload!, 'base64url').toString()) as {
      sub: string;
      sid: string;
    };
    const signedWithOtherKey = await new SignJWT({ sid: claims.sid })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject(claims.sub)
      .setIssuer('formwork')
      .setExpirationTime('1h')
      .sign(new TextEncoder().encode('not-the-engine-secret-not-the-engine-secret'));
    expect((await problemOf(t.anonymous().useToken(signedWithOtherKey).auth.me())).status).toBe(
      401,
    );
    await t.sql(
      `UPDATE formwork.sessions SET expires_at = now() - interval '1 second' WHERE id = $1`,
      [claims.sid],
    );
    expect((await problemOf(t.anonymous().useToken(token).auth.me())).status).toBe(401);
  });

  it('refuses unsigned (alg none) tokens and tokens whose claims were changed', async () => {
    const { token } = await t
      .anonymous()
      .auth.login({ email: ADMIN_EMAIL, password: ADMIN_PASSWORD });
    const [, payload, signature] = token.split('.');
    const none = Buffer.from(JSON.stringify({ alg: 'none', typ: 'JWT' })).toString('base64url');
    expect((await problemOf(t.anonymous().useToken(`${none}.${payload}.`).auth.me())).status).toBe(
      401,
    );
    const claims = JSON.parse(Buffer.from(payload!, 'base64url').toString()) as Record<
      string,
      unknown
    >;
    const longer = Buffer.from(
      JSON.stringify({ ...claims, exp: Number(claims.exp) + 86_400 }),
    ).toString('base64url');
    const header = token.split('.')[0];
    expect(
      (await problemOf(t.anonymous().useToken(`${header}.${longer}.${signature}`).auth.me()))
        .status,
    ).toBe(401);
  });

  it('logout revokes the session', async () => {
    const { token } = await t
      .anonymous()
      .auth.login({ email: ADMIN_EMAIL, password: ADMIN_PASSWORD });
    const client = t.anonymous().useToken(token);
    await client.auth.logout();
    expect((await problemOf(client.auth.me())).status).toBe(401);
  });

  it('cookie sessions need the CSRF header for changes', async () => {
    const login = await fetch(`${t.url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: ADMIN_EMAIL, password: ADMIN_PASSWORD }),
    });
    const csrf = login.headers.get('x-csrf-token')!;
    const cookies = login.headers.getSetCookie();
    expect(cookies.find((cookie) => cookie.startsWith('fw_session='))).toMatch(/HttpOnly/i);
    const cookieHeader = cookies.map((cookie) => cookie.split(';')[0]).join('; ');
    const me = await fetch(`${t.url}/api/auth/me`, { headers: { cookie: cookieHeader } });
    expect(me.status).toBe(200);
    const withoutCsrf = await post('/api/auth/logout', '{}', { cookie: cookieHeader });
    expect(withoutCsrf.status).toBe(403);
    const withCsrf = await fetch(`${t.url}/api/auth/logout`, {
      method: 'POST',
      headers: { cookie: cookieHeader, 'x-csrf-token': csrf },
    });
    expect(withCsrf.status).toBe(204);
  });
});
