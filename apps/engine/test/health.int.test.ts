import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { startTestEngine, type TestEngine } from './support/test-engine.js';

let t: TestEngine;
beforeAll(async () => {
  t = await startTestEngine();
});
afterAll(() => t.stop());

describe('health and documentation', () => {
  it('reports the database', async () => {
    expect(await t.anonymous().health()).toEqual({ status: 'ok', db: 'ok' });
  });

  it('serves the OpenAPI document with the request schemas', async () => {
    const response = await fetch(`${t.url}/api/docs-json`);
    const document = (await response.json()) as {
      paths: Record<string, { post?: { requestBody?: unknown } }>;
    };
    expect(Object.keys(document.paths)).toEqual(
      expect.arrayContaining(['/api/health', '/api/auth/login', '/api/users']),
    );
    expect(JSON.stringify(document.paths['/api/users']?.post?.requestBody)).toContain('roles');
    expect((await fetch(`${t.url}/api/docs`)).status).toBe(200);
  });

  it('answers unknown API routes with a problem+json 404', async () => {
    const response = await fetch(`${t.url}/api/nothing-here`);
    expect(response.status).toBe(404);
    expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
  });

  it('reports 503 when the database is gone', async () => {
    await t.engine.app.get((await import('typeorm')).DataSource).destroy();
    const response = await fetch(`${t.url}/api/health`);
    expect(response.status).toBe(503);
    expect(await response.json()).toEqual({ status: 'error', db: 'error' });
  });
});
