import type { FlowTask } from '@formwork/definitions';
import { client } from '../../../lib/client';

/** Every query about tasks sits under this key (a flow's cancel or a completion refreshes them all). */
export const tasksKey = ['tasks'] as const;
export const myOpenTasksKey = [...tasksKey, 'mine', 'open'] as const;
export const taskKey = (id: string) => [...tasksKey, 'one', id] as const;

export function fetchMyOpenTasks(): Promise<FlowTask[]> {
  return client.flows.tasks({ assignee: 'me', status: 'open' });
}

export function fetchTask(id: string): Promise<FlowTask> {
  return client.flows.task(id);
}

export function completeTask(
  id: string,
  body: { data?: Record<string, unknown>; outcome?: string },
): Promise<FlowTask> {
  return client.flows.completeTask(id, body);
}
