/**
 * Child processes of the bench: every child is tracked until it exits, so an error or an
 * interrupted run can always stop what it started.
 */
import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { setTimeout as sleep } from 'node:timers/promises';

const OUTPUT_TAIL_LINES = 40;
const MAX_KEPT_PROBLEMS = 200;
const PINO_WARN_LEVEL = 40;

/** Children that have not exited yet. */
const liveChildren = new Set();

/**
 * Starts `node <script>` with its output piped: the last lines are kept for error messages, and
 * warnings (pino lines at warn or above, any stderr line) are collected as problems.
 */
export function startNodeChild(name, script, { env, cwd, stopSignal = 'SIGTERM' }) {
  const child = spawn(process.execPath, [script], { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
  const handle = {
    name,
    pid: child.pid,
    child,
    stopSignal,
    tail: [],
    problems: [],
    problemCount: 0,
    lineListeners: new Set(),
    exitStatus: undefined,
  };
  handle.exited = new Promise((resolve) => {
    const settle = (status) => {
      handle.exitStatus ??= status;
      liveChildren.delete(handle);
      resolve(handle.exitStatus);
    };
    child.once('exit', (code, signal) => settle({ code, signal }));
    child.once('error', (error) => settle({ code: null, signal: null, error: error.message }));
  });
  liveChildren.add(handle);
  readLines(child.stdout, (line) => onLine(handle, line, 'stdout'));
  readLines(child.stderr, (line) => onLine(handle, line, 'stderr'));
  return handle;
}

function readLines(stream, onLineRead) {
  createInterface({ input: stream, crlfDelay: Infinity }).on('line', onLineRead);
}

function onLine(handle, line, stream) {
  if (line.trim() === '') return;
  handle.tail.push(line);
  if (handle.tail.length > OUTPUT_TAIL_LINES) handle.tail.shift();
  if (isProblem(line, stream)) recordProblem(handle, line);
  for (const listener of handle.lineListeners) listener(line);
}

function isProblem(line, stream) {
  if (stream === 'stderr') return true;
  if (!line.startsWith('{')) return false;
  try {
    return JSON.parse(line).level >= PINO_WARN_LEVEL;
  } catch {
    return false;
  }
}

function recordProblem(handle, line) {
  handle.problemCount += 1;
  if (handle.problems.length < MAX_KEPT_PROBLEMS) handle.problems.push(line);
}

/** The child's last output lines, for error messages. */
export function describeTail(handle) {
  return handle.tail.length === 0
    ? `${handle.name} printed nothing`
    : `last output of ${handle.name}:\n  ${handle.tail.join('\n  ')}`;
}

/**
 * Resolves with the first output line matching `pattern` (among the kept lines, then new ones);
 * fails if the child exits or time runs out.
 */
export function waitForLine(handle, pattern, timeoutMs) {
  const earlier = handle.tail.map((line) => pattern.exec(line)).find(Boolean);
  if (earlier) return Promise.resolve(earlier);
  return new Promise((resolve, reject) => {
    const finish = (settle, value) => {
      clearTimeout(timer);
      handle.lineListeners.delete(listener);
      settle(value);
    };
    const listener = (line) => {
      const match = pattern.exec(line);
      if (match) finish(resolve, match);
    };
    const timer = setTimeout(
      () =>
        finish(
          reject,
          new Error(
            `${handle.name}: no line matching ${pattern} within ${timeoutMs} ms; ${describeTail(handle)}`,
          ),
        ),
      timeoutMs,
    );
    handle.lineListeners.add(listener);
    handle.exited.then((status) =>
      finish(
        reject,
        new Error(
          `${handle.name} exited (${formatExit(status)}) before ready; ${describeTail(handle)}`,
        ),
      ),
    );
  });
}

export function formatExit(status) {
  if (status.error) return `failed to start: ${status.error}`;
  return status.signal ? `signal ${status.signal}` : `code ${status.code}`;
}

/**
 * Sends `signal` (by default the child's own stop signal), waits up to `timeoutMs` for the exit, then SIGKILLs.
 * Resolves with the exit status and whether the kill had to be forced.
 */
export async function stopChild(handle, { signal = handle.stopSignal, timeoutMs = 10_000 } = {}) {
  if (handle.exitStatus) return { ...handle.exitStatus, forced: false };
  handle.child.kill(signal);
  const status = await Promise.race([handle.exited, sleep(timeoutMs, undefined)]);
  if (status) return { ...status, forced: false };
  handle.child.kill('SIGKILL');
  const killed = await Promise.race([
    handle.exited,
    sleep(5_000, { code: null, signal: 'unknown' }),
  ]);
  return { ...killed, forced: true };
}

/** Stops every child still running, each with its own signal and timeout. */
export async function stopAllChildren(timeoutMs = 15_000) {
  await Promise.all([...liveChildren].map((handle) => stopChild(handle, { timeoutMs })));
}

/** Synchronous last resort for `process.on('exit')`. */
export function killAllChildrenNow() {
  for (const handle of liveChildren) handle.child.kill('SIGKILL');
}
