/** Starting and stopping the built engine (apps/engine/dist/main.js) as a child process. */
import { existsSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { startNodeChild, stopChild, waitForLine } from './children.mjs';
import { stopStrayPostgres } from './data-dirs.mjs';
import { freePort, request, waitForHealthy } from './http.mjs';

export const REPOSITORY_ROOT = fileURLToPath(new URL('../../../../', import.meta.url));
export const ENGINE_MAIN = fileURLToPath(new URL('../../dist/main.js', import.meta.url));

const READY_LINE = /Formwork is running at (\S+) \(PostgreSQL: (embedded|server)\)/;
const READY_TIMEOUT_MS = 120_000;
const STOP_TIMEOUT_MS = 30_000;

/** Credentials for the first admin of a new database (or of an existing one, when given by env). */
export const ADMIN = {
  email: process.env.FORMWORK_ADMIN_EMAIL || 'bench-admin@formwork.local',
  password: process.env.FORMWORK_ADMIN_PASSWORD || 'bench-password-not-secret',
};

export function assertEngineBuilt() {
  if (!existsSync(ENGINE_MAIN)) {
    throw new Error(
      `${ENGINE_MAIN} is missing: run \`pnpm --filter @formwork/engine build\` first.`,
    );
  }
}

/**
 * The engine's environment: loopback only, quiet logs, and either the given DATABASE_URL or
 * (without one) embedded PostgreSQL in `dataDir`. A DATABASE_URL from the bench's own
 * environment never leaks into an embedded run.
 */
function engineEnv({ port, dataDir, databaseUrl }) {
  const env = {
    ...process.env,
    NODE_ENV: 'production',
    HOST: '127.0.0.1',
    PORT: String(port),
    LOG_LEVEL: 'warn',
    FORMWORK_ADMIN_EMAIL: ADMIN.email,
    FORMWORK_ADMIN_PASSWORD: ADMIN.password,
  };
  delete env.DATABASE_URL;
  if (databaseUrl) env.DATABASE_URL = databaseUrl;
  if (dataDir) env.FORMWORK_DATA_DIR = dataDir;
  return env;
}

/** Spawns the engine without waiting for it. */
export function spawnEngine({ port, dataDir, databaseUrl, env = {} }) {
  return startNodeChild(`engine :${port}`, ENGINE_MAIN, {
    cwd: REPOSITORY_ROOT,
    env: { ...engineEnv({ port, dataDir, databaseUrl }), ...env },
    stopSignal: 'SIGINT',
  });
}

/** Spawns the engine and waits until it has announced itself and /api/health answers 200. */
export async function startReadyEngine({ dataDir, databaseUrl, env }) {
  const port = await freePort();
  const engine = spawnEngine({ port, dataDir, databaseUrl, env });
  try {
    const database = await waitForAnnouncement(engine);
    await waitForHealthy(port, { child: engine, timeoutMs: 10_000 });
    return { handle: engine, port, database };
  } catch (error) {
    await stopEngine(engine, { dataDir });
    throw error;
  }
}

/** Waits for the "Formwork is running …" line, printed once the first admin exists; resolves with the database kind. */
export async function waitForAnnouncement(handle) {
  const [, , database] = await waitForLine(handle, READY_LINE, READY_TIMEOUT_MS);
  return database;
}

/**
 * SIGINT (the engine's clean shutdown, which also stops embedded PostgreSQL), then waits for the
 * exit. Resolves with a description of what went wrong, or undefined after a clean stop. With
 * `dataDir`, an embedded PostgreSQL the engine left running there is reported and stopped, so the
 * next start does not silently reuse it.
 */
export async function stopEngine(handle, { dataDir } = {}) {
  const startedAt = performance.now();
  const status = await stopChild(handle, { signal: 'SIGINT', timeoutMs: STOP_TIMEOUT_MS });
  const exitProblem = describeExitAfterSigint(status, Math.round(performance.now() - startedAt));
  const strayPid = dataDir ? await stopStrayPostgres(dataDir) : undefined;
  const problems = [exitProblem];
  if (strayPid !== undefined) {
    problems.push(`left its embedded PostgreSQL (pid ${strayPid}) running; the bench stopped it`);
  }
  const found = problems.filter(Boolean);
  return found.length === 0 ? undefined : `${handle.name} ${found.join('; ')}`;
}

function describeExitAfterSigint(status, elapsedMs) {
  if (status.forced) return `did not exit within ${STOP_TIMEOUT_MS} ms of SIGINT and was killed`;
  if (status.signal) {
    return (
      `was terminated by ${status.signal} itself ${elapsedMs} ms after SIGINT, without its clean ` +
      'shutdown (no SIGINT handler installed yet, or it did not run)'
    );
  }
  if (status.code !== 0) return `exited with code ${status.code} ${elapsedMs} ms after SIGINT`;
  return undefined;
}

/** Logs the bench admin in; resolves with the bearer token. */
export async function logIn(port) {
  const { status, body } = await request(port, {
    method: 'POST',
    path: '/api/auth/login',
    json: ADMIN,
  });
  if (status !== 200) {
    throw new Error(
      `POST /api/auth/login answered ${status}: ${body.slice(0, 300)}\n` +
        'With an existing database, set FORMWORK_ADMIN_EMAIL and FORMWORK_ADMIN_PASSWORD to an admin of it.',
    );
  }
  return JSON.parse(body).token;
}

/** Fails unless `GET path` with the given headers answers 200 (a sanity check before load). */
export async function expectOk(port, path, headers) {
  const { status, body } = await request(port, { path, headers });
  if (status !== 200) throw new Error(`GET ${path} answered ${status}: ${body.slice(0, 300)}`);
}
