import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The engine's own tables live in the `formwork` schema; user apps get schemas of their own. */
export class InitialSchema1732300000000 implements MigrationInterface {
  name = 'InitialSchema1732300000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE formwork.users (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        email text NOT NULL,
        name text NOT NULL,
        password_hash text NOT NULL,
        roles text[] NOT NULL CHECK (cardinality(roles) > 0),
        active boolean NOT NULL DEFAULT true,
        version integer NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        last_login_at timestamptz
      )`);
    await runner.query(`CREATE UNIQUE INDEX users_email_key ON formwork.users (lower(email))`);
    await runner.query(`CREATE INDEX users_created_at_id_idx ON formwork.users (created_at, id)`);

    await runner.query(`
      CREATE TABLE formwork.sessions (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL REFERENCES formwork.users (id) ON DELETE CASCADE,
        csrf_token text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        expires_at timestamptz NOT NULL,
        revoked_at timestamptz,
        ip text,
        user_agent text
      )`);
    await runner.query(`CREATE INDEX sessions_user_id_idx ON formwork.sessions (user_id)`);

    await runner.query(`
      CREATE TABLE formwork.login_failures (
        key text NOT NULL,
        window_start timestamptz NOT NULL,
        failures integer NOT NULL,
        PRIMARY KEY (key, window_start)
      )`);

    await runner.query(`
      CREATE TABLE formwork.audit_log (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        at timestamptz NOT NULL DEFAULT now(),
        actor_id uuid,
        action text NOT NULL,
        subject_type text NOT NULL,
        subject_id text,
        before jsonb,
        after jsonb,
        ip text
      )`);
    await runner.query(
      `CREATE INDEX audit_log_subject_idx ON formwork.audit_log (subject_type, subject_id)`,
    );

    await runner.query(`
      CREATE TABLE formwork.settings (
        key text PRIMARY KEY,
        value jsonb NOT NULL,
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
  }

  async down(runner: QueryRunner): Promise<void> {
    for (const table of ['settings', 'audit_log', 'login_failures', 'sessions', 'users']) {
      await runner.query(`DROP TABLE formwork.${table}`);
    }
  }
}
