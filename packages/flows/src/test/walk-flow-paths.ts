import {
  getAdjacencyMap,
  getSimplePaths,
  serializeSnapshot,
  type AdjacencyMap,
  type AdjacencyValue,
} from 'xstate/graph';
import type { AnyMachineSnapshot } from 'xstate';
import { createFlowMachine, type FlowMachineInput } from '../create-flow-machine.js';
import type { FlowEvent, FlowMachineConfig, FlowStateMeta } from '../machine-types.js';

/** What people and steps may answer at each node, to explore every branch. */
export interface EventVariants {
  tasks?: Record<string, Record<string, unknown>[]>;
  steps?: Record<string, Record<string, unknown>[]>;
}

const AUTOMATIC = ['update_record', 'create_record', 'classify', 'notify', 'webhook', 'subflow'];

export function activeNodes(snapshot: AnyMachineSnapshot): FlowStateMeta[] {
  return Object.values(snapshot.getMeta() as Record<string, FlowStateMeta>).filter(
    (meta) => meta.nodeId !== undefined,
  );
}

/** Every event the engine could send in this state: each task answer, each timer, each step result. */
export function possibleEvents(variants: EventVariants) {
  return (snapshot: AnyMachineSnapshot): FlowEvent[] =>
    activeNodes(snapshot).flatMap(({ nodeId, type }): FlowEvent[] => {
      const id = nodeId!;
      if (type === 'approval')
        return ['approve', 'reject'].map((outcome) => ({
          type: 'TASK_COMPLETED',
          nodeId: id,
          outcome,
        }));
      if (type === 'form_task')
        return [
          { type: 'TIMER_FIRED', nodeId: id, timer: 'escalation' },
          ...(variants.tasks?.[id] ?? [{}]).map((data): FlowEvent => ({
            type: 'TASK_COMPLETED',
            nodeId: id,
            data,
          })),
        ];
      if (type === 'wait') return [{ type: 'TIMER_FIRED', nodeId: id, timer: 'wait' }];
      if (AUTOMATIC.includes(type!))
        return (variants.steps?.[id] ?? [{}]).map((record): FlowEvent => ({
          type: 'STEP_COMPLETED',
          nodeId: id,
          record,
        }));
      return [];
    });
}

export interface WalkResult {
  /** Every simple path from the start to a final state, as the nodes active along it. */
  completePaths: string[][];
  /** Reachable states that are not final and that no event moves on: there must be none. */
  deadEnds: string[];
  /** Every node active in some reachable state. */
  visitedNodes: Set<string>;
}

/** Walks the compiled machine with xstate/graph from one start input. */
export function walkFlowPaths(
  config: FlowMachineConfig,
  input: FlowMachineInput,
  variants: EventVariants,
): WalkResult {
  const machine = createFlowMachine(config);
  const options = { input, events: possibleEvents(variants) };
  const adjacency: AdjacencyMap<AnyMachineSnapshot, FlowEvent> = getAdjacencyMap(machine, options);
  const deadEnds: string[] = [];
  const visitedNodes = new Set<string>();
  for (const [serial, { state, transitions }] of Object.entries(adjacency) as [
    string,
    AdjacencyValue<AnyMachineSnapshot, FlowEvent>,
  ][]) {
    const snapshot = state;
    activeNodes(snapshot).forEach((meta) => visitedNodes.add(meta.nodeId!));
    const moves = (
      Object.values(transitions) as { event: FlowEvent; state: AnyMachineSnapshot }[]
    ).filter((transition) => serializeSnapshot(transition.state) !== serializeSnapshot(snapshot));
    if (snapshot.status !== 'done' && moves.length === 0) deadEnds.push(serial);
  }
  const paths = getSimplePaths(machine, {
    ...options,
    toState: (snapshot) => snapshot.status === 'done',
  });
  const completePaths = paths.map((path) => {
    if (path.state.status !== 'done') throw new Error('a path to a state that is not final');
    const nodes = [...path.steps.map((step) => step.state), path.state].flatMap((snapshot) =>
      activeNodes(snapshot as AnyMachineSnapshot).map((meta) => meta.nodeId!),
    );
    return nodes.filter((id, at) => id !== nodes[at - 1]);
  });
  return { completePaths, deadEnds, visitedNodes };
}
