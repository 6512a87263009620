import { Injectable } from '@nestjs/common';
import type { Entity, Field, FieldType } from '@formwork/definitions';
import { DataSource, type EntityManager } from 'typeorm';
import { quoteIdentifier, tableOf } from '../entities/physical-names.js';
import { castOf, selectList } from './record-columns.js';

/** One row to update: its id and the values it sets (PATCH semantics). */
export interface UpdateRow {
  id: string;
  values: Record<string, unknown>;
}

const SYSTEM_COLUMNS: { key: string; type: FieldType }[] = [
  { key: 'id', type: 'relation' },
  { key: 'version', type: 'integer' },
  { key: 'created_at', type: 'datetime' },
  { key: 'updated_at', type: 'datetime' },
  { key: 'created_by', type: 'user' },
  { key: 'owner_id', type: 'user' },
];

/** A value as the text of one array element (PostgreSQL casts it to the column type). */
export function arrayElement(type: FieldType, value: unknown): string | null {
  if (value === null || value === undefined) return null;
  if (type === 'multiselect') return JSON.stringify(value);
  if (typeof value === 'string') return value;
  return typeof value === 'number' || typeof value === 'boolean'
    ? String(value)
    : JSON.stringify(value);
}

/**
 * A record as JSON, built in SQL the way the API shows it (timestamps in UTC RFC 3339 with
 * milliseconds), for the history rows of an import. jsonb_build_object takes at most 100
 * arguments, so wide entities are built in parts and concatenated.
 */
function recordJson(entity: Entity, alias: string): string {
  const pairs = [...SYSTEM_COLUMNS, ...entity.fields].map(({ key, type }) => {
    const column = `${alias}.${quoteIdentifier(key)}`;
    const value =
      type === 'datetime'
        ? `to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`
        : column;
    return `'${key}', ${value}`;
  });
  const parts: string[] = [];
  for (let index = 0; index < pairs.length; index += 40)
    parts.push(`jsonb_build_object(${pairs.slice(index, index + 40).join(', ')})`);
  return parts.join(' || ');
}

const STALE_STATS_MIN_ROWS = 5_000;
const STALE_STATS_SHARE = 0.2;

