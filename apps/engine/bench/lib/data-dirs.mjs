/**
 * Temporary FORMWORK_DATA_DIRs for the embedded PostgreSQL, and the checks around them: each dir
 * is removed at the end, and a PostgreSQL server left running in one is reported and stopped.
 */
import { readFileSync, rmSync } from 'node:fs';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

const STRAY_SERVER_STOP_TIMEOUT_MS = 15_000;

/** Dirs created by this run and not removed yet. */
const liveDataDirs = new Set();

export async function createDataDir() {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'formwork-bench-'));
  // mkdtemp makes the dir 0700. Run as root, the engine starts PostgreSQL as the `postgres`
  // user, which must be able to enter this dir to reach its cluster in <dir>/pg.
  await fs.chmod(dir, 0o755);
  liveDataDirs.add(dir);
  return dir;
}

/**
 * Stops a PostgreSQL server still running in the dir (the engine should have stopped it on
 * SIGINT) and resolves with its pid, or with undefined when there was none.
 */
export async function stopStrayPostgres(dir) {
  const pid = runningPostmasterPid(dir);
  if (pid !== undefined) await stopPostmaster(pid);
  return pid;
}

/** Removes the dir; resolves with a problem description if a PostgreSQL server still ran in it. */
export async function removeDataDir(dir) {
  const strayPid = await stopStrayPostgres(dir);
  await fs.rm(dir, { recursive: true, force: true, maxRetries: 3 });
  liveDataDirs.delete(dir);
  return strayPid === undefined
    ? undefined
    : `PostgreSQL (pid ${strayPid}) was still running in ${dir}; the bench stopped it`;
}

/** The PostgreSQL URL the engine's embedded server listens on (from files the engine keeps in the data dir). */
export async function embeddedDatabaseUrl(dir) {
  const password = (await fs.readFile(path.join(dir, 'postgres-password'), 'utf8')).trim();
  const port = Number(readPostmasterPidFile(dir)?.[3]);
  if (!Number.isInteger(port) || port <= 0)
    throw new Error(`No running embedded PostgreSQL found in ${dir}`);
  return `postgres://postgres:${encodeURIComponent(password)}@127.0.0.1:${port}/postgres`;
}

/** Lines of <dir>/pg/postmaster.pid: pid, data dir, start time, port, … */
function readPostmasterPidFile(dir) {
  try {
    return readFileSync(path.join(dir, 'pg', 'postmaster.pid'), 'utf8').split('\n');
  } catch {
    return undefined;
  }
}

function runningPostmasterPid(dir) {
  const pid = Number(readPostmasterPidFile(dir)?.[0]);
  return Number.isInteger(pid) && pid > 0 && isAlive(pid) ? pid : undefined;
}

function isAlive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** SIGINT is PostgreSQL's "fast shutdown"; SIGQUIT ("immediate") if it does not finish in time. */
async function stopPostmaster(pid) {
  process.kill(pid, 'SIGINT');
  const deadline = Date.now() + STRAY_SERVER_STOP_TIMEOUT_MS;
  while (Date.now() < deadline && isAlive(pid)) await sleep(100);
  if (isAlive(pid)) process.kill(pid, 'SIGQUIT');
}

/** Synchronous last resort for `process.on('exit')`: stop stray servers, delete the dirs. */
export function removeAllDataDirsNow() {
  for (const dir of liveDataDirs) {
    const pid = runningPostmasterPid(dir);
    if (pid !== undefined) process.kill(pid, 'SIGQUIT');
    rmSync(dir, { recursive: true, force: true, maxRetries: 3 });
  }
  liveDataDirs.clear();
}
