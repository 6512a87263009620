import { createHash } from 'node:crypto';
import type pg from 'pg';
import type { DataSource, EntityManager } from 'typeorm';

/** What runs a statement: TypeORM's pool, or one connection inside a transaction. */
export type SqlClient = Pick<pg.ClientBase, 'query'>;

const poolOf = (dataSource: DataSource) =>
  (dataSource.driver as unknown as { master: pg.Pool }).master;

/**
 * Runs a hot statement as a named prepared statement: PostgreSQL then parses and plans it once
 * per connection instead of on every call (for a multi-insert CTE that planning costs more than
 * the insert itself). Given the DataSource it runs on TypeORM's own pool, outside a transaction;
 * given a client, on that connection (inside its transaction). `version` must change whenever
 * the tables behind `text` change shape (an entity's version), so a statement prepared before a
 * column type changed is never reused.
 */
export async function queryPrepared<Row>(
  on: DataSource | SqlClient,
  text: string,
  values: unknown[],
  version: number,
): Promise<Row[]> {
  const client = 'driver' in on ? poolOf(on) : on;
  const name = `fw_${createHash('sha1').update(`${version}:${text}`).digest('hex').slice(0, 24)}`;
  const result = await client.query<Row & pg.QueryResultRow>({ name, text, values });
  return result.rows;
}

/** A transaction on one pooled connection, for hot paths that prepare their statements. */
export async function inPooledTransaction<T>(
  dataSource: DataSource,
  work: (client: pg.PoolClient) => Promise<T>,
): Promise<T> {
  const client = await poolOf(dataSource).connect();
  try {
    await client.query('BEGIN');
    const result = await work(client);
    await client.query('COMMIT');
    return result;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}

/** The connection behind a TypeORM transaction's manager, to run prepared statements on it. */
export async function clientOf(manager: EntityManager): Promise<SqlClient> {
  if (!manager.queryRunner) throw new Error('clientOf needs the manager of a transaction');
  return (await manager.queryRunner.connect()) as SqlClient;
}
