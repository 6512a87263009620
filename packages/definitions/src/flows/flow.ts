import { z } from 'zod';
import { NODE_ID_PATTERN } from './flow-condition.js';
import { FLOW_LIMITS } from './node-types.js';
import { flowTriggerSchema } from './trigger.js';

const nodeIdSchema = z.string().regex(NODE_ID_PATTERN, 'must be 1 to 100 letters, digits, _ or -');
const edgeIdSchema = z
  .string()
  .min(1, 'must not be empty')
  .max(FLOW_LIMITS.idLength, `must be at most ${FLOW_LIMITS.idLength} characters`);
/** Ends of an edge: any string, so that an edge to a node the editor just deleted is a validation error, not a refusal. */
const endpointSchema = z
  .string()
  .max(FLOW_LIMITS.idLength, `must be at most ${FLOW_LIMITS.idLength} characters`);
const handleSchema = z.string().max(FLOW_LIMITS.idLength).nullable().optional();

/**
 * One node. `type` and `data` are checked by `validateFlow` (an unknown type or an unfinished
 * `data` is a node-level error there): a draft saves even while the admin is still filling it in.
 */
export const flowNodeSchema = z.strictObject({
  id: nodeIdSchema,
  type: z.string().min(1, 'must not be empty').max(100, 'must be at most 100 characters'),
  data: z.record(z.string(), z.unknown()).default({}),
  position: z.strictObject({ x: z.number(), y: z.number() }).optional(),
});
export type FlowNode = z.infer<typeof flowNodeSchema>;
export type FlowNodeInput = z.input<typeof flowNodeSchema>;

/** One edge; decision edges carry `data.condition` or `data.default`, approval edges `data.outcome`. */
export const flowEdgeSchema = z.strictObject({
  id: edgeIdSchema,
  source: endpointSchema,
  target: endpointSchema,
  sourceHandle: handleSchema,
  targetHandle: handleSchema,
  data: z.record(z.string(), z.unknown()).optional(),
});
export type FlowEdge = z.infer<typeof flowEdgeSchema>;
export type FlowEdgeInput = z.input<typeof flowEdgeSchema>;

export const flowGraphSchema = z.strictObject({
  nodes: z
    .array(flowNodeSchema)
    .max(FLOW_LIMITS.nodes, `must have at most ${FLOW_LIMITS.nodes} nodes`),
  edges: z
    .array(flowEdgeSchema)
    .max(FLOW_LIMITS.edges, `must have at most ${FLOW_LIMITS.edges} edges`),
});
export type FlowGraph = z.infer<typeof flowGraphSchema>;

/** The body of `PUT /api/apps/{app}/flows/{flow}`: a draft, saved even when `validateFlow` finds errors. */
export const flowInputSchema = z.strictObject({
  name: z.string().trim().min(1, 'must not be empty').max(200, 'must be at most 200 characters'),
  description: z.string().max(2000, 'must be at most 2000 characters').optional(),
  trigger: flowTriggerSchema,
  graph: flowGraphSchema,
});
export type FlowInput = z.input<typeof flowInputSchema>;
export type FlowDefinition = z.output<typeof flowInputSchema>;
