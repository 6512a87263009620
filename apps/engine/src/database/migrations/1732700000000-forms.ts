import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Forms and their immutable versions; submissions remember the version that produced each record;
 * idempotency keys and rate-limit counters for public submissions live here too, so that every
 * engine behind a load balancer sees the same ones.
 */
export class Forms1732700000000 implements MigrationInterface {
  name = 'Forms1732700000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE formwork.forms (
        app_key text NOT NULL REFERENCES formwork.apps (key) ON DELETE CASCADE,
        key text NOT NULL,
        name text NOT NULL,
        description text,
        entity_key text,
        version integer NOT NULL,
        public boolean NOT NULL DEFAULT false,
        share_token text UNIQUE,
        closed boolean NOT NULL DEFAULT false,
        closes_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (app_key, key)
      )`);
    await runner.query(`
      CREATE TABLE formwork.form_versions (
        app_key text NOT NULL,
        form_key text NOT NULL,
        version integer NOT NULL,
        schema jsonb NOT NULL,
        ui_schema jsonb NOT NULL,
        design jsonb,
        created_by uuid REFERENCES formwork.users (id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (app_key, form_key, version),
        FOREIGN KEY (app_key, form_key) REFERENCES formwork.forms (app_key, key) ON DELETE CASCADE
      )`);
    await runner.query(`
      CREATE TABLE formwork.form_submissions (
        id uuid PRIMARY KEY,
        app_key text NOT NULL,
        form_key text NOT NULL,
        form_version integer NOT NULL,
        record_id uuid,
        data jsonb,
        submitted_by uuid REFERENCES formwork.users (id) ON DELETE SET NULL,
        public boolean NOT NULL DEFAULT false,
        customer_id uuid,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await runner.query(
      `CREATE INDEX form_submissions_form_idx ON formwork.form_submissions (app_key, form_key, created_at)`,
    );
    await runner.query(
      `CREATE INDEX form_submissions_record_idx ON formwork.form_submissions (record_id)`,
    );
    await runner.query(`
      CREATE TABLE formwork.idempotency_keys (
        scope text NOT NULL,
        key text NOT NULL,
        status integer,
        response jsonb,
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (scope, key)
      )`);
    await runner.query(`
      CREATE TABLE formwork.rate_limits (
        bucket text NOT NULL,
        window_start timestamptz NOT NULL,
        hits integer NOT NULL,
        PRIMARY KEY (bucket, window_start)
      )`);
  }

  async down(runner: QueryRunner): Promise<void> {
    for (const table of [
      'rate_limits',
      'idempotency_keys',
      'form_submissions',
      'form_versions',
      'forms',
    ])
      await runner.query(`DROP TABLE formwork.${table}`);
  }
}
