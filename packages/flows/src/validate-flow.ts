import {
  flowInputSchema,
  isNodeType,
  toFieldErrors,
  WAITING_NODE_TYPES,
  type FlowDefinition,
  type FlowNode,
} from '@formwork/definitions';
import { checkApproval, checkDecision, checkEdgeData } from './check-edges.js';
import { checkNodeData, knowsRecordField } from './check-node-data.js';
import type { FlowError, FlowValidationContext, FlowValidationResult } from './flow-errors.js';
import {
  findCycles,
  incomingOf,
  indexGraph,
  outgoingOf,
  reachable,
  type GraphIndex,
} from './graph.js';
import { analyseParallels } from './parallel-structure.js';

const BRANCHING_TYPES: readonly string[] = ['decision', 'approval', 'parallel_split'];
const WAITING: readonly string[] = WAITING_NODE_TYPES;

/** How a node is called in messages: its label, its title, or its id. */
export function nameOf(node: FlowNode | undefined, fallback = '?'): string {
  const label = node?.data.label ?? node?.data.title;
  return `"${typeof label === 'string' && label.trim() !== '' ? label : (node?.id ?? fallback)}"`;
}

function checkIds(definition: FlowDefinition): FlowError[] {
  return [
    ...duplicateIds(definition.graph.nodes, 'node'),
    ...duplicateIds(definition.graph.edges, 'edge'),
  ];
}

function duplicateIds(items: { id: string }[], kind: 'node' | 'edge'): FlowError[] {
  const seen = new Set<string>();
  const errors: FlowError[] = [];
  items.forEach((item, position) => {
    if (seen.has(item.id))
      errors.push({
        code: kind === 'node' ? 'duplicate_node_id' : 'duplicate_edge_id',
        ...(kind === 'node' ? { nodeId: item.id } : { edgeId: item.id }),
        path: `/graph/${kind}s/${position}/id`,
        message: `Two ${kind}s have the id ${item.id}.`,
      });
    seen.add(item.id);
  });
  return errors;
}

function checkNodes(index: GraphIndex, context: FlowValidationContext): FlowError[] {
  return [...index.nodes.values()].flatMap((node) => {
    const pointer = `/graph/nodes/${index.nodePosition.get(node.id)}`;
    if (!isNodeType(node.type))
      return [
        {
          code: 'unknown_node_type' as const,
          nodeId: node.id,
          path: `${pointer}/type`,
          message: `There is no node type "${node.type}".`,
        },
      ];
    return checkNodeData(node, node.type, pointer, context);
  });
}

function checkDanglingEdges(definition: FlowDefinition, index: GraphIndex): FlowError[] {
  return definition.graph.edges.flatMap((edge, position) =>
    (['source', 'target'] as const)
      .filter((end) => !index.nodes.has(edge[end]))
      .map((end) => ({
        code: 'dangling_edge' as const,
        edgeId: edge.id,
        path: `/graph/edges/${position}/${end}`,
        message: `This edge's ${end} ${JSON.stringify(edge[end])} is not a node of the flow.`,
      })),
  );
}

function checkOutgoing(index: GraphIndex, context: FlowValidationContext): FlowError[] {
  const errors: FlowError[] = [];
  for (const node of index.nodes.values()) {
    if (!isNodeType(node.type)) continue;
    const edges = outgoingOf(index, node.id);
    if (node.type === 'start')
      for (const edge of incomingOf(index, node.id))
        errors.push({
          code: 'start_has_incoming_edge',
          nodeId: node.id,
          edgeId: edge.id,
          message: 'Nothing leads back into the start: loop to the first step after it instead.',
        });
    if (node.type === 'end') {
      if (edges.length > 0)
        errors.push({
          code: 'end_has_outgoing_edge',
          nodeId: node.id,
          edgeId: edges[0]!.id,
          message: 'An end finishes the flow: it cannot lead anywhere.',
        });
      continue;
    }
    if (edges.length === 0) {
      errors.push({
        code: 'no_outgoing_edge',
        nodeId: node.id,
        message: `${nameOf(node)} leads nowhere: connect it to the next step or to an end.`,
      });
      continue;
    }
    if (edges.length > 1 && !BRANCHING_TYPES.includes(node.type))
      errors.push({
        code: 'several_outgoing_edges',
        nodeId: node.id,
        edgeId: edges[1]!.id,
        message: `${nameOf(node)} has ${edges.length} outgoing edges: only decisions, approvals and parallel splits branch.`,
      });
    if (node.type === 'decision') errors.push(...checkDecision(node, index, context));
    if (node.type === 'approval') errors.push(...checkApproval(node, index));
  }
  return errors;
}

