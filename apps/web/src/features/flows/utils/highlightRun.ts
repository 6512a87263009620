import type { FlowEdge, FlowNode } from '@formwork/definitions';
import type { Highlight, NodeState } from './canvasTypes';

interface RunTrace {
  /** Nodes entered, in order. */
  path: readonly string[];
  /** Where the run waits now. */
  current?: readonly string[];
  failed?: string | null;
  /** Branches chosen at decisions (edge ids), when known. */
  branches?: readonly string[];
  /** Outcomes chosen at approvals, by node id, when known. */
  outcomes?: ReadonlyMap<string, readonly string[]>;
}

/**
 * The nodes and edges a run went through: an edge counts when both its ends were entered; out of
 * a decision or an approval, only the branch chosen when the trace says which.
 */
export function highlightRun(
  nodes: readonly FlowNode[],
  edges: readonly FlowEdge[],
  trace: RunTrace,
): Highlight {
  const states = new Map<string, NodeState>(trace.path.map((id) => [id, 'path']));
  for (const id of trace.current ?? []) states.set(id, 'current');
  if (trace.failed) states.set(trace.failed, 'failed');
  const decisions = new Set(
    nodes.filter((node) => node.type === 'decision').map((node) => node.id),
  );
  const branches = trace.branches ? new Set(trace.branches) : null;
  const chosen = (edge: FlowEdge) => {
    if (decisions.has(edge.source)) return !branches || branches.has(edge.id);
    const outcomes = trace.outcomes?.get(edge.source);
    const outcome = edge.data?.outcome;
    return !outcomes || typeof outcome !== 'string' || outcomes.includes(outcome);
  };
  const taken = new Set(
    edges
      .filter((edge) => states.has(edge.source) && states.has(edge.target) && chosen(edge))
      .map((edge) => edge.id),
  );
  return { nodes: states, edges: taken };
}
