import type { Filter } from '@formwork/definitions';
import { assign, setup, type ActionFunction, type AnyStateMachine, type EventObject } from 'xstate';
import { evaluateCondition, type FlowContext } from './evaluate-condition.js';
import type {
  EffectActionName,
  EffectActionParams,
  FlowEvent,
  FlowMachineConfig,
  GuardParams,
} from './machine-types.js';

/** What a flow instance starts with: the record it runs for and the start input. */
export interface FlowMachineInput {
  record?: Record<string, unknown>;
  input?: Record<string, unknown>;
}

/** An engine's implementation of one effect action: called with the context, the event and the action's params. */
export type EffectAction<Name extends EffectActionName> = (
  args: { context: FlowContext; event: FlowEvent },
  params: EffectActionParams[Name],
) => void;

/** The engine's side effects, by action name. Leaving one out makes it a no-op. */
export type FlowEffects = { [Name in EffectActionName]?: EffectAction<Name> };

function taskResult(context: FlowContext, event: FlowEvent, nodeId: string): Partial<FlowContext> {
  if (event.type !== 'TASK_COMPLETED') return {};
  const result = {
    ...(event.data ?? {}),
    ...(event.outcome === undefined ? {} : { outcome: event.outcome }),
  };
  return {
    record: { ...context.record, ...(event.record ?? {}) },
    tasks: { ...context.tasks, [nodeId]: result },
  };
}

function stepResult(context: FlowContext, event: FlowEvent, nodeId: string): Partial<FlowContext> {
  if (event.type !== 'STEP_COMPLETED') return {};
  return {
    record: { ...context.record, ...(event.record ?? {}) },
    tasks:
      event.output === undefined ? context.tasks : { ...context.tasks, [nodeId]: event.output },
  };
}

function isEventForNode(event: EventObject, params: GuardParams['eventForNode']): boolean {
  const candidate = event as Partial<FlowEvent> & { outcome?: string; timer?: string };
  if (candidate.nodeId !== params.nodeId) return false;
  if (params.outcome !== undefined && candidate.outcome !== params.outcome) return false;
  return params.timer === undefined || candidate.timer === params.timer;
}

const noop = () => undefined;
/** Only a type for `setup`: an actor may start without input. */
const NO_INPUT: FlowMachineInput | undefined = undefined;

/**
 * Turns a compiled config into a machine: the context comes from the input, the guards and the
 * context updates are this package's, the side effects are the caller's (`effects`). The engine
 * and the simulator both build their machines here.
 */
export function createFlowMachine(
  config: FlowMachineConfig,
  effects: FlowEffects = {},
): AnyStateMachine {
  const effectActions = Object.fromEntries(
    (Object.keys(effects) as EffectActionName[]).map((name) => [name, effects[name] ?? noop]),
  ) as Record<
    string,
    ActionFunction<FlowContext, FlowEvent, FlowEvent, never, never, never, never, never, FlowEvent>
  >;
  const machine = setup({
    types: {
      context: {} as FlowContext,
      events: {} as FlowEvent,
      input: NO_INPUT,
    },
    actions: {
      enterNode: noop,
      chooseBranch: noop,
      createTask: noop,
      escalateTask: noop,
      scheduleTimer: noop,
      cancelTimers: noop,
      updateRecord: noop,
      createRecord: noop,
      classifyRecord: noop,
      sendNotification: noop,
      callWebhook: noop,
      startSubflow: noop,
      ...effectActions,
      storeTaskResult: assign(({ context, event }, { nodeId }: { nodeId: string }) =>
        taskResult(context, event, nodeId),
      ),
      storeStepResult: assign(({ context, event }, { nodeId }: { nodeId: string }) =>
        stepResult(context, event, nodeId),
      ),
    },
    guards: {
      condition: ({ context }, params: GuardParams['condition']) =>
        evaluateCondition(params.filter as Filter, context),
      eventForNode: ({ event }, params: GuardParams['eventForNode']) =>
        isEventForNode(event, params),
    },
  }).createMachine({
    ...(config as unknown as Record<string, never>),
    context: ({ input }) => ({ record: input?.record ?? {}, input: input?.input ?? {}, tasks: {} }),
  });
  return machine;
}
