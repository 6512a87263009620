import { describe, expect, it } from '@jest/globals';
import { createActor, initialTransition, transition, type AnyMachineSnapshot } from 'xstate';
import {
  compileFlow,
  createFlowMachine,
  JOINED_STATE,
  type FlowMachineConfig,
  type FlowStateConfig,
} from './index.js';
import { customerOnboardingFlow, keyAccountCareFlow } from './fixtures/index.js';
import { DATA, line, node } from './test/build-flow.js';

const compiled = (flow: unknown): FlowMachineConfig => {
  const { config, errors } = compileFlow(flow);
  expect(errors).toEqual([]);
  return config!;
};

function allKeys(value: unknown, keys = new Set<string>()): Set<string> {
  if (typeof value === 'function') keys.add('<function>');
  if (typeof value === 'object' && value !== null)
    for (const [key, inner] of Object.entries(value)) {
      keys.add(key);
      allKeys(inner, keys);
    }
  return keys;
}

describe('compileFlow', () => {
  it('compiles nothing from an invalid flow and answers its errors', () => {
    const result = compileFlow(line(node('w', 'wait', {})));
    expect(result.config).toBeNull();
    expect(result.errors.map((error) => error.code)).toEqual(['wait_without_time']);
  });

  it('emits plain data: no functions, no XState `after` timers, no invoked actors', () => {
    const keys = allKeys(compiled(keyAccountCareFlow));
    expect(keys.has('<function>')).toBe(false);
    expect(keys.has('after')).toBe(false);
    expect(keys.has('invoke')).toBe(false);
  });

  it('makes one state per node, decisions as ordered `always` branches with the default last', () => {
    const config = compiled(customerOnboardingFlow);
    expect(Object.keys(config.states)).toEqual(customerOnboardingFlow.graph.nodes.map((n) => n.id));
    expect(config.initial).toBe('start');
    const decision = config.states.by_level!;
    expect(decision.always?.map((branch) => [branch.guard?.type, branch.target])).toEqual([
      ['condition', 'visit'],
      ['condition', 'welcome_email'],
      [undefined, 'wait_week'],
    ]);
    expect(decision.always?.[0]?.guard?.params).toEqual({
      filter: { field: 'record.level', op: 'eq', value: 'A' },
      nodeId: 'by_level',
      edgeId: 'e_level_a',
    });
    expect(decision.always?.[2]?.actions).toEqual([
      {
        type: 'chooseBranch',
        params: { nodeId: 'by_level', edgeId: 'e_level_other', target: 'wait_week' },
      },
    ]);
    expect(config.states.end).toMatchObject({ type: 'final' });
  });

  it('opens a task on entry, schedules its escalation as a timer job and waits for TASK_COMPLETED', () => {
    const visit = compiled(customerOnboardingFlow).states.visit!;
    expect(visit.entry?.map((action) => action.type)).toEqual([
      'enterNode',
      'createTask',
      'scheduleTimer',
    ]);
    expect(visit.entry?.[1]?.params).toEqual({
      nodeId: 'visit',
      kind: 'form',
      title: '客户经理回访',
      form: 'visit_record',
      assignee: { field: 'owner_id' },
      due: 'P2D',
    });
    expect(visit.entry?.[2]?.params).toEqual({
      nodeId: 'visit',
      timer: 'escalation',
      duration: 'P2D',
    });
    expect(visit.exit).toEqual([{ type: 'cancelTimers', params: { nodeId: 'visit' } }]);
    expect(visit.on?.TASK_COMPLETED).toEqual([
      {
        guard: { type: 'eventForNode', params: { nodeId: 'visit' } },
        target: 'end',
        actions: [{ type: 'storeTaskResult', params: { nodeId: 'visit' } }],
      },
    ]);
    expect(visit.on?.TIMER_FIRED?.[0]).toMatchObject({
      guard: { type: 'eventForNode', params: { nodeId: 'visit', timer: 'escalation' } },
      actions: [{ type: 'escalateTask' }],
    });
    expect(visit.on?.TIMER_FIRED?.[0]?.target).toBeUndefined();
  });

  it('turns waits into a scheduleTimer action and a TIMER_FIRED transition', () => {
    const wait = compiled(customerOnboardingFlow).states.wait_week!;
    expect(wait.entry?.[1]).toEqual({
      type: 'scheduleTimer',
      params: { nodeId: 'wait_week', timer: 'wait', duration: 'P7D' },
    });
    expect(wait.on?.TIMER_FIRED?.[0]?.target).toBe('remind_owner');
  });

  it('turns automatic nodes into a named action and a STEP_COMPLETED transition', () => {
    const states = compiled(customerOnboardingFlow).states;
    expect(states.classify!.entry?.[1]).toEqual({
      type: 'classifyRecord',
      params: { nodeId: 'classify', classifier: 'customer_level' },
    });
    expect(states.classify!.on?.STEP_COMPLETED?.[0]).toEqual({
      guard: { type: 'eventForNode', params: { nodeId: 'classify' } },
      target: 'by_level',
      actions: [{ type: 'storeStepResult', params: { nodeId: 'classify' } }],
    });
    expect(states.welcome_email!.entry?.[1]?.type).toBe('sendNotification');
  });

  it('turns approvals into one TASK_COMPLETED transition per outcome', () => {
    const flow = line(node('ok', 'approval', DATA.approval));
    flow.graph.nodes.push(node('no', 'end'));
    flow.graph.edges[1]!.data = { outcome: 'approve' };
    flow.graph.edges.push({
      id: 'rejected',
      source: 'ok',
      target: 'no',
      data: { outcome: 'reject' },
    });
    const approval = compiled(flow).states.ok!;
    expect(
      approval.on?.TASK_COMPLETED?.map((branch) => [branch.guard?.params.outcome, branch.target]),
    ).toEqual([
      ['approve', 'end'],
      ['reject', 'no'],
    ]);
  });

  it('turns a parallel split into a parallel state with one region per branch, done at the join', () => {
    const config = compiled(keyAccountCareFlow);
    expect(Object.keys(config.states)).toEqual(['start', 'split', 'join', 'mark_cared', 'end']);
    const split = config.states.split!;
    expect(split.type).toBe('parallel');
    expect(split.onDone).toEqual({ target: 'join' });
    const regions = split.states as Record<string, FlowStateConfig>;
    expect(Object.keys(regions)).toEqual(['branch_0', 'branch_1', 'branch_2']);
    expect(regions.branch_0!.initial).toBe('call');
    expect(Object.keys(regions.branch_0!.states!)).toEqual([
      'call',
      'satisfied',
      'alert_lead',
      JOINED_STATE,
    ]);
    expect(regions.branch_0!.states!.satisfied!.always?.map((branch) => branch.target)).toEqual([
      'alert_lead',
      JOINED_STATE,
    ]);
    expect(regions.branch_1!.states![JOINED_STATE]).toEqual({ type: 'final' });
  });
});

