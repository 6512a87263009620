import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Metadata of user apps and entities, record history, and the event outbox. */
export class AppsAndEntities1732400000000 implements MigrationInterface {
  name = 'AppsAndEntities1732400000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE formwork.apps (
        key text PRIMARY KEY,
        name text NOT NULL,
        description text,
        schema_name text NOT NULL UNIQUE,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await runner.query(`
      CREATE TABLE formwork.entities (
        app_key text NOT NULL REFERENCES formwork.apps (key) ON DELETE CASCADE,
        key text NOT NULL,
        version integer NOT NULL,
        definition jsonb NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (app_key, key)
      )`);
    await runner.query(`
      CREATE TABLE formwork.entity_changes (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        app_key text NOT NULL,
        entity_key text NOT NULL,
        version integer NOT NULL,
        plan jsonb NOT NULL,
        changed_by uuid,
        changed_at timestamptz NOT NULL DEFAULT now()
      )`);
    await runner.query(`
      CREATE TABLE formwork.record_history (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        app_key text NOT NULL,
        entity_key text NOT NULL,
        record_id uuid NOT NULL,
        at timestamptz NOT NULL DEFAULT now(),
        actor_id uuid,
        action text NOT NULL,
        before jsonb,
        after jsonb
      )`);
    await runner.query(
      `CREATE INDEX record_history_record_idx ON formwork.record_history (app_key, entity_key, record_id, id DESC)`,
    );
    await runner.query(`
      CREATE TABLE formwork.events (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        type text NOT NULL,
        app_key text NOT NULL,
        entity_key text,
        record_id uuid,
        payload jsonb NOT NULL DEFAULT '{}',
        created_at timestamptz NOT NULL DEFAULT now(),
        delivered_at timestamptz
      )`);
    await runner.query(
      `CREATE INDEX events_undelivered_idx ON formwork.events (id) WHERE delivered_at IS NULL`,
    );
  }

  async down(runner: QueryRunner): Promise<void> {
    for (const table of ['events', 'record_history', 'entity_changes', 'entities', 'apps']) {
      await runner.query(`DROP TABLE formwork.${table}`);
    }
  }
}
