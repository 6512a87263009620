/**
 * Record creation at N concurrent clients: autocannon POSTs random customers to the engine, beside
 * a child process running N concurrent loops of single-row INSERTs into the same table through a
 * pg Pool as large as the engine's. Interleaved rounds, each with a discarded warm-up.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { describeTail, startNodeChild, stopChild, waitForLine } from './children.mjs';
import { urlFor } from './http.mjs';
import { describeFailures, medianOfRounds, postJsonLoad } from './load.mjs';
import { recordsPath } from './records-api.mjs';
import { randomCustomer } from './seed.mjs';
import { median, roundTo } from './stats.mjs';

const WORKER = fileURLToPath(new URL('../workers/pg-insert-load.mjs', import.meta.url));
const OVERRUN_GRACE_MS = 30_000;

/**
 * ctx: { port, token, app, entity, table, userId, databaseUrl, settings, log, issues }
 * settings: { rounds, connections, poolSize, createWarmupSeconds, createDurationSeconds }
 */
export async function measureCreate(ctx) {
  const { settings, log } = ctx;
  const engineRounds = [];
  const rawRounds = [];
  for (let round = 1; round <= settings.rounds; round += 1) {
    engineRounds.push(await engineRound(ctx));
    log(
      `round ${round}/${settings.rounds}  engine POST …/records`.padEnd(52) +
        formatRun(engineRounds.at(-1)),
    );
    rawRounds.push(await rawRound(ctx));
    log(
      `round ${round}/${settings.rounds}  pg single-row INSERT`.padEnd(52) +
        formatRun(rawRounds.at(-1)),
    );
  }
  const engine = summarizeRounds(engineRounds);
  const raw = summarizeRounds(rawRounds);
  const written = await countWrites(ctx);
  log(
    `table ${ctx.table} holds ${written.tableRows} rows; the API also wrote ${written.historyRows} record_history and ${written.eventRows} events rows`,
  );
  return {
    written,
    engine: {
      route: `POST /api/apps/{app}/entities/${ctx.entity}/records (bearer, JSON, ${settings.connections} connections)`,
      ...engine,
    },
    raw: {
      route: `INSERT … VALUES ($1…$8), ${settings.connections} loops on a pg Pool of ${settings.poolSize}`,
      ...raw,
    },
    rowsPerSecondRatio: roundTo(engine.median.rowsPerSecond / raw.median.rowsPerSecond, 3),
    target: 0.5,
  };
}

/** What the runs left behind: the API writes a history row and an outbox event with each record. */
async function countWrites({ pool, table, app, entity }) {
  const {
    rows: [counts],
  } = await pool.query(
    `SELECT (SELECT count(*) FROM ${table})::int AS "tableRows",
       (SELECT count(*) FROM formwork.record_history WHERE app_key = $1 AND entity_key = $2)::int AS "historyRows",
       (SELECT count(*) FROM formwork.events WHERE app_key = $1 AND entity_key = $2)::int AS "eventRows"`,
    [app, entity],
  );
  return counts;
}

function summarizeRounds(rounds) {
  return {
    median: {
      ...medianOfRounds(rounds),
      rowsPerSecond: roundTo(median(rounds.map((run) => run.rowsPerSecond)), 1),
    },
    rounds,
  };
}

async function engineRound(ctx) {
  const { settings, issues } = ctx;
  const warmup = await postLoad(ctx, settings.createWarmupSeconds);
  const warmupFailures = describeFailures(warmup);
  if (warmupFailures) issues.push(`records create: engine (warm-up): ${warmupFailures}`);
  const run = await postLoad(ctx, settings.createDurationSeconds);
  const failures = describeFailures(run);
  if (failures) issues.push(`records create: engine: ${failures}`);
  return run;
}

/** autocannon POSTing a new random customer on every request. */
function postLoad({ port, token, app, entity, settings }, durationSeconds) {
  return postJsonLoad({
    url: urlFor(port, recordsPath(app, entity)),
    headers: { authorization: `Bearer ${token}` },
    connections: settings.connections,
    durationSeconds,
    body: randomCustomer,
  });
}

/** One run of the raw-INSERT child (its own warm-up, then the measured phase). */
async function rawRound({ table, userId, databaseUrl, settings, issues }) {
  const handle = startNodeChild('pg insert load', WORKER, {
    env: {
      PATH: process.env.PATH,
      DATABASE_URL: databaseUrl,
      TABLE: table,
      USER_ID: userId,
      POOL_SIZE: String(settings.poolSize),
      CONCURRENCY: String(settings.connections),
      WARMUP_SECONDS: String(settings.createWarmupSeconds),
      DURATION_SECONDS: String(settings.createDurationSeconds),
    },
  });
  try {
    const timeoutMs =
      (settings.createWarmupSeconds + settings.createDurationSeconds) * 1_000 + OVERRUN_GRACE_MS;
    const [, json] = await waitForLine(handle, /^RESULT (\{.*\})$/, timeoutMs);
    const result = JSON.parse(json);
    const status =
      (await Promise.race([handle.exited, sleep(10_000, undefined)])) ??
      (await stopChild(handle, { timeoutMs: 5_000 }));
    if (status.forced || status.code !== 0)
      issues.push(
        `records create: pg insert load did not exit cleanly (${JSON.stringify(status)})`,
      );
    if (result.errors > 0)
      issues.push(
        `records create: pg baseline: ${result.errors} failed INSERTs (first: ${result.firstError})`,
      );
    if (handle.problemCount > 0)
      issues.push(`records create: pg insert load printed: ${describeTail(handle)}`);
    return {
      requestsPerSecond: result.insertsPerSecond,
      rowsPerSecond: result.insertsPerSecond,
      latencyP50Ms: result.latencyP50Ms,
      latencyP99Ms: result.latencyP99Ms,
      requests: result.inserts,
      non2xx: 0,
      errors: result.errors,
      timeouts: 0,
    };
  } finally {
    await stopChild(handle, { timeoutMs: 5_000 });
  }
}

function formatRun(run) {
  const failures = describeFailures(run);
  return `${Math.round(run.requestsPerSecond)} req/s, ${Math.round(run.rowsPerSecond)} rows/s, p50 ${run.latencyP50Ms} ms, p99 ${run.latencyP99Ms} ms${failures ? `  !! ${failures}` : ''}`;
}
