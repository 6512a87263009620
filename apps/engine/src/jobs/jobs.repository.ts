import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';

export type { JobStatus } from '@formwork/definitions';
import type { JobStatus } from '@formwork/definitions';

export interface JobRow {
  id: string;
  kind: string;
  status: JobStatus;
  progress: number;
  app_key: string | null;
  entity_key: string | null;
  result: unknown;
  error: string | null;
  created_by: string | null;
  durable: boolean;
  checkpoint: unknown;
  created_at: Date;
  started_at: Date | null;
  finished_at: Date | null;
  heartbeat_at: Date;
}

/** The formwork.jobs table. */
@Injectable()
export class JobsRepository {
  constructor(private readonly dataSource: DataSource) {}

  async create(job: {
    kind: string;
    app?: string;
    entity?: string;
    params?: unknown;
    /** null for work the engine starts itself (a schedule). */
    createdBy: string | null;
    /** Runs on the queue and survives a restart (see QueueService). */
    durable?: boolean;
  }): Promise<string> {
    const rows: { id: string }[] = await this.dataSource.query(
      `INSERT INTO formwork.jobs (kind, app_key, entity_key, params, created_by, durable) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
      [
        job.kind,
        job.app ?? null,
        job.entity ?? null,
        JSON.stringify(job.params ?? {}),
        job.createdBy,
        job.durable ?? false,
      ],
    );
    return rows[0]!.id;
  }

  async find(id: string): Promise<JobRow | undefined> {
    const rows: JobRow[] = await this.dataSource.query(
      `SELECT * FROM formwork.jobs WHERE id = $1`,
      [id],
    );
    return rows[0];
  }

  async start(id: string): Promise<void> {
    await this.dataSource.query(
      `UPDATE formwork.jobs SET status = 'running', started_at = now(), heartbeat_at = now() WHERE id = $1 AND status = 'queued'`,
      [id],
    );
  }

  /** A durable job taken (again, after a crash) by a queue worker. */
  async resume(id: string): Promise<void> {
    await this.dataSource.query(
      `UPDATE formwork.jobs SET status = 'running', started_at = COALESCE(started_at, now()), heartbeat_at = now()
        WHERE id = $1 AND status IN ('queued', 'running')`,
      [id],
    );
  }

  /** Progress and where to resume, written in the transaction of the work they describe. */
  async checkpoint(
    id: string,
    progress: number,
    checkpoint: unknown,
    manager: EntityManager,
  ): Promise<void> {
    await manager.query(
      `UPDATE formwork.jobs SET progress = $2, checkpoint = $3, heartbeat_at = now() WHERE id = $1`,
      [id, Math.min(1, Math.max(0, progress)), JSON.stringify(checkpoint)],
    );
  }

  /** Progress doubles as the heartbeat that shows the job is alive. */
  async progress(id: string, progress: number): Promise<void> {
    await this.dataSource.query(
      `UPDATE formwork.jobs SET progress = $2, heartbeat_at = now() WHERE id = $1 AND status = 'running'`,
      [id, Math.min(1, Math.max(0, progress))],
    );
  }

  async finish(
    id: string,
    outcome: { status: 'completed'; result: unknown } | { status: 'failed'; error: string },
  ): Promise<void> {
    await this.dataSource.query(
      `UPDATE formwork.jobs SET status = $2, progress = CASE WHEN $2 = 'completed' THEN 1 ELSE progress END,
         result = $3, error = $4, finished_at = now(), heartbeat_at = now() WHERE id = $1`,
      [
        id,
        outcome.status,
        outcome.status === 'completed' ? JSON.stringify(outcome.result) : null,
        outcome.status === 'failed' ? outcome.error : null,
      ],
    );
  }

  /** Unfinished jobs whose engine stopped beating (it crashed or was killed) are failed. */
  async failAbandoned(staleSeconds: number, error: string, id?: string): Promise<void> {
    await this.dataSource.query(
      `UPDATE formwork.jobs SET status = 'failed', error = $2, finished_at = now()
        WHERE status IN ('queued', 'running') AND NOT durable AND heartbeat_at < now() - make_interval(secs => $1)
          AND ($3::uuid IS NULL OR id = $3)`,
      [staleSeconds, error, id ?? null],
    );
  }
}
