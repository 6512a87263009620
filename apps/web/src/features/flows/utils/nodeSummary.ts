import {
  isCondition,
  isNodeType,
  type Filter,
  type FlowEdge,
  type FlowNode,
} from '@formwork/definitions';
import type { TFunction } from 'i18next';
import { textOf } from '../../records/utils/formatValue';
import { nodeName } from './describeProblem';

const SYMBOLS: Partial<Record<string, string>> = {
  eq: '=',
  ne: '≠',
  lt: '<',
  lte: '≤',
  gt: '>',
  gte: '≥',
};
const MAX_LABEL = 48;

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const clip = (text: string) =>
  text.length > MAX_LABEL ? `${text.slice(0, MAX_LABEL - 1)}…` : text;

/** `record.level = A`, `tasks.visit.satisfied is_null`…: short enough for an edge. */
export function conditionText(filter: Filter, t: TFunction): string {
  if (isCondition(filter)) {
    const field = filter.field.replace(/^record\./, '');
    const op = SYMBOLS[filter.op] ?? t(`filter.ops.${filter.op}`);
    if (filter.op === 'is_null')
      return `${field} ${filter.value === false ? t('filter.isNotEmpty') : t('filter.isEmpty')}`;
    const value = Array.isArray(filter.value)
      ? filter.value.map(textOf).join(', ')
      : textOf(filter.value);
    return `${field} ${op} ${value}`;
  }
  if ('not' in filter) return `¬(${conditionText(filter.not, t)})`;
  const [joiner, parts] = 'and' in filter ? [' & ', filter.and] : [' | ', filter.or];
  return parts.map((part) => conditionText(part, t)).join(joiner);
}

/** What an edge says on the canvas: its label, else its branch (condition, default, outcome). */
export function edgeLabel(edge: FlowEdge, t: TFunction): string {
  const data = edge.data ?? {};
  if (typeof data.label === 'string' && data.label.trim()) return clip(data.label);
  if (data.default === true) return t('flows.edge.default');
  if (data.outcome === 'approve' || data.outcome === 'reject')
    return t(`flows.edge.outcomes.${data.outcome}`);
  if (isObject(data.condition) || Array.isArray(data.condition))
    return clip(conditionText(data.condition as Filter, t));
  return '';
}

export function assigneeText(assignee: unknown, t: TFunction): string {
  if (!isObject(assignee)) return '';
  if (typeof assignee.role === 'string')
    return t('flows.assignee.roleShort', { role: t(`roles.${assignee.role}` as 'roles.admin') });
  if (typeof assignee.field === 'string')
    return t('flows.assignee.fieldShort', { field: assignee.field });
  if (typeof assignee.email === 'string') return assignee.email;
  if (typeof assignee.user === 'string') return t('flows.assignee.userShort');
  return '';
}

/** The node's heading: its label or title, else the name of its type. */
export function nodeTitle(node: FlowNode, t: TFunction): string {
  const name = nodeName(node);
  if (name !== node.id) return name;
  return isNodeType(node.type) ? t(`flows.nodeTypes.${node.type}`) : node.type;
}

/** One line under the heading: who works it, how long it waits, what it calls. */
export function nodeDetail(node: FlowNode, t: TFunction): string {
  const { data } = node;
  const text = (value: unknown) => (typeof value === 'string' ? value : '');
  switch (node.type) {
    case 'form_task':
    case 'approval':
      return [assigneeText(data.assignee, t), text(data.form)].filter(Boolean).join(' · ');
    case 'wait':
      return text(data.duration) || text(data.until);
    case 'classify':
      return text(data.classifier);
    case 'subflow':
      return text(data.flow);
    case 'webhook':
      return clip(`${text(data.method)} ${text(data.url)}`.trim());
    case 'notify':
      return [assigneeText(data.to, t), text(data.channel)].filter(Boolean).join(' · ');
    case 'update_record':
      return clip(isObject(data.set) ? Object.keys(data.set).join(', ') : '');
    case 'create_record':
      return text(data.entity);
    default:
      return '';
  }
}
