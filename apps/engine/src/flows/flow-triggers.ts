import {
  Inject,
  Injectable,
  type BeforeApplicationShutdown,
  type OnApplicationBootstrap,
  type OnModuleInit,
} from '@nestjs/common';
import { cronMatches, parseCron, type Entity, type FlowTrigger } from '@formwork/definitions';
import type { Logger } from 'pino';
import { DataSource } from 'typeorm';
import { LOGGER } from '../common/logger.js';
import { EntitiesRepository } from '../entities/entities.repository.js';
import { QueueService } from '../queue/queue.service.js';
import { RecordQueryCompiler } from '../records/compile-record-query.js';
import { FlowInstancesRepository } from './flow-instances.repository.js';
import { FlowRuntime, TIMER_QUEUE, type FlowTx, type TimerJob } from './flow-runtime.js';
import { FlowsRepository, type PublishedFlow } from './flows.repository.js';

interface EventRow {
  id: number;
  type: string;
  app_key: string;
  entity_key: string | null;
  record_id: string | null;
  payload: Record<string, unknown>;
}

/** Events per delivery transaction: a batch run can emit a million of them. */
const BATCH = 2_000;
const IDLE_POLL_MS = 200;
const SCHEDULE_QUEUE = 'flow-schedule-tick';
const MAX_SCHEDULED_RECORDS = 10_000;

/** The first output value of a classification change (`{ tier: 'A' }` → `'A'`). */
const firstValue = (value: unknown): unknown =>
  value && typeof value === 'object' ? (Object.values(value) as unknown[])[0] : value;

/** Whether an outbox event starts a flow with this trigger. */
export function triggerMatches(trigger: FlowTrigger, event: EventRow, flowKey: string): boolean {
  switch (trigger.type) {
    case 'record_created':
      return event.type === 'record_created' && event.entity_key === trigger.entity;
    case 'record_updated': {
      if (event.type !== 'record_updated' || event.entity_key !== trigger.entity) return false;
      if (event.payload.flow === flowKey) return false; // its own update_record
      const fields = (event.payload.fields as string[] | undefined) ?? [];
      return !trigger.fields || trigger.fields.some((field) => fields.includes(field));
    }
    case 'classification_changed':
      return (
        event.type === 'classification_changed' &&
        event.payload.classifier === trigger.classifier &&
        (trigger.from === undefined || firstValue(event.payload.from) === trigger.from) &&
        (trigger.to === undefined || firstValue(event.payload.to) === trigger.to)
      );
    case 'form_submitted':
      return event.type === 'form_submitted' && event.payload.form === trigger.form;
    default:
      return false;
  }
}

/**
 * Starts flows from what happened: the outbox of events (`formwork.events`, written with the
 * change that caused them) is read in order with SKIP LOCKED, every matching published flow
 * gets an instance, and the events are marked delivered — all in one transaction, so an event
 * starts its flows exactly once even with several engines. Schedules tick once a minute.
 */
