import type { FlowEdge, FlowNode } from '@formwork/definitions';
import type { XY } from './flowDraft';

export const LAYOUT = { columnWidth: 260, rowHeight: 130 } as const;

/** Depth-first from the roots; an edge back into the current path is a loop, left out of the layering. */
function findBackEdges(order: string[], outgoing: Map<string, FlowEdge[]>): Set<FlowEdge> {
  const back = new Set<FlowEdge>();
  const state = new Map<string, 'open' | 'done'>();
  for (const root of order) {
    if (state.has(root)) continue;
    const stack: { id: string; next: number }[] = [{ id: root, next: 0 }];
    state.set(root, 'open');
    while (stack.length > 0) {
      const top = stack[stack.length - 1]!;
      const edges = outgoing.get(top.id) ?? [];
      const edge = edges[top.next];
      top.next += 1;
      if (!edge) {
        state.set(top.id, 'done');
        stack.pop();
        continue;
      }
      const seen = state.get(edge.target);
      if (seen === 'open') back.add(edge);
      else if (seen === undefined) {
        state.set(edge.target, 'open');
        stack.push({ id: edge.target, next: 0 });
      }
    }
  }
  return back;
}

/** Longest path from a root, over the edges that are not loops (Kahn's order). */
function assignLayers(ids: string[], forward: FlowEdge[]): Map<string, number> {
  const layer = new Map(ids.map((id) => [id, 0]));
  const indegree = new Map(ids.map((id) => [id, 0]));
  const out = new Map<string, string[]>(ids.map((id) => [id, []]));
  for (const edge of forward) {
    indegree.set(edge.target, (indegree.get(edge.target) ?? 0) + 1);
    out.get(edge.source)?.push(edge.target);
  }
  const queue = ids.filter((id) => indegree.get(id) === 0);
  for (let head = 0; head < queue.length; head += 1) {
    const id = queue[head]!;
    for (const target of out.get(id) ?? []) {
      layer.set(target, Math.max(layer.get(target)!, layer.get(id)! + 1));
      const left = indegree.get(target)! - 1;
      indegree.set(target, left);
      if (left === 0) queue.push(target);
    }
  }
  return layer;
}

/** Orders each layer by the mean position of the node's predecessors (one barycentre sweep). */
function orderLayers(
  ids: string[],
  layer: Map<string, number>,
  forward: FlowEdge[],
): Map<string, number> {
  const rows: string[][] = [];
  for (const id of ids) (rows[layer.get(id)!] ??= []).push(id);
  const incoming = new Map<string, string[]>();
  for (const edge of forward) {
    const sources = incoming.get(edge.target);
    if (sources) sources.push(edge.source);
    else incoming.set(edge.target, [edge.source]);
  }
  const column = new Map<string, number>();
  for (const row of rows) {
    if (!row) continue;
    const weight = (id: string) => {
      const sources = (incoming.get(id) ?? []).filter((source) => column.has(source));
      if (sources.length === 0) return Number.POSITIVE_INFINITY;
      return sources.reduce((sum, source) => sum + column.get(source)!, 0) / sources.length;
    };
    const weights = new Map(row.map((id) => [id, weight(id)]));
    row.sort((a, b) => weights.get(a)! - weights.get(b)!);
    row.forEach((id, index) => column.set(id, index - (row.length - 1) / 2));
  }
  return column;
}

/**
 * A layered layout, top to bottom: each node one row below its furthest predecessor, rows
 * centred and ordered to keep edges short. Loops go back up; unconnected nodes start rows of
 * their own. O(nodes + edges · log).
 */
export function layoutGraph(
  nodes: readonly FlowNode[],
  edges: readonly FlowEdge[],
): Record<string, XY> {
  const ids = nodes.map((node) => node.id);
  const known = new Set(ids);
  const usable = edges.filter((edge) => known.has(edge.source) && known.has(edge.target));
  const outgoing = new Map<string, FlowEdge[]>(ids.map((id) => [id, []]));
  for (const edge of usable) outgoing.get(edge.source)!.push(edge);
  const hasIncoming = new Set(usable.map((edge) => edge.target));
  // Starts first, then nodes nothing leads to, then the rest (nodes only inside a loop).
  const roots = [
    ...nodes.filter((node) => node.type === 'start').map((node) => node.id),
    ...ids.filter((id) => !hasIncoming.has(id)),
    ...ids,
  ];
  const back = findBackEdges(roots, outgoing);
  const forward = usable.filter((edge) => !back.has(edge) && edge.source !== edge.target);
  const layer = assignLayers(ids, forward);
  const column = orderLayers(ids, layer, forward);
  return Object.fromEntries(
    ids.map((id) => [
      id,
      { x: column.get(id)! * LAYOUT.columnWidth, y: layer.get(id)! * LAYOUT.rowHeight },
    ]),
  );
}
