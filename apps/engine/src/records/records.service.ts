import { Injectable } from '@nestjs/common';
import {
  recordSchemaFor,
  toFieldErrors,
  type Entity,
  type EntityRecord,
  type FieldError,
  type Page,
  type RecordHistoryEntry,
} from '@formwork/definitions';
import { randomUUID } from 'node:crypto';
import { DataSource, type EntityManager } from 'typeorm';
import { AppsRepository } from '../apps/apps.repository.js';
import type { RequestActor } from '../auth/request-actor.js';
import { conflict, notFound, ProblemException, unprocessable } from '../common/problem.js';
import { EntitiesRepository } from '../entities/entities.repository.js';
import { constraintName } from '../entities/physical-names.js';
import { clientOf } from '../database/prepared-query.js';
import {
  encodeRecordCursor,
  RecordQueryCompiler,
  type RecordQueryInput,
} from './compile-record-query.js';
import { expandableFields, expandRelations } from './expand-relations.js';
import { RecordCreateBatcher } from './record-create-batcher.js';
import { RecordWriteHooks, withHookWrites } from './record-write-hooks.js';
import {
  RecordsRepository,
  StaleDefinitionError,
  type FormSubmissionRow,
  type RecordRow,
} from './records.repository.js';

interface Target {
  app: string;
  entity: Entity;
}

const UNIQUE_VIOLATION = '23505';

const recordSchemas = new Map<string, ReturnType<typeof recordSchemaFor>>();
const MAX_CACHED_SCHEMAS = 1000;

/** Validation schemas are derived from an entity version, so they can be built once per version. */
function cachedRecordSchema(entity: Entity, mode: 'create' | 'update') {
  const key = `${entity.key}@${entity.version}:${entity.updatedAt}:${mode}`;
  let schema = recordSchemas.get(key);
  if (!schema) {
    if (recordSchemas.size >= MAX_CACHED_SCHEMAS) recordSchemas.clear();
    schema = recordSchemaFor(entity.fields, mode);
    recordSchemas.set(key, schema);
  }
  return schema;
}

function withoutDeletedFlag({
  deleted: _deleted,
  ...record
}: RecordRow & { deleted?: boolean }): EntityRecord {
  return record as EntityRecord;
}

