import { Injectable } from '@nestjs/common';
import type {
  Flow,
  FlowDefinition,
  FlowGraph,
  FlowProblem,
  FlowTrigger,
  FlowVersion,
} from '@formwork/definitions';
import type { FlowMachineConfig } from '@formwork/flows';
import { DataSource, type EntityManager } from 'typeorm';
import { InvalidatedCache } from '../common/invalidated-cache.js';
import { ChangeFeed } from '../database/change-feed.js';

interface FlowRow {
  app_key: string;
  key: string;
  name: string;
  description: string | null;
  trigger: FlowTrigger;
  graph: FlowGraph;
  draft_revision: number;
  valid: boolean;
  errors: FlowProblem[];
  published_version: number | null;
  created_at: Date;
  updated_at: Date;
}

interface VersionRow {
  app_key: string;
  flow_key: string;
  version: number;
  name: string;
  trigger: FlowTrigger;
  graph: FlowGraph;
  config: FlowMachineConfig;
  published_by: string | null;
  published_at: Date;
}

/** A published version with what the runtime needs. */
export interface PublishedFlow extends FlowVersion {
  app: string;
  flow: string;
  config: FlowMachineConfig;
}

function toFlow(row: FlowRow): Flow & { app: string } {
  return {
    app: row.app_key,
    key: row.key,
    name: row.name,
    ...(row.description ? { description: row.description } : {}),
    trigger: row.trigger,
    graph: row.graph,
    draftRevision: row.draft_revision,
    valid: row.valid,
    errors: row.errors,
    publishedVersion: row.published_version,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  };
}

function toVersion(row: VersionRow): PublishedFlow {
  return {
    app: row.app_key,
    flow: row.flow_key,
    version: row.version,
    name: row.name,
    trigger: row.trigger,
    graph: row.graph,
    config: row.config,
    publishedBy: row.published_by,
    publishedAt: row.published_at.toISOString(),
  };
}

const MAX_CACHED_APPS = 2_000;
const MAX_CACHED_VERSIONS = 2_000;

/** Flow drafts and their immutable published versions. */
@Injectable()
export class FlowsRepository {
  /** The latest published version of each flow of an app: events are matched against them. */
  private readonly published = new InvalidatedCache<PublishedFlow[]>(MAX_CACHED_APPS);
  private readonly versionCache = new Map<string, PublishedFlow>();

  constructor(
    private readonly dataSource: DataSource,
    private readonly feed: ChangeFeed,
  ) {
    feed.subscribe('formwork_flows', {
      changed: (app) => this.forget(app),
      reset: () => {
        this.published.clear();
        this.versionCache.clear();
      },
    });
  }

  /** After a change to the app's flows (a deleted flow's key may come back with version 1). */
  forget(app: string): void {
    this.published.delete(app);
    for (const key of this.versionCache.keys())
      if (key.startsWith(`${app}/`)) this.versionCache.delete(key);
  }

  async list(app: string): Promise<(Flow & { app: string })[]> {
    const rows: FlowRow[] = await this.dataSource.query(
      `SELECT * FROM formwork.flows WHERE app_key = $1 ORDER BY created_at, key`,
      [app],
    );
    return rows.map(toFlow);
  }

  async find(
    app: string,
    key: string,
    manager: EntityManager = this.dataSource.manager,
    lock = false,
  ): Promise<(Flow & { app: string }) | undefined> {
    const rows: FlowRow[] = await manager.query(
      `SELECT * FROM formwork.flows WHERE app_key = $1 AND key = $2${lock ? ' FOR UPDATE' : ''}`,
      [app, key],
    );
    return rows[0] && toFlow(rows[0]);
  }

