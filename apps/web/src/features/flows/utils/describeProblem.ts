import { isNodeType, type FlowNode } from '@formwork/definitions';
import type { FlowError } from '@formwork/flows';
import type { TFunction } from 'i18next';

/** `/graph/nodes/3/data/assignee/field` → `assignee.field`; `/trigger/entity` → `entity`. */
export function settingOf(path: string | undefined): string {
  if (!path) return '';
  const data = /\/data\/(.+)$/.exec(path)?.[1];
  const rest = data ?? /^\/trigger\/(.+)$/.exec(path)?.[1] ?? path.replace(/^\//, '');
  return rest.replaceAll('/', '.');
}

/** How the canvas calls a node: its label, its title, or its id. */
export function nodeName(node: Pick<FlowNode, 'id' | 'data'> | undefined, fallback = ''): string {
  const label = node?.data.label ?? node?.data.title;
  return typeof label === 'string' && label.trim() !== '' ? label : (node?.id ?? fallback);
}

/** A node in sentences: its label or title, else its type and id ("Decision (decision_1)"). */
export function displayName(node: FlowNode | undefined, id: string, t: TFunction): string {
  const named = nodeName(node, id);
  if (!node || named !== node.id || !isNodeType(node.type)) return named;
  return `${t(`flows.nodeTypes.${node.type}`)} (${node.id})`;
}

/** The problem in the UI's language, from its code; names come from the graph and the message. */
export function describeProblem(
  error: FlowError,
  t: TFunction,
  nodes: ReadonlyMap<string, FlowNode>,
): string {
  const quoted = [...error.message.matchAll(/"([^"]*)"/g)].at(-1)?.[1] ?? '';
  const id = error.nodeId ?? '';
  return t(`flows.problems.${error.code}`, {
    node: displayName(nodes.get(id), id, t),
    setting: settingOf(error.path),
    name: quoted,
  });
}
