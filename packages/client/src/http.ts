import type { Problem } from '@formwork/definitions';
import { ApiError } from './api-error.js';

export type Authentication =
  /** Sends `Authorization: Bearer <token>`; for scripts, tests and integrations. */
  | { kind: 'bearer'; token: string }
  /** Relies on the session cookie; state-changing requests carry the CSRF header. */
  | { kind: 'cookie'; csrfToken: () => string | undefined }
  | { kind: 'none' };

export interface ClientOptions {
  /** Origin of the engine, e.g. `http://localhost:3000`; empty for same-origin requests. */
  baseUrl?: string;
  auth?: Authentication;
  fetch?: typeof fetch;
}

/** Anything fetch accepts as a body. */
export type RawBody = NonNullable<RequestInit['body']>;

export type Query = Record<string, string | number | boolean | undefined>;

export interface RequestOptions {
  body?: unknown;
  /** A body sent as is (CSV text, a multipart FormData) instead of JSON. */
  rawBody?: RawBody;
  /** `text` for a non-JSON answer such as DMN XML; JSON by default. */
  responseType?: 'json' | 'text';
  contentType?: string;
  query?: Query;
  headers?: Record<string, string>;
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

function toQueryString(query: Query | undefined): string {
  if (!query) return '';
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined) params.set(key, String(value));
  }
  const text = params.toString();
  return text ? `?${text}` : '';
}

function authHeaders(auth: Authentication, method: string): Record<string, string> {
  if (auth.kind === 'bearer') return { authorization: `Bearer ${auth.token}` };
  if (auth.kind === 'cookie' && !SAFE_METHODS.has(method)) {
    const csrf = auth.csrfToken();
    if (csrf) return { 'x-csrf-token': csrf };
  }
  return {};
}

async function readProblem(response: Response): Promise<Problem> {
  const text = await response.text();
  try {
    return JSON.parse(text) as Problem;
  } catch {
    return {
      type: 'about:blank',
      title: response.statusText,
      status: response.status,
      detail: text,
    };
  }
}

export class HttpTransport {
  private auth: Authentication;
  private readonly baseUrl: string;
  private readonly fetchImpl: typeof fetch;

  constructor(options: ClientOptions = {}) {
    this.baseUrl = options.baseUrl ?? '';
    this.auth = options.auth ?? { kind: 'none' };
    this.fetchImpl = options.fetch ?? globalThis.fetch.bind(globalThis);
  }

  setAuth(auth: Authentication): void {
    this.auth = auth;
  }

  /** The full URL of an API path, e.g. for a download link. */
  url(path: string, query?: Query): string {
    return this.baseUrl + path + toQueryString(query);
  }

  async request<T>(method: string, path: string, options: RequestOptions = {}): Promise<T> {
    const headers: Record<string, string> = {
      accept: 'application/json',
      ...authHeaders(this.auth, method),
      ...options.headers,
    };
    let body: RawBody | undefined;
    if (options.rawBody !== undefined) {
      if (options.contentType) headers['content-type'] = options.contentType;
      body = options.rawBody;
    } else if (options.body !== undefined) {
      headers['content-type'] = 'application/json';
      body = JSON.stringify(options.body);
    }
    const response = await this.fetchImpl(this.baseUrl + path + toQueryString(options.query), {
      method,
      headers,
      body,
      credentials: this.auth.kind === 'cookie' ? 'include' : 'same-origin',
    });
    if (!response.ok) throw new ApiError(await readProblem(response));
    if (response.status === 204) return undefined as T;
    return (options.responseType === 'text' ? await response.text() : await response.json()) as T;
  }
}
