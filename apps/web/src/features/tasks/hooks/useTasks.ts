import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { FlowTask } from '@formwork/definitions';
import { flowInstanceKey } from '../../flows/api/flows';
import { recordsKey } from '../../records/api/records';
import {
  completeTask,
  fetchMyOpenTasks,
  fetchTask,
  myOpenTasksKey,
  taskKey,
  tasksKey,
} from '../api/tasks';

/** New tasks arrive while the inbox is open: it asks again now and then. */
const INBOX_REFRESH_MS = 15_000;

export function useMyOpenTasks() {
  return useQuery({
    queryKey: myOpenTasksKey,
    queryFn: fetchMyOpenTasks,
    refetchInterval: INBOX_REFRESH_MS,
    refetchOnWindowFocus: true,
  });
}

/** One task; the inbox's copy is shown at once while it loads. */
export function useTask(id: string | null, listed: FlowTask | undefined) {
  return useQuery({
    queryKey: taskKey(id ?? ''),
    queryFn: () => fetchTask(id ?? ''),
    enabled: id !== null,
    placeholderData: listed,
  });
}

export function useCompleteTask(task: FlowTask) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: { data?: Record<string, unknown>; outcome?: string }) =>
      completeTask(task.id, body),
    onSuccess: async () => {
      // The form's shared fields were written onto the record, and the flow moved on.
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: tasksKey }),
        queryClient.invalidateQueries({ queryKey: flowInstanceKey(task.instanceId) }),
        task.entity &&
          queryClient.invalidateQueries({ queryKey: recordsKey(task.app, task.entity) }),
      ]);
    },
  });
}
