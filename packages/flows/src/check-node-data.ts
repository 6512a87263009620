import {
  isIsoDuration,
  isSystemField,
  NODE_DATA_SCHEMAS,
  type FlowNode,
  type NodeType,
} from '@formwork/definitions';
import { checkWebhookUrl } from './check-webhook-url.js';
import type { FlowError, FlowValidationContext } from './flow-errors.js';

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const isFilled = (value: unknown) => value !== undefined && value !== null && value !== '';

/** Record fields a flow may name: the entity's own plus the system fields (owner_id, created_by…). */
export const knowsRecordField = (context: FlowValidationContext, key: string): boolean =>
  !context.recordFields || context.recordFields.includes(key) || isSystemField(key);

const PLACEHOLDER = /\{\{\s*record\.([a-z][a-z0-9_]{0,39})/g;

interface NodeCheck {
  node: FlowNode;
  type: NodeType;
  pointer: string;
  context: FlowValidationContext;
  errors: FlowError[];
  /** Top-level data keys a specific check already reported on: the schema's issue there is noise. */
  covered: Set<string>;
}

function report(check: NodeCheck, code: FlowError['code'], message: string, key?: string) {
  check.errors.push({
    code,
    message,
    nodeId: check.node.id,
    path: key === undefined ? `${check.pointer}/data` : `${check.pointer}/data/${key}`,
  });
  if (key !== undefined) check.covered.add(key.split('/')[0]!);
}

function checkDurations(check: NodeCheck) {
  const { data } = check.node;
  const durations: [string, unknown][] = [
    ['due', data.due],
    ['duration', check.type === 'wait' ? data.duration : undefined],
    ['escalate/after', isObject(data.escalate) ? data.escalate.after : undefined],
  ];
  for (const [key, value] of durations) {
    if (value === undefined) continue;
    if (typeof value !== 'string' || !isIsoDuration(value))
      report(
        check,
        'invalid_duration',
        `${key.replace('/', '.')} must be an ISO 8601 duration such as P2D or PT4H (got ${JSON.stringify(value)}).`,
        key,
      );
  }
}

function checkTask(check: NodeCheck) {
  const { data } = check.node;
  if (!isFilled(data.assignee))
    report(
      check,
      'task_without_assignee',
      'Choose who works this task (a role, a user or a record field).',
      'assignee',
    );
  else if (isObject(data.assignee) && typeof data.assignee.field === 'string')
    checkRecordField(check, data.assignee.field, 'assignee/field');
  if (check.type === 'form_task' && !isFilled(data.form))
    report(check, 'form_task_without_form', 'Choose the form this task fills in.', 'form');
  if (typeof data.form === 'string' && check.context.forms && !(data.form in check.context.forms))
    report(check, 'unknown_form', `There is no form "${data.form}" (was it deleted?).`, 'form');
}

function checkRecordField(check: NodeCheck, key: string, at: string) {
  if (!knowsRecordField(check.context, key))
    report(check, 'unknown_field', `The record has no field "${key}".`, at);
}

function checkPlaceholders(check: NodeCheck, key: string) {
  const text = check.node.data[key];
  if (typeof text !== 'string') return;
  for (const match of text.matchAll(PLACEHOLDER)) checkRecordField(check, match[1]!, key);
}

function checkReferences(check: NodeCheck) {
  const { data } = check.node;
  const { context } = check;
  switch (check.type) {
    case 'wait':
      if (data.duration === undefined && data.until === undefined)
        report(
          check,
          'wait_without_time',
          'Say how long to wait (a duration) or until which date field.',
        );
      if (typeof data.until === 'string' && data.until.startsWith('record.'))
        checkRecordField(check, data.until.slice('record.'.length), 'until');
      break;
    case 'update_record':
      if (isObject(data.set))
        for (const key of Object.keys(data.set)) checkRecordField(check, key, `set/${key}`);
      break;
    case 'create_record':
      if (
        typeof data.entity === 'string' &&
        context.entities &&
        !context.entities.includes(data.entity)
      )
        report(check, 'unknown_entity', `There is no entity "${data.entity}".`, 'entity');
      break;
    case 'classify':
      if (
        typeof data.classifier === 'string' &&
        context.classifiers &&
        !context.classifiers.includes(data.classifier)
      )
        report(
          check,
          'unknown_classifier',
          `There is no classifier "${data.classifier}".`,
          'classifier',
        );
      break;
    case 'notify':
      if (isObject(data.to) && typeof data.to.field === 'string')
        checkRecordField(check, data.to.field, 'to/field');
      checkPlaceholders(check, 'subject');
      checkPlaceholders(check, 'body');
      break;
    case 'webhook':
      if (typeof data.url === 'string') {
        const problem = checkWebhookUrl(data.url, context.engineOrigins);
        if (problem && !isAllowedInternalTarget(problem.code, data.url, context))
          report(check, problem.code, problem.message, 'url');
      }
      break;
    case 'subflow':
      if (typeof data.flow !== 'string') break;
      if (data.flow === context.flowKey)
        report(check, 'subflow_calls_itself', 'A flow cannot call itself as a subflow.', 'flow');
      else if (context.flows && !context.flows.includes(data.flow))
        report(check, 'unknown_flow', `There is no flow "${data.flow}".`, 'flow');
      break;
    default:
      break;
  }
}

type SchemaIssue = NonNullable<
  ReturnType<(typeof NODE_DATA_SCHEMAS)['start']['safeParse']>['error']
>['issues'][number];

function describeIssue(type: NodeType, issue: SchemaIssue): { key: string; message: string }[] {
  const key = issue.path.map(String).join('/');
  if (issue.code === 'unrecognized_keys')
    return issue.keys.map((unknown) => ({
      key: key ? `${key}/${unknown}` : unknown,
      message: `A ${type} node has no setting "${[...issue.path.map(String), unknown].join('.')}".`,
    }));
  return [
    { key, message: key ? `${key.replaceAll('/', '.')} ${issue.message}.` : `${issue.message}.` },
  ];
}

/** Checks one node's `data` against its type's schema and what the context knows. */
export function checkNodeData(
  node: FlowNode,
  type: NodeType,
  pointer: string,
  context: FlowValidationContext,
): FlowError[] {
  const check: NodeCheck = { node, type, pointer, context, errors: [], covered: new Set() };
  checkDurations(check);
  if (type === 'form_task' || type === 'approval') checkTask(check);
  checkReferences(check);
  const parsed = NODE_DATA_SCHEMAS[type].safeParse(node.data);
  if (parsed.success) return check.errors;
  const seen = new Set<string>();
  const waitReported = check.errors.some((error) => error.code === 'wait_without_time');
  for (const issue of parsed.error.issues) {
    for (const { key, message } of describeIssue(type, issue)) {
      const top = key.split('/')[0]!;
      if (check.covered.has(top) || seen.has(key) || (waitReported && key === '')) continue;
      seen.add(key);
      check.errors.push({
        code: 'invalid_node_data',
        message: message.charAt(0).toUpperCase() + message.slice(1),
        nodeId: node.id,
        path: key ? `${pointer}/data/${key}` : `${pointer}/data`,
      });
    }
  }
  return check.errors;
}

/** Loopback and private targets an admin allowed by host name (a test server, an intranet CRM). */
function isAllowedInternalTarget(
  code: string,
  url: string,
  context: FlowValidationContext,
): boolean {
  if (code !== 'webhook_targets_loopback' && code !== 'webhook_targets_private_network')
    return false;
  try {
    return context.allowedWebhookHosts?.includes(new URL(url).hostname) ?? false;
  } catch {
    return false;
  }
}
