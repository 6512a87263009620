import {
  Inject,
  Injectable,
  type BeforeApplicationShutdown,
  type OnApplicationBootstrap,
  type OnModuleInit,
} from '@nestjs/common';
import type { EffectActionParams, FlowEvent } from '@formwork/flows';
import type { Logger } from 'pino';
import { OnChangeClassification } from '../classifiers/on-change-classification.js';
import { LOGGER } from '../common/logger.js';
import { ProblemException } from '../common/problem.js';
import { RecordsService } from '../records/records.service.js';
import {
  FlowInstancesRepository,
  type InstanceRow,
  type StepRow,
} from './flow-instances.repository.js';
import { FlowRuntime, type FlowTx, type StepRef } from './flow-runtime.js';
import { FlowsRepository } from './flows.repository.js';
import { Outbox } from './outbox.js';
import { renderTemplate } from './render-template.js';

/** What a step did: done (with what later nodes may read), or waiting for a delivery or a subflow. */
type StepOutcome =
  { kind: 'done'; record?: Record<string, unknown>; output?: unknown } | { kind: 'waiting' };

const SWEEP_INTERVAL_MS = 5_000;
const STALLED_AFTER_SECONDS = 5;

/**
 * Automatic steps (update/create record, classify, notify, webhook, subflow). A step is a row
 * written in the transition that entered its node; it runs right after that commit, in its own
 * transaction together with the `STEP_COMPLETED` it causes, under the instance lock and only
 * while the step row is still pending — so a step is never lost (a sweeper picks up rows an
 * engine left behind) and never done twice (another engine finds it done).
 */
@Injectable()
export class FlowSteps implements OnModuleInit, OnApplicationBootstrap, BeforeApplicationShutdown {
  private sweeper: NodeJS.Timeout | undefined;
  private readonly running = new Set<Promise<void>>();
  private stopping = false;

