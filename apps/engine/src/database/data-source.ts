import pg from 'pg';
import { DataSource } from 'typeorm';
import { InitialSchema1732300000000 } from './migrations/1732300000000-initial-schema.js';

export const ENGINE_SCHEMA = 'formwork';

export const MIGRATIONS = [InitialSchema1732300000000];

export function createDataSource(url: string, poolSize: number): DataSource {
  return new DataSource({
    type: 'postgres',
    driver: pg,
    url,
    schema: ENGINE_SCHEMA,
    migrations: MIGRATIONS,
    migrationsTableName: 'migrations',
    migrationsTransactionMode: 'each',
    extra: { max: poolSize, application_name: 'formwork' },
  });
}

/** Creates the engine schema, then applies pending migrations, each in its own transaction. */
export async function migrate(dataSource: DataSource): Promise<string[]> {
  await dataSource.query(`CREATE SCHEMA IF NOT EXISTS ${ENGINE_SCHEMA}`);
  const applied = await dataSource.runMigrations({ transaction: 'each' });
  return applied.map((migration) => migration.name);
}
