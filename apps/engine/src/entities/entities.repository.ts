import { Injectable } from '@nestjs/common';
import type { Entity } from '@formwork/definitions';
import { DataSource, type EntityManager } from 'typeorm';
import { InvalidatedCache } from '../common/invalidated-cache.js';
import { ChangeFeed } from '../database/change-feed.js';
import { queryPrepared } from '../database/prepared-query.js';
import type { StoredDefinition } from './plan-entity-change.js';

interface EntityRow {
  key: string;
  version: number;
  definition: StoredDefinition;
  created_at: Date;
  updated_at: Date;
}

export function toEntity(row: EntityRow): Entity {
  const { name, description, fields, archivedFields, indexes } = row.definition;
  return {
    key: row.key,
    name,
    ...(description ? { description } : {}),
    version: row.version,
    fields,
    indexes,
    archivedFields,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  };
}

const MAX_CACHED_ENTITIES = 5_000;
const cacheKey = (app: string, key: string) => `${app}/${key}`;

@Injectable()
export class EntitiesRepository {
  /** Definitions read on every records request: kept per engine, dropped on change (NOTIFY). */
  private readonly cache = new InvalidatedCache<Entity>(MAX_CACHED_ENTITIES);

  constructor(
    private readonly dataSource: DataSource,
    private readonly feed: ChangeFeed,
  ) {
    feed.subscribe('formwork_entities', {
      changed: (payload) => this.cache.delete(payload),
      reset: () => this.cache.clear(),
    });
  }

  /** Call after a transaction that changed definitions commits; other engines hear of it by NOTIFY. */
  forget(app: string, key?: string): void {
    if (key) this.cache.delete(cacheKey(app, key));
    else this.cache.deleteWhere((_, cached) => cached.startsWith(`${app}/`));
  }

  /** Serialises schema changes of one app: relations tie its entities together. */
  async lockApp(app: string, manager: EntityManager): Promise<void> {
    await manager.query(
      `SELECT pg_advisory_xact_lock(hashtext('formwork.entities'), hashtext($1))`,
      [app],
    );
  }

  async list(app: string, manager: EntityManager = this.dataSource.manager): Promise<Entity[]> {
    const rows: EntityRow[] = await manager.query(
      `SELECT * FROM formwork.entities WHERE app_key = $1 ORDER BY created_at, key`,
      [app],
    );
    return rows.map(toEntity);
  }

  /** Inside a transaction pass its manager (read fresh); outside one, the hot path, it is cached. */
  async find(app: string, key: string, manager?: EntityManager): Promise<Entity | undefined> {
    const text = `SELECT * FROM formwork.entities WHERE app_key = $1 AND key = $2`;
    if (manager) {
      const rows: EntityRow[] = await manager.query(text, [app, key]);
      return rows[0] && toEntity(rows[0]);
    }
    return this.cache.get(
      cacheKey(app, key),
      async () => {
        const rows = await queryPrepared<EntityRow>(this.dataSource, text, [app, key], 0);
        return rows[0] && toEntity(rows[0]);
      },
      this.feed.isLive,
    );
  }

  async save(
    app: string,
    key: string,
    definition: StoredDefinition,
    version: number,
    manager: EntityManager,
  ): Promise<Entity> {
    const rows: EntityRow[] = await manager.query(
      `INSERT INTO formwork.entities (app_key, key, version, definition) VALUES ($1, $2, $3, $4)
       ON CONFLICT (app_key, key) DO UPDATE SET version = EXCLUDED.version, definition = EXCLUDED.definition, updated_at = now()
       RETURNING *`,
      [app, key, version, JSON.stringify(definition)],
    );
    return toEntity(rows[0]!);
  }

  async recordChange(
    change: { app: string; entity: string; version: number; plan: unknown; actorId: string },
    manager: EntityManager,
  ): Promise<void> {
    await manager.query(
      `INSERT INTO formwork.entity_changes (app_key, entity_key, version, plan, changed_by) VALUES ($1, $2, $3, $4, $5)`,
      [change.app, change.entity, change.version, JSON.stringify(change.plan), change.actorId],
    );
  }

  async delete(app: string, key: string, manager: EntityManager): Promise<void> {
    await manager.query(`DELETE FROM formwork.entities WHERE app_key = $1 AND key = $2`, [
      app,
      key,
    ]);
  }
}
