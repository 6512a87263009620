#!/usr/bin/env node
/**
 * Formwork benchmark suite. Run from the repository root after `pnpm build`:
 *
 *   node apps/engine/bench/run-benchmarks.mjs [cold-start] [throughput] [records] [forms] [classifiers] [flows] [flow-editor]
 *
 * With no argument every part runs; with names, only those (e.g. `… run-benchmarks.mjs records`).
 *
 * 1. Cold start on embedded PostgreSQL: spawn of the built engine to its first 200 from
 *    /api/health, on fresh data dirs (initdb included) and again on an existing one.
 * 2. Throughput at 50 connections (autocannon, in this process) of GET /api/health and
 *    GET /api/auth/me, beside bare node:http, bare Fastify and Fastify + pg baselines, each
 *    server in its own child process. The engine uses embedded PostgreSQL in a temp dir, or
 *    DATABASE_URL when it is set (the pg baseline then uses the same database).
 * 3. Records (lib/records-bench.mjs): record create at 50 clients beside raw INSERTs; a filtered,
 *    sorted list on 1,000,000 seeded rows paged deep by cursor beside the same SQL through pg;
 *    a 100,000-row CSV import beside a multi-row INSERT baseline.
 * 4. Forms (lib/forms-bench.mjs): public form submissions at 50 clients beside the plain record
 *    create into the same entity (same engine, interleaved rounds); the public page's JS size.
 * 5. Classifiers (lib/classifiers-bench.mjs): batch ABC (Pareto) + lifecycle + RFM over 1,000,000
 *    customers and 5,000,000 orders beside hand-written SQL and json-rules-engine; the added
 *    latency of a record write with three on-change classifiers.
 * 6. Flows (lib/flows-bench.mjs): durable transitions/s (start + five automatic steps + a task)
 *    beside raw XState and one pg transaction per step; timer lateness p95 under that load.
 * 7. Flow editor (lib/flow-editor-bench.mjs): in Chromium, keystroke / select / drag to the next
 *    painted frame on a 300-node flow beside a 12-node one.
 *
 * Prints a summary and Markdown for docs/benchmarks.md; writes bench/results/latest.json (or,
 * for some parts only, latest-<parts>.json).
 * Optional env: BENCH_DURATION_SECONDS, BENCH_WARMUP_SECONDS, BENCH_ROUNDS,
 * BENCH_COLD_FIRST_RUNS, BENCH_COLD_LATER_RUNS; FORMWORK_ADMIN_EMAIL / FORMWORK_ADMIN_PASSWORD
 * to log in to an existing DATABASE_URL database; FORMWORK_DB_POOL_SIZE (engine and pg baseline).
 * Records: BENCH_RECORDS_DURATION_SECONDS, BENCH_RECORDS_LIST_ROWS, BENCH_RECORDS_WALK_PAGES,
 * BENCH_RECORDS_IMPORT_ROWS (see lib/records-bench.mjs).
 */
import os from 'node:os';
import { fileURLToPath } from 'node:url';
import { killAllChildrenNow, stopAllChildren } from './lib/children.mjs';
import { measureColdStarts } from './lib/cold-start.mjs';
import { removeAllDataDirsNow } from './lib/data-dirs.mjs';
import { assertEngineBuilt } from './lib/engine.mjs';
import { classifiersReport, measureClassifiers } from './lib/classifiers-bench.mjs';
import { flowEditorReport, measureFlowEditor } from './lib/flow-editor-bench.mjs';
import { flowsReport, measureFlows } from './lib/flows-bench.mjs';
import { formsReport, measureForms } from './lib/forms-bench.mjs';
import { measureRecords } from './lib/records-bench.mjs';
import { recordsReport } from './lib/records-report.mjs';
import {
  coldStartTable,
  markdownReport,
  ratioTable,
  textReport,
  throughputTable,
  writeJson,
} from './lib/report.mjs';
import { measureThroughput } from './lib/throughput.mjs';

/** latest.json for a full run; a run of some parts only writes latest-<parts>.json beside it. */
const resultsFile = (suites) =>
  fileURLToPath(
    new URL(
      suites.size === SUITES.length
        ? './results/latest.json'
        : `./results/latest-${[...suites].join('-')}.json`,
      import.meta.url,
    ),
  );
const SUITES = [
  'cold-start',
  'throughput',
  'records',
  'forms',
  'classifiers',
  'flows',
  'flow-editor',
];
/** Minutes each part may take before the watchdog stops the bench. */
const WATCHDOG_MINUTES = {
  'cold-start': 3,
  throughput: 7,
  records: 10,
  forms: 4,
  classifiers: 25,
  flows: 6,
  'flow-editor': 5,
};

/** The parts named on the command line, or all of them. */
function selectSuites(names) {
  const unknown = names.filter((name) => !SUITES.includes(name));
  if (unknown.length > 0)
    throw new Error(`Unknown part(s) ${unknown.join(', ')}; choose among ${SUITES.join(', ')}`);
  return new Set(names.length > 0 ? names : SUITES);
}

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

