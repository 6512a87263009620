import { Injectable } from '@nestjs/common';
import type { Entity, Field, RecordHistoryEntry } from '@formwork/definitions';
import { DataSource, type EntityManager } from 'typeorm';
import { queryPrepared, type SqlClient } from '../database/prepared-query.js';
import { quoteIdentifier, tableOf } from '../entities/physical-names.js';
import { castOf, selectList, toApiRecord, toParameter } from './record-columns.js';

export type RecordRow = Record<string, unknown> & { id: string; version: number };

/** The definition a write was planned with is no longer current (another engine changed it). */
export class StaleDefinitionError extends Error {
  constructor(app: string, entity: string) {
    super(`The definition of ${app}.${entity} changed while a write was planned.`);
  }
}

/** A form submission whose Idempotency-Key was used before: nothing of it was written. */
export class IdempotencyKeyUsed extends Error {
  constructor() {
    super('The Idempotency-Key of this submission was used before.');
  }
}

/** A record to insert: its id is chosen by the engine so that a batch's rows map back to requests. */
export interface NewRecordRow {
  id: string;
  /** null for an anonymous public submission. */
  actorId: string | null;
  values: Record<string, unknown>;
  /** Set when the record comes from a form: a submission row and `form_submitted` event go with it. */
  submission?: FormSubmissionRow;
}

export interface FormSubmissionRow {
  id: string;
  form: string;
  formVersion: number;
  isPublic: boolean;
  customerId: string | null;
  /** Claimed in the same statement: the row is written only if no one used the key before. */
  idempotency?: IdempotencyClaim;
}

/** How long an Idempotency-Key is kept: a repeat within it answers the stored response. */
export const IDEMPOTENCY_KEY_HOURS = 24;

/** An Idempotency-Key with the response a repeat of the request must get. */
export interface IdempotencyClaim {
  scope: string;
  key: string;
  status: number;
  response: unknown;
}

/** TypeORM answers an UPDATE … RETURNING with [rows, count]; an INSERT or SELECT with rows. */
function returnedRows(result: unknown): RecordRow[] {
  const isUpdateResult =
    Array.isArray(result) &&
    result.length === 2 &&
    Array.isArray(result[0]) &&
    typeof result[1] === 'number';
  return (isUpdateResult ? result[0] : result) as RecordRow[];
}

const DEFINITION_IS_CURRENT = `EXISTS (SELECT FROM formwork.entities WHERE app_key = $1 AND key = $2 AND version = $3)`;
/** A column no field can be named like: whether a keyed batch was planned on the current definition. */
const CURRENT_COLUMN = 'fw:current';
const CURRENT = `"${CURRENT_COLUMN}"`;
/** The keys of a batch, claimed in key order (two engines' batches then cannot deadlock on them). */
const CLAIM_KEYS = `, claimed AS (
         INSERT INTO formwork.idempotency_keys AS k (scope, key, status, response)
         SELECT idem_scope, idem_key, idem_status, idem_response FROM input
          WHERE idem_key IS NOT NULL AND ${DEFINITION_IS_CURRENT}
          ORDER BY idem_scope, idem_key
         ON CONFLICT (scope, key) DO UPDATE
           SET created_at = now(), status = EXCLUDED.status, response = EXCLUDED.response
           WHERE k.created_at < now() - make_interval(hours => ${IDEMPOTENCY_KEY_HOURS})
         RETURNING scope, key
       )`;
const KEY_CLAIMED = ` AND (idem_key IS NULL OR EXISTS (SELECT FROM claimed c WHERE c.scope = input.idem_scope AND c.key = input.idem_key))`;

const idempotencyInputs = (rows: NewRecordRow[]) => {
  const claims = rows.map((row) => row.submission?.idempotency);
  return [
    { cast: 'text', values: claims.map((claim) => claim?.scope ?? null) },
    { cast: 'text', values: claims.map((claim) => claim?.key ?? null) },
    { cast: 'integer', values: claims.map((claim) => claim?.status ?? null) },
    {
      cast: 'jsonb',
      values: claims.map((claim) => (claim ? JSON.stringify(claim.response ?? null) : null)),
    },
  ];
};

/** SQL over one entity's table. Keys come from the entity's metadata, values are parameters. */
@Injectable()
export class RecordsRepository {
  constructor(private readonly dataSource: DataSource) {}

  async query(
    text: string,
    values: unknown[],
    manager: EntityManager = this.dataSource.manager,
  ): Promise<RecordRow[]> {
    const rows: RecordRow[] = await manager.query(text, values);
    return rows.map((row) => toApiRecord(row) as RecordRow);
  }

  async find(
    app: string,
    entity: Entity,
    id: string,
    options: { manager?: EntityManager; lock?: boolean; includeDeleted?: boolean } = {},
  ): Promise<(RecordRow & { deleted: boolean }) | undefined> {
    const rows: (RecordRow & { deleted: boolean })[] = await (
      options.manager ?? this.dataSource.manager
    ).query(
      `SELECT ${selectList(entity)}, t.deleted_at IS NOT NULL AS deleted FROM ${tableOf(app, entity.key)} t
        WHERE t.id = $1${options.includeDeleted ? '' : ' AND t.deleted_at IS NULL'}${options.lock ? ' FOR UPDATE' : ''}`,
      [id],
    );
    return rows[0] && (toApiRecord(rows[0]) as RecordRow & { deleted: boolean });
  }

