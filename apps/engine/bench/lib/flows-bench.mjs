/**
 * Flows: instances started and driven through five automatic steps plus one task, as durable
 * transitions per second, beside raw XState in-memory transitions and one `pg` transaction per
 * step measured in the same run; timer lateness p95 of waits firing while that load runs.
 *
 * Env: BENCH_FLOWS_INSTANCES (300), BENCH_FLOWS_CLIENTS (16), BENCH_FLOWS_TIMERS (200).
 */
import { performance } from 'node:perf_hooks';
import { randomBytes } from 'node:crypto';
import { compileFlow, createFlowMachine } from '@formwork/flows';
import pg from 'pg';
import { initialTransition, transition } from 'xstate';
import { createDataDir, embeddedDatabaseUrl, removeDataDir } from './data-dirs.mjs';
import { logIn, startReadyEngine, stopEngine } from './engine.mjs';
import { createApi } from './records-api.mjs';
import { median, roundTo } from './stats.mjs';

const STEPS = ['s1', 's2', 's3', 's4', 's5'];
/** start + five steps + the task: transitions each instance makes. */
const TRANSITIONS_PER_INSTANCE = STEPS.length + 2;

const customerEntity = {
  key: 'customer',
  name: '客户',
  fields: [
    { key: 'name', name: '名称', type: 'text' },
    ...STEPS.map((step) => ({ key: step, name: step, type: 'integer' })),
    { key: 'note', name: '备注', type: 'text' },
  ],
};

function careFlow() {
  const nodes = [
    { id: 'start', type: 'start', data: {} },
    ...STEPS.map((step, index) => ({
      id: step,
      type: 'update_record',
      data: { set: { [step]: index + 1 } },
    })),
    {
      id: 'call',
      type: 'form_task',
      data: { title: '回访', form: 'note', assignee: { role: 'admin' } },
    },
    { id: 'end', type: 'end', data: {} },
  ];
  const order = nodes.map((node) => node.id);
  return {
    name: '五步关怀',
    trigger: { type: 'manual', entity: 'customer' },
    graph: {
      nodes,
      edges: order
        .slice(1)
        .map((target, index) => ({ id: `e${index}`, source: order[index], target })),
    },
  };
}

function waitFlow() {
  return {
    name: '等待两秒',
    trigger: { type: 'manual', entity: 'customer' },
    graph: {
      nodes: [
        { id: 'start', type: 'start', data: {} },
        { id: 'wait', type: 'wait', data: { duration: 'PT2S' } },
        { id: 'end', type: 'end', data: {} },
      ],
      edges: [
        { id: 'a', source: 'start', target: 'wait' },
        { id: 'b', source: 'wait', target: 'end' },
      ],
    },
  };
}

export function flowsSettings(suite) {
  const number = (name, fallback) => Number(process.env[name] ?? fallback);
  return {
    rounds: suite.rounds,
    instances: number('BENCH_FLOWS_INSTANCES', 300),
    clients: number('BENCH_FLOWS_CLIENTS', 16),
    timers: number('BENCH_FLOWS_TIMERS', 200),
  };
}

/** Runs `work(i)` for i < count with `clients` at a time. */
async function inParallel(count, clients, work) {
  let next = 0;
  await Promise.all(
    Array.from({ length: clients }, async () => {
      while (next < count) await work(next++);
    }),
  );
}

