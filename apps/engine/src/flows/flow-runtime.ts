import { Inject, Injectable } from '@nestjs/common';
import { AUTOMATIC_NODE_TYPES, type FlowInstanceStatus } from '@formwork/definitions';
import {
  createFlowMachine,
  type EffectActionParams,
  type FlowEvent,
  type FlowStateMeta,
} from '@formwork/flows';
import { DataSource, type EntityManager } from 'typeorm';
import {
  initialTransition,
  transition,
  type AnyStateMachine,
  type AnyMachineSnapshot,
} from 'xstate';
import { Semaphore } from '../common/semaphore.js';
import { CONFIG } from '../config/config.module.js';
import type { Config } from '../config/config.js';
import { clientOf, type SqlClient } from '../database/prepared-query.js';
import { EntitiesRepository } from '../entities/entities.repository.js';
import { QueueService } from '../queue/queue.service.js';
import { RecordsRepository } from '../records/records.repository.js';
import { addDuration, instantOf } from './flow-time.js';
import { renderTemplate } from './render-template.js';
import { FlowInstancesRepository, type InstanceRow } from './flow-instances.repository.js';
import { FlowsRepository, type PublishedFlow } from './flows.repository.js';

export const TIMER_QUEUE = 'flow-timer';

/** A transaction of the flow runtime: TypeORM's manager, its pg connection, and what to do after commit. */
export interface FlowTx {
  manager: EntityManager;
  client: SqlClient;
  /** Automatic steps entered in this transaction: run once it has committed. */
  steps: StepRef[];
}

export interface StepRef {
  instanceId: string;
  nodeId: string;
  visit: number;
}

export interface TimerJob {
  instanceId: string;
  nodeId: string;
  visit: number;
  timer: 'wait' | 'escalation';
}

export interface StartOptions {
  recordId?: string | null;
  entity?: string | null;
  input?: Record<string, unknown>;
  by: string | null;
  parent?: { instanceId: string; nodeId: string };
}

const AUTOMATIC = new Set<string>(AUTOMATIC_NODE_TYPES);
const STEP_ACTION_NAMES = new Set([
  'updateRecord',
  'createRecord',
  'classifyRecord',
  'sendNotification',
  'callWebhook',
  'startSubflow',
]);
const MAX_CACHED_MACHINES = 500;

interface Action {
  type: string;
  params?: unknown;
}

/**
 * The durable flow interpreter. Every transition is one DB transaction under the instance's row
 * lock: the pure XState transition (`initialTransition` / `transition`) gives the next snapshot
 * and the actions; the actions become rows in the same transaction (history, tasks, timers as
 * queue jobs, automatic steps), and the persisted snapshot is stored. Nothing runs in memory
 * between transactions, so a crash loses nothing and repeats nothing.
 */
@Injectable()
export class FlowRuntime {
  private readonly machines = new Map<string, AnyStateMachine>();
  private readonly slots: Semaphore;
  private stepRunner: ((steps: StepRef[]) => void) | undefined;

  constructor(
    private readonly dataSource: DataSource,
    private readonly instances: FlowInstancesRepository,
    private readonly flows: FlowsRepository,
    private readonly records: RecordsRepository,
    private readonly entities: EntitiesRepository,
    private readonly queue: QueueService,
    @Inject(CONFIG) config: Config,
  ) {
    this.slots = new Semaphore(Math.max(1, Math.floor(config.FORMWORK_DB_POOL_SIZE / 2)));
  }

  /** The step executor registers itself here (it needs the runtime; the runtime needs it after commit). */
  onStepsCommitted(run: (steps: StepRef[]) => void): void {
    this.stepRunner = run;
  }

  /**
   * Runs `work` in one transaction; steps it entered start once it has committed. A transaction
   * may also read through the pool (cached definitions), so at most half of the pool runs flow
   * transactions at once: otherwise a burst of steps could hold every connection while each
   * waits for one more.
   */
  async transact<T>(work: (tx: FlowTx) => Promise<T>): Promise<T> {
    const steps: StepRef[] = [];
    const result = await this.slots.run(() =>
      this.dataSource.transaction(async (manager) =>
        work({ manager, client: await clientOf(manager), steps }),
      ),
    );
    if (steps.length > 0) this.stepRunner?.(steps);
    return result;
  }

  machineOf(flow: PublishedFlow): AnyStateMachine {
    // publishedAt too: an app deleted and made again starts its flows' versions at 1 again.
    const key = `${flow.app}/${flow.flow}@${flow.version}:${flow.publishedAt}`;
    let machine = this.machines.get(key);
    if (!machine) {
      if (this.machines.size >= MAX_CACHED_MACHINES) this.machines.clear();
      machine = createFlowMachine(flow.config);
      this.machines.set(key, machine);
    }
    return machine;
  }

