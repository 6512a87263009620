/** Every node a flow graph can hold. One list for the editor's palette, the validator and the engine. */
export const NODE_TYPES = [
  'start',
  'form_task',
  'approval',
  'decision',
  'parallel_split',
  'parallel_join',
  'wait',
  'update_record',
  'create_record',
  'classify',
  'notify',
  'webhook',
  'subflow',
  'end',
] as const;
export type NodeType = (typeof NODE_TYPES)[number];

export const isNodeType = (type: string): type is NodeType =>
  (NODE_TYPES as readonly string[]).includes(type);

/** Nodes that wait for a person: the engine opens a task and the flow waits for its completion. */
export const HUMAN_NODE_TYPES = ['form_task', 'approval'] as const satisfies readonly NodeType[];

/** Nodes that do one thing on their own (a job of the engine) and then move on. */
export const AUTOMATIC_NODE_TYPES = [
  'update_record',
  'create_record',
  'classify',
  'notify',
  'webhook',
  'subflow',
] as const satisfies readonly NodeType[];
export type AutomaticNodeType = (typeof AUTOMATIC_NODE_TYPES)[number];

/** Nodes that hold the flow until a person or a timer lets it go: a loop through one of them is not infinite. */
export const WAITING_NODE_TYPES = [
  'form_task',
  'approval',
  'wait',
] as const satisfies readonly NodeType[];

export const TRIGGER_TYPES = [
  'manual',
  'record_created',
  'record_updated',
  'classification_changed',
  'form_submitted',
  'schedule',
] as const;
export type TriggerType = (typeof TRIGGER_TYPES)[number];

export const APPROVAL_OUTCOMES = ['approve', 'reject'] as const;
export type ApprovalOutcome = (typeof APPROVAL_OUTCOMES)[number];

export const NOTIFY_CHANNELS = ['in_app', 'email'] as const;
export type NotifyChannel = (typeof NOTIFY_CHANNELS)[number];

export const WEBHOOK_METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'] as const;
export type WebhookMethod = (typeof WEBHOOK_METHODS)[number];

export const FLOW_LIMITS = { nodes: 1000, edges: 2000, idLength: 100 } as const;
