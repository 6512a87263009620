/**
 * Throughput of the engine beside baselines measured in the same run. Every server runs in its own
 * child process for the whole suite; the targets are measured in interleaved rounds so that a
 * noisy moment on the machine spreads over all of them instead of hitting one.
 */
import { fileURLToPath } from 'node:url';
import { startNodeChild, stopChild } from './children.mjs';
import { createDataDir, embeddedDatabaseUrl, removeDataDir } from './data-dirs.mjs';
import { expectOk, logIn, startReadyEngine, stopEngine } from './engine.mjs';
import { freePort, urlFor, waitForHealthy } from './http.mjs';
import { describeFailures, describeRun, medianOfRounds, runLoad } from './load.mjs';
import { roundTo } from './stats.mjs';

const serverScript = (name) => fileURLToPath(new URL(`../servers/${name}.mjs`, import.meta.url));
const BASELINE_START_TIMEOUT_MS = 15_000;
const MAX_REPORTED_LOG_LINES = 10;

const BASELINES = [
  {
    id: 'node-http',
    server: 'node:http (bare)',
    route: 'GET /api/health (static JSON)',
    script: 'node-http',
  },
  {
    id: 'fastify',
    server: 'Fastify (bare)',
    route: 'GET /api/health (static JSON)',
    script: 'fastify',
  },
  {
    id: 'fastify-pg',
    server: 'Fastify + pg Pool',
    route: 'GET /api/health (SELECT 1)',
    script: 'fastify-pg',
    usesDatabase: true,
  },
];

/**
 * settings: { databaseUrl?, poolSize, connections, durationSeconds, warmupSeconds, rounds, log, issues }
 * Resolves with { database, targets, ratios }.
 */
export async function measureThroughput(settings) {
  const systems = { baselines: [] };
  try {
    await startSystems(systems, settings);
    const targets = defineTargets(systems);
    const measured = await runRounds(targets, settings);
    return { database: systems.database, targets: measured, ratios: engineRatios(measured) };
  } finally {
    await stopSystems(systems, settings.issues);
  }
}

/** Fills `systems` as it goes, so that a failure half-way still lets stopSystems stop what started. */
async function startSystems(systems, { databaseUrl, poolSize, log }) {
  if (!databaseUrl) systems.dataDir = await createDataDir();
  systems.engine = await startReadyEngine({ dataDir: systems.dataDir, databaseUrl });
  systems.database = systems.engine.database;
  systems.databaseUrl = databaseUrl ?? (await embeddedDatabaseUrl(systems.dataDir));
  systems.token = await logIn(systems.engine.port);
  await expectOk(systems.engine.port, '/api/auth/me', bearer(systems.token));
  log(`engine ready on port ${systems.engine.port} (PostgreSQL: ${systems.database}), logged in`);
  for (const baseline of BASELINES) {
    const env = baseline.usesDatabase
      ? { DATABASE_URL: systems.databaseUrl, POOL_SIZE: String(poolSize) }
      : {};
    systems.baselines.push({ ...baseline, ...(await startBaseline(baseline, env)) });
    log(`${baseline.server} ready on port ${systems.baselines.at(-1).port}`);
  }
}

async function startBaseline({ server, script }, extraEnv) {
  const port = await freePort();
  const handle = startNodeChild(server, serverScript(script), {
    env: { PATH: process.env.PATH, PORT: String(port), ...extraEnv },
  });
  try {
    await waitForHealthy(port, { child: handle, timeoutMs: BASELINE_START_TIMEOUT_MS });
  } catch (error) {
    await stopChild(handle);
    throw error;
  }
  return { handle, port };
}

function bearer(token) {
  return { authorization: `Bearer ${token}` };
}

