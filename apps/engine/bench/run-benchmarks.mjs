#!/usr/bin/env node
/**
 * Formwork benchmark suite. Run from the repository root after `pnpm build`:
 *
 *   node apps/engine/bench/run-benchmarks.mjs
 *
 * 1. Cold start on embedded PostgreSQL: spawn of the built engine to its first 200 from
 *    /api/health, on fresh data dirs (initdb included) and again on an existing one.
 * 2. Throughput at 50 connections (autocannon, in this process) of GET /api/health and
 *    GET /api/auth/me, beside bare node:http, bare Fastify and Fastify + pg baselines, each
 *    server in its own child process. The engine uses embedded PostgreSQL in a temp dir, or
 *    DATABASE_URL when it is set (the pg baseline then uses the same database).
 *
 * Prints a summary and Markdown for docs/benchmarks.md; writes bench/results/latest.json.
 * Optional env: BENCH_DURATION_SECONDS, BENCH_WARMUP_SECONDS, BENCH_ROUNDS,
 * BENCH_COLD_FIRST_RUNS, BENCH_COLD_LATER_RUNS; FORMWORK_ADMIN_EMAIL / FORMWORK_ADMIN_PASSWORD
 * to log in to an existing DATABASE_URL database; FORMWORK_DB_POOL_SIZE (engine and pg baseline).
 */
import os from 'node:os';
import { fileURLToPath } from 'node:url';
import { killAllChildrenNow, stopAllChildren } from './lib/children.mjs';
import { measureColdStarts } from './lib/cold-start.mjs';
import { removeAllDataDirsNow } from './lib/data-dirs.mjs';
import { assertEngineBuilt } from './lib/engine.mjs';
import { markdownReport, textReport, writeJson } from './lib/report.mjs';
import { measureThroughput } from './lib/throughput.mjs';

const RESULTS_FILE = fileURLToPath(new URL('./results/latest.json', import.meta.url));
const WATCHDOG_MS = 10 * 60_000;

function positiveIntegerFromEnv(name, fallback) {
  const text = process.env[name];
  if (!text) return fallback;
  const value = Number(text);
  if (!Number.isInteger(value) || value < 1)
    throw new Error(`${name} must be a positive whole number (got ${JSON.stringify(text)})`);
  return value;
}

function readSettings() {
  return {
    coldFirstRuns: positiveIntegerFromEnv('BENCH_COLD_FIRST_RUNS', 3),
    coldLaterRuns: positiveIntegerFromEnv('BENCH_COLD_LATER_RUNS', 5),
    connections: 50,
    durationSeconds: positiveIntegerFromEnv('BENCH_DURATION_SECONDS', 8),
    warmupSeconds: positiveIntegerFromEnv('BENCH_WARMUP_SECONDS', 2),
    rounds: positiveIntegerFromEnv('BENCH_ROUNDS', 3),
    poolSize: positiveIntegerFromEnv('FORMWORK_DB_POOL_SIZE', 10),
  };
}

function describeMachine() {
  const cpus = os.cpus();
  return {
    node: process.versions.node,
    platform: `${os.platform()} ${os.release()} ${os.arch()}`,
    cpuModel: cpus[0]?.model.trim() ?? 'unknown CPU',
    cpus: cpus.length,
    loadAverageAtStart: os.loadavg().map((load) => Math.round(load * 100) / 100),
  };
}

const log = (line) => console.log(`  ${line}`);

function heading(title) {
  console.log(`\n== ${title}`);
}

// --- never hang, never leave processes or temp dirs behind -------------------------------

let aborting = false;

async function abort(reason, exitCode) {
  if (aborting) return;
  aborting = true;
  console.error(`\nBench aborted: ${reason}\nStopping child processes…`);
  await stopAllChildren(10_000);
  process.exit(exitCode); // the 'exit' hook below removes the temp data dirs
}

function installSafetyNets() {
  process.on('exit', () => {
    killAllChildrenNow();
    removeAllDataDirsNow();
  });
  process.once('SIGINT', () => void abort('interrupted (SIGINT)', 130));
  process.once('SIGTERM', () => void abort('terminated (SIGTERM)', 143));
  setTimeout(
    () => void abort(`still running after ${WATCHDOG_MS / 60_000} minutes`, 1),
    WATCHDOG_MS,
  ).unref();
}

// --- the suite ---------------------------------------------------------------------------

function printIssues(issues) {
  heading('Engine problems seen during the bench');
  if (issues.length === 0)
    console.log(
      '  none: every response was a 2xx, no warning or error was logged, every stop was clean.',
    );
  for (const issue of issues) console.log(`  - ${issue}`);
}

async function main() {
  installSafetyNets();
  assertEngineBuilt();
  const settings = readSettings();
  const databaseUrl = process.env.DATABASE_URL || undefined;
  const issues = [];
  const machine = describeMachine();
  console.log(
    `Formwork benchmarks — Node ${machine.node}, ${machine.cpus} × ${machine.cpuModel}, load ${machine.loadAverageAtStart.join(' ')}`,
  );

  heading(
    `1. Cold start on embedded PostgreSQL (${settings.coldFirstRuns} fresh data dirs, then ${settings.coldLaterRuns} restarts)`,
  );
  const coldStart = await measureColdStarts({
    firstRuns: settings.coldFirstRuns,
    laterRuns: settings.coldLaterRuns,
    log,
    issues,
  });

  heading(
    `2. Throughput: ${settings.connections} connections, ${settings.warmupSeconds} s warm-up + ${settings.durationSeconds} s, ` +
      `${settings.rounds} rounds, PostgreSQL ${databaseUrl ? 'server (DATABASE_URL)' : 'embedded'}`,
  );
  const throughput = await measureThroughput({ ...settings, databaseUrl, log, issues });

  const results = {
    measuredAt: new Date().toISOString(),
    machine,
    settings,
    coldStart,
    throughput,
    issues,
  };
  await writeJson(RESULTS_FILE, results);

  heading('Summary (throughput figures: median of the rounds)');
  console.log(textReport(results));
  printIssues(issues);
  heading('Markdown for docs/benchmarks.md');
  console.log(`\n${markdownReport(results)}\n`);
  console.log(`Results written to ${RESULTS_FILE}`);
}

try {
  await main();
} catch (error) {
  await abort(error instanceof Error ? (error.stack ?? error.message) : String(error), 1);
}
