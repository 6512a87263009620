import { Injectable } from '@nestjs/common';
import type { Entity, EntityChangePlan, ParsedEntityInput } from '@formwork/definitions';
import { DataSource, type EntityManager } from 'typeorm';
import { AppsRepository } from '../apps/apps.repository.js';
import { AuditRepository } from '../audit/audit.repository.js';
import type { RequestActor } from '../auth/request-actor.js';
import {
  conflict,
  notFound,
  ProblemException,
  problemOf,
  unprocessable,
} from '../common/problem.js';
import { EntitiesRepository } from './entities.repository.js';
import { EntitySchemaRunner } from './entity-schema-runner.js';
import { quoteIdentifier, tableOf } from './physical-names.js';
import { describeStep, planEntityChange, type StoredDefinition } from './plan-entity-change.js';

export interface PutOptions {
  dryRun: boolean;
  expectedVersion?: number;
}

export type PutOutcome =
  { kind: 'plan'; plan: EntityChangePlan } | { kind: 'applied'; entity: Entity; created: boolean };

const storedOf = (entity: Entity): StoredDefinition => ({
  name: entity.name,
  ...(entity.description ? { description: entity.description } : {}),
  fields: entity.fields,
  archivedFields: entity.archivedFields,
  indexes: entity.indexes,
});

@Injectable()
export class EntitiesService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly apps: AppsRepository,
    private readonly entities: EntitiesRepository,
    private readonly runner: EntitySchemaRunner,
    private readonly audit: AuditRepository,
  ) {}

  async list(app: string): Promise<{ items: Entity[] }> {
    await this.requireApp(app);
    return { items: await this.entities.list(app) };
  }

  async get(app: string, key: string): Promise<Entity> {
    await this.requireApp(app);
    const entity = await this.entities.find(app, key);
    if (!entity) throw notFound(`There is no entity ${key} in ${app}.`);
    return entity;
  }

  /**
   * Plans the change from the stored definition to `input`, refuses it when it would lose data,
   * and applies schema and metadata in one transaction under the app's lock.
   */
  async put(
    app: string,
    input: ParsedEntityInput,
    options: PutOptions,
    actor: RequestActor,
  ): Promise<PutOutcome> {
    return this.changeDefinition(app, input.key, async (manager) => {
      await this.entities.lockApp(app, manager);
      await this.requireApp(app, manager);
      const current = await this.entities.find(app, input.key, manager);
      if (options.expectedVersion !== undefined && current?.version !== options.expectedVersion) {
        throw conflict(
          `The entity ${input.key} was changed by someone else (now version ${current?.version ?? 'none'}). Reload and try again.`,
        );
      }
      const others = (await this.entities.list(app, manager))
        .map((entity) => entity.key)
        .filter((key) => key !== input.key);
      const plan = planEntityChange(current && storedOf(current), input, {
        existingEntities: new Set(others),
      });
      if (plan.errors.length > 0) throw unprocessable(plan.errors);
      const target = { app, entity: input.key };
      const report = await this.runner.findDataLoss(manager, target, plan.steps);
      if (report.length > 0) {
        throw new ProblemException(
          problemOf(
            409,
            `This change would lose or corrupt data in ${input.key}; nothing was changed.`,
            { report },
          ),
        );
      }
      const steps = plan.steps.map(describeStep);
      if (options.dryRun)
        return { kind: 'plan', plan: { entity: input.key, creates: !current, steps } };

      await this.runner.apply(manager, target, plan.steps);
      const version = !current ? 1 : plan.steps.length > 0 ? current.version + 1 : current.version;
      const entity = await this.entities.save(app, input.key, plan.next, version, manager);
      if (plan.steps.length > 0) {
        await this.entities.recordChange(
          { app, entity: input.key, version, plan: steps, actorId: actor.userId },
          manager,
        );
        await this.audit.record(
          {
            actorId: actor.userId,
            action: current ? 'entity.update' : 'entity.create',
            subjectType: 'entity',
            subjectId: `${app}/${input.key}`,
            before: current ?? null,
            after: entity,
            ip: actor.ip,
          },
          manager,
        );
      }
      return { kind: 'applied', entity, created: !current };
    });
  }

  /**
   * Drops the columns of archived fields for good. Only archived fields can be purged, and not
   * while another entity's relation could still need them (relations point at ids, not fields).
   */
  async purge(app: string, key: string, fields: string[], actor: RequestActor): Promise<Entity> {
    return this.changeDefinition(app, key, async (manager) => {
      await this.entities.lockApp(app, manager);
      const entity = await this.entities.find(app, key, manager);
      if (!entity) throw notFound(`There is no entity ${key} in ${app}.`);
      const archived = new Set(entity.archivedFields.map((field) => field.key));
      const errors = fields.flatMap((field, index) =>
        archived.has(field)
          ? []
          : [{ path: `/fields/${index}`, message: `${field} is not an archived field of ${key}` }],
      );
      if (errors.length > 0) throw unprocessable(errors);
      const purged = new Set(fields);
      for (const field of purged)
        await manager.query(
          `ALTER TABLE ${tableOf(app, key)} DROP COLUMN ${quoteIdentifier(field)}`,
        );
      const next = {
        ...storedOf(entity),
        archivedFields: entity.archivedFields.filter((field) => !purged.has(field.key)),
      };
      const saved = await this.entities.save(app, key, next, entity.version + 1, manager);
      const plan = [...purged].map((field) => ({
        action: 'purge_column',
        field,
        detail: `drop archived field ${field} and its data`,
      }));
      await this.entities.recordChange(
        { app, entity: key, version: saved.version, plan, actorId: actor.userId },
        manager,
      );
      await this.audit.record(
        {
          actorId: actor.userId,
          action: 'entity.purge',
          subjectType: 'entity',
          subjectId: `${app}/${key}`,
          before: entity,
          after: saved,
          ip: actor.ip,
        },
        manager,
      );
      return saved;
    });
  }

  /** Drops the table with its records; refused while another entity has a relation to it. */
  async delete(app: string, key: string, actor: RequestActor): Promise<void> {
    await this.changeDefinition(app, key, async (manager) => {
      await this.entities.lockApp(app, manager);
      const entity = await this.entities.find(app, key, manager);
      if (!entity) throw notFound(`There is no entity ${key} in ${app}.`);
      const dependents = (await this.entities.list(app, manager)).filter(
        (other) =>
          other.key !== key &&
          [...other.fields, ...other.archivedFields].some(
            (field) => field.type === 'relation' && field.target === key,
          ),
      );
      if (dependents.length > 0) {
        throw conflict(
          `Entities ${dependents.map((other) => other.key).join(', ')} have relations to ${key}: remove those fields (and purge them) first.`,
        );
      }
      await manager.query(`DROP TABLE ${tableOf(app, key)}`);
      await this.entities.delete(app, key, manager);
      await this.audit.record(
        {
          actorId: actor.userId,
          action: 'entity.delete',
          subjectType: 'entity',
          subjectId: `${app}/${key}`,
          before: entity,
          ip: actor.ip,
        },
        manager,
      );
    });
  }

  /** A definition change in one transaction; this engine's cached copy goes once it commits. */
  private async changeDefinition<T>(
    app: string,
    key: string,
    work: (manager: EntityManager) => Promise<T>,
  ): Promise<T> {
    try {
      return await this.dataSource.transaction(work);
    } finally {
      this.entities.forget(app, key);
    }
  }

  private async requireApp(app: string, manager?: EntityManager): Promise<void> {
    if (!(await this.apps.find(app, manager))) throw notFound(`There is no app ${app}.`);
  }
}
