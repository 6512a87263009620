import { randomBytes } from 'node:crypto';
import { FormworkClient } from '@formwork/client';
import type { Role, UserDetail } from '@formwork/definitions';
import pg from 'pg';
import { createLogger } from '../../src/common/logger.js';
import { loadConfig } from '../../src/config/config.js';
import { startEngine, type RunningEngine } from '../../src/engine.js';

export const ADMIN_EMAIL = 'admin@example.com';
export const ADMIN_PASSWORD = 'admin-password-1';

export interface TestEngine {
  engine: RunningEngine;
  url: string;
  databaseUrl: string;
  /** A client logged in as the first admin (bearer token). */
  admin: FormworkClient;
  anonymous(): FormworkClient;
  /** Creates a user with the given roles and returns a client logged in as them. */
  userWith(roles: Role[]): Promise<{ client: FormworkClient; user: UserDetail; password: string }>;
  /** Another engine on the same database (as behind a load balancer); stopped with this one. */
  secondEngine(): Promise<RunningEngine>;
  /** Runs SQL on the test database directly, to check what the engine wrote. */
  sql<T = Record<string, unknown>>(text: string, values?: unknown[]): Promise<T[]>;
  stop(): Promise<void>;
}

function serverUrl(): string {
  const url = process.env.FORMWORK_TEST_SERVER_URL;
  if (!url)
    throw new Error(
      'FORMWORK_TEST_SERVER_URL is not set: run the tests through Jest (global setup)',
    );
  return url;
}

function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

async function onServer(statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: serverUrl() });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}

/** A fresh database with real migrations, and an engine listening on a free port. */
export async function startTestEngine(env: Record<string, string> = {}): Promise<TestEngine> {
  const database = `fw_test_${randomBytes(6).toString('hex')}`;
  await onServer(`CREATE DATABASE ${database}`);
  const databaseUrl = withDatabase(serverUrl(), database);
  const config = loadConfig({
    DATABASE_URL: databaseUrl,
    PORT: '0',
    HOST: '127.0.0.1',
    FORMWORK_ADMIN_EMAIL: ADMIN_EMAIL,
    FORMWORK_ADMIN_PASSWORD: ADMIN_PASSWORD,
    FORMWORK_WEB_DIST: '/nonexistent',
    FORMWORK_DB_POOL_SIZE: '4',
    LOG_LEVEL: 'silent',
    ...env,
  });
  const engine = await startEngine(config, createLogger(config.LOG_LEVEL));
  const others: RunningEngine[] = [];
  const pool = new pg.Pool({ connectionString: databaseUrl, max: 2 });
  const anonymous = () => new FormworkClient({ baseUrl: engine.url });
  const loginAs = async (email: string, password: string) => {
    const { token } = await anonymous().auth.login({ email, password });
    return anonymous().useToken(token);
  };
  const admin = await loginAs(ADMIN_EMAIL, ADMIN_PASSWORD);
  let userCount = 0;
  return {
    engine,
    url: engine.url,
    databaseUrl,
    admin,
    anonymous,
    async userWith(roles) {
      userCount += 1;
      const password = `password-${randomBytes(4).toString('hex')}`;
      const user = await admin.users.create({
        email: `${roles.join('-')}-${userCount}@example.com`,
        name: `Test ${roles.join(' ')}`,
        password,
        roles,
      });
      return { client: await loginAs(user.email, password), user, password };
    },
    async secondEngine() {
      const other = await startEngine(config, createLogger(config.LOG_LEVEL));
      others.push(other);
      return other;
    },
    async sql<T>(text: string, values?: unknown[]): Promise<T[]> {
      const result = await pool.query(text, values);
      return result.rows as T[];
    },
    async stop() {
      await pool.end();
      for (const other of others) await other.stop();
      await engine.stop();
      await onServer(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
    },
  };
}
