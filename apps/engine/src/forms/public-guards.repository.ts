import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { queryPrepared } from '../database/prepared-query.js';
import { totalKey, type HitCount } from './hit-counter.js';

export interface StoredResponse {
  status: number;
  body: unknown;
}

const IDEMPOTENCY_HOURS = 24;

/**
 * Rate-limit counters and idempotency keys for anonymous requests. They are rows, so a client
 * sees the same limits and the same replayed answers from every engine; hits are counted per
 * engine and added here in batches (PublicRateLimiter).
 */
@Injectable()
export class PublicGuardsRepository {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * Adds hits to the shared counters (one statement for every bucket of a flush, rows locked in
   * the order given) and answers each bucket's new total, by `totalKey`.
   */
  async addHits(counts: HitCount[]): Promise<Map<string, number>> {
    const rows = await queryPrepared<{ bucket: string; window_start: number; hits: number }>(
      this.dataSource,
      `INSERT INTO formwork.rate_limits AS r (bucket, window_start, hits)
       SELECT bucket, to_timestamp(window_start), hits
         FROM unnest($1::text[], $2::bigint[], $3::int[]) WITH ORDINALITY AS c(bucket, window_start, hits, n)
        ORDER BY n
       ON CONFLICT (bucket, window_start) DO UPDATE SET hits = r.hits + EXCLUDED.hits
       RETURNING bucket, extract(epoch FROM window_start)::float8 AS window_start, hits`,
      [
        counts.map((count) => count.bucket),
        counts.map((count) => count.windowStart),
        counts.map((count) => count.hits),
      ],
      0,
    );
    return new Map(rows.map((row) => [totalKey(row.bucket, row.window_start), row.hits]));
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
