import type {
  Flow,
  FlowEdge,
  FlowInput,
  FlowNode,
  FlowVersion,
  TriggerType,
} from '@formwork/definitions';

/** A trigger while it is edited: its type, and whatever settings were filled in so far. */
export type TriggerDraft = { type: TriggerType } & Record<string, unknown>;

export interface XY {
  x: number;
  y: number;
}

/** What the flow editor edits: one plain value, so that undo is keeping the old one. */
export interface FlowDraft {
  name: string;
  description?: string;
  trigger: TriggerDraft;
  nodes: FlowNode[];
  edges: FlowEdge[];
}

export function draftFromFlow(
  flow: Pick<Flow | FlowVersion, 'name' | 'trigger' | 'graph'> & { description?: string },
): FlowDraft {
  return {
    name: flow.name,
    ...(flow.description ? { description: flow.description } : {}),
    trigger: flow.trigger,
    nodes: flow.graph.nodes,
    edges: flow.graph.edges,
  };
}

/** The PUT body. The trigger may still be unfinished: the engine then refuses it (422). */
export function draftToInput(draft: FlowDraft): FlowInput {
  return {
    name: draft.name,
    ...(draft.description ? { description: draft.description } : {}),
    trigger: draft.trigger as FlowInput['trigger'],
    graph: { nodes: draft.nodes, edges: draft.edges },
  };
}

/** A new flow: its trigger leading straight to an end, for the admin to put steps between. */
export function newFlowInput(name: string, trigger: TriggerDraft): FlowInput {
  return draftToInput({
    name,
    trigger,
    nodes: [
      { id: 'start', type: 'start', data: {}, position: { x: 0, y: 0 } },
      { id: 'end', type: 'end', data: {}, position: { x: 0, y: 240 } },
    ],
    edges: [{ id: 'e_start_end', source: 'start', target: 'end' }],
  });
}

/** `prefix_1`, `prefix_2`…: the first not taken. */
export function nextId(prefix: string, taken: ReadonlySet<string>): string {
  for (let n = 1; ; n += 1) {
    const id = `${prefix}_${n}`;
    if (!taken.has(id)) return id;
  }
}

export const idsOf = (items: readonly { id: string }[]): Set<string> =>
  new Set(items.map((item) => item.id));
