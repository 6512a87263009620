import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

/**
 * Counts failed logins per key (an email, a client address) in fixed windows. Kept in
 * PostgreSQL so that every engine process sees the same counts.
 */
@Injectable()
export class LoginThrottleRepository {
  constructor(private readonly dataSource: DataSource) {}

  async failuresInWindow(keys: string[], windowStart: Date): Promise<Map<string, number>> {
    const rows: { key: string; failures: number }[] = await this.dataSource.query(
      `SELECT key, failures FROM formwork.login_failures WHERE key = ANY($1) AND window_start = $2`,
      [keys, windowStart],
    );
    return new Map(rows.map((row) => [row.key, row.failures]));
  }

  async recordFailure(keys: string[], windowStart: Date): Promise<void> {
    await this.dataSource.query(
      `INSERT INTO formwork.login_failures (key, window_start, failures)
       SELECT key, $2, 1 FROM unnest($1::text[]) AS key
       ON CONFLICT (key, window_start) DO UPDATE SET failures = formwork.login_failures.failures + 1`,
      [keys, windowStart],
    );
    await this.dataSource.query(`DELETE FROM formwork.login_failures WHERE window_start < $1`, [
      windowStart,
    ]);
  }
}