function installSafetyNets(watchdogMs) {
  process.on('exit', () => {
    killAllChildrenNow();
    removeAllDataDirsNow();
  });
  process.once('SIGINT', () => void abort('interrupted (SIGINT)', 130));
  process.once('SIGTERM', () => void abort('terminated (SIGTERM)', 143));
  setTimeout(
    () => void abort(`still running after ${watchdogMs / 60_000} minutes`, 1),
    watchdogMs,
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

/** The report of the parts that ran. */
function reportOf(results, { markdown }) {
  const parts = [];
  if (results.coldStart && results.throughput)
    parts.push(markdown ? markdownReport(results) : textReport(results));
  else if (results.coldStart) parts.push(coldStartTable(results.coldStart, { markdown }));
  else if (results.throughput)
    parts.push(
      throughputTable(results.throughput.targets, { markdown }),
      ratioTable(results.throughput.ratios, { markdown }),
    );
  if (results.records) parts.push(recordsReport(results.records, { markdown }));
  if (results.forms) parts.push(formsReport(results.forms));
  if (results.classifiers) parts.push(classifiersReport(results.classifiers));
  if (results.flows) parts.push(flowsReport(results.flows));
  if (results.flowEditor) parts.push(flowEditorReport(results.flowEditor));
  return parts.join('\n\n');
}

async function main() {
  const suites = selectSuites(process.argv.slice(2));
  installSafetyNets(
    [...suites].reduce((total, suite) => total + WATCHDOG_MINUTES[suite], 0) * 60_000,
  );
  assertEngineBuilt();
  const settings = readSettings();
  const databaseUrl = process.env.DATABASE_URL || undefined;
  const issues = [];
  const machine = describeMachine();
  console.log(
    `Formwork benchmarks — Node ${machine.node}, ${machine.cpus} × ${machine.cpuModel}, load ${machine.loadAverageAtStart.join(' ')}`,
  );

  let coldStart;
  let throughput;
  let records;
  if (suites.has('cold-start')) {
    heading(
      `1. Cold start on embedded PostgreSQL (${settings.coldFirstRuns} fresh data dirs, then ${settings.coldLaterRuns} restarts)`,
    );
    coldStart = await measureColdStarts({
      firstRuns: settings.coldFirstRuns,
      laterRuns: settings.coldLaterRuns,
      log,
      issues,
    });
  }

  if (suites.has('throughput')) {
    heading(
      `2. Throughput: ${settings.connections} connections, ${settings.warmupSeconds} s warm-up + ${settings.durationSeconds} s, ` +
        `${settings.rounds} rounds, PostgreSQL ${databaseUrl ? 'server (DATABASE_URL)' : 'embedded'}`,
    );
    throughput = await measureThroughput({ ...settings, databaseUrl, log, issues });
  }

  if (suites.has('records')) {
    heading(
      `3. Records: create, list on a large table, CSV import (PostgreSQL ${databaseUrl ? 'server (DATABASE_URL)' : 'embedded'})`,
    );
    records = await measureRecords({ ...settings, databaseUrl, log, issues });
  }

  let forms;
  if (suites.has('forms')) {
    heading(
      `4. Public forms: submissions beside record create, ${settings.connections} clients; public page size`,
    );
    forms = await measureForms({ ...settings, databaseUrl, log, issues });
  }

  let classifiers;
  if (suites.has('classifiers')) {
    heading(
      '5. Classifiers: batch runs beside hand-written SQL and json-rules-engine; on-change writes',
    );
    classifiers = await measureClassifiers({ ...settings, databaseUrl, log, issues });
  }

  let flows;
  if (suites.has('flows')) {
    heading('6. Flows: durable transitions beside raw XState and pg; timer lateness under load');
    flows = await measureFlows({ ...settings, databaseUrl, log, issues });
  }

  let flowEditor;
  if (suites.has('flow-editor')) {
    heading('7. Flow editor in Chromium: a 300-node flow beside a 12-node one');
    flowEditor = await measureFlowEditor({ ...settings, databaseUrl, log, issues });
  }

  const results = {
    measuredAt: new Date().toISOString(),
    machine,
    settings,
    suites: [...suites],
    coldStart,
    throughput,
    records,
    forms,
    classifiers,
    flows,
    flowEditor,
    issues,
  };
  await writeJson(resultsFile(suites), results);

  heading('Summary (throughput figures: median of the rounds)');
  console.log(reportOf(results, { markdown: false }));
  printIssues(issues);
  heading('Markdown for docs/benchmarks.md');
  console.log(`\n${reportOf(results, { markdown: true })}\n`);
  console.log(`Results written to ${resultsFile(suites)}`);
}

try {
  await main();
} catch (error) {
  await abort(error instanceof Error ? (error.stack ?? error.message) : String(error), 1);
}
