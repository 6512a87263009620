/**
 * Cold start on embedded PostgreSQL: time from spawning the engine to the first 200 from
 * /api/health, on an empty data dir (includes initdb and migrations) and on an existing one.
 */
import { performance } from 'node:perf_hooks';
import { createDataDir, removeDataDir } from './data-dirs.mjs';
import { spawnEngine, stopEngine, waitForAnnouncement } from './engine.mjs';
import { freePort, waitForHealthy } from './http.mjs';
import { summarize } from './stats.mjs';

const FIRST_RUN_TIMEOUT_MS = 120_000;
const LATER_RUN_TIMEOUT_MS = 60_000;
const POLL_INTERVAL_MS = 25;

/**
 * `firstRuns` starts, each on a new empty dir; then `laterRuns` starts on the last of those dirs.
 * `log` receives one progress line per start; engine problems are appended to `issues`.
 */
export async function measureColdStarts({ firstRuns, laterRuns, log, issues }) {
  const first = [];
  const later = [];
  let dataDir;
  try {
    for (let run = 1; run <= firstRuns; run += 1) {
      if (dataDir) await removeDirReporting(dataDir, { issues, log });
      dataDir = await createDataDir();
      first.push(await timeColdStart(dataDir, FIRST_RUN_TIMEOUT_MS, { issues, log }));
      log(`first start #${run} (empty data dir): ${first.at(-1)} ms`);
    }
    for (let run = 1; run <= laterRuns; run += 1) {
      later.push(await timeColdStart(dataDir, LATER_RUN_TIMEOUT_MS, { issues, log }));
      log(`later start #${run} (same data dir): ${later.at(-1)} ms`);
    }
  } finally {
    if (dataDir) await removeDirReporting(dataDir, { issues, log });
  }
  return { firstRun: summarize(first), laterRuns: summarize(later) };
}

/** Milliseconds from spawn to the first 200 from /api/health; the engine is stopped afterwards. */
async function timeColdStart(dataDir, timeoutMs, { issues, log }) {
  const port = await freePort();
  const startedAt = performance.now();
  const engine = spawnEngine({ port, dataDir });
  try {
    await waitForHealthy(port, { child: engine, timeoutMs, intervalMs: POLL_INTERVAL_MS });
    const elapsedMs = Math.round(performance.now() - startedAt);
    // Not measured: let the start finish (first admin created) so the stop below is a normal one.
    await waitForAnnouncement(engine);
    return elapsedMs;
  } finally {
    const stopProblem = await stopEngine(engine, { dataDir });
    if (stopProblem) report(`cold start: ${stopProblem}`, issues, log);
    for (const line of engine.problems)
      report(`cold start: ${engine.name} logged: ${line}`, issues, log);
  }
}

async function removeDirReporting(dataDir, { issues, log }) {
  const problem = await removeDataDir(dataDir);
  if (problem) report(`cold start: ${problem}`, issues, log);
}

function report(issue, issues, log) {
  issues.push(issue);
  log(`  !! ${issue}`);
}
