import type { Flow, FlowInput, FlowInstance } from '@formwork/definitions';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import {
  cancelFlowInstance,
  deleteFlow,
  flowInstanceKey,
  flowInstancesKey,
  flowKey,
  flowOperationsKey,
  flowsKey,
  flowVersionsKey,
  publishFlow,
  putFlow,
  retryFlowInstance,
  startFlowInstance,
} from '../api/flows';

/** Creates a flow (no If-Match: the modal checked the key is free). */
export function useCreateFlow(app: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (request: { key: string; input: FlowInput }) =>
      putFlow(app, request.key, request.input, undefined),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: flowsKey(app) }),
  });
}

export function useDeleteFlow(app: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (flow: string) => deleteFlow(app, flow),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: flowsKey(app) }),
  });
}

export function usePublishFlow(app: string, flow: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => publishFlow(app, flow),
    onSuccess: async ({ version }) => {
      queryClient.setQueryData<Flow>(flowKey(app, flow), (stored) =>
        stored ? { ...stored, publishedVersion: version } : stored,
      );
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: flowVersionsKey(app, flow) }),
        queryClient.invalidateQueries({ queryKey: flowsKey(app) }),
      ]);
    },
  });
}

export function useStartFlowInstance(app: string, flow: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (recordId: string | undefined) => startFlowInstance(app, flow, recordId),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: flowInstancesKey(app, flow) }),
  });
}

/** Cancel or retry: the answer is the instance as it is now. */
export function useInstanceAction(action: 'cancel' | 'retry') {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) =>
      action === 'cancel' ? cancelFlowInstance(id) : retryFlowInstance(id),
    onSuccess: async (instance: FlowInstance) => {
      queryClient.setQueryData(flowInstanceKey(instance.id), instance);
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: flowInstancesKey(instance.app, instance.flow) }),
        queryClient.invalidateQueries({ queryKey: flowOperationsKey }),
        queryClient.invalidateQueries({ queryKey: ['tasks'] }),
      ]);
    },
  });
}
