import { describe, expect, it } from '@jest/globals';
import {
  FLOW_ERROR_CODES,
  validateFlow,
  type FlowErrorCode,
  type FlowValidationContext,
} from './index.js';
import { DATA, edge, flowOf, line, node } from './test/build-flow.js';

interface Case {
  name: string;
  flow: unknown;
  context?: FlowValidationContext;
  expected: { code: FlowErrorCode; nodeId?: string; edgeId?: string; path?: string };
}

const decision = (edges: ReturnType<typeof edge>[]) =>
  flowOf(
    [node('start', 'start'), node('d', 'decision'), node('a', 'end'), node('b', 'end')],
    [edge('start', 'd'), ...edges],
  );
const cond = (field: string, op = 'eq', value: unknown = 'A') => ({
  condition: { field, op, value },
});
const approval = (edges: ReturnType<typeof edge>[]) =>
  flowOf(
    [
      node('start', 'start'),
      node('ok', 'approval', DATA.approval),
      node('a', 'end'),
      node('b', 'end'),
    ],
    [edge('start', 'ok'), ...edges],
  );
const parallel = (nodes: ReturnType<typeof node>[], edges: ReturnType<typeof edge>[]) =>
  flowOf(
    [node('start', 'start'), node('split', 'parallel_split'), ...nodes, node('end', 'end')],
    [edge('start', 'split'), ...edges],
  );
const webhook = (url: string) => line(node('hook', 'webhook', { url, method: 'POST' }));

