import type { FlowInstance } from '@formwork/definitions';
import { useQuery } from '@tanstack/react-query';
import {
  fetchFlow,
  fetchFlowInstance,
  fetchFlowInstances,
  fetchFlowOperations,
  fetchFlows,
  fetchFlowVersions,
  flowInstanceKey,
  flowInstancesKey,
  flowKey,
  flowOperationsKey,
  flowsKey,
  flowVersionsKey,
} from '../api/flows';

/** How often a view of something still running asks again. */
const LIVE_INTERVAL_MS = 5_000;
const isLive = (instance: FlowInstance | undefined) =>
  instance?.status === 'running' || instance?.status === 'waiting';

export function useFlows(app: string, enabled = true) {
  return useQuery({ queryKey: flowsKey(app), queryFn: () => fetchFlows(app), enabled });
}

export function useFlow(app: string, flow: string) {
  return useQuery({ queryKey: flowKey(app, flow), queryFn: () => fetchFlow(app, flow) });
}

export function useFlowVersions(app: string, flow: string, enabled = true) {
  return useQuery({
    queryKey: flowVersionsKey(app, flow),
    queryFn: () => fetchFlowVersions(app, flow),
    enabled,
  });
}

export function useFlowInstances(app: string, flow: string, status: string | undefined) {
  return useQuery({
    queryKey: [...flowInstancesKey(app, flow), status ?? 'all'],
    queryFn: () => fetchFlowInstances(app, flow, status),
    refetchInterval: LIVE_INTERVAL_MS,
  });
}

export function useFlowInstance(id: string) {
  return useQuery({
    queryKey: flowInstanceKey(id),
    queryFn: () => fetchFlowInstance(id),
    refetchInterval: (query) => (isLive(query.state.data) ? LIVE_INTERVAL_MS : false),
  });
}

export function useFlowOperations() {
  return useQuery({
    queryKey: flowOperationsKey,
    queryFn: fetchFlowOperations,
    refetchInterval: LIVE_INTERVAL_MS,
  });
}
