/** Load generation with autocannon, in this process (the servers under test run in children). */
import autocannon from 'autocannon';
import { median, roundTo, summarize } from './stats.mjs';

/** How long past its duration a run may take before it is stopped and counted as failed. */
const OVERRUN_GRACE_MS = 30_000;

/** Runs autocannon against `url` for `durationSeconds`; resolves with its raw result. */
export function runLoad({ url, headers, connections, durationSeconds, method, requests }) {
  return new Promise((resolve, reject) => {
    const instance = autocannon(
      {
        url,
        headers,
        connections,
        duration: durationSeconds,
        pipelining: 1,
        timeout: 10,
        ...(method ? { method } : {}),
        ...(requests ? { requests } : {}),
      },
      (error, result) => {
        clearTimeout(watchdog);
        if (error) reject(error);
        else resolve(result);
      },
    );
    const watchdog = setTimeout(
      () => {
        instance.stop();
        reject(
          new Error(
            `autocannon against ${url} did not finish within ${durationSeconds} s + ${OVERRUN_GRACE_MS} ms`,
          ),
        );
      },
      durationSeconds * 1_000 + OVERRUN_GRACE_MS,
    );
  });
}

/**
 * POSTs a fresh JSON `body()` on every request (with `requestHeaders()` added to `headers`, when
 * given); resolves with the run's figures and 2xx/s.
 */
export async function postJsonLoad({
  url,
  headers,
  connections,
  durationSeconds,
  body,
  requestHeaders,
}) {
  const result = await runLoad({
    url,
    headers: { ...headers, 'content-type': 'application/json' },
    connections,
    durationSeconds,
    method: 'POST',
    requests: [
      {
        setupRequest: (request) => ({
          ...request,
          ...(requestHeaders ? { headers: { ...request.headers, ...requestHeaders() } } : {}),
          body: JSON.stringify(body()),
        }),
      },
    ],
  });
  return { ...describeRun(result), rowsPerSecond: roundTo(result['2xx'] / result.duration, 1) };
}

/** The figures kept from one autocannon run. */
export function describeRun(result) {
  return {
    requestsPerSecond: roundTo(result.requests.mean, 1),
    latencyP50Ms: result.latency.p50,
    latencyP99Ms: result.latency.p99,
    requests: result.requests.total,
    non2xx: result.non2xx,
    errors: result.errors,
    timeouts: result.timeouts,
    statusCodes: Object.fromEntries(
      Object.entries(result.statusCodeStats).map(([code, { count }]) => [code, count]),
    ),
  };
}

/** What went wrong in a run, or undefined when every response was a 2xx. */
export function describeFailures(run) {
  if (run.non2xx === 0 && run.errors === 0 && run.timeouts === 0) return undefined;
  return `${run.non2xx} non-2xx, ${run.errors} errors, ${run.timeouts} timeouts of ${run.requests} requests; status codes ${JSON.stringify(run.statusCodes)}`;
}

/** Median of each figure over the rounds (each figure on its own), plus the spread of req/s. */
export function medianOfRounds(rounds) {
  const of = (key) => median(rounds.map((run) => run[key]));
  const total = (key) => rounds.reduce((sum, run) => sum + run[key], 0);
  const requestsPerSecond = summarize(rounds.map((run) => run.requestsPerSecond));
  return {
    requestsPerSecond: roundTo(requestsPerSecond.median, 1),
    requestsPerSecondMin: requestsPerSecond.min,
    requestsPerSecondMax: requestsPerSecond.max,
    latencyP50Ms: of('latencyP50Ms'),
    latencyP99Ms: of('latencyP99Ms'),
    non2xx: total('non2xx'),
    errors: total('errors'),
    timeouts: total('timeouts'),
  };
}