const CASES: Case[] = [
  {
    name: 'a body that is not a flow',
    flow: { name: 'x' },
    expected: { code: 'invalid_flow', path: '/trigger' },
  },
  {
    name: 'two nodes with one id',
    flow: flowOf(
      [node('start', 'start'), node('end', 'end'), node('end', 'end')],
      [edge('start', 'end')],
    ),
    expected: { code: 'duplicate_node_id', nodeId: 'end', path: '/graph/nodes/2/id' },
  },
  {
    name: 'two edges with one id',
    flow: flowOf(
      [node('start', 'start'), node('end', 'end')],
      [edge('start', 'end', undefined, 'e'), edge('start', 'end', undefined, 'e')],
    ),
    expected: { code: 'duplicate_edge_id', edgeId: 'e' },
  },
  {
    name: 'an unknown node type',
    flow: line(node('x', 'teleport')),
    expected: { code: 'unknown_node_type', nodeId: 'x' },
  },
  {
    name: 'node data that does not fit its type',
    flow: line(node('n', 'notify', { ...DATA.notify, channel: 'sms' })),
    expected: { code: 'invalid_node_data', nodeId: 'n', path: '/graph/nodes/1/data/channel' },
  },
  {
    name: 'an unknown setting on a node',
    flow: line(node('w', 'wait', { duration: 'P1D', durration: 'P2D' })),
    expected: { code: 'invalid_node_data', nodeId: 'w', path: '/graph/nodes/1/data/durration' },
  },
  {
    name: 'edge data that does not fit',
    flow: decision([
      edge('d', 'a', { condition: { field: 'level', op: 'eq', value: 'A' } }, 'bad'),
      edge('d', 'b', { default: true }),
    ]),
    expected: { code: 'invalid_edge_data', edgeId: 'bad' },
  },
  { name: 'no start', flow: flowOf([node('end', 'end')], []), expected: { code: 'no_start' } },
  {
    name: 'two starts',
    flow: flowOf(
      [node('s1', 'start'), node('s2', 'start'), node('end', 'end')],
      [edge('s1', 'end'), edge('s2', 'end')],
    ),
    expected: { code: 'several_starts', nodeId: 's2' },
  },
  {
    name: 'an edge back into the start',
    flow: flowOf(
      [
        node('start', 'start'),
        node('w', 'wait', DATA.wait),
        node('end', 'end'),
        node('d', 'decision'),
      ],
      [
        edge('start', 'w'),
        edge('w', 'd'),
        edge('d', 'start', cond('input.again', 'eq', true), 'back'),
        edge('d', 'end', { default: true }),
      ],
    ),
    expected: { code: 'start_has_incoming_edge', nodeId: 'start', edgeId: 'back' },
  },
  {
    name: 'no end node at all',
    flow: flowOf(
      [node('start', 'start'), node('w', 'wait', DATA.wait)],
      [edge('start', 'w'), edge('w', 'w')],
    ),
    expected: { code: 'no_end_reachable', nodeId: 'start' },
  },
  {
    name: 'a loop with no way out',
    flow: flowOf(
      [
        node('start', 'start'),
        node('d', 'decision'),
        node('end', 'end'),
        node('t', 'form_task', DATA.task),
        node('w', 'wait', DATA.wait),
      ],
      [
        edge('start', 'd'),
        edge('d', 'end', cond('input.x')),
        edge('d', 't', { default: true }),
        edge('t', 'w'),
        edge('w', 't'),
      ],
    ),
    expected: { code: 'no_end_reachable', nodeId: 't' },
  },
  {
    name: 'a node nothing leads to',
    flow: flowOf(
      [node('start', 'start'), node('end', 'end'), node('lost', 'wait', DATA.wait)],
      [edge('start', 'end'), edge('lost', 'end')],
    ),
    expected: { code: 'unreachable_node', nodeId: 'lost' },
  },
  {
    name: 'an edge to a deleted node',
    flow: flowOf(
      [node('start', 'start'), node('end', 'end')],
      [edge('start', 'end'), edge('end', 'gone', undefined, 'dangling')],
    ),
    expected: { code: 'dangling_edge', edgeId: 'dangling', path: '/graph/edges/1/target' },
  },
  {
    name: 'an edge from a deleted node',
    flow: flowOf(
      [node('start', 'start'), node('end', 'end')],
      [edge('start', 'end'), edge('gone', 'end', undefined, 'dangling')],
    ),
    expected: { code: 'dangling_edge', edgeId: 'dangling', path: '/graph/edges/1/source' },
  },
  {
    name: 'a step that leads nowhere',
    flow: flowOf(
      [node('start', 'start'), node('u', 'update_record', DATA.update), node('end', 'end')],
      [edge('start', 'u'), edge('start', 'end')],
    ),
    expected: { code: 'no_outgoing_edge', nodeId: 'u' },
  },
  {
    name: 'a step with two next steps',
    flow: flowOf(
      [node('start', 'start'), node('a', 'end'), node('b', 'end')],
      [edge('start', 'a'), edge('start', 'b')],
    ),
    expected: { code: 'several_outgoing_edges', nodeId: 'start', edgeId: 'start-b' },
  },
  {
    name: 'an end that leads on',
    flow: flowOf(
      [node('start', 'start'), node('end', 'end'), node('more', 'end')],
      [edge('start', 'end'), edge('end', 'more')],
    ),
    expected: { code: 'end_has_outgoing_edge', nodeId: 'end', edgeId: 'end-more' },
  },
  {
    name: 'a decision without a default',
    flow: decision([
      edge('d', 'a', cond('record.level')),
      edge('d', 'b', cond('record.level', 'eq', 'B')),
    ]),
    expected: { code: 'decision_without_default', nodeId: 'd' },
  },
  {
    name: 'a decision with two defaults',
    flow: decision([edge('d', 'a', { default: true }), edge('d', 'b', { default: true })]),
    expected: { code: 'decision_several_defaults', nodeId: 'd', edgeId: 'd-b' },
  },
  {
    name: 'a decision branch without a condition',
    flow: decision([edge('d', 'a'), edge('d', 'b', { default: true })]),
    expected: { code: 'decision_edge_without_condition', nodeId: 'd', edgeId: 'd-a' },
  },
  {
    name: 'an approval without a reject branch',
    flow: approval([edge('ok', 'a', { outcome: 'approve' })]),
    expected: { code: 'approval_outcomes_missing', nodeId: 'ok' },
  },
  {
    name: 'an approval branch without an outcome',
    flow: approval([edge('ok', 'a', { outcome: 'approve' }), edge('ok', 'b')]),
    expected: { code: 'approval_edge_without_outcome', nodeId: 'ok', edgeId: 'ok-b' },
  },
  {
    name: 'an approval with two approve branches',
    flow: approval([
      edge('ok', 'a', { outcome: 'approve' }),
      edge('ok', 'b', { outcome: 'approve' }),
    ]),
    expected: { code: 'approval_duplicate_outcome', nodeId: 'ok', edgeId: 'ok-b' },
  },
  {
    name: 'a join without a split',
    flow: line(node('join', 'parallel_join')),
    expected: { code: 'join_without_split', nodeId: 'join' },
  },
  {
    name: 'a split whose branch ends on its own',
    flow: parallel(
      [node('a', 'wait', DATA.wait), node('b', 'wait', DATA.wait), node('join', 'parallel_join')],
      [
        edge('split', 'a'),
        edge('split', 'b'),
        edge('a', 'join'),
        edge('b', 'end'),
        edge('join', 'end'),
      ],
    ),
    expected: { code: 'split_branches_not_joined', nodeId: 'split' },
  },
  {
    name: 'a split whose branches end at different joins',
    flow: parallel(
      [node('j1', 'parallel_join'), node('j2', 'parallel_join')],
      [edge('split', 'j1'), edge('split', 'j2'), edge('j1', 'end'), edge('j2', 'end')],
    ),
    expected: { code: 'split_branches_not_joined', nodeId: 'split' },
  },
  {
    name: 'two branches that meet before the join',
    flow: parallel(
      [
        node('a', 'wait', DATA.wait),
        node('b', 'wait', DATA.wait),
        node('c', 'wait', DATA.wait),
        node('join', 'parallel_join'),
      ],
      [
        edge('split', 'a'),
        edge('split', 'b'),
        edge('a', 'c'),
        edge('b', 'c'),
        edge('c', 'join'),
        edge('join', 'end'),
      ],
    ),
    expected: { code: 'branch_crossing', nodeId: 'c' },
  },
  {
    name: 'a form task without assignee',
    flow: line(node('t', 'form_task', { title: 'Call', form: 'visit' })),
    expected: { code: 'task_without_assignee', nodeId: 't', path: '/graph/nodes/1/data/assignee' },
  },
  {
    name: 'an approval without assignee',
    flow: flowOf(
      [
        node('start', 'start'),
        node('ok', 'approval', { title: 'Approve' }),
        node('a', 'end'),
        node('b', 'end'),
      ],
      [
        edge('start', 'ok'),
        edge('ok', 'a', { outcome: 'approve' }),
        edge('ok', 'b', { outcome: 'reject' }),
      ],
    ),
    expected: { code: 'task_without_assignee', nodeId: 'ok' },
  },
  {
    name: 'a form task without form',
    flow: line(node('t', 'form_task', { title: 'Call', assignee: { role: 'staff' } })),
    expected: { code: 'form_task_without_form', nodeId: 't', path: '/graph/nodes/1/data/form' },
  },
  {
    name: 'a loop that never waits',
    flow: flowOf(
      [
        node('start', 'start'),
        node('u', 'update_record', DATA.update),
        node('d', 'decision'),
        node('end', 'end'),
      ],
      [
        edge('start', 'u'),
        edge('u', 'd'),
        edge('d', 'u', cond('record.status', 'ne', 'done')),
        edge('d', 'end', { default: true }),
      ],
    ),
    expected: { code: 'automatic_cycle', nodeId: 'u' },
  },
  {
    name: 'a condition on a field the record lacks',
    flow: decision([edge('d', 'a', cond('record.levle')), edge('d', 'b', { default: true })]),
    context: { recordFields: ['level'] },
    expected: { code: 'unknown_field', nodeId: 'd', edgeId: 'd-a' },
  },
  {
    name: 'a condition on a field the task form lacks',
    flow: flowOf(
      [
        node('start', 'start'),
        node('t', 'form_task', DATA.task),
        node('d', 'decision'),
        node('a', 'end'),
        node('b', 'end'),
      ],
      [
        edge('start', 't'),
        edge('t', 'd'),
        edge('d', 'a', cond('tasks.t.happy', 'eq', true)),
        edge('d', 'b', { default: true }),
      ],
    ),
    context: { forms: { visit: ['satisfied'] } },
    expected: { code: 'unknown_field', nodeId: 'd', edgeId: 'd-a' },
  },
  {
    name: 'an update of a field the record lacks',
    flow: line(node('u', 'update_record', { set: { stauts: 'x' } })),
    context: { recordFields: ['status'] },
    expected: { code: 'unknown_field', nodeId: 'u', path: '/graph/nodes/1/data/set/stauts' },
  },
  {
    name: 'a placeholder naming a field the record lacks',
    flow: line(node('n', 'notify', { ...DATA.notify, body: 'Dear {{record.nmae}}' })),
    context: { recordFields: ['name'] },
    expected: { code: 'unknown_field', nodeId: 'n', path: '/graph/nodes/1/data/body' },
  },
  {
    name: 'a trigger watching a field the record lacks',
    flow: { ...line(), trigger: { type: 'record_updated', entity: 'customer', fields: ['levle'] } },
    context: { recordFields: ['level'] },
    expected: { code: 'unknown_field', path: '/trigger/fields/0' },
  },
  {
    name: 'a condition on a task that does not exist',
    flow: decision([
      edge('d', 'a', cond('tasks.visit.satisfied', 'eq', true)),
      edge('d', 'b', { default: true }),
    ]),
    expected: { code: 'unknown_task_node', nodeId: 'd', edgeId: 'd-a' },
  },
  {
    name: 'a form task whose form was deleted',
    flow: line(node('t', 'form_task', DATA.task)),
    context: { forms: { other: [] } },
    expected: { code: 'unknown_form', nodeId: 't', path: '/graph/nodes/1/data/form' },
  },
  {
    name: 'a trigger on a deleted form',
    flow: { ...line(), trigger: { type: 'form_submitted', form: 'gone' } },
    context: { forms: {} },
    expected: { code: 'unknown_form', path: '/trigger/form' },
  },
  {
    name: 'an unknown classifier',
    flow: line(node('c', 'classify', { classifier: 'abc' })),
    context: { classifiers: ['level'] },
    expected: { code: 'unknown_classifier', nodeId: 'c' },
  },
  {
    name: 'an unknown subflow',
    flow: line(node('s', 'subflow', { flow: 'gone' })),
    context: { flows: ['onboarding'] },
    expected: { code: 'unknown_flow', nodeId: 's' },
  },
  {
    name: 'creating a record of an unknown entity',
    flow: line(node('c', 'create_record', { entity: 'tsk', values: { title: 'x' } })),
    context: { entities: ['task'] },
    expected: { code: 'unknown_entity', nodeId: 'c' },
  },
  {
    name: 'a trigger on an unknown entity',
    flow: { ...line(), trigger: { type: 'record_created', entity: 'custmer' } },
    context: { entities: ['customer'] },
    expected: { code: 'unknown_entity', path: '/trigger/entity' },
  },
  {
    name: 'a webhook that is not a URL',
    flow: webhook('hooks.example.com'),
    expected: { code: 'invalid_webhook_url', nodeId: 'hook' },
  },
  {
    name: 'a webhook over ftp',
    flow: webhook('ftp://files.example.com/x'),
    expected: { code: 'invalid_webhook_url', nodeId: 'hook' },
  },
  {
    name: 'a webhook calling the engine',
    flow: webhook('https://crm.example.com/api/apps/crm/flows'),
    context: { engineOrigins: ['https://crm.example.com'] },
    expected: { code: 'webhook_targets_engine', nodeId: 'hook', path: '/graph/nodes/1/data/url' },
  },
  ...[
    'http://localhost:3000/api',
    'http://127.0.0.1/x',
    'http://[::1]/x',
    'http://2130706433/',
    'http://0.0.0.0/',
    'http://app.localhost/',
    'http://[::ffff:127.0.0.1]/',
  ].map((url): Case => ({
    name: `a webhook to ${url}`,
    flow: webhook(url),
    expected: { code: 'webhook_targets_loopback', nodeId: 'hook' },
  })),
  ...[
    'http://10.0.0.8/x',
    'http://192.168.1.1/',
    'http://169.254.169.254/latest/meta-data',
    'http://[fd00::1]/',
  ].map((url): Case => ({
    name: `a webhook to ${url}`,
    flow: webhook(url),
    expected: { code: 'webhook_targets_private_network', nodeId: 'hook' },
  })),
  {
    name: 'a wait without time',
    flow: line(node('w', 'wait', {})),
    expected: { code: 'wait_without_time', nodeId: 'w' },
  },
  {
    name: 'a wait of a bad duration',
    flow: line(node('w', 'wait', { duration: '7 days' })),
    expected: { code: 'invalid_duration', nodeId: 'w', path: '/graph/nodes/1/data/duration' },
  },
  {
    name: 'a task due in a bad duration',
    flow: line(node('t', 'form_task', { ...DATA.task, due: 'P2' })),
    expected: { code: 'invalid_duration', nodeId: 't', path: '/graph/nodes/1/data/due' },
  },
  {
    name: 'an escalation after a bad duration',
    flow: line(
      node('t', 'form_task', {
        ...DATA.task,
        escalate: { after: 'tomorrow', to: { reassign: { role: 'admin' } } },
      }),
    ),
    expected: { code: 'invalid_duration', nodeId: 't', path: '/graph/nodes/1/data/escalate/after' },
  },
  {
    name: 'a subflow calling its own flow',
    flow: line(node('s', 'subflow', { flow: 'onboarding' })),
    context: { flowKey: 'onboarding' },
    expected: { code: 'subflow_calls_itself', nodeId: 's' },
  },
];

