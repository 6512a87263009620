import type { FlowNode } from '@formwork/definitions';
import type { FlowAppData } from '../hooks/useFlowAppData';

/** What every node type's settings get from the side panel. */
export interface NodeSettingsProps {
  node: FlowNode;
  app: FlowAppData;
  /** Sets some of the node's settings (undefined removes one). */
  set: (patch: Record<string, unknown>) => void;
  /** The checks' problems of one setting (`assignee`, `escalate.after`). */
  problemsOf: (setting: string) => string[];
}
