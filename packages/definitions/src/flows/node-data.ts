import { z } from 'zod';
import { isSystemField } from '../entities/field-types.js';
import { keySchema } from '../keys.js';
import { roleSchema } from '../roles.js';
import { isIsoDuration } from './iso-duration.js';
import { NOTIFY_CHANNELS, WEBHOOK_METHODS, type NodeType } from './node-types.js';

const title = z
  .string()
  .trim()
  .min(1, 'must not be empty')
  .max(200, 'must be at most 200 characters');

/** What every node may carry for the editor, whatever its type. */
const common = {
  label: z.string().max(200, 'must be at most 200 characters').optional(),
  description: z.string().max(2000, 'must be at most 2000 characters').optional(),
};

export const isoDurationSchema = z
  .string()
  .refine(isIsoDuration, 'must be an ISO 8601 duration such as P2D or PT4H');

/** Who works a task: everyone holding a role, one user, or the user a record field names (`owner_id`). */
export const assigneeSchema = z.union(
  [
    z.strictObject({ role: roleSchema }),
    z.strictObject({ user: z.uuid({ error: 'must be a user id' }) }),
    z.strictObject({ field: keySchema }),
  ],
  { error: 'must be {role}, {user} or {field}' },
);
export type Assignee = z.infer<typeof assigneeSchema>;

/** Who a notification reaches: an assignee, or an email address (`{ email }`) for customers. */
export const recipientSchema = z.union(
  [
    z.strictObject({ role: roleSchema }),
    z.strictObject({ user: z.uuid({ error: 'must be a user id' }) }),
    z.strictObject({ field: keySchema }),
    z.strictObject({ email: z.email({ error: 'must be an email address' }) }),
  ],
  { error: 'must be {role}, {user}, {field} or {email}' },
);
export type Recipient = z.infer<typeof recipientSchema>;

const messageSchema = {
  to: recipientSchema,
  channel: z.enum(NOTIFY_CHANNELS, { error: `must be one of ${NOTIFY_CHANNELS.join(', ')}` }),
  subject: title,
  body: z.string().max(20_000, 'must be at most 20000 characters'),
};

export const escalationSchema = z.strictObject({
  after: isoDurationSchema,
  to: z.union(
    [
      z.strictObject({ reassign: assigneeSchema }),
      z.strictObject({ notify: z.strictObject(messageSchema) }),
    ],
    { error: 'must be {reassign: assignee} or {notify: {to, channel, subject, body}}' },
  ),
});
export type Escalation = z.infer<typeof escalationSchema>;

const fieldValues = z
  .record(keySchema, z.unknown())
  .refine((values) => Object.keys(values).length > 0, 'must set at least one field')
  .refine(
    (values) => !Object.keys(values).some(isSystemField),
    'must not set system fields (id, version, created_at, …)',
  );

export const startDataSchema = z.strictObject({ ...common });
export const endDataSchema = z.strictObject({ ...common });
export const decisionDataSchema = z.strictObject({ ...common });
export const parallelSplitDataSchema = z.strictObject({ ...common });
export const parallelJoinDataSchema = z.strictObject({ ...common });

export const formTaskDataSchema = z.strictObject({
  ...common,
  title,
  form: keySchema,
  assignee: assigneeSchema,
  due: isoDurationSchema.optional(),
  escalate: escalationSchema.optional(),
});
export type FormTaskData = z.infer<typeof formTaskDataSchema>;

export const approvalDataSchema = z.strictObject({
  ...common,
  title,
  assignee: assigneeSchema,
  /** A form to fill in while deciding (a comment, a reason); optional. */
  form: keySchema.optional(),
  due: isoDurationSchema.optional(),
  escalate: escalationSchema.optional(),
});
export type ApprovalData = z.infer<typeof approvalDataSchema>;

/** `until` names a date or datetime field of the record: `record.next_visit_on`. */
export const waitDataSchema = z
  .strictObject({
    ...common,
    duration: isoDurationSchema.optional(),
    until: z
      .string()
      .regex(/^record\.[a-z][a-z0-9_]{0,39}$/, 'must be record.<date field>')
      .optional(),
  })
  .refine(
    (data) => (data.duration === undefined) !== (data.until === undefined),
    'must have either a duration or until',
  );
export type WaitData = z.infer<typeof waitDataSchema>;

export const updateRecordDataSchema = z.strictObject({ ...common, set: fieldValues });
export type UpdateRecordData = z.infer<typeof updateRecordDataSchema>;

export const createRecordDataSchema = z.strictObject({
  ...common,
  entity: keySchema,
  values: fieldValues,
});
export type CreateRecordData = z.infer<typeof createRecordDataSchema>;

export const classifyDataSchema = z.strictObject({ ...common, classifier: keySchema });
export type ClassifyData = z.infer<typeof classifyDataSchema>;

export const notifyDataSchema = z.strictObject({ ...common, ...messageSchema });
export type NotifyData = z.infer<typeof notifyDataSchema>;

export const webhookDataSchema = z.strictObject({
  ...common,
  url: z.string().min(1, 'must not be empty').max(2000, 'must be at most 2000 characters'),
  method: z.enum(WEBHOOK_METHODS, { error: `must be one of ${WEBHOOK_METHODS.join(', ')}` }),
  headers: z.record(z.string().max(200), z.string().max(2000)).optional(),
  body: z.unknown().optional(),
});
export type WebhookData = z.infer<typeof webhookDataSchema>;

export const subflowDataSchema = z.strictObject({
  ...common,
  flow: keySchema,
  /** The child instance's `input`. */
  input: z.record(z.string(), z.unknown()).optional(),
});
export type SubflowData = z.infer<typeof subflowDataSchema>;

/** The `data` schema of each node type: the validator checks a node's data with it. */
export const NODE_DATA_SCHEMAS = {
  start: startDataSchema,
  form_task: formTaskDataSchema,
  approval: approvalDataSchema,
  decision: decisionDataSchema,
  parallel_split: parallelSplitDataSchema,
  parallel_join: parallelJoinDataSchema,
  wait: waitDataSchema,
  update_record: updateRecordDataSchema,
  create_record: createRecordDataSchema,
  classify: classifyDataSchema,
  notify: notifyDataSchema,
  webhook: webhookDataSchema,
  subflow: subflowDataSchema,
  end: endDataSchema,
} as const satisfies Record<NodeType, z.ZodType>;

export type NodeDataByType = { [T in NodeType]: z.infer<(typeof NODE_DATA_SCHEMAS)[T]> };
