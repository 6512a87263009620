import {
  Inject,
  Injectable,
  type BeforeApplicationShutdown,
  type OnApplicationBootstrap,
} from '@nestjs/common';
import type pg from 'pg';
import PgBoss from 'pg-boss';
import type { Logger } from 'pino';
import { DataSource } from 'typeorm';
import { LOGGER } from '../common/logger.js';
import type { SqlClient } from '../database/prepared-query.js';

export interface QueueWorker<Data extends object> {
  queue: string;
  /** pg-boss queue policy; `singleton` runs one job per singleton key at a time. */
  policy?: PgBoss.QueuePolicy;
  retryLimit?: number;
  retryDelaySeconds?: number;
  /** A job not finished by then is taken for abandoned (its engine died) and retried. */
  expireInSeconds?: number;
  /** Jobs fetched per poll and handled side by side (handlers must be idempotent: a failure retries them all). */
  batchSize?: number;
  /** Also sends a job on this cron schedule (once per tick across every engine; UTC). */
  cron?: string;
  handle(data: Data, job: { id: string; retryCount: number }): Promise<void>;
}

const TERMINATED_BY_ADMIN = '57P01';
const SHUTDOWN_WAIT_MS = 15_000;

/**
 * Durable background work on pg-boss (ADR 0010): jobs live in PostgreSQL (SKIP LOCKED), so any
 * engine takes them, a crashed engine's job is retried, and several engines never run one job
 * twice at once. pg-boss runs its SQL on the engine's own pool. Modules register workers before
 * bootstrap; sending works once the engine has started.
 */
@Injectable()
export class QueueService implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly boss: PgBoss;
  private readonly workers: QueueWorker<object>[] = [];
  /** pg-boss worker ids by queue, to wake this engine's worker when it sends a job itself. */
  private readonly workerIds = new Map<string, string>();
  private started = false;

  constructor(
    dataSource: DataSource,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {
    const pool = (dataSource.driver as unknown as { master: pg.Pool }).master;
    this.boss = new PgBoss({
      db: { executeSql: (text, values) => pool.query(text, values) },
      schema: 'pgboss',
      application_name: 'formwork',
      monitorStateIntervalSeconds: 30,
    });
    this.boss.on('error', (error: Error & { code?: string }) => {
      if (error.code !== TERMINATED_BY_ADMIN) this.logger.error({ err: error }, 'job queue error');
    });
  }

  register<Data extends object>(worker: QueueWorker<Data>): void {
    if (this.started) throw new Error(`register the ${worker.queue} worker before bootstrap`);
    this.workers.push(worker);
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.boss.start();
    for (const worker of this.workers) {
      await this.boss.createQueue(worker.queue, {
        name: worker.queue,
        policy: worker.policy ?? 'standard',
        retryLimit: worker.retryLimit ?? 3,
        retryDelay: worker.retryDelaySeconds ?? 2,
        retryBackoff: true,
        expireInSeconds: worker.expireInSeconds ?? 15 * 60,
      });
      const workerId = await this.boss.work<object>(
        worker.queue,
        { pollingIntervalSeconds: 0.5, batchSize: worker.batchSize ?? 1, includeMetadata: true },
        async (jobs) => {
          await Promise.all(
            jobs.map((job) => worker.handle(job.data, { id: job.id, retryCount: job.retryCount })),
          );
        },
      );
      this.workerIds.set(worker.queue, workerId);
      if (worker.cron) await this.boss.schedule(worker.queue, worker.cron, {}, { tz: 'UTC' });
    }
    this.started = true;
  }

  /** With `client`, the job is written in that connection's transaction (it exists iff it commits). */
  async send(
    queue: string,
    data: object,
    { client, ...options }: PgBoss.SendOptions & { client?: SqlClient } = {},
  ): Promise<string> {
    const db = client && {
      executeSql: (text: string, values: unknown[]) => client.query(text, values),
    };
    const id = await this.boss.send(queue, data, { ...options, ...(db ? { db } : {}) });
    if (!id) throw new Error(`the ${queue} queue refused the job (a singleton already waits)`);
    // Polling would take it within half a second; the user is waiting for a progress bar now.
    const workerId = this.workerIds.get(queue);
    if (workerId) this.boss.notifyWorker(workerId);
    return id;
  }

  async beforeApplicationShutdown(): Promise<void> {
    if (!this.started) return;
    await this.boss.stop({ graceful: true, close: false, wait: true, timeout: SHUTDOWN_WAIT_MS });
  }
}