  async saveDraft(
    app: string,
    key: string,
    draft: FlowDefinition,
    check: { valid: boolean; errors: FlowProblem[] },
    revision: number,
    manager: EntityManager,
  ): Promise<void> {
    await manager.query(
      `INSERT INTO formwork.flows (app_key, key, name, description, trigger, graph, draft_revision, valid, errors)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
       ON CONFLICT (app_key, key) DO UPDATE SET name = EXCLUDED.name, description = EXCLUDED.description,
         trigger = EXCLUDED.trigger, graph = EXCLUDED.graph, draft_revision = EXCLUDED.draft_revision,
         valid = EXCLUDED.valid, errors = EXCLUDED.errors, updated_at = now()`,
      [
        app,
        key,
        draft.name,
        draft.description ?? null,
        JSON.stringify(draft.trigger),
        JSON.stringify(draft.graph),
        revision,
        check.valid,
        JSON.stringify(check.errors),
      ],
    );
  }

  async delete(app: string, key: string, manager: EntityManager): Promise<void> {
    await manager.query(`DELETE FROM formwork.flows WHERE app_key = $1 AND key = $2`, [app, key]);
  }

  async publish(
    flow: Flow & { app: string },
    config: FlowMachineConfig,
    actorId: string,
    manager: EntityManager,
  ): Promise<number> {
    const version = (flow.publishedVersion ?? 0) + 1;
    await manager.query(
      `INSERT INTO formwork.flow_versions (app_key, flow_key, version, name, trigger, graph, config, published_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
      [
        flow.app,
        flow.key,
        version,
        flow.name,
        JSON.stringify(flow.trigger),
        JSON.stringify(flow.graph),
        JSON.stringify(config),
        actorId,
      ],
    );
    await manager.query(
      `UPDATE formwork.flows SET published_version = $3, updated_at = now() WHERE app_key = $1 AND key = $2`,
      [flow.app, flow.key, version],
    );
    return version;
  }

  async versions(app: string, key: string): Promise<PublishedFlow[]> {
    const rows: VersionRow[] = await this.dataSource.query(
      `SELECT * FROM formwork.flow_versions WHERE app_key = $1 AND flow_key = $2 ORDER BY version DESC`,
      [app, key],
    );
    return rows.map(toVersion);
  }

  /** A published version; versions never change, so each is read once per engine. */
  async version(
    app: string,
    key: string,
    version: number,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<PublishedFlow | undefined> {
    const cacheKey = `${app}/${key}@${version}`;
    const cached = this.versionCache.get(cacheKey);
    if (cached) return cached;
    const rows: VersionRow[] = await manager.query(
      `SELECT * FROM formwork.flow_versions WHERE app_key = $1 AND flow_key = $2 AND version = $3`,
      [app, key, version],
    );
    const found = rows[0] && toVersion(rows[0]);
    if (found) {
      if (this.versionCache.size >= MAX_CACHED_VERSIONS) this.versionCache.clear();
      this.versionCache.set(cacheKey, found);
    }
    return found;
  }

  /** Every flow's latest published version in the app (cached; events are matched against them). */
  async publishedIn(app: string): Promise<PublishedFlow[]> {
    const flows = await this.published.get(
      app,
      async () => {
        const rows: VersionRow[] = await this.dataSource.query(
          `SELECT v.* FROM formwork.flows f
             JOIN formwork.flow_versions v ON v.app_key = f.app_key AND v.flow_key = f.key AND v.version = f.published_version
            WHERE f.app_key = $1`,
          [app],
        );
        return rows.map(toVersion);
      },
      this.feed.isLive,
    );
    return flows ?? [];
  }

  /** Field keys of every form of the app (for validating form tasks and their conditions). */
  async formFields(app: string): Promise<Record<string, string[]>> {
    const rows: { key: string; fields: string[] | null }[] = await this.dataSource.query(
      `SELECT f.key, ARRAY(SELECT jsonb_object_keys(COALESCE(v.schema->'properties', '{}'))) AS fields
         FROM formwork.forms f JOIN formwork.form_versions v
           ON v.app_key = f.app_key AND v.form_key = f.key AND v.version = f.version
        WHERE f.app_key = $1`,
      [app],
    );
    return Object.fromEntries(rows.map((row) => [row.key, row.fields ?? []]));
  }

  async keysOf(table: 'classifiers' | 'flows', app: string): Promise<string[]> {
    const rows: { key: string }[] = await this.dataSource.query(
      `SELECT key FROM formwork.${table} WHERE app_key = $1`,
      [app],
    );
    return rows.map((row) => row.key);
  }
}
