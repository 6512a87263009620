import { parseFlowFieldPath, type Field, type FlowNode } from '@formwork/definitions';
import type { TFunction } from 'i18next';
import { fieldPathOptions, resolvePath } from '../../records/utils/filterDraft';
import type { PathOption } from '../../records/components/ConditionRow';
import type { FlowAppData } from '../hooks/useFlowAppData';
import { formFieldKeys } from '../../forms/utils/formLayout';
import { nodeName } from './describeProblem';

const TASK_TYPES = new Set(['form_task', 'approval']);

/** A stand-in field for an approval's outcome, so that the value is picked from its two options. */
function outcomeField(t: TFunction): Field {
  return {
    key: 'outcome',
    name: t('flows.condition.outcome'),
    type: 'select',
    options: [
      { value: 'approve', label: t('flows.edge.outcomes.approve') },
      { value: 'reject', label: t('flows.edge.outcomes.reject') },
    ],
  };
}

function formOf(app: FlowAppData, node: FlowNode | undefined) {
  const key = node?.data.form;
  return typeof key === 'string' ? app.forms.find((form) => form.key === key) : undefined;
}

/** What a decision may test: the record's fields (and one relation step), task answers, input. */
export function conditionPaths(
  app: FlowAppData,
  nodes: readonly FlowNode[],
  t: TFunction,
): PathOption[] {
  const record = fieldPathOptions(app.triggerEntity, app.entities).map((option) => ({
    path: `record.${option.path}`,
    label: `${t('flows.condition.record')} › ${option.label}`,
  }));
  const tasks = nodes
    .filter((node) => TASK_TYPES.has(node.type))
    .flatMap((node) => {
      const name = nodeName(node);
      const form = formOf(app, node);
      const fields = form ? formFieldKeys(form.schema) : [];
      const keys = node.type === 'approval' ? ['outcome', 'comment', ...fields] : fields;
      return keys.map((key) => ({ path: `tasks.${node.id}.${key}`, label: `${name} › ${key}` }));
    });
  return [...record, ...tasks];
}

/** The field a condition's path ends at, for its operators and value input. */
export function resolveConditionPath(
  path: string,
  app: FlowAppData,
  nodes: readonly FlowNode[],
  t: TFunction,
): Field | undefined {
  const parsed = parseFlowFieldPath(path.trim());
  if (!parsed) return undefined;
  if (parsed.scope !== 'tasks')
    return parsed.scope === 'record'
      ? resolvePath(parsed.path.join('.'), app.triggerEntity, app.entities)
      : undefined;
  const node = nodes.find((candidate) => candidate.id === parsed.nodeId);
  const [key] = parsed.path;
  if (key === 'outcome' && node?.type === 'approval') return outcomeField(t);
  const form = formOf(app, node);
  const entity = app.entities.find((candidate) => candidate.key === form?.entity);
  return entity && key ? resolvePath(key, entity, app.entities) : undefined;
}
