import { NODE_TYPES, type NodeType } from '@formwork/definitions';

/** How the palette groups node types, and how nodes of each group are coloured. */
export type NodeGroup = 'terminal' | 'human' | 'gateway' | 'timer' | 'action';

export const NODE_GROUP: Record<NodeType, NodeGroup> = {
  start: 'terminal',
  end: 'terminal',
  form_task: 'human',
  approval: 'human',
  decision: 'gateway',
  parallel_split: 'gateway',
  parallel_join: 'gateway',
  wait: 'timer',
  update_record: 'action',
  create_record: 'action',
  classify: 'action',
  notify: 'action',
  webhook: 'action',
  subflow: 'action',
};

export const PALETTE_GROUPS: readonly NodeGroup[] = [
  'terminal',
  'human',
  'gateway',
  'timer',
  'action',
];

export const paletteTypes = (group: NodeGroup): NodeType[] =>
  NODE_TYPES.filter((type) => NODE_GROUP[type] === group);

/** Nothing leads into a start; an end leads nowhere. */
export const hasInput = (type: string) => type !== 'start';
export const hasOutput = (type: string) => type !== 'end';

/** What a node starts with when it is dropped: enough to be recognisable, the rest is flagged. */
export function defaultNodeData(type: NodeType, title: string): Record<string, unknown> {
  switch (type) {
    case 'form_task':
    case 'approval':
      return { title };
    case 'wait':
      return { duration: 'P1D' };
    case 'notify':
      return { channel: 'in_app', subject: title, body: '' };
    case 'webhook':
      return { method: 'POST', url: '' };
    case 'update_record':
      return { set: {} };
    default:
      return {};
  }
}
