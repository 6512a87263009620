import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { queryPrepared } from '../database/prepared-query.js';
import { IDEMPOTENCY_KEY_HOURS } from '../records/records.repository.js';
import { totalKey, type HitCount } from './hit-counter.js';

export interface StoredResponse {
  status: number;
  body: unknown;
}

/**
 * Rate-limit counters and idempotency keys for anonymous requests. They are rows, so a client
 * sees the same limits and the same replayed answers from every engine. Keys are claimed in the
 * statement that writes the record (RecordsRepository.insertManyWithHistory); hits are counted
 * per engine and added here in batches (PublicRateLimiter).
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

  /** What the first request with this key answered, while the key is kept (else undefined). */
  async storedResponse(
    scope: string,
    key: string,
  ): Promise<StoredResponse | 'pending' | undefined> {
    const [stored] = await queryPrepared<{ status: number | null; response: unknown }>(
      this.dataSource,
      `SELECT status, response FROM formwork.idempotency_keys
        WHERE scope = $1 AND key = $2 AND created_at >= now() - make_interval(hours => $3)`,
      [scope, key, IDEMPOTENCY_KEY_HOURS],
      0,
    );
    if (!stored) return undefined;
    // A claim without an answer: left by an engine of an earlier release while it was writing.
    return stored.status ? { status: stored.status, body: stored.response } : 'pending';
  }
}
