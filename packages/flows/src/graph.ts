import type { FlowEdge, FlowGraph, FlowNode } from '@formwork/definitions';

/** A flow graph indexed for walking: nodes by id, and the edges whose both ends exist. */
export interface GraphIndex {
  nodes: Map<string, FlowNode>;
  /** Position of each node and edge in the body, for JSON Pointers. */
  nodePosition: Map<string, number>;
  edgePosition: Map<string, number>;
  outgoing: Map<string, FlowEdge[]>;
  incoming: Map<string, FlowEdge[]>;
}

export function indexGraph(graph: FlowGraph): GraphIndex {
  const nodes = new Map<string, FlowNode>();
  const nodePosition = new Map<string, number>();
  graph.nodes.forEach((node, position) => {
    if (nodes.has(node.id)) return;
    nodes.set(node.id, node);
    nodePosition.set(node.id, position);
  });
  const edgePosition = new Map<string, number>();
  const outgoing = new Map<string, FlowEdge[]>([...nodes.keys()].map((id) => [id, []]));
  const incoming = new Map<string, FlowEdge[]>([...nodes.keys()].map((id) => [id, []]));
  graph.edges.forEach((edge, position) => {
    if (!edgePosition.has(edge.id)) edgePosition.set(edge.id, position);
    if (!nodes.has(edge.source) || !nodes.has(edge.target)) return;
    outgoing.get(edge.source)?.push(edge);
    incoming.get(edge.target)?.push(edge);
  });
  return { nodes, nodePosition, edgePosition, outgoing, incoming };
}

export const outgoingOf = (index: GraphIndex, nodeId: string): FlowEdge[] =>
  index.outgoing.get(nodeId) ?? [];
export const incomingOf = (index: GraphIndex, nodeId: string): FlowEdge[] =>
  index.incoming.get(nodeId) ?? [];

/** Every node reachable from `from` (itself included) by following edges forwards, or backwards. */
export function reachable(
  index: GraphIndex,
  from: Iterable<string>,
  direction: 'forwards' | 'backwards' = 'forwards',
): Set<string> {
  const seen = new Set<string>();
  const queue = [...from].filter((id) => index.nodes.has(id));
  while (queue.length > 0) {
    const id = queue.pop()!;
    if (seen.has(id)) continue;
    seen.add(id);
    const edges = direction === 'forwards' ? outgoingOf(index, id) : incomingOf(index, id);
    for (const edge of edges) queue.push(direction === 'forwards' ? edge.target : edge.source);
  }
  return seen;
}

/**
 * The cycles among the nodes `include` accepts: each strongly connected component that holds a
 * cycle (more than one node, or a node with an edge to itself), its nodes in body order.
 */
export function findCycles(index: GraphIndex, include: (node: FlowNode) => boolean): string[][] {
  const order = new Map<string, number>();
  const low = new Map<string, number>();
  const onStack = new Set<string>();
  const stack: string[] = [];
  const cycles: string[][] = [];
  let counter = 0;

  const connect = (id: string): void => {
    order.set(id, counter);
    low.set(id, counter);
    counter += 1;
    stack.push(id);
    onStack.add(id);
    for (const edge of outgoingOf(index, id)) {
      const next = index.nodes.get(edge.target);
      if (!next || !include(next)) continue;
      if (!order.has(next.id)) {
        connect(next.id);
        low.set(id, Math.min(low.get(id)!, low.get(next.id)!));
      } else if (onStack.has(next.id)) {
        low.set(id, Math.min(low.get(id)!, order.get(next.id)!));
      }
    }
    if (low.get(id) !== order.get(id)) return;
    const component: string[] = [];
    let member: string | undefined;
    do {
      member = stack.pop()!;
      onStack.delete(member);
      component.push(member);
    } while (member !== id);
    const selfLoop = outgoingOf(index, id).some((edge) => edge.target === id);
    if (component.length > 1 || selfLoop) {
      cycles.push(
        component.sort((a, b) => index.nodePosition.get(a)! - index.nodePosition.get(b)!),
      );
    }
  };

  for (const node of index.nodes.values()) {
    if (include(node) && !order.has(node.id)) connect(node.id);
  }
  return cycles.sort((a, b) => index.nodePosition.get(a[0]!)! - index.nodePosition.get(b[0]!)!);
}
