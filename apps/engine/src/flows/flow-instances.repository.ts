import { Injectable } from '@nestjs/common';
import type { FlowHistoryEntry, FlowInstanceStatus, FlowTask } from '@formwork/definitions';
import { DataSource } from 'typeorm';
import { queryPrepared, type SqlClient } from '../database/prepared-query.js';

export interface InstanceRow {
  id: string;
  app_key: string;
  flow_key: string;
  version: number;
  status: FlowInstanceStatus;
  snapshot: unknown;
  current: string[];
  visits: Record<string, number>;
  record_id: string | null;
  entity_key: string | null;
  error: { nodeId: string; message: string } | null;
  parent_id: string | null;
  parent_node: string | null;
  created_at: Date;
  updated_at: Date;
}

export interface TaskRow {
  id: string;
  instance_id: string;
  app_key: string;
  flow_key: string;
  node_id: string;
  visit: number;
  kind: 'form' | 'approval';
  title: string;
  form_key: string | null;
  record_id: string | null;
  entity_key: string | null;
  assignee: FlowTask['assignee'];
  assignee_user: string | null;
  assignee_role: string | null;
  outcomes: string[] | null;
  status: FlowTask['status'];
  due_at: Date | null;
  data: unknown;
  created_at: Date;
  completed_at: Date | null;
  completed_by: string | null;
}

export interface StepRow {
  instance_id: string;
  node_id: string;
  visit: number;
  action: string;
  params: Record<string, unknown>;
  status: 'pending' | 'waiting' | 'done' | 'failed';
  attempts: number;
}

const iso = (date: Date | null) => date?.toISOString() ?? null;

export function toTask(row: TaskRow): FlowTask {
  return {
    id: row.id,
    instanceId: row.instance_id,
    app: row.app_key,
    flow: row.flow_key,
    nodeId: row.node_id,
    kind: row.kind,
    title: row.title,
    form: row.form_key,
    recordId: row.record_id,
    entity: row.entity_key,
    assignee: row.assignee,
    assigneeUserId: row.assignee_user,
    status: row.status,
    dueAt: iso(row.due_at),
    ...(row.outcomes ? { outcomes: row.outcomes } : {}),
    createdAt: row.created_at.toISOString(),
    completedAt: iso(row.completed_at),
    completedBy: row.completed_by,
  };
}

/** SQL of running flows: instances, their history, tasks, timers and automatic steps. */
@Injectable()
export class FlowInstancesRepository {
  constructor(private readonly dataSource: DataSource) {}

  async insert(
    client: SqlClient,
    row: Pick<InstanceRow, 'app_key' | 'flow_key' | 'version' | 'record_id' | 'entity_key'> & {
      parent_id?: string | null;
      parent_node?: string | null;
      started_by: string | null;
    },
  ): Promise<string> {
    const { rows } = await client.query<{ id: string }>(
      `INSERT INTO formwork.flow_instances (app_key, flow_key, version, status, snapshot, record_id, entity_key, parent_id, parent_node, started_by)
       VALUES ($1, $2, $3, 'running', '{}', $4, $5, $6, $7, $8) RETURNING id`,
      [
        row.app_key,
        row.flow_key,
        row.version,
        row.record_id,
        row.entity_key,
        row.parent_id ?? null,
        row.parent_node ?? null,
        row.started_by,
      ],
    );
    return rows[0]!.id;
  }

  /** The instance, locked for the transition about to be made. */
  async lock(client: SqlClient, id: string): Promise<InstanceRow | undefined> {
    const rows = await queryPrepared<InstanceRow>(
      client,
      `SELECT * FROM formwork.flow_instances WHERE id = $1 FOR UPDATE`,
      [id],
      0,
    );
    return rows[0];
  }

  async save(
    client: SqlClient,
    id: string,
    state: Pick<InstanceRow, 'status' | 'snapshot' | 'current' | 'visits' | 'error'>,
  ): Promise<void> {
    await queryPrepared(
      client,
      `UPDATE formwork.flow_instances SET status = $2, snapshot = $3, current = $4, visits = $5, error = $6, updated_at = now()
        WHERE id = $1`,
      [
        id,
        state.status,
        JSON.stringify(state.snapshot),
        state.current,
        JSON.stringify(state.visits),
        state.error ? JSON.stringify(state.error) : null,
      ],
      0,
    );
  }

  async addHistory(
    client: SqlClient,
    entries: {
      instanceId: string;
      nodeId: string;
      event: string;
      by: string | null;
      data?: unknown;
    }[],
  ): Promise<void> {
    if (entries.length === 0) return;
    await queryPrepared(
      client,
      `INSERT INTO formwork.flow_history (instance_id, node_id, event, by, data)
       SELECT * FROM unnest($1::uuid[], $2::text[], $3::text[], $4::uuid[], $5::jsonb[])`,
      [
        entries.map((entry) => entry.instanceId),
        entries.map((entry) => entry.nodeId),
        entries.map((entry) => entry.event),
        entries.map((entry) => entry.by),
        entries.map((entry) => (entry.data === undefined ? null : JSON.stringify(entry.data))),
      ],
      0,
    );
  }

  async find(id: string): Promise<InstanceRow | undefined> {
    const rows: InstanceRow[] = await this.dataSource.query(
      `SELECT * FROM formwork.flow_instances WHERE id = $1`,
      [id],
    );
    return rows[0];
  }