function defineTargets({ baselines, engine, token }) {
  const engineTarget = { kind: 'engine', server: 'Formwork engine', port: engine.port };
  return [
    ...baselines.map(({ id, server, route, port }) => ({
      id,
      kind: 'baseline',
      server,
      route,
      port,
      path: '/api/health',
    })),
    { ...engineTarget, id: 'engine-health', route: 'GET /api/health', path: '/api/health' },
    {
      ...engineTarget,
      id: 'engine-me',
      route: 'GET /api/auth/me (bearer)',
      path: '/api/auth/me',
      headers: bearer(token),
    },
  ];
}

async function runRounds(targets, settings) {
  const runsById = new Map(targets.map((target) => [target.id, []]));
  for (let round = 1; round <= settings.rounds; round += 1) {
    for (const target of targets) {
      const run = await measureOnce(target, settings);
      runsById.get(target.id).push(run);
      settings.log(
        `round ${round}/${settings.rounds}  ${label(target).padEnd(48)} ${formatRun(run)}`,
      );
    }
  }
  return targets.map(({ id, kind, server, route }) => {
    const rounds = runsById.get(id);
    return { id, kind, server, route, median: medianOfRounds(rounds), rounds };
  });
}

/** A warm-up run (discarded, but its failures are reported), then the measured run. */
async function measureOnce(target, { connections, durationSeconds, warmupSeconds, issues }) {
  const load = { url: urlFor(target.port, target.path), headers: target.headers, connections };
  const warmup = describeRun(await runLoad({ ...load, durationSeconds: warmupSeconds }));
  noteFailures(`${label(target)} (warm-up)`, warmup, issues);
  const run = describeRun(await runLoad({ ...load, durationSeconds }));
  noteFailures(label(target), run, issues);
  return run;
}

function label(target) {
  return `${target.server} ${target.route}`;
}

function formatRun(run) {
  const failures = describeFailures(run);
  return `${Math.round(run.requestsPerSecond)} req/s, p50 ${run.latencyP50Ms} ms, p99 ${run.latencyP99Ms} ms${failures ? `  !! ${failures}` : ''}`;
}

function noteFailures(what, run, issues) {
  const failures = describeFailures(run);
  if (failures) issues.push(`throughput: ${what}: ${failures}`);
}

/** For each engine route: engine req/s divided by each baseline's (and the p99 latencies likewise). */
function engineRatios(measured) {
  const baselines = measured.filter((target) => target.kind === 'baseline');
  return measured
    .filter((target) => target.kind === 'engine')
    .map((engine) => ({
      engineTarget: engine.id,
      route: engine.route,
      against: baselines.map((baseline) => ({
        baseline: baseline.id,
        server: baseline.server,
        requestsPerSecondRatio: roundTo(
          engine.median.requestsPerSecond / baseline.median.requestsPerSecond,
          3,
        ),
        latencyP99Ratio: roundTo(engine.median.latencyP99Ms / baseline.median.latencyP99Ms, 2),
      })),
    }));
}

/** Stops every server that started (engine last: it owns the embedded database), reporting problems. */
async function stopSystems(systems, issues) {
  for (const { handle } of systems.baselines) {
    const status = await stopChild(handle);
    if (status.forced || status.code !== 0)
      issues.push(`throughput: ${handle.name} did not stop cleanly (${JSON.stringify(status)})`);
    reportLogProblems(handle, issues);
  }
  if (systems.engine) {
    const stopProblem = await stopEngine(systems.engine.handle, { dataDir: systems.dataDir });
    if (stopProblem) issues.push(`throughput: ${stopProblem}`);
    reportLogProblems(systems.engine.handle, issues);
  }
  if (systems.dataDir) {
    const problem = await removeDataDir(systems.dataDir);
    if (problem) issues.push(`throughput: ${problem}`);
  }
}

function reportLogProblems(handle, issues) {
  if (handle.problemCount === 0) return;
  issues.push(
    `throughput: ${handle.name} logged ${handle.problemCount} warning/error line(s); first ones:`,
  );
  for (const line of handle.problems.slice(0, MAX_REPORTED_LOG_LINES))
    issues.push(`    ${line.slice(0, 500)}`);
}
