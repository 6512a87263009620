import { Injectable } from '@nestjs/common';
import type { App, AppInput } from '@formwork/definitions';
import { DataSource } from 'typeorm';
import { AuditRepository } from '../audit/audit.repository.js';
import type { RequestActor } from '../auth/request-actor.js';
import { badRequest, conflict, notFound } from '../common/problem.js';
import { quoteIdentifier, schemaNameOf } from '../entities/physical-names.js';
import { AppsRepository } from './apps.repository.js';

@Injectable()
export class AppsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly apps: AppsRepository,
    private readonly audit: AuditRepository,
  ) {}

  async list(): Promise<{ items: App[] }> {
    return { items: await this.apps.list() };
  }

  async get(key: string): Promise<App> {
    const app = await this.apps.find(key);
    if (!app) throw notFound(`There is no app ${key}.`);
    return app;
  }

  /** The app row and its PostgreSQL schema are created together, or not at all. */
  async create(input: AppInput, actor: RequestActor): Promise<App> {
    const schemaName = schemaNameOf(input.key);
    return this.dataSource.transaction(async (manager) => {
      const app = await this.apps.insert({ ...input, schemaName }, manager);
      if (!app)
        throw conflict(`An app with the key ${input.key} already exists.`, [
          { path: '/key', message: 'is already taken' },
        ]);
      await manager.query(`CREATE SCHEMA ${quoteIdentifier(schemaName)}`);
      await this.audit.record(
        {
          actorId: actor.userId,
          action: 'app.create',
          subjectType: 'app',
          subjectId: app.key,
          after: app,
          ip: actor.ip,
        },
        manager,
      );
      return app;
    });
  }

  /** Drops the app's schema with every table and record in it; `confirm` must repeat the key. */
  async delete(key: string, confirm: string | undefined, actor: RequestActor): Promise<void> {
    if (confirm !== key) {
      throw badRequest(`Deleting an app deletes all its data: repeat its key in ?confirm=${key}.`, [
        { path: '/confirm', message: `must equal ${key}` },
      ]);
    }
    await this.dataSource.transaction(async (manager) => {
      const app = await this.apps.find(key, manager);
      if (!app) throw notFound(`There is no app ${key}.`);
      await manager.query(`DROP SCHEMA IF EXISTS ${quoteIdentifier(schemaNameOf(key))} CASCADE`);
      await this.apps.delete(key, manager);
      await this.audit.record(
        {
          actorId: actor.userId,
          action: 'app.delete',
          subjectType: 'app',
          subjectId: key,
          before: app,
          ip: actor.ip,
        },
        manager,
      );
    });
  }
}
