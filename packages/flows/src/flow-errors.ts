/**
 * Stable codes of everything `validateFlow` can find wrong with a flow, so that the editor can
 * translate the message and point at the node or edge.
 */
export const FLOW_ERROR_CODES = [
  /** The body does not have the shape of a flow (the API refuses it with 422). */
  'invalid_flow',
  'duplicate_node_id',
  'duplicate_edge_id',
  'unknown_node_type',
  'invalid_node_data',
  'invalid_edge_data',
  'no_start',
  'several_starts',
  'start_has_incoming_edge',
  'no_end_reachable',
  'unreachable_node',
  'dangling_edge',
  'no_outgoing_edge',
  'several_outgoing_edges',
  'end_has_outgoing_edge',
  'decision_without_default',
  'decision_several_defaults',
  'decision_edge_without_condition',
  'approval_outcomes_missing',
  'approval_edge_without_outcome',
  'approval_duplicate_outcome',
  'join_without_split',
  'split_branches_not_joined',
  'branch_crossing',
  'task_without_assignee',
  'form_task_without_form',
  'automatic_cycle',
  'unknown_field',
  'unknown_task_node',
  'unknown_form',
  'unknown_classifier',
  'unknown_flow',
  'unknown_entity',
  'invalid_webhook_url',
  'webhook_targets_engine',
  'webhook_targets_loopback',
  'webhook_targets_private_network',
  'wait_without_time',
  'invalid_duration',
  'subflow_calls_itself',
] as const;
export type FlowErrorCode = (typeof FLOW_ERROR_CODES)[number];

/** One problem of a flow, in English for people, with a code for the UI. */
export interface FlowError {
  code: FlowErrorCode;
  message: string;
  nodeId?: string;
  edgeId?: string;
  /** A JSON Pointer into the flow body (`/graph/nodes/3/data/assignee`) when the problem has a place. */
  path?: string;
}

/**
 * What the validator may know about the app around the flow. Each piece is optional: when it is
 * absent, the checks that need it are skipped (the editor may not have loaded it yet).
 */
export interface FlowValidationContext {
  /** The flow's own key, to refuse a subflow that calls it. */
  flowKey?: string;
  /** Field keys of the trigger entity (system fields such as owner_id are always known). */
  recordFields?: readonly string[];
  /** Field keys of each form, by form key. */
  forms?: Readonly<Record<string, readonly string[]>>;
  classifiers?: readonly string[];
  flows?: readonly string[];
  entities?: readonly string[];
  /** Origins the engine answers on (`https://crm.example.com`): webhooks must not call back into it. */
  engineOrigins?: readonly string[];
  /** Hosts webhooks may reach although they are loopback or private (the engine's allow list). */
  allowedWebhookHosts?: readonly string[];
}

export interface FlowValidationResult {
  valid: boolean;
  errors: FlowError[];
}