  constructor(
    private readonly runtime: FlowRuntime,
    private readonly instances: FlowInstancesRepository,
    private readonly flows: FlowsRepository,
    private readonly records: RecordsService,
    private readonly classification: OnChangeClassification,
    private readonly outbox: Outbox,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  onModuleInit(): void {
    this.runtime.onStepsCommitted((steps) => this.runSoon(steps));
    this.outbox.onDelivery((row, outcome) => this.delivered(row, outcome));
  }

  /** A webhook step completes when its delivery succeeded, and fails the instance when it gave up. */
  private async delivered(
    row: { instance_id: string | null; node_id: string | null; visit: number | null },
    outcome: { ok: true; status: number } | { ok: false; message: string },
  ): Promise<void> {
    if (!row.instance_id || !row.node_id || row.visit === null) return;
    const { instance_id: instanceId, node_id: nodeId, visit } = row;
    await this.runtime.transact(async (tx) => {
      const instance = await this.instances.lock(tx.client, instanceId);
      const step = await this.instances.lockStep(tx.client, instanceId, nodeId, visit);
      if (!instance || !step || step.status !== 'waiting') return;
      if (outcome.ok)
        await this.complete(tx, instance, step, { output: { status: outcome.status } });
      else {
        await this.instances.setStep(tx.client, step, 'failed', outcome.message);
        await this.runtime.fail(tx, instance, nodeId, outcome.message);
      }
    });
  }

  onApplicationBootstrap(): void {
    const sweep = () => {
      void this.sweep().finally(() => {
        if (!this.stopping) this.sweeper = setTimeout(sweep, SWEEP_INTERVAL_MS).unref();
      });
    };
    this.sweeper = setTimeout(sweep, 500).unref();
  }

  async beforeApplicationShutdown(): Promise<void> {
    this.stopping = true;
    clearTimeout(this.sweeper);
    await Promise.allSettled([...this.running]);
  }

  runSoon(steps: StepRef[]): void {
    if (this.stopping) return; // the sweeper of the next engine start takes them
    for (const step of steps) {
      const run = this.run(step)
        .catch((error: unknown) =>
          this.logger.error(
            { err: error, step },
            'flow step failed to run; the sweeper retries it',
          ),
        )
        .finally(() => this.running.delete(run));
      this.running.add(run);
    }
  }

  private async sweep(): Promise<void> {
    try {
      const stalled = await this.instances.stalledSteps(STALLED_AFTER_SECONDS, 100);
      for (const step of stalled)
        await this.run({ instanceId: step.instance_id, nodeId: step.node_id, visit: step.visit });
    } catch (error) {
      this.logger.warn({ err: error }, 'flow step sweep failed');
    }
  }

  async run(ref: StepRef): Promise<void> {
    await this.runtime.transact(async (tx) => {
      const instance = await this.instances.lock(tx.client, ref.instanceId);
      if (!instance || instance.status !== 'running') return;
      const step = await this.instances.lockStep(tx.client, ref.instanceId, ref.nodeId, ref.visit);
      if (!step || step.status !== 'pending') return;
      await tx.client.query('SAVEPOINT fw_step');
      let outcome: StepOutcome;
      try {
        outcome = await this.execute(tx, instance, step);
      } catch (error) {
        await tx.client.query('ROLLBACK TO SAVEPOINT fw_step');
        const message = messageOf(error);
        await this.instances.setStep(tx.client, step, 'failed', message);
        await this.runtime.fail(tx, instance, step.node_id, message);
        return;
      }
      if (outcome.kind === 'waiting') {
        await this.instances.setStep(tx.client, step, 'waiting');
        return;
      }
      await this.complete(tx, instance, step, outcome);
    });
  }

  /** A step's work is done (now, or when its delivery or subflow finished): the flow moves on. */
  async complete(
    tx: FlowTx,
    instance: InstanceRow,
    step: Pick<StepRow, 'instance_id' | 'node_id' | 'visit'>,
    outcome: { record?: Record<string, unknown>; output?: unknown },
  ): Promise<void> {
    await this.instances.setStep(tx.client, step, 'done');
    const event: FlowEvent = {
      type: 'STEP_COMPLETED',
      nodeId: step.node_id,
      ...(outcome.record ? { record: outcome.record } : {}),
      ...(outcome.output !== undefined ? { output: outcome.output } : {}),
    } as FlowEvent;
    await this.runtime.dispatch(tx, instance, event, null, {
      event: 'step_completed',
      data: outcome.output ?? outcome.record,
    });
  }

  private async execute(tx: FlowTx, instance: InstanceRow, step: StepRow): Promise<StepOutcome> {
    const context = await this.contextOf(instance);
    switch (step.action) {
      case 'updateRecord': {
        const { set } = step.params as EffectActionParams['updateRecord'];
        const { app, entity, id } = this.recordOf(instance);
        const after = await this.records.updateInTransaction(tx.manager, app, entity, id, set, {
          actorId: null,
          flow: instance.flow_key,
        });
        return { kind: 'done', record: pick(after, Object.keys(set)) };
      }
      case 'createRecord': {
        const params = step.params as EffectActionParams['createRecord'];
        const created = await this.records.createInTransaction(
          tx.manager,
          instance.app_key,
          params.entity,
          renderBody(params.values, context),
          null,
        );
        return { kind: 'done', output: { id: created.id } };
      }
      case 'classifyRecord': {
        const { classifier } = step.params as EffectActionParams['classifyRecord'];
        const { id } = this.recordOf(instance);
        const rows = await this.classification.classifyNow(
          tx.client,
          instance.app_key,
          classifier,
          [id],
        );
        if (!rows) throw new Error(`There is no classifier ${classifier}.`);
        return { kind: 'done', record: rows[0]?.outputs ?? {} };
      }
      case 'sendNotification': {
        const params = step.params as EffectActionParams['sendNotification'];
        await this.outbox.notify(tx, instance, step, {
          to: params.to,
          channel: params.channel,
          subject: renderTemplate(params.subject, context),
          body: renderTemplate(params.body, context),
        });
        return { kind: 'done' };
      }
      case 'callWebhook': {
        const params = step.params as EffectActionParams['callWebhook'];
        await this.outbox.webhook(tx, instance, step, {
          url: params.url,
          method: params.method,
          headers: params.headers ?? {},
          body: params.body === undefined ? undefined : renderBody(params.body, context),
        });
        return { kind: 'waiting' };
      }
      case 'startSubflow': {
        const params = step.params as EffectActionParams['startSubflow'];
        const child = (await this.flows.publishedIn(instance.app_key)).find(
          (flow) => flow.flow === params.flow,
        );
        if (!child) throw new Error(`The subflow ${params.flow} is not published.`);
        await this.runtime.start(tx, child, {
          recordId: instance.record_id,
          entity: instance.entity_key,
          input: params.input ?? {},
          by: null,
          parent: { instanceId: instance.id, nodeId: step.node_id },
        });
        return { kind: 'waiting' };
      }
      default:
        throw new Error(`Unknown step ${step.action}.`);
    }
  }

  private recordOf(instance: InstanceRow): { app: string; entity: string; id: string } {
    if (!instance.record_id || !instance.entity_key)
      throw new Error('This flow runs without a record, so it has no record to change.');
    return { app: instance.app_key, entity: instance.entity_key, id: instance.record_id };
  }

  private async contextOf(instance: InstanceRow): Promise<unknown> {
    return (instance.snapshot as { context?: unknown }).context ?? {};
  }
}

function pick(record: Record<string, unknown>, keys: string[]): Record<string, unknown> {
  return Object.fromEntries(keys.map((key) => [key, record[key]]));
}

/** Strings in a webhook body get their placeholders filled. */
function renderBody(body: unknown, context: unknown): unknown {
  if (typeof body === 'string') return renderTemplate(body, context);
  if (Array.isArray(body)) return body.map((item) => renderBody(item, context));
  if (body && typeof body === 'object')
    return Object.fromEntries(
      Object.entries(body).map(([key, value]) => [key, renderBody(value, context)]),
    );
  return body;
}

function messageOf(error: unknown): string {
  if (error instanceof ProblemException) {
    const fields = error.problem.errors?.map((item) => `${item.path} ${item.message}`).join('; ');
    return fields
      ? `${error.problem.detail ?? ''} ${fields}`.trim()
      : (error.problem.detail ?? error.message);
  }
  return error instanceof Error ? error.message : String(error);
}
