import { Injectable } from '@nestjs/common';
import type { Entity } from '@formwork/definitions';
import type { SqlClient } from '../database/prepared-query.js';

/** Records just written, inside the transaction that wrote them. */
export interface WrittenRecords {
  app: string;
  entity: Entity;
  ids: readonly string[];
  /** Values before the write, for updates and deletes (a relation that moved names its old target). */
  before?: ReadonlyMap<string, Readonly<Record<string, unknown>>>;
}

/** Values a hook wrote onto written records (merged into the answer the client gets). */
export type HookWrites = Map<string, Record<string, unknown>>;

/**
 * Work that must happen in the same transaction as a record write (on-change classification).
 * Modules register one; the records module stays unaware of what they do.
 */
export interface RecordWriteHook {
  /** Cheap (cached): whether writes to this entity concern the hook at all. */
  isInterested(app: string, entity: string): Promise<boolean>;
  afterWrite(client: SqlClient, written: WrittenRecords): Promise<HookWrites>;
}

@Injectable()
export class RecordWriteHooks {
  private readonly hooks: RecordWriteHook[] = [];

  register(hook: RecordWriteHook): void {
    this.hooks.push(hook);
  }

  async isInterested(app: string, entity: string): Promise<boolean> {
    for (const hook of this.hooks) if (await hook.isInterested(app, entity)) return true;
    return false;
  }

  async afterWrite(client: SqlClient, written: WrittenRecords): Promise<HookWrites> {
    const writes: HookWrites = new Map();
    for (const hook of this.hooks) {
      if (!(await hook.isInterested(written.app, written.entity.key))) continue;
      for (const [id, values] of await hook.afterWrite(client, written))
        writes.set(id, { ...writes.get(id), ...values });
    }
    return writes;
  }
}

/** A written record as the client gets it: with the values hooks wrote onto it. */
export const withHookWrites = <T extends { id: string }>(record: T, writes: HookWrites): T => {
  const values = writes.get(record.id);
  return values ? { ...record, ...values } : record;
};