/** Set-based SQL for imports: a batch of rows is one statement, its history rows included. */
@Injectable()
export class ImportRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Inserts the rows (every active field; absent values are null) and returns their new ids. */
  async insert(
    manager: EntityManager,
    target: { app: string; entity: Entity },
    rows: Record<string, unknown>[],
    actorId: string,
  ): Promise<string[]> {
    const { app, entity } = target;
    const fields = entity.fields;
    const values: unknown[] = [
      actorId,
      app,
      entity.key,
      rows.map((_, index) => index),
      ...fields.map((field) => rows.map((row) => arrayElement(field.type, row[field.key]))),
    ];
    const arrays = [
      '$4::integer[]',
      ...fields.map((field, index) => `$${index + 5}::${castOf(field.type)}[]`),
    ];
    const aliases = ['ord', ...fields.map((_, index) => `c${index}`)];
    const columns = ['created_by', 'owner_id', ...fields.map((field) => field.key)].map(
      quoteIdentifier,
    );
    const inserted: { id: string }[] = await manager.query(
      `WITH inserted AS (
         INSERT INTO ${tableOf(app, entity.key)} AS t (${columns.join(', ')})
         SELECT $1::uuid, $1::uuid${fields.map((_, index) => `, v.c${index}`).join('')}
           FROM unnest(${arrays.join(', ')}) AS v(${aliases.join(', ')})
         RETURNING ${selectList(entity)}
       ), history AS (
         INSERT INTO formwork.record_history (app_key, entity_key, record_id, actor_id, action, before, after)
         SELECT $2, $3, i.id, $1::uuid, 'import', NULL, ${recordJson(entity, 'i')} FROM inserted i
       )
       SELECT id FROM inserted`,
      values,
    );
    return inserted.map((row) => row.id);
  }

  /**
   * Updates rows that set the same fields (callers group them), bumping each version; returns
   * the ids that were updated (a record deleted meanwhile is not).
   */
  async update(
    manager: EntityManager,
    target: { app: string; entity: Entity },
    fields: Field[],
    rows: UpdateRow[],
    actorId: string,
  ): Promise<string[]> {
    const { app, entity } = target;
    const table = tableOf(app, entity.key);
    const values: unknown[] = [
      actorId,
      app,
      entity.key,
      rows.map((row) => row.id),
      ...fields.map((field) => rows.map((row) => arrayElement(field.type, row.values[field.key]))),
    ];
    const arrays = [
      '$4::uuid[]',
      ...fields.map((field, index) => `$${index + 5}::${castOf(field.type)}[]`),
    ];
    const aliases = ['id', ...fields.map((_, index) => `c${index}`)];
    const assignments = [
      ...fields.map((field, index) => `${quoteIdentifier(field.key)} = v.c${index}`),
      'version = t.version + 1',
      `updated_at = date_trunc('milliseconds', now())`,
    ];
    const result: unknown = await manager.query(
      `WITH v AS (
         SELECT * FROM unnest(${arrays.join(', ')}) AS v(${aliases.join(', ')})
       ), old AS (
         SELECT t.id, ${recordJson(entity, 't')} AS doc FROM ${table} t JOIN v ON v.id = t.id
          WHERE t.deleted_at IS NULL
       ), updated AS (
         UPDATE ${table} AS t SET ${assignments.join(', ')}
           FROM v WHERE t.id = v.id AND t.deleted_at IS NULL
         RETURNING ${selectList(entity)}
       ), history AS (
         INSERT INTO formwork.record_history (app_key, entity_key, record_id, actor_id, action, before, after)
         SELECT $2, $3, u.id, $1::uuid, 'import', old.doc, ${recordJson(entity, 'u')}
           FROM updated u JOIN old ON old.id = u.id
       )
       SELECT id FROM updated`,
      values,
    );
    return (result as { id: string }[]).map((row) => row.id);
  }

  /**
   * Of `values` (as array elements), those a live record already holds: value → its id. One
   * index probe per value (LATERAL … LIMIT 1): a plain join may pick a hash join over the whole
   * table when its statistics are stale, as they are while an import fills it.
   */
  async takenValues(
    manager: EntityManager,
    target: { app: string; entity: Entity },
    field: Field,
    values: string[],
  ): Promise<Map<string, string>> {
    const rows: { value: string; id: string }[] = await manager.query(
      `SELECT v.value, t.id FROM unnest($1::text[]) AS v(value)
         CROSS JOIN LATERAL (
           SELECT t.id FROM ${tableOf(target.app, target.entity.key)} t
            WHERE t.${quoteIdentifier(field.key)} = v.value::${castOf(field.type)} AND t.deleted_at IS NULL
            LIMIT 1) t`,
      [values],
    );
    return new Map(rows.map((row) => [row.value, row.id]));
  }

  /**
   * Refreshes the table's planner statistics when they are missing or far behind (a table
   * filled by a previous import minutes ago): with them, the batch lookups below probe indexes
   * instead of hashing the whole table. Runs outside the import's transaction, so its lock is
   * not held for the import's duration.
   */
  async analyzeIfStale(target: { app: string; entity: Entity }): Promise<void> {
    const table = tableOf(target.app, target.entity.key);
    const rows: { reltuples: number; live: number | null; changed: number | null }[] =
      await this.dataSource.query(
        `SELECT c.reltuples::float8 AS reltuples, s.n_live_tup::float8 AS live,
                s.n_mod_since_analyze::float8 AS changed
           FROM pg_class c LEFT JOIN pg_stat_user_tables s ON s.relid = c.oid
          WHERE c.oid = $1::regclass`,
        [table],
      );
    const stats = rows[0];
    if (!stats || (stats.live ?? 0) < STALE_STATS_MIN_ROWS) return;
    const known = Math.max(stats.reltuples, 0);
    if (stats.reltuples < 0 || (stats.changed ?? 0) > STALE_STATS_SHARE * Math.max(known, 1))
      await this.dataSource.query(`ANALYZE ${table}`);
  }

  /** Whether any live record has a value in this field. */
  async anyValue(
    manager: EntityManager,
    target: { app: string; entity: Entity },
    field: Field,
  ): Promise<boolean> {
    const rows: { found: boolean }[] = await manager.query(
      `SELECT EXISTS (SELECT 1 FROM ${tableOf(target.app, target.entity.key)}
         WHERE ${quoteIdentifier(field.key)} IS NOT NULL AND deleted_at IS NULL) AS found`,
    );
    return rows[0]!.found;
  }

  async userIdsByEmail(manager: EntityManager, emails: string[]): Promise<Map<string, string>> {
    const rows: { email: string; id: string }[] = await manager.query(
      `SELECT lower(email) AS email, id FROM formwork.users WHERE lower(email) = ANY($1::text[])`,
      [emails.map((email) => email.toLowerCase())],
    );
    return new Map(rows.map((row) => [row.email, row.id]));
  }
}
