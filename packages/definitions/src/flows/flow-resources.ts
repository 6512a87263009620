import type { FlowDefinition, FlowGraph } from './flow.js';
import type { FlowTrigger } from './trigger.js';

/** A validation problem of a draft, shown on the canvas (`nodeId` / `edgeId`). */
export interface FlowProblem {
  code: string;
  message: string;
  nodeId?: string;
  edgeId?: string;
  path?: string;
}

/** `PUT /api/apps/{app}/flows/{flow}`: the draft is saved even while invalid. */
export interface FlowSaveResult {
  valid: boolean;
  errors: FlowProblem[];
  /** The draft's revision, for If-Match on the next autosave. */
  draftRevision: number;
}

/** A flow as `GET …/flows/{flow}` shows it: its draft and what is published. */
export interface Flow extends FlowDefinition {
  key: string;
  /** The latest published version; null before the first publish. */
  publishedVersion: number | null;
  draftRevision: number;
  valid: boolean;
  errors: FlowProblem[];
  createdAt: string;
  updatedAt: string;
}

/** An immutable published version. */
export interface FlowVersion {
  version: number;
  name: string;
  trigger: FlowTrigger;
  graph: FlowGraph;
  publishedAt: string;
  publishedBy: string | null;
}

export type FlowInstanceStatus = 'running' | 'waiting' | 'completed' | 'failed' | 'cancelled';

export interface FlowHistoryEntry {
  nodeId: string;
  event: string;
  at: string;
  by: string | null;
  data?: unknown;
}

export interface FlowInstance {
  id: string;
  flow: string;
  app: string;
  version: number;
  status: FlowInstanceStatus;
  current: string[];
  history: FlowHistoryEntry[];
  context: {
    record: Record<string, unknown> | null;
    input: Record<string, unknown>;
    tasks: Record<string, unknown>;
  };
  recordId: string | null;
  entity: string | null;
  /** What failed, when `status` is `failed`. */
  error: { nodeId: string; message: string } | null;
  createdAt: string;
  updatedAt: string;
}

export type TaskStatus = 'open' | 'completed' | 'cancelled';

export interface FlowTask {
  id: string;
  instanceId: string;
  app: string;
  flow: string;
  nodeId: string;
  kind: 'form' | 'approval';
  title: string;
  form: string | null;
  recordId: string | null;
  entity: string | null;
  assignee: { role: string } | { user: string } | { field: string };
  /** The users the task resolved to (a role's members are not listed). */
  assigneeUserId: string | null;
  status: TaskStatus;
  dueAt: string | null;
  outcomes?: string[];
  createdAt: string;
  completedAt: string | null;
  completedBy: string | null;
}

/** The operations view: what is running, stuck or late. */
export interface FlowOperations {
  queueDepth: number;
  instances: Record<FlowInstanceStatus, number>;
  overdueTasks: number;
  failed: { id: string; flow: string; nodeId: string; message: string; at: string }[];
}
