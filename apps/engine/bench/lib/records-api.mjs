/**
 * A small client for the engine's apps / entities / records / jobs routes, on a keep-alive agent
 * (as a browser paging through a list would be), loopback only, every request bounded in time.
 */
import http from 'node:http';
import { performance } from 'node:perf_hooks';
import { LOOPBACK } from './http.mjs';

export class ApiError extends Error {
  constructor(method, path, status, body) {
    super(`${method} ${path} answered ${status}: ${String(body).slice(0, 500)}`);
    this.status = status;
    this.body = body;
  }
}

export function createApi(port, token, { maxSockets = 16 } = {}) {
  const agent = new http.Agent({ keepAlive: true, maxSockets });

  /** One request; resolves with { status, body (text), ms (until the whole body arrived) }. */
  function send(method, path, { json, body, contentType, timeoutMs = 30_000 } = {}) {
    const payload = json === undefined ? body : JSON.stringify(json);
    const headers = { authorization: `Bearer ${token}` };
    if (payload !== undefined) {
      headers['content-type'] = json === undefined ? contentType : 'application/json';
      headers['content-length'] = String(Buffer.byteLength(payload));
    }
    return new Promise((resolve, reject) => {
      const startedAt = performance.now();
      const req = http.request(
        { host: LOOPBACK, port, method, path, headers, agent, timeout: timeoutMs },
        (res) => {
          const chunks = [];
          res.on('data', (chunk) => chunks.push(chunk));
          res.on('end', () =>
            resolve({
              status: res.statusCode,
              body: Buffer.concat(chunks).toString('utf8'),
              ms: performance.now() - startedAt,
            }),
          );
          res.on('error', reject);
        },
      );
      req.on('timeout', () =>
        req.destroy(new Error(`${method} ${path} timed out after ${timeoutMs} ms`)),
      );
      req.on('error', reject);
      req.end(payload);
    });
  }

  /** Like send, but fails unless the status is one of `expect`; parses the JSON body. */
  async function call(method, path, options = {}) {
    const expect = options.expect ?? [200, 201];
    const response = await send(method, path, options);
    if (!expect.includes(response.status))
      throw new ApiError(method, path, response.status, response.body);
    return {
      ...response,
      data: response.body ? JSON.parse(response.body) : undefined,
    };
  }

  return { send, call, close: () => agent.destroy() };
}

export const recordsPath = (app, entity) =>
  `/api/apps/${encodeURIComponent(app)}/entities/${encodeURIComponent(entity)}/records`;

export function listPath(app, entity, { filter, sort, limit, cursor }) {
  const query = new URLSearchParams();
  if (filter) query.set('filter', JSON.stringify(filter));
  if (sort) query.set('sort', sort);
  if (limit) query.set('limit', String(limit));
  if (cursor) query.set('cursor', cursor);
  return `${recordsPath(app, entity)}?${query}`;
}
