import pg from 'pg';
import { DataSource } from 'typeorm';
import { InitialSchema1732300000000 } from './migrations/1732300000000-initial-schema.js';
import { AppsAndEntities1732400000000 } from './migrations/1732400000000-apps-and-entities.js';
import { Jobs1732550000000 } from './migrations/1732550000000-jobs.js';
import { ChangeNotifications1732600000000 } from './migrations/1732600000000-change-notifications.js';
import { Forms1732700000000 } from './migrations/1732700000000-forms.js';
import { FormNotifications1732900000000 } from './migrations/1732900000000-form-notifications.js';
import { Classifiers1732850000000 } from './migrations/1732850000000-classifiers.js';
import { Flows1733000000000 } from './migrations/1733000000000-flows.js';

export const ENGINE_SCHEMA = 'formwork';

export const MIGRATIONS = [
  InitialSchema1732300000000,
  AppsAndEntities1732400000000,
  Jobs1732550000000,
  ChangeNotifications1732600000000,
  Forms1732700000000,
  Classifiers1732850000000,
  FormNotifications1732900000000,
  Flows1733000000000,
];

/**
 * Values as the API speaks them: `date` stays 'YYYY-MM-DD' (not a local-midnight Date),
 * numeric and bigint become numbers (money is numeric(18,2): exact within doubles' 15 digits).
 */
function setTypeParsers(): void {
  const { types } = pg;
  types.setTypeParser(types.builtins.DATE, (text) => text);
  types.setTypeParser(types.builtins.NUMERIC, (text) => Number(text));
  types.setTypeParser(types.builtins.INT8, (text) => Number(text));
}

export function createDataSource(url: string, poolSize: number): DataSource {
  setTypeParsers();
  return new DataSource({
    type: 'postgres',
    driver: pg,
    url,
    schema: ENGINE_SCHEMA,
    migrations: MIGRATIONS,
    migrationsTableName: 'migrations',
    migrationsTransactionMode: 'each',
    // JIT compiling pays off for long analytic queries, never for the engine's: its classifier
    // statements are CTE chains whose row estimates are far off, and compiling them cost 3-4×
    // their run time (bench/classifiers). One setting for every engine connection.
    extra: { max: poolSize, application_name: 'formwork', options: '-c jit=off' },
  });
}

/** Creates the engine schema, then applies pending migrations, each in its own transaction. */
export async function migrate(dataSource: DataSource): Promise<string[]> {
  await dataSource.query(`CREATE SCHEMA IF NOT EXISTS ${ENGINE_SCHEMA}`);
  const applied = await dataSource.runMigrations({ transaction: 'each' });
  return applied.map((migration) => migration.name);
}