@Injectable()
export class RecordsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly apps: AppsRepository,
    private readonly entities: EntitiesRepository,
    private readonly records: RecordsRepository,
    private readonly creates: RecordCreateBatcher,
    private readonly hooks: RecordWriteHooks,
  ) {}

  /** The entity to work on; one query when it exists (its app then exists too). */
  async target(app: string, entityKey: string): Promise<Target> {
    const entity = await this.entities.find(app, entityKey);
    if (entity) return { app, entity };
    if (!(await this.apps.find(app))) throw notFound(`There is no app ${app}.`);
    throw notFound(`There is no entity ${entityKey} in ${app}.`);
  }

  async list(
    app: string,
    entityKey: string,
    input: RecordQueryInput & { expand?: string },
  ): Promise<Page<EntityRecord>> {
    const { entity } = await this.target(app, entityKey);
    const expand = expandableFields(entity, input.expand);
    const related = await this.relatedEntities(app);
    const query = new RecordQueryCompiler(app, entity, related).compile(input);
    const rows = await this.records.query(query.text, query.values);
    const page = rows.slice(0, input.limit);
    const last = page.at(-1);
    const nextCursor =
      rows.length > input.limit && last
        ? encodeRecordCursor(
            query.scope,
            query.sortKeys.map((key) => last[key.key] ?? null),
            last.id,
          )
        : null;
    await expandRelations(this.dataSource.manager, app, expand, related, page);
    return { items: page as EntityRecord[], nextCursor };
  }

  async get(app: string, entityKey: string, id: string, expand?: string): Promise<EntityRecord> {
    const { entity } = await this.target(app, entityKey);
    const fields = expandableFields(entity, expand);
    const row = await this.records.find(app, entity, id);
    if (!row) throw notFound(`There is no record ${id} in ${entityKey}.`);
    const record = withoutDeletedFlag(row);
    if (fields.length > 0)
      await expandRelations(this.dataSource.manager, app, fields, await this.relatedEntities(app), [
        record,
      ]);
    return record;
  }

  private async relatedEntities(app: string): Promise<Map<string, Entity>> {
    return new Map((await this.entities.list(app)).map((other) => [other.key, other]));
  }

  /** One statement writes the record, its history row and its outbox event (atomic; batched under load). */
  async create(
    app: string,
    entityKey: string,
    body: unknown,
    actor: RequestActor,
  ): Promise<EntityRecord> {
    return this.withCurrentDefinition(app, entityKey, (target) =>
      this.createWith(target, body, actor.userId),
    );
  }

  /** A record from a form submission: also writes the submission row and `form_submitted`. */
  async createFromForm(
    app: string,
    entityKey: string,
    values: Record<string, unknown>,
    actorId: string | null,
    submission: FormSubmissionRow,
  ): Promise<EntityRecord> {
    return this.withCurrentDefinition(app, entityKey, (target) =>
      this.createWith(target, values, actorId, submission),
    );
  }

  /** A record edited through a form: the update plus its submission row, in one transaction. */
  async updateFromForm(
    app: string,
    entityKey: string,
    id: string,
    values: Record<string, unknown>,
    expectedVersion: number | undefined,
    actor: RequestActor,
    submission: FormSubmissionRow,
  ): Promise<EntityRecord> {
    return this.withCurrentDefinition(app, entityKey, (target) =>
      this.updateWith(target, id, values, expectedVersion, actor, (manager) =>
        this.records.addSubmission(app, entityKey, id, actor.userId, submission, manager),
      ),
    );
  }

  private async createWith(
    target: Target,
    body: unknown,
    actorId: string | null,
    submission?: FormSubmissionRow,
  ) {
    const values = this.withDefaults(target.entity, this.parse(target.entity, body, 'create'));
    return this.mapUniqueViolation(target, async () => {
      await this.checkReferences(target, values, this.dataSource.manager);
      return (await this.creates.create(
        target.app,
        target.entity,
        values,
        actorId,
        submission,
      )) as EntityRecord;
    });
  }

  async update(
    app: string,
    entityKey: string,
    id: string,
    body: unknown,
    expectedVersion: number | undefined,
    actor: RequestActor,
  ): Promise<EntityRecord> {
    return this.withCurrentDefinition(app, entityKey, (target) =>
      this.updateWith(target, id, body, expectedVersion, actor),
    );
  }

  private async updateWith(
    target: Target,
    id: string,
    body: unknown,
    expectedVersion: number | undefined,
    actor: RequestActor,
    alsoWrite?: (manager: EntityManager) => Promise<void>,
  ): Promise<EntityRecord> {
    const values = this.parse(target.entity, body, 'update');
    return this.inTransaction(target, (manager) =>
      this.writeUpdate(manager, target, id, values, {
        expectedVersion,
        actorId: actor.userId,
        alsoWrite,
      }),
    );
  }

  /**
   * An update inside the caller's transaction (a flow step, a completed task): validated, with
   * history, on-change work and `record_updated` naming the flow that wrote it (so that flow is
   * not started again by its own write).
   */
  async updateInTransaction(
    manager: EntityManager,
    app: string,
    entityKey: string,
    id: string,
    body: unknown,
    by: { actorId: string | null; flow?: string },
  ): Promise<EntityRecord> {
    const target = await this.target(app, entityKey);
    const values = this.parse(target.entity, body, 'update');
    return this.mapUniqueViolation(target, () =>
      this.writeUpdate(manager, target, id, values, { actorId: by.actorId, flow: by.flow }),
    );
  }

  /** A create inside the caller's transaction (a flow's create_record step). */
  async createInTransaction(
    manager: EntityManager,
    app: string,
    entityKey: string,
    body: unknown,
    actorId: string | null,
  ): Promise<EntityRecord> {
    const target = await this.target(app, entityKey);
    const values = this.withDefaults(target.entity, this.parse(target.entity, body, 'create'));
    return this.mapUniqueViolation(target, async () => {
      await this.checkReferences(target, values, manager);
      const fields = target.entity.fields.filter((field) => values[field.key] !== undefined);
      const client = await clientOf(manager);
      const [row] = await this.records.insertManyWithHistory(
        app,
        target.entity,
        fields,
        [{ id: randomUUID(), actorId, values }],
        client,
      );
      if (!row) throw new StaleDefinitionError(app, entityKey);
      const writes = await this.hooks.afterWrite(client, {
        app,
        entity: target.entity,
        ids: [row.id],
      });
      return withHookWrites(row, writes) as EntityRecord;
    });
  }

  private async writeUpdate(
    manager: EntityManager,
    target: Target,
    id: string,
    values: Record<string, unknown>,
    options: {
      expectedVersion?: number;
      actorId: string | null;
      flow?: string;
      alsoWrite?: (manager: EntityManager) => Promise<void>;
    },
  ): Promise<EntityRecord> {
    const { app, entity } = target;
    const entityKey = entity.key;
    const { expectedVersion, alsoWrite } = options;
    const before = await this.records.find(app, target.entity, id, { manager, lock: true });
    if (!before) throw notFound(`There is no record ${id} in ${entityKey}.`);
    if (expectedVersion !== undefined && before.version !== expectedVersion) {
      throw conflict(
        `The record was changed by someone else (now version ${before.version}). Reload it and try again.`,
      );
    }
    await this.checkReferences(target, values, manager);
    const after = await this.records.update(app, target.entity, id, values, manager);
    const changed = Object.keys(values).filter(
      (key) => JSON.stringify(before[key]) !== JSON.stringify(after[key]),
    );
    await this.records.addHistory(
      {
        app,
        entity: entityKey,
        recordId: id,
        actorId: options.actorId,
        action: 'update',
        before: withoutDeletedFlag(before),
        after,
      },
      manager,
    );
    await this.records.addEvent(
      {
        type: 'record_updated',
        app,
        entity: entityKey,
        recordId: id,
        payload: { fields: changed, ...(options.flow ? { flow: options.flow } : {}) },
      },
      manager,
    );
    await alsoWrite?.(manager);
    return this.afterWrite(manager, target, after, before);
  }

  async delete(app: string, entityKey: string, id: string, actor: RequestActor): Promise<void> {
    const target = await this.target(app, entityKey);
    await this.inTransaction(target, async (manager) => {
      const before = await this.records.find(app, target.entity, id, { manager, lock: true });
      if (!before) throw notFound(`There is no record ${id} in ${entityKey}.`);
      await this.records.setDeleted(app, target.entity, id, true, manager);
      await this.records.addHistory(
        {
          app,
          entity: entityKey,
          recordId: id,
          actorId: actor.userId,
          action: 'delete',
          before: withoutDeletedFlag(before),
          after: null,
        },
        manager,
      );
      await this.records.addEvent(
        { type: 'record_deleted', app, entity: entityKey, recordId: id },
        manager,
      );
      await this.afterWrite(manager, target, before, before);
    });
  }

  async restore(
    app: string,
    entityKey: string,
    id: string,
    actor: RequestActor,
  ): Promise<EntityRecord> {
    const target = await this.target(app, entityKey);
    return this.inTransaction(target, async (manager) => {
      const before = await this.records.find(app, target.entity, id, {
        manager,
        lock: true,
        includeDeleted: true,
      });
      if (!before) throw notFound(`There is no record ${id} in ${entityKey}.`);
      if (!before.deleted) return withoutDeletedFlag(before);
      const after = await this.records.setDeleted(app, target.entity, id, false, manager);
      await this.records.addHistory(
        {
          app,
          entity: entityKey,
          recordId: id,
          actorId: actor.userId,
          action: 'restore',
          before: null,
          after,
        },
        manager,
      );
      await this.records.addEvent(
        { type: 'record_restored', app, entity: entityKey, recordId: id },
        manager,
      );
      return this.afterWrite(manager, target, after, before);
    });
  }

  async history(
    app: string,
    entityKey: string,
    id: string,
  ): Promise<{ items: RecordHistoryEntry[] }> {
    const { entity } = await this.target(app, entityKey);
    if (!(await this.records.find(app, entity, id, { includeDeleted: true })))
      throw notFound(`There is no record ${id} in ${entityKey}.`);
    return { items: await this.records.history(app, entityKey, id) };
  }

  /** On-change work (classification) in the write's transaction; answers the record as it ends up. */
  private async afterWrite(
    manager: EntityManager,
    { app, entity }: Target,
    after: RecordRow,
    before: RecordRow,
  ): Promise<EntityRecord> {
    const writes = await this.hooks.afterWrite(await clientOf(manager), {
      app,
      entity,
      ids: [after.id],
      before: new Map([[before.id, before]]),
    });
    return withHookWrites(withoutDeletedFlag(after), writes);
  }

  /**
   * Definitions come from a per-engine cache that another engine's change makes stale until its
   * NOTIFY arrives: a write refused or skipped under a stale definition is decided again.
   */
  private async withCurrentDefinition<T>(
    app: string,
    entityKey: string,
    work: (target: Target) => Promise<T>,
  ): Promise<T> {
    const target = await this.target(app, entityKey);
    try {
      return await work(target);
    } catch (error) {
      if (!(await this.decidedOnStaleDefinition(target, error))) throw error;
      return work(await this.target(app, entityKey));
    }
  }

  private async decidedOnStaleDefinition({ app, entity }: Target, error: unknown) {
    const refused = error instanceof ProblemException && error.problem.status === 422;
    if (!refused && !(error instanceof StaleDefinitionError)) return false;
    const current = await this.entities.find(app, entity.key, this.dataSource.manager);
    if (current?.version === entity.version) return false;
    this.entities.forget(app, entity.key);
    return true;
  }

  private parse(entity: Entity, body: unknown, mode: 'create' | 'update'): Record<string, unknown> {
    const result = cachedRecordSchema(entity, mode).safeParse(body);
    if (!result.success) {
      if (body === null || typeof body !== 'object' || Array.isArray(body))
        throw unprocessable(
          [{ path: '', message: 'must be a JSON object' }],
          'The request body must be a JSON object.',
        );
      throw unprocessable(toFieldErrors(result.error));
    }
    return result.data;
  }

  private withDefaults(entity: Entity, values: Record<string, unknown>): Record<string, unknown> {
    const withDefaults = { ...values };
    for (const field of entity.fields)
      if (withDefaults[field.key] === undefined && field.default !== undefined)
        withDefaults[field.key] = field.default;
    return withDefaults;
  }

  /** Relation and user values must point at existing (not deleted) records: a 422 names each bad one. */
  private async checkReferences(
    { app, entity }: Target,
    values: Record<string, unknown>,
    manager: EntityManager,
  ): Promise<void> {
    const errors: FieldError[] = [];
    for (const field of entity.fields) {
      const id = values[field.key];
      if (typeof id !== 'string' || (field.type !== 'relation' && field.type !== 'user')) continue;
      const found =
        field.type === 'user'
          ? await this.records.existingUserIds([id], manager)
          : await this.records.existingIds(app, field.target!, [id], manager);
      if (!found.has(id))
        errors.push({
          path: `/${field.key}`,
          message: field.type === 'user' ? 'is not a user' : `is not a record of ${field.target}`,
        });
    }
    if (errors.length > 0) throw unprocessable(errors);
  }

  /** Runs a write in a transaction, turning a unique-index violation into a 409 that names the field. */
  private inTransaction<T>(
    target: Target,
    work: (manager: EntityManager) => Promise<T>,
  ): Promise<T> {
    return this.mapUniqueViolation(target, () => this.dataSource.transaction(work));
  }

  private async mapUniqueViolation<T>(
    { app, entity }: Target,
    write: () => Promise<T>,
  ): Promise<T> {
    try {
      return await write();
    } catch (error) {
      const { code, constraint } = error as { code?: string; constraint?: string };
      if (code !== UNIQUE_VIOLATION) throw error;
      const field = entity.fields.find(
        (candidate) => constraintName('ux', app, entity.key, candidate.key) === constraint,
      );
      if (!field) throw error;
      throw conflict(`Another record already has this ${field.name}.`, [
        { path: `/${field.key}`, message: 'is already used by another record' },
      ]);
    }
  }
}
