import { MarkerType, type DefaultEdgeOptions, type EdgeTypes, type NodeTypes } from '@xyflow/react';
import { StepEdgeView } from './StepEdgeView';
import { StepNodeView } from './StepNodeView';

// Module constants: React Flow warns (and re-mounts every node) when these change identity.
export const NODE_VIEWS: NodeTypes = { step: StepNodeView };
export const EDGE_VIEWS: EdgeTypes = { step: StepEdgeView };
export const EDGE_DEFAULTS: DefaultEdgeOptions = {
  markerEnd: { type: MarkerType.ArrowClosed, width: 18, height: 18 },
};
export const FIT_VIEW_OPTIONS = { padding: 0.15, maxZoom: 1.2 } as const;
/** Beyond this many nodes only those in view are rendered. */
export const VISIBLE_ONLY_ABOVE = 200;
