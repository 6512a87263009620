import { Injectable } from '@nestjs/common';
import type { AuditEntry } from '@formwork/definitions';
import { DataSource, type EntityManager } from 'typeorm';
import { decodeCursor, encodeCursor } from '../common/cursor.js';

export interface AuditEvent {
  actorId: string | null;
  action: string;
  subjectType: string;
  subjectId?: string | null;
  before?: unknown;
  after?: unknown;
  ip?: string | null;
}

interface AuditRow {
  id: string;
  at: Date;
  actor_id: string | null;
  action: string;
  subject_type: string;
  subject_id: string | null;
  before: unknown;
  after: unknown;
  ip: string | null;
}

const toEntry = (row: AuditRow): AuditEntry => ({
  id: row.id,
  at: row.at.toISOString(),
  actorId: row.actor_id,
  action: row.action,
  subjectType: row.subject_type,
  subjectId: row.subject_id,
  before: row.before,
  after: row.after,
  ip: row.ip,
});

@Injectable()
export class AuditRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Writes an audit row; pass the transaction's manager so the row lands with the change. */
  async record(event: AuditEvent, manager: EntityManager = this.dataSource.manager): Promise<void> {
    await manager.query(
      `INSERT INTO formwork.audit_log (actor_id, action, subject_type, subject_id, before, after, ip)
       VALUES ($1, $2, $3, $4, $5, $6, $7)`,
      [
        event.actorId,
        event.action,
        event.subjectType,
        event.subjectId ?? null,
        event.before === undefined ? null : JSON.stringify(event.before),
        event.after === undefined ? null : JSON.stringify(event.after),
        event.ip ?? null,
      ],
    );
  }

  /** Newest first, keyset-paged by id. */
  async list(
    limit: number,
    cursor?: string,
  ): Promise<{ items: AuditEntry[]; nextCursor: string | null }> {
    const after =
      cursor === undefined
        ? undefined
        : decodeCursor(cursor, 'audit', (value) => /^\d+$/.test(String(value)));
    const rows: AuditRow[] = await this.dataSource.query(
      `SELECT id::text, at, actor_id, action, subject_type, subject_id, before, after, ip
         FROM formwork.audit_log
        WHERE ($1::bigint IS NULL OR id < $1::bigint)
        ORDER BY audit_log.id DESC
        LIMIT $2`,
      [after ?? null, limit + 1],
    );
    const page = rows.slice(0, limit);
    const last = page.at(-1);
    return {
      items: page.map(toEntry),
      nextCursor: rows.length > limit && last ? encodeCursor('audit', last.id) : null,
    };
  }
}
