import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { queryPrepared } from '../database/prepared-query.js';

export interface StoredResponse {
  status: number;
  body: unknown;
}

const IDEMPOTENCY_HOURS = 24;

/**
 * Rate-limit counters and idempotency keys for anonymous requests. They are rows, not process
 * memory, so a client sees the same limits and the same replayed answers from every engine.
 */
@Injectable()
export class PublicGuardsRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Counts one hit in the current window and answers how many this bucket has had in it. */
  async hit(bucket: string, windowSeconds: number): Promise<number> {
    const [row] = await queryPrepared<{ hits: number }>(
      this.dataSource,
      `INSERT INTO formwork.rate_limits (bucket, window_start, hits)
       VALUES ($1, to_timestamp(floor(extract(epoch FROM now()) / $2) * $2), 1)
       ON CONFLICT (bucket, window_start) DO UPDATE SET hits = formwork.rate_limits.hits + 1
       RETURNING hits`,
      [bucket, windowSeconds],
      0,
    );
    return row!.hits;
  }

  /**
   * Claims an idempotency key. Answers undefined when this request is the first with it (it must
   * then `remember` or `release` it), else what the first answered, or 'pending' while it runs.
   */
  async claim(scope: string, key: string): Promise<StoredResponse | 'pending' | undefined> {
    const claimed = await queryPrepared<{ key: string }>(
      this.dataSource,
      `INSERT INTO formwork.idempotency_keys (scope, key) VALUES ($1, $2)
       ON CONFLICT (scope, key) DO UPDATE SET created_at = now(), status = NULL, response = NULL
         WHERE formwork.idempotency_keys.created_at < now() - make_interval(hours => $3)
       RETURNING key`,
      [scope, key, IDEMPOTENCY_HOURS],
      0,
    );
    if (claimed.length > 0) return undefined;
    const [stored] = await this.dataSource.query<{ status: number | null; response: unknown }[]>(
      `SELECT status, response FROM formwork.idempotency_keys WHERE scope = $1 AND key = $2`,
      [scope, key],
    );
    return stored?.status ? { status: stored.status, body: stored.response } : 'pending';
  }

  async remember(scope: string, key: string, response: StoredResponse): Promise<void> {
    await queryPrepared(
      this.dataSource,
      `UPDATE formwork.idempotency_keys SET status = $3, response = $4 WHERE scope = $1 AND key = $2`,
      [scope, key, response.status, JSON.stringify(response.body)],
      0,
    );
  }

  /** A refused request may be corrected and sent again with the same key. */
  async release(scope: string, key: string): Promise<void> {
    await this.dataSource.query(
      `DELETE FROM formwork.idempotency_keys WHERE scope = $1 AND key = $2 AND status IS NULL`,
      [scope, key],
    );
  }
}
