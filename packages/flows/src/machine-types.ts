import type { AutomaticNodeType, NodeType } from '@formwork/definitions';

/** Events the engine sends to a flow instance. Each names the node it is meant for. */
export type FlowEvent =
  /** A person completed the task of a form_task or approval node. */
  | {
      type: 'TASK_COMPLETED';
      nodeId: string;
      /** `approve` or `reject` for an approval. */
      outcome?: string;
      /** The submitted form data; kept as `tasks.<nodeId>`. */
      data?: Record<string, unknown>;
      /** Record fields the task wrote (the form's fields shared with the record). */
      record?: Record<string, unknown>;
    }
  /** A timer job scheduled by `scheduleTimer` is due. */
  | { type: 'TIMER_FIRED'; nodeId: string; timer: TimerKind }
  /** The engine ran an automatic step (or a subflow finished). */
  | {
      type: 'STEP_COMPLETED';
      nodeId: string;
      /** Record fields the step changed (update_record's values, a classifier's outputs). */
      record?: Record<string, unknown>;
      /** The step's result (a created record's id, a webhook's status), kept as `tasks.<nodeId>`. */
      output?: Record<string, unknown>;
    };
export type FlowEventType = FlowEvent['type'];

export const FLOW_EVENT_TYPES = [
  'TASK_COMPLETED',
  'TIMER_FIRED',
  'STEP_COMPLETED',
] as const satisfies readonly FlowEventType[];

/** `wait` ends a wait node; `escalation` escalates an open task. */
export type TimerKind = 'wait' | 'escalation';

/** The named action each automatic node emits on entry. */
export const STEP_ACTIONS = {
  update_record: 'updateRecord',
  create_record: 'createRecord',
  classify: 'classifyRecord',
  notify: 'sendNotification',
  webhook: 'callWebhook',
  subflow: 'startSubflow',
} as const satisfies Record<AutomaticNodeType, string>;
export type StepActionName = (typeof STEP_ACTIONS)[AutomaticNodeType];

/** Params of each action the engine implements (side effects: tasks, timers, writes, messages). */
export interface EffectActionParams {
  /** Every state's first entry action: one history entry per node entered. */
  enterNode: { nodeId: string; type: NodeType };
  /** A decision or approval took this edge (on the transition, before the next node's entry). */
  chooseBranch: { nodeId: string; edgeId: string; target: string };
  createTask: {
    nodeId: string;
    kind: 'form' | 'approval';
    title: string;
    assignee: unknown;
    form?: string;
    due?: string;
    outcomes?: string[];
  };
  escalateTask: { nodeId: string; to: unknown };
  scheduleTimer: { nodeId: string; timer: TimerKind; duration?: string; until?: string };
  cancelTimers: { nodeId: string };
  updateRecord: { nodeId: string; set: Record<string, unknown> };
  createRecord: { nodeId: string; entity: string; values: Record<string, unknown> };
  classifyRecord: { nodeId: string; classifier: string };
  sendNotification: { nodeId: string; to: unknown; channel: string; subject: string; body: string };
  callWebhook: {
    nodeId: string;
    url: string;
    method: string;
    headers?: Record<string, string>;
    body?: unknown;
  };
  startSubflow: { nodeId: string; flow: string; input?: Record<string, unknown> };
}
export type EffectActionName = keyof EffectActionParams;

export const EFFECT_ACTIONS = [
  'enterNode',
  'chooseBranch',
  'createTask',
  'escalateTask',
  'scheduleTimer',
  'cancelTimers',
  'updateRecord',
  'createRecord',
  'classifyRecord',
  'sendNotification',
  'callWebhook',
  'startSubflow',
] as const satisfies readonly EffectActionName[];

/** Context updates this package implements itself (pure `assign`s), so engine and simulator agree. */
export interface BuiltInActionParams {
  storeTaskResult: { nodeId: string };
  storeStepResult: { nodeId: string };
}

/** Guards this package implements: the engine supplies none. */
export interface GuardParams {
  /** A decision branch: the edge's filter over `{ record, input, tasks }`. */
  condition: { filter: unknown; nodeId: string; edgeId: string };
  /** The event is meant for this node (and carries this outcome / is this timer). */
  eventForNode: { nodeId: string; outcome?: string; timer?: TimerKind };
}

export interface ActionRef<Name extends string = string> {
  type: Name;
  params: Record<string, unknown>;
}
export interface GuardRef {
  type: keyof GuardParams;
  params: Record<string, unknown>;
}
export interface FlowTransitionConfig {
  target?: string;
  guard?: GuardRef;
  actions?: ActionRef[];
}

/** What each state tells about the node it stands for (the engine's `current` and history read it). */
export interface FlowStateMeta {
  nodeId?: string;
  type?: NodeType;
  /** For a branch region of a parallel split. */
  branch?: { splitId: string; index: number; edgeId: string };
}

export interface FlowStateConfig {
  type?: 'parallel' | 'final';
  description?: string;
  initial?: string;
  entry?: ActionRef[];
  exit?: ActionRef[];
  always?: FlowTransitionConfig[];
  on?: Partial<Record<FlowEventType, FlowTransitionConfig[]>>;
  onDone?: FlowTransitionConfig;
  states?: Record<string, FlowStateConfig>;
  meta?: FlowStateMeta;
}

/** A compiled flow: plain JSON, to be stored with the published version and given to `createFlowMachine`. */
export interface FlowMachineConfig {
  id: string;
  initial: string;
  states: Record<string, FlowStateConfig>;
}

/** The final state closing each branch region of a parallel split. `$` cannot start a node id. */
export const JOINED_STATE = '$joined';