  /**
   * Inserts records with their history rows and `record_created` events in one statement: the
   * rows travel as one array per column (`unnest`), so the statement text — prepared once per
   * connection — is the same whatever the batch size. Every row sets the same `fields`. Nothing
   * is written when the entity's version moved on since `entity` was read (a cached copy).
   *
   * A form row with an Idempotency-Key claims it in the same statement; when the key was used
   * before (and less than IDEMPOTENCY_KEY_HOURS ago) nothing of that row is written and its
   * answer is undefined. A concurrent claim of the same key (another engine) waits for that
   * transaction, then counts as used if it committed. Two rows with one key in one batch fail
   * the batch (each row is then written alone): callers send a key once at a time.
   */
  async insertManyWithHistory(
    app: string,
    entity: Entity,
    fields: Field[],
    rows: NewRecordRow[],
    client: SqlClient | DataSource = this.dataSource,
  ): Promise<(RecordRow | undefined)[]> {
    const keyed = rows.some((row) => row.submission?.idempotency);
    const system = [
      { cast: 'uuid', values: rows.map((row) => row.id) },
      { cast: 'uuid', values: rows.map((row) => row.actorId) },
      { cast: 'uuid', values: rows.map((row) => row.submission?.id ?? null) },
      { cast: 'text', values: rows.map((row) => row.submission?.form ?? null) },
      { cast: 'integer', values: rows.map((row) => row.submission?.formVersion ?? null) },
      { cast: 'boolean', values: rows.map((row) => row.submission?.isPublic ?? false) },
      { cast: 'uuid', values: rows.map((row) => row.submission?.customerId ?? null) },
      ...(keyed ? idempotencyInputs(rows) : []),
    ];
    const inputs = [
      ...system,
      ...fields.map((field) => ({
        cast: castOf(field.type),
        values: rows.map((row) => toParameter(field.type, row.values[field.key])),
      })),
    ];
    const arrays = inputs.map((input, index) => `$${index + 4}::${input.cast}[]`).join(', ');
    const fieldAliases = fields.map((_, index) => `f${index}`);
    const columns = ['id', 'created_by', 'owner_id', ...fields.map((f) => quoteIdentifier(f.key))];
    const inserted = await queryPrepared<RecordRow>(
      client,
      `WITH input AS (
         SELECT * FROM unnest(${arrays})
           AS i(id, actor, submission, form, form_version, is_public, customer${keyed ? ', idem_scope, idem_key, idem_status, idem_response' : ''}${fieldAliases.map((alias) => `, ${alias}`).join('')})
       )${keyed ? CLAIM_KEYS : ''}, rec AS (
         INSERT INTO ${tableOf(app, entity.key)} AS t (${columns.join(', ')})
         SELECT id, actor, actor${fieldAliases.map((alias) => `, ${alias}`).join('')} FROM input
          WHERE ${DEFINITION_IS_CURRENT}${keyed ? KEY_CLAIMED : ''}
         RETURNING ${selectList(entity)}
       ), history AS (
         INSERT INTO formwork.record_history (app_key, entity_key, record_id, actor_id, action, after)
         SELECT $1, $2, rec.id, rec.created_by, 'create', to_jsonb(rec) FROM rec
       ), event AS (
         INSERT INTO formwork.events (type, app_key, entity_key, record_id) SELECT 'record_created', $1, $2, rec.id FROM rec
       ), submitted AS (
         INSERT INTO formwork.form_submissions (id, app_key, form_key, form_version, record_id, submitted_by, public, customer_id)
         SELECT i.submission, $1, i.form, i.form_version, i.id, i.actor, i.is_public, i.customer
           FROM input i JOIN rec ON rec.id = i.id WHERE i.submission IS NOT NULL
       ), submitted_event AS (
         INSERT INTO formwork.events (type, app_key, entity_key, record_id, payload)
         SELECT 'form_submitted', $1, $2, i.id,
                jsonb_build_object('form', i.form, 'formVersion', i.form_version, 'submissionId', i.submission, 'public', i.is_public)
           FROM input i JOIN rec ON rec.id = i.id WHERE i.submission IS NOT NULL
       )
       ${keyed ? `SELECT rec.*, d.${CURRENT} FROM (SELECT ${DEFINITION_IS_CURRENT} AS ${CURRENT}) d LEFT JOIN rec ON true` : 'SELECT * FROM rec'}`,
      [app, entity.key, entity.version, ...inputs.map((input) => input.values)],
      entity.version,
    );
    const isCurrent = keyed ? inserted[0]?.[CURRENT_COLUMN] === true : inserted.length > 0;
    if (!isCurrent) throw new StaleDefinitionError(app, entity.key);
    const byId = new Map(
      inserted
        .filter((row) => row.id !== null)
        .map(({ [CURRENT_COLUMN]: _current, ...row }) => [row.id, toApiRecord(row) as RecordRow]),
    );
    return rows.map((row) => byId.get(row.id));
  }

