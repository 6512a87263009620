/**
 * The entities/records figures: record creation, deep paging on a large table and CSV import,
 * each beside a baseline measured in the same run. Runs its own engine (embedded PostgreSQL in a
 * temp dir, or DATABASE_URL) and removes everything it made.
 */
import { randomBytes } from 'node:crypto';
import os from 'node:os';
import pg from 'pg';
import { createDataDir, embeddedDatabaseUrl, removeDataDir } from './data-dirs.mjs';
import { logIn, startReadyEngine, stopEngine } from './engine.mjs';
import { ApiError, createApi } from './records-api.mjs';
import { measureCreate } from './records-create.mjs';
import { measureImport } from './records-import.mjs';
import { measureList } from './records-list.mjs';
import { customerEntity } from './seed.mjs';
import { roundTo } from './stats.mjs';

const MAX_REPORTED_LOG_LINES = 10;
const STATEMENT_TIMEOUT_MS = 300_000;

function positiveIntegerFromEnv(name, fallback) {
  const text = process.env[name];
  if (!text) return fallback;
  const value = Number(text);
  if (!Number.isInteger(value) || value < 1)
    throw new Error(`${name} must be a positive whole number (got ${JSON.stringify(text)})`);
  return value;
}

/**
 * Settings of this part, from the suite's (rounds, connections, pool size, warm-up) and env:
 * BENCH_RECORDS_DURATION_SECONDS (create load per run, default 6), BENCH_RECORDS_LIST_ROWS
 * (1,000,000), BENCH_RECORDS_WALK_PAGES (200), BENCH_RECORDS_IMPORT_ROWS (100,000).
 */
export function recordsSettings(suite) {
  return {
    rounds: suite.rounds,
    connections: suite.connections,
    poolSize: suite.poolSize,
    createWarmupSeconds: suite.warmupSeconds,
    createDurationSeconds: positiveIntegerFromEnv('BENCH_RECORDS_DURATION_SECONDS', 6),
    listRows: positiveIntegerFromEnv('BENCH_RECORDS_LIST_ROWS', 1_000_000),
    firstPageSamples: 15,
    walkPages: positiveIntegerFromEnv('BENCH_RECORDS_WALK_PAGES', 200),
    walkers: 4,
    walkerPages: 20,
    pgSamples: 10,
    importRows: positiveIntegerFromEnv('BENCH_RECORDS_IMPORT_ROWS', 100_000),
  };
}

const loadAverage = () => os.loadavg().map((load) => roundTo(load, 2));

/** suite: the suite's settings plus { databaseUrl?, log, issues }. */
export async function measureRecords(suite) {
  const settings = recordsSettings(suite);
  const { databaseUrl, log } = suite;
  const issues = [];
  const systems = {};
  const startedAt = Date.now();
  try {
    if (!databaseUrl) systems.dataDir = await createDataDir();
    systems.engine = await startReadyEngine({ dataDir: systems.dataDir, databaseUrl });
    const url = databaseUrl ?? (await embeddedDatabaseUrl(systems.dataDir));
    const token = await logIn(systems.engine.port);
    systems.api = createApi(systems.engine.port, token);
    const userId = (await systems.api.call('GET', '/api/auth/me')).data.id;
    systems.pool = new pg.Pool({
      connectionString: url,
      max: 2,
      application_name: 'formwork-bench-records',
      statement_timeout: STATEMENT_TIMEOUT_MS, // the seed and VACUUM included
    });
    systems.pool.on('error', () => {});
    // A server database may hold other apps: this run's app gets a name of its own.
    const app = databaseUrl ? `bench_records_${randomBytes(4).toString('hex')}` : 'bench_records';
    await systems.api.call('POST', '/api/apps', {
      json: { key: app, name: '基准测试 (records bench)' },
    });
    systems.app = app;
    log(
      `engine ready on port ${systems.engine.port} (PostgreSQL: ${systems.engine.database}), app ${app}`,
    );

    const context = (entity) => ({
      api: systems.api,
      pool: systems.pool,
      port: systems.engine.port,
      token,
      app,
      entity,
      table: entity && `"app_${app}"."${entity}"`,
      userId,
      databaseUrl: url,
      settings,
      log: (line) => log(`  ${line}`),
      issues,
    });

    log(
      `create: ${settings.connections} concurrent clients, ${settings.createWarmupSeconds} s warm-up + ${settings.createDurationSeconds} s, ${settings.rounds} interleaved rounds`,
    );
    await putEntity(systems.api, app, 'customer');
    const createLoad = loadAverage();
    const create = { ...(await measureCreate(context('customer'))), loadAverage: createLoad };

    log(
      `list: ${settings.listRows.toLocaleString('en-US')} rows, filter city = 上海, sort -amount, ${settings.walkPages} pages deep, ${settings.rounds} runs`,
    );
    await putEntity(systems.api, app, 'customer_1m');
    const list = await measureList(context('customer_1m'));

    log(`import: ${settings.importRows.toLocaleString('en-US')}-row CSV, ${settings.rounds} runs`);
    const importLoad = loadAverage();
    const imported = { ...(await measureImport(context(undefined))), loadAverage: importLoad };

    return {
      database: systems.engine.database,
      settings,
      create,
      list,
      import: imported,
      issues,
      seconds: Math.round((Date.now() - startedAt) / 1_000),
      loadAverageAtEnd: loadAverage(),
    };
  } finally {
    await stopSystems(systems, issues, log);
    suite.issues.push(...issues);
  }
}

async function putEntity(api, app, entity) {
  await api.call('PUT', `/api/apps/${app}/entities/${entity}`, {
    json: customerEntity(entity),
    timeoutMs: 60_000,
  });
}

async function stopSystems(systems, issues, log) {
  if (systems.app && systems.api && systems.dataDir === undefined) {
    // On a server database, remove what this run made (an embedded one goes with its dir).
    try {
      await systems.api.call('DELETE', `/api/apps/${systems.app}?confirm=${systems.app}`, {
        expect: [204, 200],
        timeoutMs: 120_000,
      });
    } catch (error) {
      issues.push(
        `records: could not delete app ${systems.app}: ${error instanceof ApiError ? error.message : error}`,
      );
    }
  }
  systems.api?.close();
  await systems.pool?.end().catch(() => {});
  if (systems.engine) {
    const problem = await stopEngine(systems.engine.handle, { dataDir: systems.dataDir });
    if (problem) issues.push(`records: ${problem}`);
    const { handle } = systems.engine;
    if (handle.problemCount > 0) {
      issues.push(
        `records: ${handle.name} logged ${handle.problemCount} warning/error line(s); first ones:`,
      );
      for (const line of handle.problems.slice(0, MAX_REPORTED_LOG_LINES))
        issues.push(`    ${line.slice(0, 500)}`);
    }
  }
  if (systems.dataDir) {
    const problem = await removeDataDir(systems.dataDir);
    if (problem) issues.push(`records: ${problem}`);
  }
  if (systems.engine) log('engine stopped, temp data removed');
}
