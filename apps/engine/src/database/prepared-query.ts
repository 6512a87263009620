import { createHash } from 'node:crypto';
import type pg from 'pg';
import type { DataSource } from 'typeorm';

/**
 * Runs a hot statement as a named prepared statement on TypeORM's own pg pool: PostgreSQL then
 * parses and plans it once per connection instead of on every call (for a multi-insert CTE that
 * planning costs more than the insert itself). Only for statements outside a transaction.
 * `version` must change whenever the tables behind `text` change shape (an entity's version),
 * so a statement prepared before a column type changed is never reused.
 */
export async function queryPrepared<Row>(
  dataSource: DataSource,
  text: string,
  values: unknown[],
  version: number,
): Promise<Row[]> {
  const pool = (dataSource.driver as unknown as { master: pg.Pool }).master;
  const name = `fw_${createHash('sha1').update(`${version}:${text}`).digest('hex').slice(0, 24)}`;
  const result = await pool.query<Row & pg.QueryResultRow>({ name, text, values });
  return result.rows;
}