/** suite: { rounds, databaseUrl?, log, issues } */
export async function measureFlows(suite) {
  const settings = flowsSettings(suite);
  const dataDir = suite.databaseUrl ? undefined : await createDataDir();
  const engine = await startReadyEngine({ dataDir, databaseUrl: suite.databaseUrl });
  const url = suite.databaseUrl ?? (await embeddedDatabaseUrl(dataDir));
  const pool = new pg.Pool({ connectionString: url, max: 10, options: '-c jit=off' });
  pool.on('error', () => {});
  const token = await logIn(engine.port);
  const api = createApi(engine.port, token, { maxSockets: settings.clients + 4 });
  const app = suite.databaseUrl ? `bench_flows_${randomBytes(4).toString('hex')}` : 'bench_flows';
  const log = (line) => suite.log(`  ${line}`);
  try {
    await api.call('POST', '/api/apps', { json: { key: app, name: '流程基准 (flows bench)' } });
    await api.call('PUT', `/api/apps/${app}/entities/customer`, { json: customerEntity });
    await api
      .call('PUT', `/api/apps/${app}/forms/note`, {
        json: { name: '回访记录', entity: 'customer', design: { fields: ['note'] } },
        expect: [200, 201],
      })
      .catch(() =>
        api.call('PUT', `/api/apps/${app}/forms/note`, {
          json: { name: '回访记录', entity: 'customer' },
        }),
      );
    for (const [key, flow] of [
      ['care', careFlow()],
      ['pause', waitFlow()],
    ]) {
      await api.call('PUT', `/api/apps/${app}/flows/${key}`, { json: flow });
      await api.call('POST', `/api/apps/${app}/flows/${key}/publish`, { expect: [200] });
    }
    const durable = [];
    const lateness = [];
    for (let round = 0; round < settings.rounds; round += 1) {
      const result = await driveRound({ api, pool, app, settings });
      durable.push(result.transitionsPerSecond);
      lateness.push(result.latenessP95Ms);
      log(
        `round ${round + 1}: ${Math.round(result.transitionsPerSecond)} transitions/s, timer lateness p95 ${Math.round(result.latenessP95Ms)} ms`,
      );
    }
    const xstate = measureXState();
    const pgSteps = await measurePgSteps(pool, settings);
    log(
      `XState in memory: ${Math.round(xstate)} transitions/s; pg, one transaction per step: ${Math.round(pgSteps)}/s`,
    );
    return {
      settings,
      durable: durable.map((value) => Math.round(value)),
      latenessP95Ms: lateness.map((value) => Math.round(value)),
      xstatePerSecond: Math.round(xstate),
      pgStepsPerSecond: Math.round(pgSteps),
    };
  } finally {
    api.close();
    await pool.end().catch(() => {});
    const problem = await stopEngine(engine.handle, { dataDir });
    if (problem) suite.issues.push(`flows: ${problem}`);
    if (dataDir) await removeDataDir(dataDir);
  }
}

/** One round: instances through their steps and task while waits fire; transitions/s and lateness. */
async function driveRound({ api, pool, app, settings }) {
  const customers = [];
  await inParallel(settings.instances, settings.clients, async (index) => {
    const { data } = await api.call('POST', `/api/apps/${app}/entities/customer/records`, {
      json: { name: `客户 ${index}` },
    });
    customers.push(data.id);
  });
  const startedAt = performance.now();
  const timers = Promise.all(
    Array.from({ length: settings.timers }, (_, index) =>
      api.call('POST', `/api/apps/${app}/flows/pause/instances`, {
        json: { recordId: customers[index % customers.length] },
      }),
    ),
  );
  const instances = [];
  await inParallel(settings.instances, settings.clients, async (index) => {
    const { data } = await api.call('POST', `/api/apps/${app}/flows/care/instances`, {
      json: { recordId: customers[index] },
    });
    instances.push(data.id);
  });
  const waiting = new Set(instances);
  const completed = new Set();
  while (completed.size < instances.length) {
    const tasks = (await api.call('GET', '/api/tasks?assignee=me&status=open')).data.filter(
      (task) => waiting.has(task.instanceId),
    );
    await inParallel(tasks.length, settings.clients, async (index) => {
      const task = tasks[index];
      await api.call('POST', `/api/tasks/${task.id}/complete`, {
        json: { data: { note: '已回访' } },
        expect: [200, 409],
      });
      waiting.delete(task.instanceId);
    });
    const { rows } = await pool.query(
      `SELECT id FROM formwork.flow_instances WHERE id = ANY($1::uuid[]) AND status = 'completed'`,
      [instances],
    );
    for (const row of rows) completed.add(row.id);
    if (tasks.length === 0 && completed.size < instances.length)
      await new Promise((resolve) => setTimeout(resolve, 20));
  }
  const seconds = (performance.now() - startedAt) / 1000;
  await timers;
  const { rows } = await pool.query(
    `SELECT percentile_cont(0.95) WITHIN GROUP (ORDER BY extract(epoch FROM fired_at - due_at)) * 1000 AS p95,
            count(*) FILTER (WHERE t.status = 'pending')::int AS pending
       FROM formwork.flow_timers t JOIN formwork.flow_instances i ON i.id = t.instance_id
      WHERE i.flow_key = 'pause' AND t.due_at > now() - interval '5 minutes'`,
  );
  return {
    transitionsPerSecond: (instances.length * TRANSITIONS_PER_INSTANCE) / seconds,
    latenessP95Ms: Number(rows[0].p95 ?? 0),
  };
}

