import {
  APPROVAL_OUTCOMES,
  edgeDataSchema,
  listConditions,
  parseFlowFieldPath,
  toFieldErrors,
  type Filter,
  type FlowEdge,
  type FlowNode,
} from '@formwork/definitions';
import { knowsRecordField } from './check-node-data.js';
import type { FlowError, FlowValidationContext } from './flow-errors.js';
import { outgoingOf, type GraphIndex } from './graph.js';

/** Nodes whose result the context keeps under `tasks.<nodeId>`. */
export const RESULT_NODE_TYPES: readonly string[] = [
  'form_task',
  'approval',
  'create_record',
  'webhook',
  'subflow',
];

const edgePointer = (index: GraphIndex, edge: FlowEdge) =>
  `/graph/edges/${index.edgePosition.get(edge.id)}`;

/** Checks every edge's `data` against the edge schema (a condition's shape, an outcome's value). */
export function checkEdgeData(index: GraphIndex, edges: FlowEdge[]): FlowError[] {
  return edges.flatMap((edge) => {
    if (edge.data === undefined) return [];
    const parsed = edgeDataSchema.safeParse(edge.data);
    if (parsed.success) return [];
    return toFieldErrors(parsed.error, `${edgePointer(index, edge)}/data`).map((error) => ({
      code: 'invalid_edge_data' as const,
      edgeId: edge.id,
      path: error.path,
      message: `${error.path.split('/data/')[1]?.replaceAll('/', '.') ?? 'data'} ${error.message}.`,
    }));
  });
}

const VALUE_SHAPES: Partial<Record<string, [(value: unknown) => boolean, string]>> = {
  between: [(value) => Array.isArray(value) && value.length === 2, 'takes [low, high]'],
  in: [Array.isArray, 'takes a list of values'],
  nin: [Array.isArray, 'takes a list of values'],
  is_null: [(value) => typeof value === 'boolean', 'takes true or false'],
};

function checkCondition(
  filter: Filter,
  decision: FlowNode,
  edge: FlowEdge,
  index: GraphIndex,
  context: FlowValidationContext,
): FlowError[] {
  const errors: FlowError[] = [];
  const fail = (code: FlowError['code'], message: string) =>
    errors.push({ code, message, nodeId: decision.id, edgeId: edge.id });
  for (const condition of listConditions(filter)) {
    const [accepts, shape] = VALUE_SHAPES[condition.op] ?? [
      (value: unknown) => value !== undefined,
      'needs a value',
    ];
    if (!accepts(condition.value))
      fail('invalid_edge_data', `The operator ${condition.op} on ${condition.field} ${shape}.`);
    const path = parseFlowFieldPath(condition.field);
    if (!path) continue;
    if (path.scope === 'record' && !knowsRecordField(context, path.path[0]!))
      fail(
        'unknown_field',
        `The condition reads ${condition.field}, but the record has no field "${path.path[0]}".`,
      );
    if (path.scope !== 'tasks') continue;
    const task = index.nodes.get(path.nodeId);
    if (!task || !RESULT_NODE_TYPES.includes(task.type)) {
      fail(
        'unknown_task_node',
        `The condition reads ${condition.field}, but there is no task or step "${path.nodeId}" whose result it could read.`,
      );
      continue;
    }
    const form = typeof task.data.form === 'string' ? context.forms?.[task.data.form] : undefined;
    if (!form || (task.type !== 'form_task' && task.type !== 'approval')) continue;
    const known = [...form, 'outcome', ...(task.type === 'approval' ? ['comment'] : [])];
    if (!known.includes(path.path[0]!))
      fail(
        'unknown_field',
        `The condition reads ${condition.field}, but the form "${String(task.data.form)}" has no field "${path.path[0]}".`,
      );
  }
  return errors;
}

const dataOf = (edge: FlowEdge): Record<string, unknown> => edge.data ?? {};

/** A decision needs one default branch and a condition on every other branch. */
export function checkDecision(
  node: FlowNode,
  index: GraphIndex,
  context: FlowValidationContext,
): FlowError[] {
  const errors: FlowError[] = [];
  const edges = outgoingOf(index, node.id);
  const defaults = edges.filter((edge) => dataOf(edge).default === true);
  for (const edge of edges) {
    const data = dataOf(edge);
    if (data.default === true) {
      if (data.condition !== undefined)
        errors.push({
          code: 'invalid_edge_data',
          nodeId: node.id,
          edgeId: edge.id,
          message: 'A branch is either the default or has a condition, not both.',
        });
      continue;
    }
    if (data.condition === undefined) {
      errors.push({
        code: 'decision_edge_without_condition',
        nodeId: node.id,
        edgeId: edge.id,
        message: 'This branch of a decision needs a condition, or must be marked as the default.',
      });
      continue;
    }
    const parsed = edgeDataSchema.shape.condition.safeParse(data.condition);
    if (parsed.success && parsed.data)
      errors.push(...checkCondition(parsed.data, node, edge, index, context));
  }
  if (edges.length > 0 && defaults.length === 0)
    errors.push({
      code: 'decision_without_default',
      nodeId: node.id,
      message: 'A decision needs a default branch, taken when no condition holds.',
    });
  if (defaults.length > 1)
    errors.push({
      code: 'decision_several_defaults',
      nodeId: node.id,
      edgeId: defaults[1]!.id,
      message: 'A decision has exactly one default branch.',
    });
  return errors;
}

/** An approval has one approve and one reject branch. */
export function checkApproval(node: FlowNode, index: GraphIndex): FlowError[] {
  const errors: FlowError[] = [];
  const seen = new Set<string>();
  const edges = outgoingOf(index, node.id);
  if (edges.length === 0) return errors;
  for (const edge of edges) {
    const outcome = dataOf(edge).outcome;
    if (outcome === undefined) {
      errors.push({
        code: 'approval_edge_without_outcome',
        nodeId: node.id,
        edgeId: edge.id,
        message: 'Each branch of an approval says whether it is taken on approve or on reject.',
      });
    } else if (typeof outcome === 'string' && seen.has(outcome)) {
      errors.push({
        code: 'approval_duplicate_outcome',
        nodeId: node.id,
        edgeId: edge.id,
        message: `Two branches of this approval are taken on ${outcome}.`,
      });
    }
    if (typeof outcome === 'string') seen.add(outcome);
  }
  const missing = APPROVAL_OUTCOMES.filter((outcome) => !seen.has(outcome));
  if (missing.length > 0)
    errors.push({
      code: 'approval_outcomes_missing',
      nodeId: node.id,
      message: `An approval needs a branch for approve and one for reject (missing: ${missing.join(', ')}).`,
    });
  return errors;
}