function checkReachability(index: GraphIndex, start: FlowNode): FlowError[] {
  const errors: FlowError[] = [];
  const fromStart = reachable(index, [start.id]);
  for (const node of index.nodes.values())
    if (!fromStart.has(node.id))
      errors.push({
        code: 'unreachable_node',
        nodeId: node.id,
        message: `${nameOf(node)} cannot be reached from the start.`,
      });
  const ends = [...index.nodes.values()]
    .filter((node) => node.type === 'end')
    .map((node) => node.id);
  const reachesEnd = reachable(index, ends, 'backwards');
  if (!reachesEnd.has(start.id)) {
    errors.push({
      code: 'no_end_reachable',
      nodeId: start.id,
      message: 'No end can be reached from the start: every flow must be able to finish.',
    });
    return errors;
  }
  for (const id of fromStart)
    if (!reachesEnd.has(id) && outgoingOf(index, id).length > 0)
      errors.push({
        code: 'no_end_reachable',
        nodeId: id,
        message: `Once at ${nameOf(index.nodes.get(id))}, the flow can never reach an end.`,
      });
  return errors;
}

function checkAutomaticCycles(index: GraphIndex): FlowError[] {
  return findCycles(index, (node) => !WAITING.includes(node.type)).map((cycle) => ({
    code: 'automatic_cycle' as const,
    nodeId: cycle[0]!,
    message: `The loop through ${cycle.map((id) => nameOf(index.nodes.get(id))).join(', ')} never waits for a person or a timer: it would run forever. Put a task, an approval or a wait in it.`,
  }));
}

function checkTrigger(definition: FlowDefinition, context: FlowValidationContext): FlowError[] {
  const errors: FlowError[] = [];
  const { trigger } = definition;
  const fail = (code: FlowError['code'], key: string, message: string) =>
    errors.push({ code, path: `/trigger/${key}`, message });
  const entity = 'entity' in trigger ? trigger.entity : undefined;
  if (entity !== undefined && context.entities && !context.entities.includes(entity))
    fail(
      'unknown_entity',
      'entity',
      `The trigger names an entity "${entity}" that does not exist.`,
    );
  switch (trigger.type) {
    case 'record_updated':
      trigger.fields?.forEach((field, position) => {
        if (!knowsRecordField(context, field))
          fail(
            'unknown_field',
            `fields/${position}`,
            `The trigger watches a field "${field}" that does not exist.`,
          );
      });
      break;
    case 'classification_changed':
      if (context.classifiers && !context.classifiers.includes(trigger.classifier))
        fail('unknown_classifier', 'classifier', `There is no classifier "${trigger.classifier}".`);
      break;
    case 'form_submitted':
      if (context.forms && !(trigger.form in context.forms))
        fail('unknown_form', 'form', `There is no form "${trigger.form}" (was it deleted?).`);
      break;
    default:
      break;
  }
  return errors;
}

function collectErrors(flow: unknown, context: FlowValidationContext): FlowError[] {
  const parsed = flowInputSchema.safeParse(flow);
  if (!parsed.success)
    return toFieldErrors(parsed.error).map((error) => ({
      code: 'invalid_flow',
      path: error.path,
      message: `${error.path ? error.path.slice(1).replaceAll('/', '.') : 'The flow'}: ${error.message}.`,
    }));
  const definition = parsed.data;
  const index = indexGraph(definition.graph);
  const starts = [...index.nodes.values()].filter((node) => node.type === 'start');
  const errors = [
    ...checkIds(definition),
    ...checkNodes(index, context),
    ...checkDanglingEdges(definition, index),
    ...checkEdgeData(index, definition.graph.edges),
    ...checkTrigger(definition, context),
  ];
  if (starts.length === 0) errors.push({ code: 'no_start', message: 'A flow needs a start node.' });
  for (const extra of starts.slice(1))
    errors.push({
      code: 'several_starts',
      nodeId: extra.id,
      message: 'A flow has exactly one start node.',
    });
  errors.push(...checkOutgoing(index, context));
  if (starts.length === 1) errors.push(...checkReachability(index, starts[0]!));
  errors.push(...analyseParallels(index, starts.length === 1 ? starts[0]!.id : undefined).errors);
  errors.push(...checkAutomaticCycles(index));
  return errors;
}

/**
 * Checks a flow as the editor or the API received it: its shape, its graph, each node's settings
 * and, as far as `context` tells, what it refers to. Never throws; a draft may be saved with
 * errors, but only a valid flow can be published or run.
 */
export function validateFlow(
  flow: unknown,
  context: FlowValidationContext = {},
): FlowValidationResult {
  let errors: FlowError[];
  try {
    errors = collectErrors(flow, context);
  } catch (error) {
    errors = [
      {
        code: 'invalid_flow',
        message: `The flow could not be checked: ${error instanceof Error ? error.message : String(error)}.`,
      },
    ];
  }
  return { valid: errors.length === 0, errors };
}
