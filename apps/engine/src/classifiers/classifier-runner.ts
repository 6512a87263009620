import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import type { Logger } from 'pino';
import { DataSource } from 'typeorm';
import type { RequestActor } from '../auth/request-actor.js';
import { LOGGER } from '../common/logger.js';
import { notFound, ProblemException } from '../common/problem.js';
import { JobsRepository } from '../jobs/jobs.repository.js';
import { QueueService } from '../queue/queue.service.js';
import {
  applyChunkStatement,
  computeRunStatement,
  runTableOf,
  type ClassificationCause,
} from './classification-statements.js';
import { countOf } from './classification-reader.js';
import { ClassifierCompiler } from './classifier-compiler.js';
import { ClassifiersRepository } from './classifiers.repository.js';

export const RUN_QUEUE = 'classifier-run';
const CHUNK = 50_000;
/** Share of the progress bar the compute step takes; applying the chunks fills the rest. */
const COMPUTED = 0.3;

interface RunJob {
  jobId: string;
  app: string;
  classifier: string;
  cause: ClassificationCause;
}

/** Where a run stands, kept with the job in the transaction of each applied chunk. */
interface RunCheckpoint {
  table: string;
  version: number;
  total: number;
  after: string | null;
  seen: number;
  changed: number;
  conflicts: number;
}

/**
 * Batch classification as a durable job: one set-based statement computes every record's result
 * into the run's own (unlogged) table, then chunks of it are applied, each in a transaction with
 * the job's checkpoint, guarded by each record's version so a newer on-change result wins. After
 * a crash the job is retried and resumes after the last applied chunk (recomputing if the
 * unlogged table was lost). The finished table stays as the explanation of every record.
 */
@Injectable()
export class ClassifierRunner implements OnModuleInit {
  constructor(
    private readonly dataSource: DataSource,
    private readonly queue: QueueService,
    private readonly jobs: JobsRepository,
    private readonly classifiers: ClassifiersRepository,
    private readonly compiler: ClassifierCompiler,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  onModuleInit(): void {
    this.queue.register<RunJob>({
      queue: RUN_QUEUE,
      policy: 'singleton',
      retryLimit: 5,
      handle: (job) => this.run(job),
    });
  }

  /** Queues a run; one runs at a time per classifier, the others wait their turn. */
  async start(
    app: string,
    classifier: string,
    actor: RequestActor | null,
    cause: ClassificationCause = 'run',
  ): Promise<string> {
    const jobId = await this.jobs.create({
      kind: 'classifier.run',
      app,
      params: { classifier, cause },
      createdBy: actor?.userId ?? null,
      durable: true,
    });
    await this.queue.send(
      RUN_QUEUE,
      { jobId, app, classifier, cause },
      { singletonKey: `${app}/${classifier}` },
    );
    return jobId;
  }

  private async run({ jobId, app, classifier: key, cause }: RunJob): Promise<void> {
    const job = await this.jobs.find(jobId);
    if (!job || (job.status !== 'queued' && job.status !== 'running')) return;
    await this.jobs.resume(jobId);
    try {
      const result = await this.classify(
        jobId,
        app,
        key,
        cause,
        job.checkpoint as RunCheckpoint | null,
      );
      await this.jobs.finish(jobId, { status: 'completed', result });
    } catch (error) {
      if (!(error instanceof ProblemException)) {
        this.logger.error({ err: error, jobId }, 'classifier run failed; the queue retries it');
        throw error;
      }
      await this.jobs.finish(jobId, {
        status: 'failed',
        error: error.problem.detail ?? error.message,
      });
    }
  }

  private async classify(
    jobId: string,
    app: string,
    key: string,
    cause: ClassificationCause,
    resumeFrom: RunCheckpoint | null,
  ) {
    const classifier = await this.classifiers.find(app, key);
    if (!classifier) throw notFound(`The classifier ${key} was deleted before its run.`);
    const context = await this.compiler.context(app, classifier);
    const target = {
      app,
      entity: context.entity,
      classifier: key,
      version: classifier.version,
      compiled: this.compiler.sql(context),
    };
    let checkpoint =
      resumeFrom &&
      resumeFrom.version === classifier.version &&
      (await this.tableHasRows(resumeFrom.table))
        ? resumeFrom
        : await this.compute(jobId, target.compiled, classifier.version);
    const apply = applyChunkStatement(target, checkpoint.table, cause);
    while (checkpoint.seen < checkpoint.total) {
      const next = await this.dataSource.transaction(async (manager) => {
        const [row] = await manager.query<
          { last: string | null; seen: number; changed: number; conflicts: number }[]
        >(apply.text, apply.values(checkpoint.after, CHUNK));
        if (!row || row.seen === 0) return { ...checkpoint, seen: checkpoint.total };
        const advanced: RunCheckpoint = {
          ...checkpoint,
          after: row.last,
          seen: checkpoint.seen + row.seen,
          changed: checkpoint.changed + row.changed,
          conflicts: checkpoint.conflicts + row.conflicts,
        };
        const progress = COMPUTED + (1 - COMPUTED) * (advanced.seen / Math.max(1, advanced.total));
        await this.jobs.checkpoint(jobId, progress, advanced, manager);
        return advanced;
      });
      checkpoint = next;
    }
    await this.keepResults(app, key, checkpoint.table);
    return {
      total: checkpoint.total,
      changed: checkpoint.changed,
      conflicts: checkpoint.conflicts,
    };
  }

  /** One statement computes every record's classification into the run's table. */
  private async compute(
    jobId: string,
    compiled: { text: string; values: unknown[] },
    version: number,
  ): Promise<RunCheckpoint> {
    const table = runTableOf(jobId);
    return this.dataSource.transaction(async (manager) => {
      await manager.query(`DROP TABLE IF EXISTS ${table}`);
      const statement = computeRunStatement(table, compiled);
      await manager.query(statement.text, statement.values);
      await manager.query(
        `ALTER TABLE ${table} ADD PRIMARY KEY (id), ADD COLUMN classifier_version integer NOT NULL DEFAULT ${Number(version)}`,
      );
      const total = await countOf(manager, `SELECT count(*)::int AS n FROM ${table}`);
      const checkpoint: RunCheckpoint = {
        table,
        version,
        total,
        after: null,
        seen: 0,
        changed: 0,
        conflicts: 0,
      };
      await this.jobs.checkpoint(jobId, COMPUTED, checkpoint, manager);
      return checkpoint;
    });
  }

  private async tableHasRows(table: string): Promise<boolean> {
    const rows = await this.dataSource
      .query<{ found: boolean }[]>(`SELECT EXISTS (SELECT FROM ${table}) AS found`)
      .catch(() => [{ found: false }]);
    return rows[0]?.found ?? false;
  }

  /** The finished run's table becomes the classifier's explanation store; the older one goes. */
  private async keepResults(app: string, key: string, table: string): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const previous = await this.classifiers.setResults(app, key, table, manager);
      if (previous && previous !== table) await manager.query(`DROP TABLE IF EXISTS ${previous}`);
    });
  }
}
