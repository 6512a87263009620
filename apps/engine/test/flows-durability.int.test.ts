import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { FormworkClient } from '@formwork/client';
import pg from 'pg';
import {
  freePort,
  spawnEngine,
  waitForOutput,
  type EngineProcess,
} from './support/engine-process.js';
import { ADMIN_EMAIL, ADMIN_PASSWORD } from './support/test-engine.js';

// Real processes: the built engine (dist/main.js) twice against one PostgreSQL database, one of
// them killed with SIGKILL while instances are half-way through their steps.
const serverUrl = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const database = `fw_durable_${randomBytes(5).toString('hex')}`;
const databaseUrl = serverUrl.replace(/\/[^/]*$/, `/${database}`);
const STEPS = ['s1', 's2', 's3', 's4', 's5'];

let admin: pg.Client;
let sql: pg.Client;
const engines: EngineProcess[] = [];

const debug = (...args: unknown[]) => {
  if (process.env.DEBUG_DURABLE) console.log(new Date().toISOString(), ...args);
};

async function startEngine(): Promise<{ engine: EngineProcess; client: FormworkClient }> {
  const port = await freePort();
  debug('starting an engine on', port);
  const engine = spawnEngine({
    DATABASE_URL: databaseUrl,
    PORT: String(port),
    HOST: '127.0.0.1',
    FORMWORK_ADMIN_EMAIL: ADMIN_EMAIL,
    FORMWORK_ADMIN_PASSWORD: ADMIN_PASSWORD,
    FORMWORK_WEB_DIST: '/nonexistent',
    FORMWORK_DB_POOL_SIZE: '6',
  });
  engines.push(engine);
  await waitForOutput(engine, /Formwork is running at/);
  debug('engine up on', port);
  const anonymous = new FormworkClient({ baseUrl: `http://127.0.0.1:${port}` });
  const { token } = await anonymous.auth.login({ email: ADMIN_EMAIL, password: ADMIN_PASSWORD });
  return {
    engine,
    client: new FormworkClient({ baseUrl: `http://127.0.0.1:${port}` }).useToken(token),
  };
}

async function eventually(check: () => Promise<boolean>, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

/** Every customer has exactly one log row per step: none lost, none done twice. */
async function stepsPerCustomer(): Promise<Map<string, string[]>> {
  const { rows } = await sql.query<{ id: string; steps: string[] | null }>(
    `SELECT c.id, array_agg(l.step ORDER BY l.step) FILTER (WHERE l.id IS NOT NULL) AS steps
       FROM app_crm.customer c LEFT JOIN app_crm.log l ON l.customer = c.id GROUP BY c.id`,
  );
  return new Map(rows.map((row) => [row.id, row.steps ?? []]));
}

const allDone = async () => {
  const { rows } = await sql.query<{ open: number; customers: number; instances: number }>(
    `SELECT (SELECT count(*)::int FROM formwork.flow_instances WHERE status <> 'completed') AS open,
            (SELECT count(*)::int FROM app_crm.customer) AS customers,
            (SELECT count(*)::int FROM formwork.flow_instances) AS instances`,
  );
  const { open, customers, instances } = rows[0]!;
  debug({ open, customers, instances });
  return open === 0 && instances === customers;
};

beforeAll(async () => {
  admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${database}`);
  sql = new pg.Client({ connectionString: databaseUrl });
  await sql.connect();
});

afterAll(async () => {
  for (const engine of engines) if (engine.child.exitCode === null) engine.child.kill('SIGKILL');
  await Promise.all(engines.map((engine) => engine.exited));
  await sql.end();
  await admin.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
  await admin.end();
});

describe('durable flows', () => {
  it('finishes every instance exactly once after a kill -9, and with two engines', async () => {
    const first = await startEngine();
    await first.client.apps.create({ key: 'crm', name: '客户管理' });
    await first.client.entities.put('crm', {
      key: 'customer',
      name: '客户',
      fields: [{ key: 'name', name: '名称', type: 'text' }],
    });
    await first.client.entities.put('crm', {
      key: 'log',
      name: '步骤记录',
      fields: [
        { key: 'customer', name: '客户', type: 'relation', target: 'customer', indexed: true },
        { key: 'step', name: '步骤', type: 'text' },
      ],
    });
    const nodes = STEPS.map((step) => ({
      id: step,
      type: 'create_record',
      data: { entity: 'log', values: { customer: '{{record.id}}', step } },
    }));
    const chain = ['start', ...STEPS, 'end'];
    await first.client.flows.put('crm', 'chain', {
      name: '五步',
      trigger: { type: 'record_created', entity: 'customer' },
      graph: {
        nodes: [
          { id: 'start', type: 'start', data: {} },
          ...nodes,
          { id: 'end', type: 'end', data: {} },
        ],
        edges: chain
          .slice(1)
          .map((target, index) => ({ id: `e${index}`, source: chain[index]!, target })),
      },
    });
    await first.client.flows.publish('crm', 'chain');

    // Kill the engine while 30 instances are in the middle of their steps.
    const creates = Array.from({ length: 30 }, (_, index) =>
      first.client.records
        .create('crm', 'customer', { name: `客户 ${index}` })
        .catch(() => undefined),
    );
    await new Promise((resolve) => setTimeout(resolve, 400));
    first.engine.child.kill('SIGKILL');
    debug('killed');
    await Promise.all(creates);
    await first.engine.exited;
    debug('creates settled, engine gone');
    const { rows: half } = await sql.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM formwork.flow_instances WHERE status <> 'completed'`,
    );
    expect(half[0]!.n + (await stepsPerCustomer()).size).toBeGreaterThan(0);

    // Two engines now: the restart finishes what the killed one left, and both share new work.
    const second = await startEngine();
    const third = await startEngine();
    await Promise.all(
      Array.from({ length: 40 }, (_, index) =>
        (index % 2 === 0 ? second : third).client.records.create('crm', 'customer', {
          name: `新客户 ${index}`,
        }),
      ),
    );
    debug('created the second batch');
    await eventually(allDone, 90_000);
    const steps = await stepsPerCustomer();
    expect(steps.size).toBeGreaterThanOrEqual(40);
    for (const [customer, done] of steps) expect([customer, done]).toEqual([customer, STEPS]);
  }, 180_000);
});
