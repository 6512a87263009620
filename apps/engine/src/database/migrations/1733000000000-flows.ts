import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Flows: drafts, immutable published versions (graph + compiled machine config), instances
 * holding their persisted XState snapshot, history, tasks, timers, step runs and the outbox of
 * external effects (email, webhooks), plus in-app notifications.
 */
export class Flows1733000000000 implements MigrationInterface {
  name = 'Flows1733000000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE formwork.flows (
        app_key text NOT NULL REFERENCES formwork.apps (key) ON DELETE CASCADE,
        key text NOT NULL,
        name text NOT NULL,
        description text,
        trigger jsonb NOT NULL,
        graph jsonb NOT NULL,
        draft_revision integer NOT NULL DEFAULT 1,
        valid boolean NOT NULL,
        errors jsonb NOT NULL DEFAULT '[]',
        published_version integer,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (app_key, key)
      )`);
    await runner.query(`
      CREATE TABLE formwork.flow_versions (
        app_key text NOT NULL,
        flow_key text NOT NULL,
        version integer NOT NULL,
        name text NOT NULL,
        trigger jsonb NOT NULL,
        graph jsonb NOT NULL,
        config jsonb NOT NULL,
        published_by uuid REFERENCES formwork.users (id) ON DELETE SET NULL,
        published_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (app_key, flow_key, version),
        FOREIGN KEY (app_key, flow_key) REFERENCES formwork.flows (app_key, key) ON DELETE CASCADE
      )`);
    await runner.query(`
      CREATE TABLE formwork.flow_instances (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        app_key text NOT NULL,
        flow_key text NOT NULL,
        version integer NOT NULL,
        status text NOT NULL CHECK (status IN ('running', 'waiting', 'completed', 'failed', 'cancelled')),
        snapshot jsonb NOT NULL,
        current text[] NOT NULL DEFAULT '{}',
        visits jsonb NOT NULL DEFAULT '{}',
        record_id uuid,
        entity_key text,
        error jsonb,
        parent_id uuid REFERENCES formwork.flow_instances (id) ON DELETE SET NULL,
        parent_node text,
        started_by uuid REFERENCES formwork.users (id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        FOREIGN KEY (app_key, flow_key, version) REFERENCES formwork.flow_versions (app_key, flow_key, version) ON DELETE CASCADE
      )`);
    await runner.query(
      `CREATE INDEX flow_instances_flow_idx ON formwork.flow_instances (app_key, flow_key, created_at DESC)`,
    );
    await runner.query(
      `CREATE INDEX flow_instances_status_idx ON formwork.flow_instances (status) WHERE status IN ('running', 'waiting', 'failed')`,
    );
    await runner.query(`
      CREATE TABLE formwork.flow_history (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        instance_id uuid NOT NULL REFERENCES formwork.flow_instances (id) ON DELETE CASCADE,
        node_id text NOT NULL,
        event text NOT NULL,
        at timestamptz NOT NULL DEFAULT clock_timestamp(),
        by uuid,
        data jsonb
      )`);
    await runner.query(
      `CREATE INDEX flow_history_instance_idx ON formwork.flow_history (instance_id, id)`,
    );
    await runner.query(`
      CREATE TABLE formwork.tasks (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        instance_id uuid NOT NULL REFERENCES formwork.flow_instances (id) ON DELETE CASCADE,
        app_key text NOT NULL,
        flow_key text NOT NULL,
        node_id text NOT NULL,
        visit integer NOT NULL,
        kind text NOT NULL CHECK (kind IN ('form', 'approval')),
        title text NOT NULL,
        form_key text,
        record_id uuid,
        entity_key text,
        assignee jsonb NOT NULL,
        assignee_user uuid,
        assignee_role text,
        outcomes text[],
        status text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'completed', 'cancelled')),
        due_at timestamptz,
        data jsonb,
        created_at timestamptz NOT NULL DEFAULT now(),
        completed_at timestamptz,
        completed_by uuid,
        UNIQUE (instance_id, node_id, visit)
      )`);
    await runner.query(
      `CREATE INDEX tasks_open_user_idx ON formwork.tasks (assignee_user, due_at) WHERE status = 'open'`,
    );
    await runner.query(
      `CREATE INDEX tasks_open_role_idx ON formwork.tasks (assignee_role, due_at) WHERE status = 'open'`,
    );
    await runner.query(`
      CREATE TABLE formwork.flow_timers (
        instance_id uuid NOT NULL REFERENCES formwork.flow_instances (id) ON DELETE CASCADE,
        node_id text NOT NULL,
        visit integer NOT NULL,
        timer text NOT NULL,
        due_at timestamptz NOT NULL,
        status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'fired', 'cancelled')),
        fired_at timestamptz,
        PRIMARY KEY (instance_id, node_id, visit, timer)
      )`);
    await runner.query(`
      CREATE TABLE formwork.flow_steps (
        instance_id uuid NOT NULL REFERENCES formwork.flow_instances (id) ON DELETE CASCADE,
        node_id text NOT NULL,
        visit integer NOT NULL,
        action text NOT NULL,
        params jsonb NOT NULL,
        status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'waiting', 'done', 'failed')),
        attempts integer NOT NULL DEFAULT 0,
        error text,
        created_at timestamptz NOT NULL DEFAULT now(),
        done_at timestamptz,
        PRIMARY KEY (instance_id, node_id, visit)
      )`);
    await runner.query(`
      CREATE TABLE formwork.outbox (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        instance_id uuid REFERENCES formwork.flow_instances (id) ON DELETE SET NULL,
        node_id text,
        visit integer,
        kind text NOT NULL CHECK (kind IN ('email', 'webhook')),
        payload jsonb NOT NULL,
        status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'delivered', 'failed')),
        attempts integer NOT NULL DEFAULT 0,
        last_error text,
        response jsonb,
        created_at timestamptz NOT NULL DEFAULT now(),
        delivered_at timestamptz
      )`);
    await runner.query(`
      CREATE TABLE formwork.notifications (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id uuid REFERENCES formwork.users (id) ON DELETE CASCADE,
        role text,
        subject text NOT NULL,
        body text NOT NULL,
        link text,
        instance_id uuid REFERENCES formwork.flow_instances (id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        read_at timestamptz
      )`);
    await runner.query(
      `CREATE INDEX notifications_user_idx ON formwork.notifications (user_id, created_at DESC)`,
    );
    // Engines cache which published flows an app's events may start (see FlowTriggers).
    await runner.query(`
      CREATE FUNCTION formwork.notify_flow_change() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM pg_notify('formwork_flows', COALESCE(NEW.app_key, OLD.app_key));
        RETURN NULL;
      END $$`);
    await runner.query(`
      CREATE TRIGGER flows_notify AFTER INSERT OR UPDATE OR DELETE ON formwork.flows
      FOR EACH ROW EXECUTE FUNCTION formwork.notify_flow_change()`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP TRIGGER flows_notify ON formwork.flows`);
    await runner.query(`DROP FUNCTION formwork.notify_flow_change()`);
    for (const table of [
      'notifications',
      'outbox',
      'flow_steps',
      'flow_timers',
      'tasks',
      'flow_history',
      'flow_instances',
      'flow_versions',
      'flows',
    ])
      await runner.query(`DROP TABLE formwork.${table}`);
  }
}
