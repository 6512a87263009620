import type { NodeType } from '@formwork/definitions';
import { createActor } from 'xstate';
import { compileFlow } from './compile-flow.js';
import {
  createFlowMachine,
  type FlowEffects,
  type FlowMachineInput,
} from './create-flow-machine.js';
import type { FlowContext } from './evaluate-condition.js';
import type { FlowError } from './flow-errors.js';
import {
  STEP_ACTIONS,
  type FlowEvent,
  type StepActionName,
  type TimerKind,
} from './machine-types.js';

/** How a person completes a task in the simulation. */
export interface TaskChoice {
  outcome?: string;
  data?: Record<string, unknown>;
  record?: Record<string, unknown>;
}
/** What an automatic step answers in the simulation (a classifier's outputs, a created record's id). */
export interface StepChoice {
  record?: Record<string, unknown>;
  output?: Record<string, unknown>;
}

export interface SimulationChoices {
  /** Task results by node id; a list gives one result per visit (a task in a loop). */
  tasks?: Record<string, TaskChoice | TaskChoice[]>;
  /** Step results by node id, one per visit when a list. Without one, update_record applies its `set`. */
  steps?: Record<string, StepChoice | StepChoice[]>;
  /** Tasks whose escalation timer fires before they are completed. */
  escalate?: readonly string[];
  /** Whether wait nodes' timers fire (default true); false stops the simulation at the first wait. */
  fireTimers?: boolean;
  /** A guard against endless loops: at most this many nodes entered (default 1000). */
  maxSteps?: number;
}

export type SimulationStep =
  | { kind: 'enter'; nodeId: string; type: NodeType }
  | { kind: 'branch'; nodeId: string; edgeId: string; target: string }
  | { kind: 'task_created'; nodeId: string; title: string; assignee: unknown; due?: string }
  | { kind: 'task_completed'; nodeId: string; outcome?: string; data?: Record<string, unknown> }
  | { kind: 'timer_scheduled'; nodeId: string; timer: TimerKind; duration?: string; until?: string }
  | { kind: 'timer_fired'; nodeId: string; timer: TimerKind }
  | { kind: 'escalated'; nodeId: string; to: unknown }
  | { kind: 'step'; nodeId: string; action: StepActionName; params: Record<string, unknown> }
  | { kind: 'step_completed'; nodeId: string };

export interface SimulationWait {
  nodeId: string;
  for: 'task' | 'timer' | 'step';
}

export interface SimulationResult {
  /** `completed`: an end was reached; `waiting`: a task has no choice (or timers are off); `stopped`: maxSteps hit. */
  status: 'completed' | 'waiting' | 'stopped' | 'invalid' | 'failed';
  steps: SimulationStep[];
  /** The nodes entered, in order: the path taken. */
  path: string[];
  waitingAt: SimulationWait[];
  context: FlowContext;
  errors: FlowError[];
}

interface Pending {
  nodeId: string;
  for: 'task' | 'timer' | 'escalation' | 'step';
  action?: StepActionName;
  params?: Record<string, unknown>;
}

function pick<T>(choices: Record<string, T | T[]> | undefined, nodeId: string, visit: number) {
  const choice = choices?.[nodeId];
  if (!Array.isArray(choice)) return choice;
  return choice[visit];
}

/**
 * Runs a flow without an engine: compiled, then driven by an XState actor whose effects only
 * write the trace. Tasks complete as `choices` say, wait timers fire at once, automatic steps
 * answer `choices.steps` (update_record applies its values). Pure and synchronous: the editor
 * runs it in the browser.
 */