@Injectable()
export class FlowTriggers
  implements OnModuleInit, OnApplicationBootstrap, BeforeApplicationShutdown
{
  private timer: NodeJS.Timeout | undefined;
  private stopping = false;
  private pumping: Promise<void> | undefined;

  constructor(
    private readonly dataSource: DataSource,
    private readonly runtime: FlowRuntime,
    private readonly flows: FlowsRepository,
    private readonly instances: FlowInstancesRepository,
    private readonly entities: EntitiesRepository,
    private readonly queue: QueueService,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  onModuleInit(): void {
    this.queue.register<TimerJob>({
      queue: TIMER_QUEUE,
      retryLimit: 5,
      // Many waits end at once under load; each is idempotent (the timer row says if it fired).
      batchSize: 50,
      handle: (job) => this.fireTimer(job),
    });
    this.queue.register({
      queue: SCHEDULE_QUEUE,
      policy: 'singleton',
      retryLimit: 0,
      cron: '* * * * *',
      handle: async () => {
        await this.tick(new Date());
      },
    });
  }

  onApplicationBootstrap(): void {
    this.schedule(0);
  }

  async beforeApplicationShutdown(): Promise<void> {
    this.stopping = true;
    clearTimeout(this.timer);
    await this.pumping;
  }

  private schedule(delayMs: number): void {
    if (this.stopping) return;
    this.timer = setTimeout(() => {
      this.pumping = this.pumpAll().finally(() => (this.pumping = undefined));
    }, delayMs);
    this.timer.unref();
  }

  private async pumpAll(): Promise<void> {
    let handled = 0;
    try {
      handled = await this.pump();
    } catch (error) {
      this.logger.warn({ err: error }, 'flow trigger delivery failed; retrying');
    }
    this.schedule(handled === BATCH ? 0 : IDLE_POLL_MS);
  }

  /** Delivers one batch of events; answers how many there were. */
  async pump(): Promise<number> {
    return this.runtime.transact(async (tx) => {
      const { rows } = await tx.client.query<EventRow>(
        `SELECT id, type, app_key, entity_key, record_id, payload FROM formwork.events
          WHERE delivered_at IS NULL ORDER BY id LIMIT ${BATCH} FOR UPDATE SKIP LOCKED`,
      );
      for (const event of rows) await this.deliver(tx, event);
      if (rows.length > 0)
        await tx.client.query(
          `UPDATE formwork.events SET delivered_at = now() WHERE id = ANY($1::bigint[])`,
          [rows.map((row) => row.id)],
        );
      return rows.length;
    });
  }

  private async deliver(tx: FlowTx, event: EventRow): Promise<void> {
    const flows = await this.flows.publishedIn(event.app_key);
    for (const flow of flows) {
      if (!triggerMatches(flow.trigger, event, flow.flow)) continue;
      await this.runtime.start(tx, flow, {
        recordId: event.record_id,
        entity: event.entity_key,
        input: { event: event.type, ...event.payload },
        by: null,
      });
    }
  }

  private async fireTimer(job: TimerJob): Promise<void> {
    await this.runtime.transact(async (tx) => {
      if (!(await this.instances.fireTimer(tx.client, job))) return;
      await this.runtime.dispatch(
        tx,
        job.instanceId,
        { type: 'TIMER_FIRED', nodeId: job.nodeId, timer: job.timer },
        null,
        { event: job.timer === 'wait' ? 'wait_over' : 'escalated' },
      );
    });
  }

  /** Schedule triggers due at `at`'s minute: one instance, or one per matching record. */
  async tick(at: Date): Promise<number> {
    const rows: { app_key: string }[] = await this.dataSource.query(
      `SELECT DISTINCT app_key FROM formwork.flows WHERE published_version IS NOT NULL AND trigger->>'type' = 'schedule'`,
    );
    let started = 0;
    for (const { app_key: app } of rows)
      for (const flow of await this.flows.publishedIn(app)) {
        if (flow.trigger.type !== 'schedule') continue;
        const parsed = parseCron(flow.trigger.cron);
        if (!('schedule' in parsed) || !cronMatches(parsed.schedule, at)) continue;
        started += await this.startScheduled(flow);
      }
    return started;
  }

  private async startScheduled(flow: PublishedFlow): Promise<number> {
    const trigger = flow.trigger as Extract<FlowTrigger, { type: 'schedule' }>;
    const entity = trigger.entity ? await this.entities.find(flow.app, trigger.entity) : undefined;
    const ids = entity ? await this.matchingIds(flow.app, entity, trigger) : [null];
    await this.runtime.transact(async (tx) => {
      for (const recordId of ids)
        await this.runtime.start(tx, flow, {
          recordId,
          entity: entity?.key ?? null,
          input: { event: 'schedule' },
          by: null,
        });
    });
    return ids.length;
  }

  private async matchingIds(
    app: string,
    entity: Entity,
    trigger: Extract<FlowTrigger, { type: 'schedule' }>,
  ): Promise<string[]> {
    const related = new Map((await this.entities.list(app)).map((other) => [other.key, other]));
    const query = new RecordQueryCompiler(app, entity, related).compile({
      ...(trigger.filter ? { filter: trigger.filter } : {}),
      limit: MAX_SCHEDULED_RECORDS,
    });
    const rows: { id: string }[] = await this.dataSource.query(query.text, query.values);
    return rows.map((row) => row.id);
  }
}