  /** Creates an instance and makes its first transition (to its first waiting point). */
  async start(tx: FlowTx, flow: PublishedFlow, options: StartOptions): Promise<string> {
    const record = options.recordId
      ? await this.readRecord(tx, flow.app, options.entity ?? null, options.recordId)
      : undefined;
    const id = await this.instances.insert(tx.client, {
      app_key: flow.app,
      flow_key: flow.flow,
      version: flow.version,
      record_id: options.recordId ?? null,
      entity_key: options.entity ?? null,
      parent_id: options.parent?.instanceId,
      parent_node: options.parent?.nodeId,
      started_by: options.by,
    });
    const instance = (await this.instances.lock(tx.client, id))!;
    const machine = this.machineOf(flow);
    const [snapshot, actions] = initialTransition(machine, {
      record: record ?? {},
      input: options.input ?? {},
    });
    await this.settle(tx, instance, flow, snapshot, actions, options.by);
    return id;
  }

  /**
   * Applies an event to an instance under its row lock. Answers false when the instance is no
   * longer running (finished, cancelled, failed): late events are ignored, never applied twice.
   */
  async dispatch(
    tx: FlowTx,
    target: string | InstanceRow,
    event: FlowEvent,
    by: string | null,
    history?: { event: string; data?: unknown },
  ): Promise<boolean> {
    // A caller that holds the row lock already passes the row it read under it.
    const instance =
      typeof target === 'string' ? await this.instances.lock(tx.client, target) : target;
    if (!instance || (instance.status !== 'running' && instance.status !== 'waiting')) return false;
    const flow = await this.flows.version(
      instance.app_key,
      instance.flow_key,
      instance.version,
      tx.manager,
    );
    if (!flow) return false;
    const machine = this.machineOf(flow);
    const current = machine.resolveState(
      instance.snapshot as Parameters<typeof machine.resolveState>[0],
    );
    const [next, actions] = transition(machine, current, event);
    const entry = history && {
      instanceId: instance.id,
      nodeId: event.nodeId,
      event: history.event,
      by,
      data: history.data,
    };
    await this.settle(tx, instance, flow, next, actions, by, entry ? [entry] : []);
    return true;
  }

  /** Marks an instance failed at a node, with the error, so it never reads `completed`. */
  async fail(tx: FlowTx, instance: InstanceRow, nodeId: string, message: string): Promise<void> {
    await this.instances.save(tx.client, instance.id, {
      status: 'failed',
      snapshot: instance.snapshot,
      current: instance.current,
      visits: instance.visits,
      error: { nodeId, message },
    });
    await this.instances.addHistory(tx.client, [
      { instanceId: instance.id, nodeId, event: 'failed', by: null, data: { message } },
    ]);
  }

  /** Runs the transition's actions as rows, then stores the snapshot and the status it gives. */
  private async settle(
    tx: FlowTx,
    instance: InstanceRow,
    flow: PublishedFlow,
    snapshot: AnyMachineSnapshot,
    actions: Action[],
    by: string | null,
    history: Parameters<FlowInstancesRepository['addHistory']>[1] = [],
  ): Promise<void> {
    const visits = { ...instance.visits };
    for (const action of actions)
      await this.perform(tx, { instance, flow, snapshot, visits, history, by }, action);
    await this.instances.addHistory(tx.client, history);
    const metas = Object.values(snapshot.getMeta() as Record<string, Partial<FlowStateMeta>>);
    const current = [
      ...new Set(
        metas.flatMap((meta) =>
          meta.nodeId && meta.type !== 'parallel_split' ? [meta.nodeId] : [],
        ),
      ),
    ];
    const status: FlowInstanceStatus =
      snapshot.status === 'done'
        ? 'completed'
        : metas.some((meta) => meta.type !== undefined && AUTOMATIC.has(meta.type))
          ? 'running'
          : 'waiting';
    await this.instances.save(tx.client, instance.id, {
      status,
      snapshot: this.machineOf(flow).getPersistedSnapshot(snapshot),
      current: status === 'completed' ? [] : current,
      visits,
      error: null,
    });
    if (status === 'completed' && instance.parent_id && instance.parent_node)
      await this.dispatch(
        tx,
        instance.parent_id,
        {
          type: 'STEP_COMPLETED',
          nodeId: instance.parent_node,
          output: { instanceId: instance.id },
        },
        null,
        { event: 'subflow_completed', data: { instanceId: instance.id } },
      );
  }

