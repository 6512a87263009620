import { APPROVAL_OUTCOMES, type FlowEdge, type FlowNode } from '@formwork/definitions';
import { idsOf, nextId } from './flowDraft';

/** A new edge out of `source`: an approval's next unused outcome; other branches are set by hand. */
export function newEdge(
  source: FlowNode,
  target: string,
  edges: readonly FlowEdge[],
  handles: { sourceHandle?: string | null; targetHandle?: string | null } = {},
): FlowEdge {
  const edge: FlowEdge = {
    id: nextId('e', idsOf(edges)),
    source: source.id,
    target,
    ...(handles.sourceHandle ? { sourceHandle: handles.sourceHandle } : {}),
    ...(handles.targetHandle ? { targetHandle: handles.targetHandle } : {}),
  };
  if (source.type !== 'approval') return edge;
  const used = new Set(
    edges.filter((other) => other.source === source.id).map((other) => other.data?.outcome),
  );
  const outcome = APPROVAL_OUTCOMES.find((candidate) => !used.has(candidate));
  return outcome ? { ...edge, data: { outcome } } : edge;
}

/** Whether an edge source → target may be drawn: not onto itself, not twice. */
export const canConnect = (edges: readonly FlowEdge[], source: string, target: string) =>
  source !== target && !edges.some((edge) => edge.source === source && edge.target === target);