export function simulateFlow(
  flow: unknown,
  start: FlowMachineInput = {},
  choices: SimulationChoices = {},
): SimulationResult {
  const context: FlowContext = { record: start.record ?? {}, input: start.input ?? {}, tasks: {} };
  const compiled = compileFlow(flow);
  if (!compiled.config)
    return {
      status: 'invalid',
      steps: [],
      path: [],
      waitingAt: [],
      context,
      errors: compiled.errors,
    };

  const steps: SimulationStep[] = [];
  const pending: Pending[] = [];
  const visits = new Map<string, number>();
  const effects: FlowEffects = {
    enterNode: (_, { nodeId, type }) => {
      steps.push({ kind: 'enter', nodeId, type });
      visits.set(nodeId, (visits.get(nodeId) ?? 0) + 1);
    },
    chooseBranch: (_, { nodeId, edgeId, target }) =>
      steps.push({ kind: 'branch', nodeId, edgeId, target }),
    createTask: (_, { nodeId, title, assignee, due }) => {
      steps.push({ kind: 'task_created', nodeId, title, assignee, ...(due ? { due } : {}) });
      pending.push({ nodeId, for: 'task' });
    },
    scheduleTimer: (_, { nodeId, timer, duration, until }) => {
      steps.push({
        kind: 'timer_scheduled',
        nodeId,
        timer,
        ...(duration ? { duration } : {}),
        ...(until ? { until } : {}),
      });
      pending.push({ nodeId, for: timer === 'wait' ? 'timer' : 'escalation' });
    },
    escalateTask: (_, { nodeId, to }) => steps.push({ kind: 'escalated', nodeId, to }),
  };
  for (const action of Object.values(STEP_ACTIONS)) {
    effects[action] = (_: unknown, params: { nodeId: string }) => {
      steps.push({ kind: 'step', nodeId: params.nodeId, action, params });
      pending.push({ nodeId: params.nodeId, for: 'step', action, params });
    };
  }

  const actor = createActor(createFlowMachine(compiled.config, effects), { input: start });
  let failure: unknown;
  actor.subscribe({ error: (error) => (failure = error) });
  actor.start();
  const maxSteps = choices.maxSteps ?? 1000;
  const escalated = new Set<string>();

  const eventFor = (item: Pending): FlowEvent | null => {
    const visit = (visits.get(item.nodeId) ?? 1) - 1;
    switch (item.for) {
      case 'step': {
        const choice = pick(choices.steps, item.nodeId, visit);
        const record =
          choice?.record ??
          (item.action === 'updateRecord'
            ? (item.params?.set as Record<string, unknown>)
            : undefined);
        return {
          type: 'STEP_COMPLETED',
          nodeId: item.nodeId,
          ...(record ? { record } : {}),
          ...(choice?.output ? { output: choice.output } : {}),
        };
      }
      case 'timer':
        return choices.fireTimers === false
          ? null
          : { type: 'TIMER_FIRED', nodeId: item.nodeId, timer: 'wait' };
      case 'escalation':
        return choices.escalate?.includes(item.nodeId) && !escalated.has(`${item.nodeId}#${visit}`)
          ? { type: 'TIMER_FIRED', nodeId: item.nodeId, timer: 'escalation' }
          : null;
      case 'task': {
        const choice = pick(choices.tasks, item.nodeId, visit);
        return choice ? { type: 'TASK_COMPLETED', nodeId: item.nodeId, ...choice } : null;
      }
    }
  };

  const order: Pending['for'][] = ['step', 'escalation', 'timer', 'task'];
  let status: SimulationResult['status'] = 'waiting';
  for (;;) {
    const snapshot = actor.getSnapshot();
    if (failure !== undefined || snapshot.status === 'error') {
      status = 'failed';
      break;
    }
    if (snapshot.status === 'done') {
      status = 'completed';
      break;
    }
    if (steps.filter((step) => step.kind === 'enter').length > maxSteps) {
      status = 'stopped';
      break;
    }
    const ready = order
      .flatMap((kind) => pending.filter((item) => item.for === kind))
      .map((item) => ({ item, event: eventFor(item) }))
      .find((candidate) => candidate.event !== null);
    if (!ready) break;
    const { item, event } = ready as { item: Pending; event: FlowEvent };
    const visit = (visits.get(item.nodeId) ?? 1) - 1;
    if (item.for === 'escalation') escalated.add(`${item.nodeId}#${visit}`);
    pending.splice(pending.indexOf(item), 1);
    if (event.type === 'TASK_COMPLETED') {
      // The escalation timer dies with the task.
      const timer = pending.findIndex(
        (other) => other.nodeId === item.nodeId && other.for === 'escalation',
      );
      if (timer !== -1) pending.splice(timer, 1);
      steps.push({
        kind: 'task_completed',
        nodeId: item.nodeId,
        ...(event.outcome === undefined ? {} : { outcome: event.outcome }),
        ...(event.data === undefined ? {} : { data: event.data }),
      });
    } else if (event.type === 'TIMER_FIRED') {
      steps.push({ kind: 'timer_fired', nodeId: item.nodeId, timer: event.timer });
    } else {
      steps.push({ kind: 'step_completed', nodeId: item.nodeId });
    }
    actor.send(event);
  }

  const final = actor.getSnapshot() as { context: FlowContext };
  actor.stop();
  const errors: FlowError[] = [];
  if (status === 'failed')
    errors.push({
      code: 'invalid_flow',
      message: `The simulation failed: ${failure instanceof Error ? failure.message : String(failure)}.`,
    });
  return {
    status,
    steps,
    path: steps.flatMap((step) => (step.kind === 'enter' ? [step.nodeId] : [])),
    waitingAt:
      status === 'waiting'
        ? pending
            .filter((item) => item.for !== 'escalation')
            .map((item) => ({ nodeId: item.nodeId, for: item.for as SimulationWait['for'] }))
        : [],
    context: final.context,
    errors,
  };
}