/** The same machine driven in memory: start, five STEP_COMPLETED, one TASK_COMPLETED. */
function measureXState() {
  const { config } = compileFlow(careFlow());
  const machine = createFlowMachine(config);
  const count = 20_000;
  const startedAt = performance.now();
  for (let i = 0; i < count; i += 1) {
    let [snapshot] = initialTransition(machine, { record: { name: 'x' }, input: {} });
    for (const step of STEPS)
      [snapshot] = transition(machine, snapshot, { type: 'STEP_COMPLETED', nodeId: step });
    [snapshot] = transition(machine, snapshot, {
      type: 'TASK_COMPLETED',
      nodeId: 'call',
      data: {},
    });
    if (snapshot.status !== 'done') throw new Error('the in-memory machine did not finish');
  }
  return (count * TRANSITIONS_PER_INSTANCE) / ((performance.now() - startedAt) / 1000);
}

/** One pg transaction per step (lock the row, write it, a history row), at the same concurrency. */
async function measurePgSteps(pool, settings) {
  await pool
    .query(
      `CREATE TEMP TABLE IF NOT EXISTS bench_state (id int PRIMARY KEY, step int, snapshot jsonb)`,
    )
    .catch(() => {});
  await pool.query(
    `CREATE TABLE IF NOT EXISTS public.bench_flow_state (id int PRIMARY KEY, step int, snapshot jsonb)`,
  );
  await pool.query(
    `CREATE TABLE IF NOT EXISTS public.bench_flow_history (id bigserial, instance int, step int, at timestamptz DEFAULT now())`,
  );
  await pool.query(`TRUNCATE public.bench_flow_state, public.bench_flow_history`);
  const count = settings.instances;
  await pool.query(
    `INSERT INTO public.bench_flow_state SELECT g, 0, '{}' FROM generate_series(1, $1) g`,
    [count],
  );
  const startedAt = performance.now();
  await inParallel(count, Math.min(settings.clients, 5), async (index) => {
    const client = await pool.connect();
    try {
      for (let step = 1; step <= TRANSITIONS_PER_INSTANCE; step += 1) {
        await client.query('BEGIN');
        await client.query(`SELECT * FROM public.bench_flow_state WHERE id = $1 FOR UPDATE`, [
          index + 1,
        ]);
        await client.query(
          `UPDATE public.bench_flow_state SET step = $2, snapshot = $3 WHERE id = $1`,
          [index + 1, step, JSON.stringify({ step })],
        );
        await client.query(
          `INSERT INTO public.bench_flow_history (instance, step) VALUES ($1, $2)`,
          [index + 1, step],
        );
        await client.query('COMMIT');
      }
    } finally {
      client.release();
    }
  });
  const seconds = (performance.now() - startedAt) / 1000;
  await pool.query(`DROP TABLE public.bench_flow_state, public.bench_flow_history`);
  return (count * TRANSITIONS_PER_INSTANCE) / seconds;
}

export function flowsReport(result) {
  const durable = median(result.durable);
  return [
    `Flows (${result.settings.instances} instances × (start + 5 automatic steps + 1 task), ${result.settings.clients} clients, ${result.settings.timers} PT2S waits alongside):`,
    `  durable: ${durable} transitions/s (target ≥ 1,000/s; rounds ${result.durable.join(', ')}) — ${roundTo(durable / result.pgStepsPerSecond, 2)}× of one pg transaction per step (${result.pgStepsPerSecond}/s), raw XState in memory ${result.xstatePerSecond}/s`,
    `  timer lateness p95 under that load: ${median(result.latenessP95Ms)} ms (target < 1,000 ms; rounds ${result.latenessP95Ms.join(', ')})`,
  ].join('\n');
}
