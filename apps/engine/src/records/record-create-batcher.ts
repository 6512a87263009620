import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { Entity } from '@formwork/definitions';
import { WriteCoalescer } from '../common/write-coalescer.js';
import {
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
 * Record creates go through a group commit per table and field set (ADR 0008): concurrent
 * creates share one statement and one commit; each still gets its own row, history and event.
 */
@Injectable()
export class RecordCreateBatcher {
  private readonly coalescers = new Map<string, WriteCoalescer<NewRecordRow, RecordRow>>();

  constructor(private readonly records: RecordsRepository) {}

  create(
    app: string,
    entity: Entity,
    values: Record<string, unknown>,
    actorId: string | null,
    submission?: FormSubmissionRow,
  ): Promise<RecordRow> {
    const fields = entity.fields.filter((field) => values[field.key] !== undefined);
    const key = [app, entity.key, entity.version, ...fields.map((field) => field.key)].join('\0');
    let coalescer = this.coalescers.get(key);
    if (!coalescer) {
      this.dropIdleCoalescers();
      coalescer = new WriteCoalescer(
        (rows) => this.records.insertManyWithHistory(app, entity, fields, rows),
        { maxInFlight: MAX_IN_FLIGHT, maxBatch: MAX_BATCH },
      );
      this.coalescers.set(key, coalescer);
    }
    return coalescer.submit({ id: randomUUID(), actorId, values, submission });
  }

  private dropIdleCoalescers(): void {
    if (this.coalescers.size < MAX_IDLE_COALESCERS) return;
    for (const [key, coalescer] of this.coalescers)
      if (coalescer.pending === 0) this.coalescers.delete(key);
  }
}
