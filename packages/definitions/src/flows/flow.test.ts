import { describe, expect, it } from '@jest/globals';
import {
  edgeDataSchema,
  flowConditionSchema,
  flowInputSchema,
  flowTriggerSchema,
  formTaskDataSchema,
  parseFlowFieldPath,
  parseIsoDuration,
  toFieldErrors,
  waitDataSchema,
} from '../index.js';

const flow = (graph: unknown, extra: Record<string, unknown> = {}) => ({
  name: '新客户回访',
  trigger: { type: 'record_created', entity: 'customer' },
  graph,
  ...extra,
});
const pathsOf = (value: unknown) => {
  const result = flowInputSchema.safeParse(value);
  return result.success ? [] : toFieldErrors(result.error).map((error) => error.path);
};

describe('flowInputSchema', () => {
  it('accepts an unfinished draft: unknown node types and incomplete data are left to validateFlow', () => {
    const parsed = flowInputSchema.parse(
      flow({
        nodes: [
          { id: 'start', type: 'start', data: {} },
          { id: 'task-1', type: 'form_task', data: { title: '' }, position: { x: 10, y: 20 } },
          { id: 'n_3', type: 'not_a_type' },
        ],
        edges: [{ id: 'e1', source: 'start', target: 'gone', sourceHandle: null }],
      }),
    );
    expect(parsed.graph.nodes[2]!.data).toEqual({});
  });

  it.each([
    ['an unknown top-level key', flow({ nodes: [], edges: [] }, { owner: 'x' }), ['/owner']],
    ['an unknown graph key', flow({ nodes: [], edges: [], viewport: {} }), ['/graph/viewport']],
    [
      'an unknown node key',
      flow({ nodes: [{ id: 'a', type: 'start', data: {}, selected: true }], edges: [] }),
      ['/graph/nodes/0/selected'],
    ],
    [
      'a node id over 100 characters',
      flow({ nodes: [{ id: 'a'.repeat(101), type: 'start', data: {} }], edges: [] }),
      ['/graph/nodes/0/id'],
    ],
    [
      'a node id with a dot',
      flow({ nodes: [{ id: 'a.b', type: 'start', data: {} }], edges: [] }),
      ['/graph/nodes/0/id'],
    ],
    [
      'an edge id over 100 characters',
      flow({ nodes: [], edges: [{ id: 'e'.repeat(101), source: 'a', target: 'b' }] }),
      ['/graph/edges/0/id'],
    ],
    [
      'more than 1000 nodes',
      flow({
        nodes: Array.from({ length: 1001 }, (_, index) => ({
          id: `n${index}`,
          type: 'end',
          data: {},
        })),
        edges: [],
      }),
      ['/graph/nodes'],
    ],
    [
      'more than 2000 edges',
      flow({
        nodes: [],
        edges: Array.from({ length: 2001 }, (_, index) => ({
          id: `e${index}`,
          source: 'a',
          target: 'b',
        })),
      }),
      ['/graph/edges'],
    ],
    ['a missing graph', { name: 'x', trigger: { type: 'manual' } }, ['/graph']],
    [
      'an unknown trigger',
      { name: 'x', trigger: { type: 'daily' }, graph: { nodes: [], edges: [] } },
      ['/trigger/type'],
    ],
  ])('refuses %s', (_, value, paths) => {
    expect(pathsOf(value)).toEqual(paths);
  });
});

describe('flowTriggerSchema', () => {
  it.each([
    { type: 'manual' },
    { type: 'record_created', entity: 'customer' },
    { type: 'record_updated', entity: 'customer', fields: ['status'] },
    { type: 'classification_changed', classifier: 'abc', from: 'B', to: 'A' },
    { type: 'form_submitted', form: 'complaint' },
    {
      type: 'schedule',
      cron: '0 9 * * 1',
      entity: 'customer',
      filter: { field: 'level', op: 'eq', value: 'A' },
    },
  ])('accepts %j', (trigger) => expect(flowTriggerSchema.safeParse(trigger).success).toBe(true));

  it.each([
    { type: 'record_created' },
    { type: 'record_updated', entity: 'customer', fields: [] },
    { type: 'schedule', cron: 'every day' },
    { type: 'manual', extra: 1 },
  ])('refuses %j', (trigger) => expect(flowTriggerSchema.safeParse(trigger).success).toBe(false));
});

describe('node data', () => {
  it('accepts a form task with escalation', () => {
    const data = {
      title: '客户经理回访',
      form: 'visit',
      assignee: { field: 'owner_id' },
      due: 'P2D',
      escalate: { after: 'P1D', to: { reassign: { role: 'admin' } } },
    };
    expect(formTaskDataSchema.parse(data)).toEqual(data);
  });

  it('wants exactly one of duration and until', () => {
    expect(waitDataSchema.safeParse({ duration: 'P7D' }).success).toBe(true);
    expect(waitDataSchema.safeParse({ until: 'record.next_visit_on' }).success).toBe(true);
    expect(waitDataSchema.safeParse({}).success).toBe(false);
    expect(waitDataSchema.safeParse({ duration: 'P7D', until: 'record.x' }).success).toBe(false);
  });
});

describe('conditions over the instance context', () => {
  it.each([
    ['record.level', { scope: 'record', path: ['level'] }],
    ['record.customer.city', { scope: 'record', path: ['customer', 'city'] }],
    ['input.channel', { scope: 'input', path: ['channel'] }],
    ['tasks.visit-1.result', { scope: 'tasks', nodeId: 'visit-1', path: ['result'] }],
  ])('parses %s', (field, parsed) => expect(parseFlowFieldPath(field)).toEqual(parsed));

  it.each(['level', 'record', 'tasks.visit', 'other.x', 'record.Level'])('refuses %s', (field) =>
    expect(parseFlowFieldPath(field)).toBeNull(),
  );

  it('validates edge data', () => {
    expect(
      edgeDataSchema.safeParse({ condition: { field: 'record.level', op: 'eq', value: 'A' } })
        .success,
    ).toBe(true);
    expect(edgeDataSchema.safeParse({ condition: { field: 'level', op: 'eq' } }).success).toBe(
      false,
    );
    expect(edgeDataSchema.safeParse({ outcome: 'maybe' }).success).toBe(false);
  });

  it('limits nesting', () => {
    let deep: unknown = { field: 'record.a', op: 'eq', value: 1 };
    for (let level = 0; level < 9; level += 1) deep = { not: deep };
    expect(flowConditionSchema.safeParse(deep).success).toBe(false);
  });
});

describe('parseIsoDuration', () => {
  it.each([
    ['P2D', { days: 2 }],
    ['PT2S', { seconds: 2 }],
    [
      'P1Y2M3W4DT5H6M7.5S',
      { years: 1, months: 2, weeks: 3, days: 4, hours: 5, minutes: 6, seconds: 7.5 },
    ],
  ])('parses %s', (text, parts) => expect(parseIsoDuration(text)).toMatchObject(parts));

  it.each(['P', 'PT', '2 days', 'P-1D', 'P1DT', 'p2d', ''])('refuses %s', (text) =>
    expect(parseIsoDuration(text)).toBeNull(),
  );
});