  async history(id: string): Promise<FlowHistoryEntry[]> {
    const rows: { node_id: string; event: string; at: Date; by: string | null; data: unknown }[] =
      await this.dataSource.query(
        `SELECT node_id, event, at, by, data FROM formwork.flow_history WHERE instance_id = $1 ORDER BY id`,
        [id],
      );
    return rows.map((row) => ({
      nodeId: row.node_id,
      event: row.event,
      at: row.at.toISOString(),
      by: row.by,
      ...(row.data === null ? {} : { data: row.data }),
    }));
  }

  async list(app: string, flow: string, status?: string): Promise<InstanceRow[]> {
    return this.dataSource.query(
      `SELECT * FROM formwork.flow_instances WHERE app_key = $1 AND flow_key = $2 AND ($3::text IS NULL OR status = $3)
        ORDER BY created_at DESC LIMIT 200`,
      [app, flow, status ?? null],
    );
  }

  async insertTask(
    client: SqlClient,
    task: Omit<TaskRow, 'id' | 'status' | 'data' | 'created_at' | 'completed_at' | 'completed_by'>,
  ): Promise<void> {
    await client.query(
      `INSERT INTO formwork.tasks (instance_id, app_key, flow_key, node_id, visit, kind, title, form_key, record_id, entity_key,
                                   assignee, assignee_user, assignee_role, outcomes, due_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15)
       ON CONFLICT (instance_id, node_id, visit) DO NOTHING`,
      [
        task.instance_id,
        task.app_key,
        task.flow_key,
        task.node_id,
        task.visit,
        task.kind,
        task.title,
        task.form_key,
        task.record_id,
        task.entity_key,
        JSON.stringify(task.assignee),
        task.assignee_user,
        task.assignee_role,
        task.outcomes,
        task.due_at,
      ],
    );
  }

  /** Open tasks of a node end with the instance (cancel) or when it moves on without them. */
  async cancelTasks(client: SqlClient, instanceId: string, nodeId?: string): Promise<void> {
    await client.query(
      `UPDATE formwork.tasks SET status = 'cancelled', completed_at = now()
        WHERE instance_id = $1 AND status = 'open' AND ($2::text IS NULL OR node_id = $2)`,
      [instanceId, nodeId ?? null],
    );
  }

  async insertTimer(
    client: SqlClient,
    timer: { instanceId: string; nodeId: string; visit: number; timer: string; dueAt: Date },
  ): Promise<boolean> {
    const { rowCount } = await client.query(
      `INSERT INTO formwork.flow_timers (instance_id, node_id, visit, timer, due_at) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT DO NOTHING`,
      [timer.instanceId, timer.nodeId, timer.visit, timer.timer, timer.dueAt],
    );
    return (rowCount ?? 0) > 0;
  }

  async cancelTimers(client: SqlClient, instanceId: string, nodeId?: string): Promise<void> {
    await client.query(
      `UPDATE formwork.flow_timers SET status = 'cancelled'
        WHERE instance_id = $1 AND status = 'pending' AND ($2::text IS NULL OR node_id = $2)`,
      [instanceId, nodeId ?? null],
    );
  }

  /** Marks a pending timer fired; false when it was cancelled or fired already (nothing to do). */
  async fireTimer(
    client: SqlClient,
    timer: { instanceId: string; nodeId: string; visit: number; timer: string },
  ): Promise<boolean> {
    const { rowCount } = await client.query(
      `UPDATE formwork.flow_timers SET status = 'fired', fired_at = now()
        WHERE instance_id = $1 AND node_id = $2 AND visit = $3 AND timer = $4 AND status = 'pending'`,
      [timer.instanceId, timer.nodeId, timer.visit, timer.timer],
    );
    return (rowCount ?? 0) > 0;
  }

  async insertStep(
    client: SqlClient,
    step: Pick<StepRow, 'instance_id' | 'node_id' | 'visit' | 'action' | 'params'>,
  ): Promise<void> {
    await queryPrepared(
      client,
      `INSERT INTO formwork.flow_steps (instance_id, node_id, visit, action, params) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT DO NOTHING`,
      [step.instance_id, step.node_id, step.visit, step.action, JSON.stringify(step.params)],
      0,
    );
  }

  /** The step, locked; only its instance's lock holder changes it. */
  async lockStep(
    client: SqlClient,
    instanceId: string,
    nodeId: string,
    visit: number,
  ): Promise<StepRow | undefined> {
    const rows = await queryPrepared<StepRow>(
      client,
      `SELECT * FROM formwork.flow_steps WHERE instance_id = $1 AND node_id = $2 AND visit = $3 FOR UPDATE`,
      [instanceId, nodeId, visit],
      0,
    );
    return rows[0];
  }

  async setStep(
    client: SqlClient,
    step: Pick<StepRow, 'instance_id' | 'node_id' | 'visit'>,
    status: StepRow['status'],
    error?: string,
  ): Promise<void> {
    await queryPrepared(
      client,
      `UPDATE formwork.flow_steps SET status = $4::text, error = $5, attempts = attempts + 1,
              done_at = CASE WHEN $4::text IN ('done', 'failed') THEN now() END
        WHERE instance_id = $1 AND node_id = $2 AND visit = $3`,
      [step.instance_id, step.node_id, step.visit, status, error ?? null],
      0,
    );
  }

  /** Steps left pending (their engine died before running them, or they were never picked up). */
  async stalledSteps(olderThanSeconds: number, limit: number): Promise<StepRow[]> {
    return this.dataSource.query(
      `SELECT * FROM formwork.flow_steps WHERE status = 'pending' AND created_at < now() - make_interval(secs => $1)
        ORDER BY created_at LIMIT $2`,
      [olderThanSeconds, limit],
    );
  }
}
