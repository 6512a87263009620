import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { Entity, Field } from '@formwork/definitions';
import { DataSource } from 'typeorm';
import { WriteCoalescer } from '../common/write-coalescer.js';
import { inPooledTransaction } from '../database/prepared-query.js';
import { RecordWriteHooks, withHookWrites } from './record-write-hooks.js';
import {
  IdempotencyKeyUsed,
  RecordsRepository,
  type FormSubmissionRow,
  type NewRecordRow,
  type RecordRow,
} from './records.repository.js';

/** Batches running at once per table; the rest of the pool stays free for reads and checks. */
const MAX_IN_FLIGHT = 3;
const MAX_BATCH = 200;
const MAX_IDLE_COALESCERS = 200;

/**
 * Record creates go through a group commit per table (ADR 0008; per entity version, whatever
 * fields a create sets, ADR 0010): concurrent creates share one statement and one commit; each
 * still gets its own row, history and event.
 */
@Injectable()
export class RecordCreateBatcher {
  private readonly coalescers = new Map<
    string,
    WriteCoalescer<NewRecordRow, RecordRow | undefined>
  >();

  constructor(
    private readonly dataSource: DataSource,
    private readonly records: RecordsRepository,
    private readonly hooks: RecordWriteHooks,
  ) {}

  /** Throws IdempotencyKeyUsed when the submission's key was used before (nothing written). */
  async create(
    app: string,
    entity: Entity,
    values: Record<string, unknown>,
    actorId: string | null,
    submission?: FormSubmissionRow,
  ): Promise<RecordRow> {
    // Every row of a batch sets every active field (an absent value as NULL: no user column has a
    // default), so creates that leave different fields empty — a form whose conditional fields are
    // dropped when hidden — still share one batch and one prepared statement per entity version.
    const fields = entity.fields;
    const key = [app, entity.key, entity.version].join('\0');
    let coalescer = this.coalescers.get(key);
    if (!coalescer) {
      this.dropIdleCoalescers();
      coalescer = new WriteCoalescer((rows) => this.insert(app, entity, fields, rows), {
        maxInFlight: MAX_IN_FLIGHT,
        maxBatch: MAX_BATCH,
      });
      this.coalescers.set(key, coalescer);
    }
    const row = await coalescer.submit({ id: randomUUID(), actorId, values, submission });
    if (!row) throw new IdempotencyKeyUsed();
    return row;
  }

  /** One statement; with on-change work (classifiers), one transaction with it. */
  private async insert(
    app: string,
    entity: Entity,
    fields: Field[],
    rows: NewRecordRow[],
  ): Promise<(RecordRow | undefined)[]> {
    if (!(await this.hooks.isInterested(app, entity.key)))
      return this.records.insertManyWithHistory(app, entity, fields, rows);
    return inPooledTransaction(this.dataSource, async (client) => {
      const inserted = await this.records.insertManyWithHistory(app, entity, fields, rows, client);
      const ids = inserted.flatMap((row) => (row ? [row.id] : []));
      const writes = await this.hooks.afterWrite(client, { app, entity, ids });
      return inserted.map((row) => row && withHookWrites(row, writes));
    });
  }

  private dropIdleCoalescers(): void {
    if (this.coalescers.size < MAX_IDLE_COALESCERS) return;
    for (const [key, coalescer] of this.coalescers)
      if (coalescer.pending === 0) this.coalescers.delete(key);
  }
}
