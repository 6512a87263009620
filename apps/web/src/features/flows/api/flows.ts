import type {
  Flow,
  FlowInput,
  FlowInstance,
  FlowOperations,
  FlowSaveResult,
  FlowVersion,
} from '@formwork/definitions';
import { client } from '../../../lib/client';
import { appKey } from '../../apps/api/apps';

export const flowsKey = (app: string) => [...appKey(app), 'flow-list'] as const;
export const flowKey = (app: string, flow: string) => [...appKey(app), 'flows', flow] as const;
export const flowVersionsKey = (app: string, flow: string) =>
  [...flowKey(app, flow), 'versions'] as const;
export const flowInstancesKey = (app: string, flow: string) =>
  [...flowKey(app, flow), 'instances'] as const;
export const flowInstanceKey = (id: string) => ['flow-instances', id] as const;
export const flowOperationsKey = ['flow-operations'] as const;

export async function fetchFlows(app: string): Promise<Flow[]> {
  return (await client.flows.list(app)).items;
}

export function fetchFlow(app: string, flow: string): Promise<Flow> {
  return client.flows.get(app, flow);
}

/** Saves the draft; `expectedRevision` makes a stale save a 409 instead of an overwrite. */
export function putFlow(
  app: string,
  flow: string,
  input: FlowInput,
  expectedRevision: number | undefined,
): Promise<FlowSaveResult> {
  return client.flows.put(app, flow, input, { expectedRevision });
}

export function deleteFlow(app: string, flow: string): Promise<void> {
  return client.flows.delete(app, flow);
}

export function publishFlow(app: string, flow: string): Promise<{ version: number }> {
  return client.flows.publish(app, flow);
}

export async function fetchFlowVersions(app: string, flow: string): Promise<FlowVersion[]> {
  return (await client.flows.versions(app, flow)).items;
}

export async function fetchFlowInstances(
  app: string,
  flow: string,
  status: string | undefined,
): Promise<FlowInstance[]> {
  return (await client.flows.instances(app, flow, status ? { status } : {})).items;
}

export function startFlowInstance(
  app: string,
  flow: string,
  recordId: string | undefined,
): Promise<FlowInstance> {
  return client.flows.start(app, flow, recordId ? { recordId } : {});
}

export function fetchFlowInstance(id: string): Promise<FlowInstance> {
  return client.flows.instance(id);
}

export function cancelFlowInstance(id: string): Promise<FlowInstance> {
  return client.flows.cancel(id);
}

export function retryFlowInstance(id: string): Promise<FlowInstance> {
  return client.flows.retry(id);
}

export function fetchFlowOperations(): Promise<FlowOperations> {
  return client.flows.operations();
}
