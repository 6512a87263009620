import { Injectable } from '@nestjs/common';
import { withoutHiddenFields, type FlowTask } from '@formwork/definitions';
import type { FlowEvent } from '@formwork/flows';
import { DataSource } from 'typeorm';
import type { RequestActor } from '../auth/request-actor.js';
import { conflict, forbidden, notFound, unprocessable } from '../common/problem.js';
import { EntitiesRepository } from '../entities/entities.repository.js';
import { FormValidator } from '../forms/form-validator.js';
import { FormsRepository } from '../forms/forms.repository.js';
import { RecordsService } from '../records/records.service.js';
import { toTask, type TaskRow } from './flow-instances.repository.js';
import { FlowRuntime, type FlowTx } from './flow-runtime.js';

export interface TaskCompletion {
  data?: Record<string, unknown>;
  outcome?: string;
}

/** The task inbox and task completion (which advances the flow in the same transaction). */
@Injectable()
export class TasksService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly runtime: FlowRuntime,
    private readonly forms: FormsRepository,
    private readonly validator: FormValidator,
    private readonly records: RecordsService,
    private readonly entities: EntitiesRepository,
  ) {}

  /** Open (or completed) tasks assigned to me, to a role I hold, or to me through a record field. */
  async mine(actor: RequestActor, status: 'open' | 'completed'): Promise<FlowTask[]> {
    const rows: TaskRow[] = await this.dataSource.query(
      `SELECT * FROM formwork.tasks
        WHERE status = $1 AND (assignee_user = $2 OR assignee_role = ANY($3::text[]))
        ORDER BY due_at NULLS LAST, created_at LIMIT 500`,
      [status, actor.userId, actor.roles],
    );
    return rows.map(toTask);
  }

  async get(id: string, actor: RequestActor): Promise<FlowTask> {
    const rows: TaskRow[] = await this.dataSource.query(
      `SELECT * FROM formwork.tasks WHERE id = $1`,
      [id],
    );
    const task = rows[0];
    if (!task || !(this.isAssigned(task, actor) || actor.roles.includes('admin')))
      throw notFound(`There is no task ${id}.`);
    return toTask(task);
  }

  async complete(id: string, completion: TaskCompletion, actor: RequestActor): Promise<FlowTask> {
    return this.runtime.transact(async (tx) => {
      const { rows } = await tx.client.query<TaskRow>(
        `SELECT * FROM formwork.tasks WHERE id = $1 FOR UPDATE`,
        [id],
      );
      const task = rows[0];
      if (!task) throw notFound(`There is no task ${id}.`);
      if (!this.isAssigned(task, actor)) throw forbidden('This task is not assigned to you.');
      if (task.status !== 'open') throw conflict(`The task is ${task.status} already.`);
      const outcome = this.outcomeOf(task, completion.outcome);
      const data = await this.validData(task, completion.data ?? {});
      const written = await this.writeSharedFields(tx, task, data, actor);
      const { rows: done } = await tx.client.query<TaskRow>(
        `UPDATE formwork.tasks SET status = 'completed', data = $2, completed_at = now(), completed_by = $3 WHERE id = $1 RETURNING *`,
        [id, JSON.stringify({ ...data, ...(outcome ? { outcome } : {}) }), actor.userId],
      );
      const event = {
        type: 'TASK_COMPLETED',
        nodeId: task.node_id,
        data,
        ...(outcome ? { outcome } : {}),
        ...(Object.keys(written).length > 0 ? { record: written } : {}),
      } as FlowEvent;
      await this.runtime.dispatch(tx, task.instance_id, event, actor.userId, {
        event: 'task_completed',
        data: { ...data, ...(outcome ? { outcome } : {}) },
      });
      return toTask(done[0]!);
    });
  }

  private isAssigned(task: TaskRow, actor: RequestActor): boolean {
    return (
      task.assignee_user === actor.userId ||
      (task.assignee_role !== null && actor.roles.includes(task.assignee_role as never))
    );
  }

  private outcomeOf(task: TaskRow, outcome: string | undefined): string | undefined {
    if (task.kind !== 'approval') return undefined;
    const allowed = task.outcomes ?? ['approve', 'reject'];
    if (outcome === undefined || !allowed.includes(outcome))
      throw unprocessable([{ path: '/outcome', message: `must be one of ${allowed.join(', ')}` }]);
    return outcome;
  }

  /** The answers, validated with the task's form exactly as a submission of that form would be. */
  private async validData(
    task: TaskRow,
    data: Record<string, unknown>,
  ): Promise<Record<string, unknown>> {
    if (!task.form_key) return data;
    const form = await this.forms.find(task.app_key, task.form_key);
    if (!form)
      throw conflict(
        `The form ${task.form_key} of this task was deleted; an admin must fix the flow.`,
      );
    const visible = withoutHiddenFields(form.uiSchema, data);
    const errors = this.validator.validate(
      `${form.app}/${form.key}@${form.version}`,
      form.schema,
      visible,
    );
    if (errors.length > 0) throw unprocessable(errors);
    return visible;
  }

  /** Fields the form shares with the task's record are written onto it (never a new record). */
  private async writeSharedFields(
    tx: FlowTx,
    task: TaskRow,
    data: Record<string, unknown>,
    actor: RequestActor,
  ): Promise<Record<string, unknown>> {
    if (!task.record_id || !task.entity_key) return {};
    const entity = await this.entities.find(task.app_key, task.entity_key);
    if (!entity) return {};
    const shared = Object.fromEntries(
      Object.entries(data).filter(([key]) => entity.fields.some((field) => field.key === key)),
    );
    if (Object.keys(shared).length === 0) return {};
    const after = await this.records.updateInTransaction(
      tx.manager,
      task.app_key,
      task.entity_key,
      task.record_id,
      shared,
      {
        actorId: actor.userId,
        flow: task.flow_key,
      },
    );
    return Object.fromEntries(Object.keys(shared).map((key) => [key, after[key]]));
  }
}
