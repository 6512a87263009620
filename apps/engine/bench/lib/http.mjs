/** Loopback-only HTTP helpers: free ports, single requests, readiness polling. */
import http from 'node:http';
import net from 'node:net';
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { describeTail, formatExit } from './children.mjs';

/** Every byte of bench traffic goes to this address. */
export const LOOPBACK = '127.0.0.1';

export function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.once('error', reject);
    server.listen(0, LOOPBACK, () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

export function urlFor(port, path) {
  return `http://${LOOPBACK}:${port}${path}`;
}

/** One request on a fresh connection; resolves with the status and the body text. */
export function request(port, { method = 'GET', path, headers = {}, json, timeoutMs = 5_000 }) {
  const body = json === undefined ? undefined : JSON.stringify(json);
  const allHeaders = body ? { ...headers, 'content-type': 'application/json' } : headers;
  return new Promise((resolve, reject) => {
    const req = http.request(
      { host: LOOPBACK, port, method, path, headers: allHeaders, agent: false, timeout: timeoutMs },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk) => (text += chunk));
        res.on('end', () => resolve({ status: res.statusCode, body: text }));
        res.on('error', reject);
      },
    );
    req.on('timeout', () =>
      req.destroy(new Error(`${method} ${path} timed out after ${timeoutMs} ms`)),
    );
    req.on('error', reject);
    req.end(body);
  });
}

/**
 * Polls `GET path` every `intervalMs` until it answers 200. Gives up when `timeoutMs` has passed
 * or when `child` (the server process) exits first.
 */
export async function waitForHealthy(
  port,
  { child, path = '/api/health', timeoutMs, intervalMs = 25 },
) {
  const deadline = performance.now() + timeoutMs;
  let lastFailure = 'no attempt';
  while (performance.now() < deadline) {
    if (child.exitStatus) {
      throw new Error(
        `${child.name} exited (${formatExit(child.exitStatus)}) before ${path} answered 200; ${describeTail(child)}`,
      );
    }
    lastFailure = await probe(
      port,
      path,
      Math.max(1, Math.min(1_000, deadline - performance.now())),
    );
    if (lastFailure === undefined) return;
    await sleep(intervalMs);
  }
  throw new Error(
    `${child.name}: ${path} did not answer 200 within ${timeoutMs} ms (last: ${lastFailure}); ${describeTail(child)}`,
  );
}

/** undefined when the route answered 200, otherwise why not. */
async function probe(port, path, timeoutMs) {
  try {
    const { status, body } = await request(port, { path, timeoutMs });
    return status === 200 ? undefined : `HTTP ${status} ${body.slice(0, 200)}`;
  } catch (error) {
    return error.code ?? error.message;
  }
}
