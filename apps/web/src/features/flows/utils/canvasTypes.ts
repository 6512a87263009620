import type { Edge, Node } from '@xyflow/react';

/** How a node takes part in a run (simulated or real): passed through, waiting there, failed there. */
export type NodeState = 'path' | 'current' | 'failed';

export interface Highlight {
  nodes: ReadonlyMap<string, NodeState>;
  edges: ReadonlySet<string>;
}

export interface Selection {
  nodes: ReadonlySet<string>;
  edges: ReadonlySet<string>;
}

export const NO_SELECTION: Selection = { nodes: new Set(), edges: new Set() };

export type StepNodeData = {
  kind: string;
  title: string;
  detail: string;
  problems: readonly string[];
  state: NodeState | undefined;
  readOnly: boolean;
};
export type StepNode = Node<StepNodeData, 'step'>;

export type StepEdgeData = {
  label: string;
  problems: readonly string[];
  state: 'path' | undefined;
};
export type StepEdge = Edge<StepEdgeData, 'step'>;

export interface Size {
  width: number;
  height: number;
}
