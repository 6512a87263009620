import type { FlowEdgeInput, FlowInput, FlowNodeInput } from '@formwork/definitions';

/** Small helpers to write graphs in tests: `node('a', 'wait', { duration: 'P1D' })`, `edge('a', 'b')`. */
export const node = (
  id: string,
  type: string,
  data: Record<string, unknown> = {},
): FlowNodeInput => ({
  id,
  type,
  data,
});

export const edge = (
  source: string,
  target: string,
  data?: Record<string, unknown>,
  id = `${source}-${target}`,
): FlowEdgeInput => ({ id, source, target, ...(data ? { data } : {}) });

export const flowOf = (
  nodes: FlowNodeInput[],
  edges: FlowEdgeInput[],
  trigger: FlowInput['trigger'] = { type: 'manual' },
): FlowInput => ({ name: 'Test flow', trigger, graph: { nodes, edges } });

/** Complete settings for each node type, to build valid graphs quickly. */
export const DATA = {
  task: { title: 'Call', form: 'visit', assignee: { role: 'staff' } },
  approval: { title: 'Approve', assignee: { role: 'admin' } },
  wait: { duration: 'P1D' },
  update: { set: { status: 'done' } },
  notify: { to: { role: 'staff' }, channel: 'in_app', subject: 'Hi', body: 'Hello' },
  webhook: { url: 'https://hooks.example.com/x', method: 'POST' },
};

/** start → (the given middle, in a line) → end */
export function line(...middle: FlowNodeInput[]): FlowInput {
  const nodes = [node('start', 'start'), ...middle, node('end', 'end')];
  return flowOf(
    nodes,
    nodes.slice(1).map((next, index) => edge(nodes[index]!.id, next.id)),
  );
}
