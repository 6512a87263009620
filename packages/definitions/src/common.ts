import { z } from 'zod';

/** One failing field of a request: `path` is a JSON Pointer into the request body. */
export interface FieldError {
  path: string;
  message: string;
}

/** RFC 9457 problem details, the body of every error response. */
export interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  errors?: FieldError[];
  [extension: string]: unknown;
}

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

export const pageQuerySchema = z.strictObject({
  limit: z.coerce
    .number({ error: 'must be a number' })
    .int('must be a whole number')
    .min(1, 'must be at least 1')
    .max(500, 'must be at most 500')
    .default(50),
  cursor: z.string().max(500, 'is not a valid cursor').optional(),
});
export type PageQuery = {
  limit?: number;
  cursor?: string;
};

export interface Health {
  status: 'ok' | 'error';
  db: 'ok' | 'error';
}

export interface AuditEntry {
  id: string;
  at: string;
  actorId: string | null;
  action: string;
  subjectType: string;
  subjectId: string | null;
  before: unknown;
  after: unknown;
  ip: string | null;
}

export type JobStatus = 'queued' | 'running' | 'completed' | 'failed' | 'cancelled';

/** A background job (a large import, a batch run): poll it until it is no longer queued or running. */
export interface Job<Result = unknown> {
  id: string;
  kind: string;
  status: JobStatus;
  /** 0..1 */
  progress: number;
  result: Result | null;
  error: string | null;
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
}