describe('validateFlow', () => {
  it.each(CASES.map((testCase) => [testCase.name, testCase] as const))(
    'finds %s',
    (_, testCase) => {
      const result = validateFlow(testCase.flow, testCase.context);
      expect(result.valid).toBe(false);
      expect(result.errors).toContainEqual(expect.objectContaining(testCase.expected));
      for (const error of result.errors) expect(error.message.length).toBeGreaterThan(10);
    },
  );

  it('has a case for every error code', () => {
    const covered = new Set(CASES.map((testCase) => testCase.expected.code));
    expect(FLOW_ERROR_CODES.filter((code) => !covered.has(code))).toEqual([]);
  });

  it('accepts a small complete flow', () => {
    expect(
      validateFlow(line(node('w', 'wait', DATA.wait), node('n', 'notify', DATA.notify))),
    ).toEqual({ valid: true, errors: [] });
  });

  it('accepts a loop that waits for a person', () => {
    const flow = flowOf(
      [
        node('start', 'start'),
        node('t', 'form_task', DATA.task),
        node('d', 'decision'),
        node('end', 'end'),
      ],
      [
        edge('start', 't'),
        edge('t', 'd'),
        edge('d', 't', cond('tasks.t.done', 'eq', false)),
        edge('d', 'end', { default: true }),
      ],
    );
    expect(validateFlow(flow).errors).toEqual([]);
  });

  it('accepts nested parallel splits', () => {
    const flow = parallel(
      [
        node('inner', 'parallel_split'),
        node('a', 'wait', DATA.wait),
        node('b', 'wait', DATA.wait),
        node('c', 'wait', DATA.wait),
        node('inner_join', 'parallel_join'),
        node('join', 'parallel_join'),
      ],
      [
        edge('split', 'inner'),
        edge('split', 'c'),
        edge('inner', 'a'),
        edge('inner', 'b'),
        edge('a', 'inner_join'),
        edge('b', 'inner_join'),
        edge('inner_join', 'join'),
        edge('c', 'join'),
        edge('join', 'end'),
      ],
    );
    expect(validateFlow(flow).errors).toEqual([]);
  });

  it('skips the checks whose context is absent', () => {
    const flow = line(
      node('t', 'form_task', DATA.task),
      node('c', 'classify', { classifier: 'abc' }),
      node('hook', 'webhook', DATA.webhook),
    );
    expect(validateFlow(flow).valid).toBe(true);
    expect(
      validateFlow(flow, { forms: {}, classifiers: [] }).errors.map((error) => error.code),
    ).toEqual(['unknown_form', 'unknown_classifier']);
  });

  it('never throws, whatever it is given', () => {
    for (const value of [undefined, null, 42, 'flow', [], { graph: { nodes: 'x' } }])
      expect(validateFlow(value).valid).toBe(false);
  });

  it('checks a flow of 1000 nodes quickly enough to run on every keystroke', () => {
    const middle = Array.from({ length: 998 }, (_, index) =>
      node(`n${index}`, 'notify', DATA.notify),
    );
    const result = validateFlow(line(...middle));
    expect(result.errors).toEqual([]);
  });
});
