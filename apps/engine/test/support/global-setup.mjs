// Finds the PostgreSQL server the tests use: DATABASE_URL when set (CI), else an embedded one.
// Each test file then creates a database of its own on it (see test-engine.ts).
import os from 'node:os';
import path from 'node:path';

export default async function globalSetup() {
  if (process.env.DATABASE_URL) {
    process.env.FORMWORK_TEST_SERVER_URL = process.env.DATABASE_URL;
    return;
  }
  let startEmbeddedPostgres;
  try {
    ({ startEmbeddedPostgres } = await import('../../dist/database/embedded-postgres.js'));
  } catch {
    throw new Error(
      'Build the engine first (pnpm build) or set DATABASE_URL: the tests start embedded PostgreSQL from apps/engine/dist.',
    );
  }
  const embedded = await startEmbeddedPostgres(path.join(os.tmpdir(), 'formwork-test-pg'));
  process.env.FORMWORK_TEST_SERVER_URL = embedded.url;
  globalThis.__FORMWORK_EMBEDDED__ = embedded;
}
