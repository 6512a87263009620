import { Injectable } from '@nestjs/common';
import type { Classifier, ClassifierDefinition } from '@formwork/definitions';
import { DataSource, type EntityManager } from 'typeorm';
import { InvalidatedCache } from '../common/invalidated-cache.js';
import { ChangeFeed } from '../database/change-feed.js';
import { queryPrepared } from '../database/prepared-query.js';

interface ClassifierRow {
  app_key: string;
  key: string;
  entity_key: string;
  version: number;
  definition: ClassifierDefinition;
  results_table: string | null;
  results_at: Date | null;
  created_at: Date;
  updated_at: Date;
}

/** A stored classifier with where its latest batch run left its per-record results. */
export interface StoredClassifier extends Classifier {
  app: string;
  resultsTable: string | null;
  resultsAt: string | null;
}

function toClassifier(row: ClassifierRow): StoredClassifier {
  return {
    ...row.definition,
    entity: row.entity_key,
    app: row.app_key,
    key: row.key,
    version: row.version,
    resultsTable: row.results_table,
    resultsAt: row.results_at?.toISOString() ?? null,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  };
}

export interface Explanation {
  classifier_version: number;
  inputs: Record<string, unknown>;
  matched_rules: string[];
  outputs: Record<string, unknown>;
  at: Date;
}

const MAX_CACHED_APPS = 2_000;

@Injectable()
export class ClassifiersRepository {
  /** Every record write asks which classifiers run on change: kept per app, dropped on NOTIFY. */
  private readonly onChangeCache = new InvalidatedCache<StoredClassifier[]>(MAX_CACHED_APPS);

  constructor(
    private readonly dataSource: DataSource,
    private readonly feed: ChangeFeed,
  ) {
    feed.subscribe('formwork_classifiers', {
      changed: (app) => this.onChangeCache.delete(app),
      reset: () => this.onChangeCache.clear(),
    });
  }

  /** Call after a transaction that changed classifiers commits (other engines hear NOTIFY). */
  forget(app: string): void {
    this.onChangeCache.delete(app);
  }

  async list(app: string): Promise<StoredClassifier[]> {
    const rows: ClassifierRow[] = await this.dataSource.query(
      `SELECT * FROM formwork.classifiers WHERE app_key = $1 ORDER BY created_at, key`,
      [app],
    );
    return rows.map(toClassifier);
  }

  async find(
    app: string,
    key: string,
    manager: EntityManager = this.dataSource.manager,
    lock = false,
  ): Promise<StoredClassifier | undefined> {
    const rows: ClassifierRow[] = await manager.query(
      `SELECT * FROM formwork.classifiers WHERE app_key = $1 AND key = $2${lock ? ' FOR UPDATE' : ''}`,
      [app, key],
    );
    return rows[0] && toClassifier(rows[0]);
  }

  /** The app's classifiers that run when a record changes (the hot path of every write). */
  async onChange(app: string): Promise<StoredClassifier[]> {
    const classifiers = await this.onChangeCache.get(
      app,
      async () =>
        (
          await queryPrepared<ClassifierRow>(
            this.dataSource,
            `SELECT * FROM formwork.classifiers WHERE app_key = $1 AND on_change ORDER BY key`,
            [app],
            0,
          )
        ).map(toClassifier),
      this.feed.isLive,
    );
    return classifiers ?? [];
  }

  async save(
    app: string,
    key: string,
    definition: ClassifierDefinition,
    version: number,
    actorId: string,
    manager: EntityManager,
  ): Promise<void> {
    const onChange = definition.triggers?.includes('on_change') ?? false;
    await manager.query(
      `INSERT INTO formwork.classifiers (app_key, key, entity_key, version, definition, on_change)
       VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT (app_key, key) DO UPDATE SET entity_key = EXCLUDED.entity_key, version = EXCLUDED.version,
         definition = EXCLUDED.definition, on_change = EXCLUDED.on_change, updated_at = now()`,
      [app, key, definition.entity, version, JSON.stringify(definition), onChange],
    );
    await manager.query(
      `INSERT INTO formwork.classifier_versions (app_key, classifier_key, version, definition, created_by)
       VALUES ($1, $2, $3, $4, $5) ON CONFLICT DO NOTHING`,
      [app, key, version, JSON.stringify(definition), actorId],
    );
  }

  async delete(app: string, key: string, manager: EntityManager): Promise<void> {
    await manager.query(`DELETE FROM formwork.classifiers WHERE app_key = $1 AND key = $2`, [
      app,
      key,
    ]);
  }

  /** Points the classifier at a finished run's results; answers the table it replaces. */
  async setResults(
    app: string,
    key: string,
    table: string,
    manager: EntityManager,
  ): Promise<string | null> {
    const rows: { results_table: string | null }[] = await manager.query(
      `SELECT results_table FROM formwork.classifiers WHERE app_key = $1 AND key = $2 FOR UPDATE`,
      [app, key],
    );
    await manager.query(
      `UPDATE formwork.classifiers SET results_table = $3, results_at = now() WHERE app_key = $1 AND key = $2`,
      [app, key, table],
    );
    return rows[0]?.results_table ?? null;
  }

  async onChangeExplanation(
    app: string,
    key: string,
    recordId: string,
  ): Promise<Explanation | undefined> {
    const rows: Explanation[] = await this.dataSource.query(
      `SELECT classifier_version, inputs, matched_rules, outputs, at FROM formwork.classifications
        WHERE app_key = $1 AND classifier_key = $2 AND record_id = $3`,
      [app, key, recordId],
    );
    return rows[0];
  }
}
