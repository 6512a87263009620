import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Background jobs (large imports now, classifier runs later): their status, progress and
 * result, readable by the user who started them. Work runs in the engine that accepted it
 * until a pg-boss queue takes over; `heartbeat_at` tells a live job from one whose engine died.
 */
export class Jobs1732550000000 implements MigrationInterface {
  name = 'Jobs1732550000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE formwork.jobs (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        kind text NOT NULL,
        status text NOT NULL DEFAULT 'queued'
          CHECK (status IN ('queued', 'running', 'completed', 'failed', 'cancelled')),
        progress double precision NOT NULL DEFAULT 0 CHECK (progress >= 0 AND progress <= 1),
        app_key text,
        entity_key text,
        params jsonb NOT NULL DEFAULT '{}',
        result jsonb,
        error text,
        created_by uuid REFERENCES formwork.users (id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        started_at timestamptz,
        finished_at timestamptz,
        heartbeat_at timestamptz NOT NULL DEFAULT now()
      )`);
    await runner.query(
      `CREATE INDEX jobs_unfinished_idx ON formwork.jobs (heartbeat_at) WHERE status IN ('queued', 'running')`,
    );
    await runner.query(
      `CREATE INDEX jobs_created_by_idx ON formwork.jobs (created_by, created_at)`,
    );
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP TABLE formwork.jobs`);
  }
}
