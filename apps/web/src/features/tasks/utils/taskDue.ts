import type { FlowTask } from '@formwork/definitions';

/** Whether the task is past its due time (`now` for tests and for one render's consistency). */
export const isOverdue = (task: Pick<FlowTask, 'dueAt'>, now: number): boolean =>
  task.dueAt !== null && Date.parse(task.dueAt) < now;

/** Soonest due first; tasks without a due time last, oldest first among them. */
export function byDue(a: FlowTask, b: FlowTask): number {
  if (a.dueAt && b.dueAt) return a.dueAt.localeCompare(b.dueAt);
  if (a.dueAt) return -1;
  if (b.dueAt) return 1;
  return a.createdAt.localeCompare(b.createdAt);
}