describe('driving a compiled machine as the engine does', () => {
  const record = { name: '华东贸易', owner_id: 'u1' };

  it('runs pure transitions: each event gives the next snapshot and the effects to run', () => {
    const machine = createFlowMachine(compiled(customerOnboardingFlow));
    const [started, startEffects] = initialTransition(machine, { record });
    expect(startEffects.map((action) => action.type)).toEqual([
      'enterNode',
      'enterNode',
      'classifyRecord',
    ]);
    expect(started.value).toBe('classify');

    const [classified, effects] = transition(machine, started, {
      type: 'STEP_COMPLETED',
      nodeId: 'classify',
      record: { level: 'A' },
    });
    expect(classified.value).toBe('visit');
    expect(classified.context.record).toEqual({ ...record, level: 'A' });
    expect(effects.map((action) => [action.type, action.params])).toEqual([
      ['enterNode', { nodeId: 'by_level', type: 'decision' }],
      ['chooseBranch', { nodeId: 'by_level', edgeId: 'e_level_a', target: 'visit' }],
      ['enterNode', { nodeId: 'visit', type: 'form_task' }],
      ['createTask', expect.objectContaining({ nodeId: 'visit' })],
      ['scheduleTimer', { nodeId: 'visit', timer: 'escalation', duration: 'P2D' }],
    ]);

    const [ignored] = transition(machine, classified, {
      type: 'TASK_COMPLETED',
      nodeId: 'someone_else',
    });
    expect(ignored.value).toBe('visit');

    const [done, doneEffects] = transition(machine, classified, {
      type: 'TASK_COMPLETED',
      nodeId: 'visit',
      data: { summary: '已电话沟通' },
    });
    expect(done.status).toBe('done');
    expect(done.context.tasks).toEqual({ visit: { summary: '已电话沟通' } });
    expect(doneEffects.map((action) => action.type)).toEqual(['cancelTimers', 'enterNode']);
  });

  it('restores a persisted snapshot (JSON) and goes on from there', () => {
    const machine = createFlowMachine(compiled(keyAccountCareFlow));
    const first = createActor(machine, { input: { record } }).start();
    first.send({ type: 'STEP_COMPLETED', nodeId: 'gift_email' });
    const stored = JSON.parse(JSON.stringify(first.getPersistedSnapshot())) as AnyMachineSnapshot;
    first.stop();

    const entered: string[] = [];
    const restored = createFlowMachine(compiled(keyAccountCareFlow), {
      enterNode: (_, { nodeId }) => entered.push(nodeId),
    });
    const second = createActor(restored, { snapshot: stored }).start();
    expect(second.getSnapshot().value).toEqual({
      split: { branch_0: 'call', branch_1: JOINED_STATE, branch_2: 'service_plan' },
    });
    second.send({ type: 'STEP_COMPLETED', nodeId: 'service_plan', output: { id: 'plan-1' } });
    second.send({ type: 'TASK_COMPLETED', nodeId: 'call', data: { satisfied: true } });
    expect(second.getSnapshot().value).toBe('mark_cared');
    expect(entered).toEqual(['satisfied', 'join', 'mark_cared']);
    expect(second.getSnapshot().context.tasks).toEqual({
      service_plan: { id: 'plan-1' },
      call: { satisfied: true },
    });
  });

  it('goes on from a stored snapshot with pure transitions (resolveState)', () => {
    const machine = createFlowMachine(compiled(keyAccountCareFlow));
    const [started] = initialTransition(machine, { record });
    const stored = JSON.parse(JSON.stringify(machine.getPersistedSnapshot(started))) as {
      value: AnyMachineSnapshot['value'];
      context: AnyMachineSnapshot['context'];
    };
    let snapshot = machine.resolveState(stored);
    for (const event of [
      { type: 'STEP_COMPLETED', nodeId: 'gift_email' },
      { type: 'STEP_COMPLETED', nodeId: 'service_plan' },
      { type: 'TASK_COMPLETED', nodeId: 'call', data: { satisfied: false } },
      { type: 'STEP_COMPLETED', nodeId: 'alert_lead' },
      { type: 'STEP_COMPLETED', nodeId: 'mark_cared' },
    ] as const) {
      const round = JSON.parse(
        JSON.stringify(machine.getPersistedSnapshot(snapshot)),
      ) as typeof stored;
      [snapshot] = transition(machine, machine.resolveState(round), event);
    }
    expect(snapshot.status).toBe('done');
  });
});
