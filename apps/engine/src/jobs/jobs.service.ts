import type { Job } from '@formwork/definitions';
import {
  Inject,
  Injectable,
  type BeforeApplicationShutdown,
  type OnApplicationBootstrap,
} from '@nestjs/common';
import type { Logger } from 'pino';
import type { RequestActor } from '../auth/request-actor.js';
import { LOGGER } from '../common/logger.js';
import { notFound, ProblemException } from '../common/problem.js';
import { JobsRepository, type JobRow } from './jobs.repository.js';

/** A job as `GET /api/jobs/{id}` shows it. */
export type JobView = Job;

export interface JobContext {
  readonly id: string;
  /** Aborted when the engine shuts down: the work should roll back and stop. */
  readonly signal: AbortSignal;
  progress(fraction: number): Promise<void>;
}

/** A job whose engine has not beaten for this long is taken for dead. */
const STALE_SECONDS = 120;
const HEARTBEAT_MS = 20_000;
const SHUTDOWN_WAIT_MS = 15_000;
const ABANDONED =
  'The engine stopped before the job finished, so nothing of it was kept. Start it again.';

const iso = (date: Date | null) => (date ? date.toISOString() : null);

/**
 * Runs background work and records it in formwork.jobs. The work runs in this engine process
 * (fine for one engine; a job survives no restart, it is then marked failed). A later issue
 * moves the work onto a pg-boss queue so that any engine can take it and retries are durable;
 * the table and `GET /api/jobs/{id}` stay as they are.
 */
@Injectable()
export class JobsService implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly running = new Map<string, { done: Promise<void>; abort: AbortController }>();

  constructor(
    private readonly jobs: JobsRepository,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.jobs.failAbandoned(STALE_SECONDS, ABANDONED);
  }

  /** Records a queued job and starts `work` once the current request has been answered. */
  async start(
    job: { kind: string; app?: string; entity?: string; params?: unknown },
    actor: RequestActor,
    work: (context: JobContext) => Promise<unknown>,
  ): Promise<string> {
    const id = await this.jobs.create({ ...job, createdBy: actor.userId });
    const abort = new AbortController();
    const done = this.run(id, abort.signal, work).finally(() => this.running.delete(id));
    this.running.set(id, { done, abort });
    return id;
  }

  async get(id: string, actor: RequestActor): Promise<JobView> {
    let job = await this.jobs.find(id);
    // Someone else's job is not shown, nor is its existence (admins see every job).
    if (!job || (job.created_by !== actor.userId && !actor.roles.includes('admin')))
      throw notFound(`There is no job ${id}.`);
    if (
      (job.status === 'queued' || job.status === 'running') &&
      Date.now() - job.heartbeat_at.getTime() > STALE_SECONDS * 1000
    ) {
      await this.jobs.failAbandoned(STALE_SECONDS, ABANDONED, id);
      job = (await this.jobs.find(id)) ?? job;
    }
    return viewOf(job);
  }

  async beforeApplicationShutdown(): Promise<void> {
    if (this.running.size === 0) return;
    for (const { abort } of this.running.values()) abort.abort();
    const all = Promise.allSettled([...this.running.values()].map(({ done }) => done));
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([
      all,
      new Promise((resolve) => (timer = setTimeout(resolve, SHUTDOWN_WAIT_MS))),
    ]);
    clearTimeout(timer);
  }

  private async run(
    id: string,
    signal: AbortSignal,
    work: (context: JobContext) => Promise<unknown>,
  ): Promise<void> {
    // Let the request that started the job be answered first.
    await new Promise((resolve) => setImmediate(resolve));
    let lastProgress = 0;
    const heartbeat = setInterval(() => {
      this.jobs.progress(id, lastProgress).catch(() => undefined);
    }, HEARTBEAT_MS);
    heartbeat.unref();
    try {
      await this.jobs.start(id);
      const result = await work({
        id,
        signal,
        progress: async (fraction) => {
          lastProgress = fraction;
          await this.jobs.progress(id, fraction);
        },
      });
      await this.jobs.finish(id, { status: 'completed', result });
    } catch (error) {
      let message: string;
      if (signal.aborted) message = ABANDONED;
      else if (error instanceof ProblemException) message = error.problem.detail ?? error.message;
      else {
        this.logger.error({ err: error, jobId: id }, 'job failed');
        message = 'The job failed on our side. The error has been logged.';
      }
      await this.jobs
        .finish(id, { status: 'failed', error: message })
        .catch((finishError: unknown) =>
          this.logger.error({ err: finishError, jobId: id }, 'could not record a failed job'),
        );
    } finally {
      clearInterval(heartbeat);
    }
  }
}

function viewOf(job: JobRow): JobView {
  return {
    id: job.id,
    kind: job.kind,
    status: job.status,
    progress: job.progress,
    result: job.result ?? null,
    error: job.error,
    createdAt: job.created_at.toISOString(),
    startedAt: iso(job.started_at),
    finishedAt: iso(job.finished_at),
  };
}