  private async perform(
    tx: FlowTx,
    state: {
      instance: InstanceRow;
      flow: PublishedFlow;
      snapshot: AnyMachineSnapshot;
      visits: Record<string, number>;
      history: Parameters<FlowInstancesRepository['addHistory']>[1];
      by: string | null;
    },
    action: Action,
  ): Promise<void> {
    const { instance, visits } = state;
    const params = (action.params ?? {}) as { nodeId: string };
    const visit = () => visits[params.nodeId] ?? 1;
    switch (action.type) {
      case 'enterNode':
        visits[params.nodeId] = (visits[params.nodeId] ?? 0) + 1;
        state.history.push({
          instanceId: instance.id,
          nodeId: params.nodeId,
          event: 'entered',
          by: state.by,
          data: { type: (params as EffectActionParams['enterNode']).type },
        });
        return;
      case 'createTask':
        return this.createTask(tx, state, params as EffectActionParams['createTask'], visit());
      case 'scheduleTimer':
        return this.scheduleTimer(
          tx,
          state,
          params as EffectActionParams['scheduleTimer'],
          visit(),
        );
      case 'cancelTimers':
        return this.instances.cancelTimers(tx.client, instance.id, params.nodeId);
      case 'escalateTask':
        return this.escalate(tx, state, params as EffectActionParams['escalateTask']);
      default:
        if (!STEP_ACTION_NAMES.has(action.type)) return;
        await this.instances.insertStep(tx.client, {
          instance_id: instance.id,
          node_id: params.nodeId,
          visit: visit(),
          action: action.type,
          params: params,
        });
        tx.steps.push({ instanceId: instance.id, nodeId: params.nodeId, visit: visit() });
    }
  }

  private async createTask(
    tx: FlowTx,
    { instance, snapshot }: { instance: InstanceRow; snapshot: AnyMachineSnapshot },
    params: EffectActionParams['createTask'],
    visit: number,
  ): Promise<void> {
    const record = (snapshot.context as { record?: Record<string, unknown> }).record ?? {};
    const assignee = params.assignee as { role?: string; user?: string; field?: string };
    const fieldUser = assignee.field ? record[assignee.field] : undefined;
    await this.instances.insertTask(tx.client, {
      instance_id: instance.id,
      app_key: instance.app_key,
      flow_key: instance.flow_key,
      node_id: params.nodeId,
      visit,
      kind: params.kind,
      title: renderTemplate(params.title, snapshot.context),
      form_key: params.form ?? null,
      record_id: instance.record_id,
      entity_key: instance.entity_key,
      assignee: params.assignee as never,
      assignee_user: assignee.user ?? (typeof fieldUser === 'string' ? fieldUser : null),
      assignee_role: assignee.role ?? null,
      outcomes: params.outcomes ?? null,
      due_at: params.due ? (addDuration(new Date(), params.due) ?? null) : null,
    });
  }

  private async scheduleTimer(
    tx: FlowTx,
    { instance, snapshot }: { instance: InstanceRow; snapshot: AnyMachineSnapshot },
    params: EffectActionParams['scheduleTimer'],
    visit: number,
  ): Promise<void> {
    const record = (snapshot.context as { record?: Record<string, unknown> }).record ?? {};
    const now = new Date();
    const dueAt =
      (params.duration && addDuration(now, params.duration)) ||
      (params.until && instantOf(record[params.until.replace(/^record\./, '')])) ||
      now;
    const timer = { instanceId: instance.id, nodeId: params.nodeId, visit, timer: params.timer };
    if (!(await this.instances.insertTimer(tx.client, { ...timer, dueAt }))) return;
    await this.queue.send(TIMER_QUEUE, timer, {
      startAfter: dueAt,
      singletonKey: `${instance.id}/${params.nodeId}/${visit}/${params.timer}`,
      client: tx.client,
    });
  }

  /** Reassigns the node's open task, or leaves an in-app notification for its assignee. */
  private async escalate(
    tx: FlowTx,
    { instance }: { instance: InstanceRow },
    params: EffectActionParams['escalateTask'],
  ): Promise<void> {
    const to = params.to as { reassign?: { role?: string; user?: string }; notify?: string };
    if (to.reassign)
      await tx.client.query(
        `UPDATE formwork.tasks SET assignee = $3, assignee_user = $4, assignee_role = $5
          WHERE instance_id = $1 AND node_id = $2 AND status = 'open'`,
        [
          instance.id,
          params.nodeId,
          JSON.stringify(to.reassign),
          to.reassign.user ?? null,
          to.reassign.role ?? null,
        ],
      );
    else
      await tx.client.query(
        `INSERT INTO formwork.notifications (user_id, role, subject, body, instance_id)
         SELECT assignee_user, assignee_role, 'Task overdue', $3, $1 FROM formwork.tasks
          WHERE instance_id = $1 AND node_id = $2 AND status = 'open'`,
        [instance.id, params.nodeId, to.notify ?? 'A task is overdue.'],
      );
  }

  private async readRecord(
    tx: FlowTx,
    app: string,
    entityKey: string | null,
    id: string,
  ): Promise<Record<string, unknown> | undefined> {
    if (!entityKey) return undefined;
    const entity = await this.entities.find(app, entityKey);
    if (!entity) return undefined;
    const row = await this.records.find(app, entity, id, { manager: tx.manager });
    if (!row) return undefined;
    const { deleted: _deleted, ...record } = row;
    return record;
  }
}
