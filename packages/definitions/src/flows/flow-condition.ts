import { z } from 'zod';
import {
  FILTER_LIMITS,
  isCondition,
  type Filter,
  type FilterCondition,
} from '../entities/filter.js';
import { FILTER_OPERATORS } from '../entities/field-types.js';

/** Node ids: letters, digits, `_` and `-`, so that `tasks.<nodeId>.<field>` and state paths stay unambiguous. */
export const NODE_ID_PATTERN = /^[A-Za-z0-9_-]{1,100}$/;

const KEY = '[a-z][a-z0-9_]{0,39}';
const NODE_ID = '[A-Za-z0-9_-]{1,100}';

/**
 * A field path into a flow instance's context `{ record, input, tasks }`:
 * `record.total_amount`, `record.customer.city`, `input.channel`, `tasks.<nodeId>.<field>`.
 */
export const FLOW_FIELD_PATTERN = new RegExp(
  `^(?:(?:record|input)(?:\\.${KEY}){1,4}|tasks\\.${NODE_ID}(?:\\.${KEY}){1,3})$`,
);

/** A flow field path taken apart. */
export type FlowFieldPath =
  | { scope: 'record' | 'input'; path: string[] }
  | { scope: 'tasks'; nodeId: string; path: string[] };

export function parseFlowFieldPath(field: string): FlowFieldPath | null {
  if (!FLOW_FIELD_PATTERN.test(field)) return null;
  const [scope, ...rest] = field.split('.');
  if (scope === 'tasks') {
    const [nodeId, ...path] = rest;
    return nodeId === undefined ? null : { scope, nodeId, path };
  }
  return scope === 'record' || scope === 'input' ? { scope, path: rest } : null;
}

const conditionSchema = z.strictObject({
  field: z
    .string()
    .regex(
      FLOW_FIELD_PATTERN,
      'must address the flow context: record.<field>, input.<key> or tasks.<nodeId>.<field>',
    ),
  op: z.enum(FILTER_OPERATORS, { error: `must be one of ${FILTER_OPERATORS.join(', ')}` }),
  value: z.unknown().optional(),
});

const treeSchema: z.ZodType<Filter> = z.lazy(() =>
  z.union(
    [
      conditionSchema,
      z.strictObject({ and: z.array(treeSchema).min(1, 'must hold at least one filter') }),
      z.strictObject({ or: z.array(treeSchema).min(1, 'must hold at least one filter') }),
      z.strictObject({ not: treeSchema }),
    ],
    { error: 'must be a condition {field, op, value} or {and: [...]}, {or: [...]}, {not: ...}' },
  ),
);

function measure(filter: Filter, depth = 1): { depth: number; conditions: number } {
  if (isCondition(filter)) return { depth, conditions: 1 };
  const children = 'and' in filter ? filter.and : 'or' in filter ? filter.or : [filter.not];
  return children.reduce(
    (total, child) => {
      const inner = measure(child, depth + 1);
      return {
        depth: Math.max(total.depth, inner.depth),
        conditions: total.conditions + inner.conditions,
      };
    },
    { depth, conditions: 0 },
  );
}

/** Every condition in a filter, in reading order. */
export function listConditions(filter: Filter): FilterCondition[] {
  if (isCondition(filter)) return [filter];
  const children = 'and' in filter ? filter.and : 'or' in filter ? filter.or : [filter.not];
  return children.flatMap(listConditions);
}

/** A decision branch's condition: the records filter, over the instance context instead of one entity. */
export const flowConditionSchema: z.ZodType<Filter> = treeSchema.superRefine((filter, context) => {
  const size = measure(filter);
  if (size.depth > FILTER_LIMITS.depth)
    context.addIssue({
      code: 'custom',
      message: `must be nested at most ${FILTER_LIMITS.depth} levels deep`,
    });
  if (size.conditions > FILTER_LIMITS.conditions)
    context.addIssue({
      code: 'custom',
      message: `must hold at most ${FILTER_LIMITS.conditions} conditions`,
    });
});