  /** The submission row and `form_submitted` event of a record edited through a form. */
  async addSubmission(
    app: string,
    entity: string,
    recordId: string,
    actorId: string | null,
    submission: FormSubmissionRow,
    manager: EntityManager,
  ): Promise<void> {
    await manager.query(
      `WITH submitted AS (
         INSERT INTO formwork.form_submissions (id, app_key, form_key, form_version, record_id, submitted_by, public, customer_id)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
       )
       INSERT INTO formwork.events (type, app_key, entity_key, record_id, payload)
       VALUES ('form_submitted', $2, $9, $5, jsonb_build_object('form', $3::text, 'formVersion', $4::int, 'submissionId', $1::uuid, 'public', $7::boolean))`,
      [
        submission.id,
        app,
        submission.form,
        submission.formVersion,
        recordId,
        actorId,
        submission.isPublic,
        submission.customerId,
        entity,
      ],
    );
  }

  async update(
    app: string,
    entity: Entity,
    id: string,
    values: Record<string, unknown>,
    manager: EntityManager,
  ): Promise<RecordRow> {
    const fields = entity.fields.filter((field) => values[field.key] !== undefined);
    const assignments = fields.map(
      (field, index) => `${quoteIdentifier(field.key)} = $${index + 2}`,
    );
    const rows = returnedRows(
      await manager.query(
        `UPDATE ${tableOf(app, entity.key)} AS t SET ${[...assignments, 'version = version + 1', `updated_at = date_trunc('milliseconds', now())`].join(', ')}
        WHERE t.id = $1 RETURNING ${selectList(entity)}`,
        [id, ...fields.map((field) => toParameter(field.type, values[field.key]))],
      ),
    );
    return toApiRecord(rows[0]!) as RecordRow;
  }

  async setDeleted(
    app: string,
    entity: Entity,
    id: string,
    deleted: boolean,
    manager: EntityManager,
  ): Promise<RecordRow> {
    const rows = returnedRows(
      await manager.query(
        `UPDATE ${tableOf(app, entity.key)} AS t SET deleted_at = ${deleted ? 'now()' : 'NULL'}, version = version + 1, updated_at = date_trunc('milliseconds', now())
        WHERE t.id = $1 RETURNING ${selectList(entity)}`,
        [id],
      ),
    );
    return toApiRecord(rows[0]!) as RecordRow;
  }

  /** Ids among `ids` that are live records of the target (relation values must point at one). */
  async existingIds(
    app: string,
    target: string,
    ids: string[],
    manager: EntityManager,
  ): Promise<Set<string>> {
    const rows: { id: string }[] = await manager.query(
      `SELECT id FROM ${tableOf(app, target)} WHERE id = ANY($1::uuid[]) AND deleted_at IS NULL`,
      [ids],
    );
    return new Set(rows.map((row) => row.id));
  }

  async existingUserIds(ids: string[], manager: EntityManager): Promise<Set<string>> {
    const rows: { id: string }[] = await manager.query(
      `SELECT id FROM formwork.users WHERE id = ANY($1::uuid[])`,
      [ids],
    );
    return new Set(rows.map((row) => row.id));
  }

  async addHistory(
    entry: {
      app: string;
      entity: string;
      recordId: string;
      actorId: string | null;
      action: RecordHistoryEntry['action'];
      before: unknown;
      after: unknown;
    },
    manager: EntityManager,
  ): Promise<void> {
    await manager.query(
      `INSERT INTO formwork.record_history (app_key, entity_key, record_id, actor_id, action, before, after) VALUES ($1, $2, $3, $4, $5, $6, $7)`,
      [
        entry.app,
        entry.entity,
        entry.recordId,
        entry.actorId,
        entry.action,
        entry.before === null ? null : JSON.stringify(entry.before),
        entry.after === null ? null : JSON.stringify(entry.after),
      ],
    );
  }

  async history(app: string, entity: string, recordId: string): Promise<RecordHistoryEntry[]> {
    const rows: {
      at: Date;
      by: string | null;
      action: RecordHistoryEntry['action'];
      before: RecordHistoryEntry['before'];
      after: RecordHistoryEntry['after'];
    }[] = await this.dataSource.query(
      `SELECT at, actor_id AS by, action, before, after FROM formwork.record_history
        WHERE app_key = $1 AND entity_key = $2 AND record_id = $3 ORDER BY id DESC LIMIT 500`,
      [app, entity, recordId],
    );
    return rows.map((row) => ({ ...row, at: row.at.toISOString() }));
  }

  /** Outbox rows, written with the change that caused them. */
  async addEvent(
    event: { type: string; app: string; entity: string; recordId?: string; payload?: unknown },
    manager: EntityManager,
  ): Promise<void> {
    await manager.query(
      `INSERT INTO formwork.events (type, app_key, entity_key, record_id, payload) VALUES ($1, $2, $3, $4, $5)`,
      [
        event.type,
        event.app,
        event.entity,
        event.recordId ?? null,
        JSON.stringify(event.payload ?? {}),
      ],
    );
  }
}
