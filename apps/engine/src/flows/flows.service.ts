import { Inject, Injectable } from '@nestjs/common';
import type {
  Flow,
  FlowDefinition,
  FlowInstance,
  FlowOperations,
  FlowProblem,
  FlowSaveResult,
  FlowTrigger,
  FlowVersion,
} from '@formwork/definitions';
import { compileFlow, validateFlow, type FlowValidationContext } from '@formwork/flows';
import { DataSource } from 'typeorm';
import { AppsRepository } from '../apps/apps.repository.js';
import { AuditRepository } from '../audit/audit.repository.js';
import type { RequestActor } from '../auth/request-actor.js';
import { badRequest, conflict, notFound, unprocessable } from '../common/problem.js';
import { CONFIG } from '../config/config.module.js';
import type { Config } from '../config/config.js';
import { EntitiesRepository } from '../entities/entities.repository.js';
import { FlowInstancesRepository, type InstanceRow } from './flow-instances.repository.js';
import { FlowRuntime } from './flow-runtime.js';
import { FlowSteps } from './flow-steps.js';
import { FlowsRepository } from './flows.repository.js';
import { RecordsRepository } from '../records/records.repository.js';

const publicFlow = ({ app: _app, ...flow }: Flow & { app: string }): Flow => flow;

@Injectable()
export class FlowsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly apps: AppsRepository,
    private readonly entities: EntitiesRepository,
    private readonly flows: FlowsRepository,
    private readonly instances: FlowInstancesRepository,
    private readonly runtime: FlowRuntime,
    private readonly steps: FlowSteps,
    private readonly audit: AuditRepository,
    private readonly records: RecordsRepository,
    @Inject(CONFIG) private readonly config: Config,
  ) {}

  async list(app: string): Promise<{ items: Flow[] }> {
    await this.requireApp(app);
    return { items: (await this.flows.list(app)).map(publicFlow) };
  }

  async get(app: string, key: string): Promise<Flow> {
    return publicFlow(await this.find(app, key));
  }

  private async find(app: string, key: string) {
    const flow = await this.flows.find(app, key);
    if (flow) return flow;
    await this.requireApp(app);
    throw notFound(`There is no flow ${key} in ${app}.`);
  }

  /** Saves the draft whatever its state, answering what is still wrong with it. */
  async put(
    app: string,
    key: string,
    draft: FlowDefinition,
    expectedRevision: number | undefined,
    actor: RequestActor,
  ): Promise<{ result: FlowSaveResult; created: boolean }> {
    await this.requireApp(app);
    const check = await this.validate(app, key, draft);
    return this.dataSource.transaction(async (manager) => {
      const current = await this.flows.find(app, key, manager, true);
      if (expectedRevision !== undefined && current?.draftRevision !== expectedRevision)
        throw conflict(
          `The flow was changed elsewhere (now revision ${current?.draftRevision ?? 'none'}). Reload it and try again.`,
        );
      const revision = (current?.draftRevision ?? 0) + 1;
      await this.flows.saveDraft(app, key, draft, check, revision, manager);
      if (!current)
        await this.audit.record(
          {
            actorId: actor.userId,
            action: 'flow.create',
            subjectType: 'flow',
            subjectId: `${app}/${key}`,
            ip: actor.ip,
          },
          manager,
        );
      return { result: { ...check, draftRevision: revision }, created: !current };
    });
  }

  async delete(app: string, key: string, actor: RequestActor): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const current = await this.flows.find(app, key, manager, true);
      if (!current) throw notFound(`There is no flow ${key} in ${app}.`);
      const [running] = await manager.query<{ n: number }[]>(
        `SELECT count(*)::int AS n FROM formwork.flow_instances WHERE app_key = $1 AND flow_key = $2 AND status IN ('running', 'waiting')`,
        [app, key],
      );
      const n = running?.n ?? 0;
      if (n > 0)
        throw conflict(`${n} instances of this flow are still running: cancel them first.`);
      await this.flows.delete(app, key, manager);
      await this.audit.record(
        {
          actorId: actor.userId,
          action: 'flow.delete',
          subjectType: 'flow',
          subjectId: `${app}/${key}`,
          ip: actor.ip,
        },
        manager,
      );
    });
    this.flows.forget(app);
  }

  /** An immutable version of the current draft; refused while the draft is invalid. */
  async publish(app: string, key: string, actor: RequestActor): Promise<{ version: number }> {
    const flow = await this.find(app, key);
    const definition: FlowDefinition = {
      name: flow.name,
      ...(flow.description ? { description: flow.description } : {}),
      trigger: flow.trigger,
      graph: flow.graph,
    };
    const check = await this.validate(app, key, definition);
    if (!check.valid)
      throw unprocessable(
        check.errors.map((error) => ({
          path: error.nodeId
            ? `/graph/nodes/${error.nodeId}`
            : error.edgeId
              ? `/graph/edges/${error.edgeId}`
              : (error.path ?? ''),
          message: error.message,
        })),
        'The flow has problems to fix before it can be published.',
      );
    const compiled = compileFlow(definition, await this.validationContext(app, key, definition));
    if (!compiled.config)
      throw unprocessable(
        compiled.errors.map((error) => ({ path: error.path ?? '', message: error.message })),
      );
    const version = await this.dataSource.transaction(async (manager) => {
      const locked = (await this.flows.find(app, key, manager, true))!;
      if (locked.draftRevision !== flow.draftRevision)
        throw conflict('The draft changed while it was being published. Publish again.');
      const published = await this.flows.publish(locked, compiled.config, actor.userId, manager);
      await this.audit.record(
        {
          actorId: actor.userId,
          action: 'flow.publish',
          subjectType: 'flow',
          subjectId: `${app}/${key}`,
          after: { version: published },
          ip: actor.ip,
        },
        manager,
      );
      return published;
    });
    this.flows.forget(app);
    return { version };
  }

  async versions(app: string, key: string): Promise<{ items: FlowVersion[] }> {
    await this.find(app, key);
    const versions = await this.flows.versions(app, key);
    return { items: versions.map(({ app: _a, flow: _f, config: _c, ...version }) => version) };
  }

  /** `POST …/instances`: starts the latest published version by hand. */
  async start(
    app: string,
    key: string,
    body: { recordId?: string; input?: Record<string, unknown> },
    actor: RequestActor,
  ): Promise<FlowInstance> {
    const flow = (await this.flows.publishedIn(app)).find((candidate) => candidate.flow === key);
    if (!flow) {
      await this.find(app, key);
      throw conflict(`The flow ${key} has no published version yet: publish it first.`);
    }
    const entity = await this.triggerEntity(app, flow.trigger);
    if (body.recordId && !entity)
      throw badRequest('This flow is not about records of an entity, so it takes no recordId.', [
        { path: '/recordId', message: 'is not expected for this flow' },
      ]);
    if (body.recordId && entity) {
      const target = await this.entities.find(app, entity);
      const exists =
        target &&
        (await this.records.existingIds(app, entity, [body.recordId], this.dataSource.manager))
          .size > 0;
      if (!exists)
        throw unprocessable([{ path: '/recordId', message: `is not a record of ${entity}` }]);
    }
    const id = await this.runtime.transact((tx) =>
      this.runtime.start(tx, flow, {
        recordId: body.recordId ?? null,
        entity,
        input: body.input,
        by: actor.userId,
      }),
    );
    return this.instance(id);
  }

  async listInstances(
    app: string,
    key: string,
    status?: string,
  ): Promise<{ items: FlowInstance[] }> {
    await this.find(app, key);
    const rows = await this.instances.list(app, key, status);
    return { items: await Promise.all(rows.map((row) => this.view(row, false))) };
  }

  async instance(id: string): Promise<FlowInstance> {
    const row = await this.instances.find(id);
    if (!row) throw notFound(`There is no flow instance ${id}.`);
    return this.view(row, true);
  }

  async cancel(id: string, actor: RequestActor): Promise<FlowInstance> {
    await this.runtime.transact(async (tx) => {
      const row = await this.instances.lock(tx.client, id);
      if (!row) throw notFound(`There is no flow instance ${id}.`);
      if (row.status !== 'running' && row.status !== 'waiting' && row.status !== 'failed')
        throw conflict(`The instance is ${row.status} already.`);
      await this.instances.cancelTasks(tx.client, id);
      await this.instances.cancelTimers(tx.client, id);
      await this.instances.save(tx.client, id, { ...row, status: 'cancelled' });
      await this.instances.addHistory(tx.client, [
        { instanceId: id, nodeId: row.current[0] ?? '', event: 'cancelled', by: actor.userId },
      ]);
    });
    return this.instance(id);
  }

  /** Runs the failed step again (the instance's own version). */
  async retry(id: string, actor: RequestActor): Promise<FlowInstance> {
    const step = await this.runtime.transact(async (tx) => {
      const row = await this.instances.lock(tx.client, id);
      if (!row) throw notFound(`There is no flow instance ${id}.`);
      if (row.status !== 'failed' || !row.error)
        throw conflict(`Only a failed instance can be retried; this one is ${row.status}.`);
      const { rows } = await tx.client.query<{ visit: number }>(
        `UPDATE formwork.flow_steps SET status = 'pending', error = NULL WHERE instance_id = $1 AND node_id = $2 AND status = 'failed'
         RETURNING visit`,
        [id, row.error.nodeId],
      );
      await this.instances.save(tx.client, id, { ...row, status: 'running', error: null });
      await this.instances.addHistory(tx.client, [
        { instanceId: id, nodeId: row.error.nodeId, event: 'retried', by: actor.userId },
      ]);
      return rows[0] && { instanceId: id, nodeId: row.error.nodeId, visit: rows[0].visit };
    });
    if (step) await this.steps.run(step);
    return this.instance(id);
  }

  async operations(): Promise<FlowOperations> {
    const [counts, [overdue], [queue], failed] = await Promise.all([
      this.dataSource.query<{ status: string; n: number }[]>(
        `SELECT status, count(*)::int AS n FROM formwork.flow_instances GROUP BY status`,
      ),
      this.dataSource.query<{ n: number }[]>(
        `SELECT count(*)::int AS n FROM formwork.tasks WHERE status = 'open' AND due_at < now()`,
      ),
      this.dataSource
        .query<{ n: number }[]>(
          `SELECT count(*)::int AS n FROM pgboss.job WHERE state IN ('created', 'retry')`,
        )
        .catch(() => [{ n: 0 }]),
      this.dataSource.query<
        {
          id: string;
          flow_key: string;
          error: { nodeId: string; message: string };
          updated_at: Date;
        }[]
      >(
        `SELECT id, flow_key, error, updated_at FROM formwork.flow_instances WHERE status = 'failed' ORDER BY updated_at DESC LIMIT 20`,
      ),
    ]);
    const instances = { running: 0, waiting: 0, completed: 0, failed: 0, cancelled: 0 };
    for (const row of counts) instances[row.status as keyof typeof instances] = row.n;
    return {
      queueDepth: queue?.n ?? 0,
      instances,
      overdueTasks: overdue?.n ?? 0,
      failed: failed.map((row) => ({
        id: row.id,
        flow: row.flow_key,
        nodeId: row.error.nodeId,
        message: row.error.message,
        at: row.updated_at.toISOString(),
      })),
    };
  }

  private async view(row: InstanceRow, withHistory: boolean): Promise<FlowInstance> {
    const context = (row.snapshot as { context?: FlowInstance['context'] }).context;
    return {
      id: row.id,
      flow: row.flow_key,
      app: row.app_key,
      version: row.version,
      status: row.status,
      current: row.current,
      history: withHistory ? await this.instances.history(row.id) : [],
      context: {
        record: context?.record ?? null,
        input: context?.input ?? {},
        tasks: context?.tasks ?? {},
      },
      recordId: row.record_id,
      entity: row.entity_key,
      error: row.error,
      createdAt: row.created_at.toISOString(),
      updatedAt: row.updated_at.toISOString(),
    };
  }

  /** Validation against the app as it is: fields, forms, classifiers, flows, entities, origins. */
  async validate(
    app: string,
    key: string,
    draft: FlowDefinition,
  ): Promise<{ valid: boolean; errors: FlowProblem[] }> {
    const result = validateFlow(draft, await this.validationContext(app, key, draft));
    const errors = result.errors.map(({ code, message, nodeId, edgeId, path }) => ({
      code,
      message,
      ...(nodeId ? { nodeId } : {}),
      ...(edgeId ? { edgeId } : {}),
      ...(path ? { path } : {}),
    }));
    return { valid: errors.length === 0, errors };
  }

  private async validationContext(
    app: string,
    key: string,
    draft: FlowDefinition,
  ): Promise<FlowValidationContext> {
    const entityKey = await this.triggerEntity(app, draft.trigger);
    const entity = entityKey ? await this.entities.find(app, entityKey) : undefined;
    return {
      flowKey: key,
      ...(entity ? { recordFields: entity.fields.map((field) => field.key) } : {}),
      forms: await this.flows.formFields(app),
      classifiers: await this.flows.keysOf('classifiers', app),
      flows: await this.flows.keysOf('flows', app),
      entities: (await this.entities.list(app)).map((item) => item.key),
      engineOrigins: [
        `http://localhost:${this.config.PORT}`,
        `http://127.0.0.1:${this.config.PORT}`,
      ],
      allowedWebhookHosts: this.config.FORMWORK_WEBHOOK_ALLOWED_HOSTS,
    };
  }

  private async triggerEntity(app: string, trigger: FlowTrigger): Promise<string | null> {
    const direct = entityOfTrigger(trigger);
    if (direct) return direct;
    if (trigger.type === 'classification_changed') {
      const rows: { entity_key: string }[] = await this.dataSource.query(
        `SELECT entity_key FROM formwork.classifiers WHERE app_key = $1 AND key = $2`,
        [app, trigger.classifier],
      );
      return rows[0]?.entity_key ?? null;
    }
    if (trigger.type === 'form_submitted') {
      const rows: { entity_key: string | null }[] = await this.dataSource.query(
        `SELECT entity_key FROM formwork.forms WHERE app_key = $1 AND key = $2`,
        [app, trigger.form],
      );
      return rows[0]?.entity_key ?? null;
    }
    return null;
  }

  private async requireApp(app: string): Promise<void> {
    if (!(await this.apps.find(app))) throw notFound(`There is no app ${app}.`);
  }
}

/** The entity a trigger names directly (record and schedule triggers, manual with an entity). */
export function entityOfTrigger(trigger: FlowTrigger): string | null {
  return 'entity' in trigger && trigger.entity ? trigger.entity : null;
}
