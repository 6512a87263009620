import { PlusOutlined } from '@ant-design/icons';
import type { Filter, FlowNode } from '@formwork/definitions';
import { Alert, Button, Segmented, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ConditionRow } from '../../records/components/ConditionRow';
import {
  draftToFilter,
  emptyCondition,
  filterToDraft,
  type ConditionDraft,
  type FilterDraft,
} from '../../records/utils/filterDraft';
import type { FlowAppData } from '../hooks/useFlowAppData';
import { conditionPaths, resolveConditionPath } from '../utils/conditionPaths';

interface ConditionBuilderProps {
  app: FlowAppData;
  nodes: readonly FlowNode[];
  value: Filter | undefined;
  /** Gets the complete conditions (undefined while there are none). */
  onChange: (filter: Filter | undefined) => void;
}

const sameFilter = (a: Filter | undefined, b: Filter | undefined) =>
  JSON.stringify(a) === JSON.stringify(b);

/**
 * A decision branch's condition over `record.`, `input.` and `tasks.<node>.` fields, with the
 * records filter's operators. Rows being filled in stay here until complete; an outside change
 * (undo) replaces them.
 */
export function ConditionBuilder({ app, nodes, value, onChange }: ConditionBuilderProps) {
  const { t } = useTranslation();
  const [state, setState] = useState(() => ({ value, draft: filterToDraft(value) }));
  if (!sameFilter(value, state.value)) setState({ value, draft: filterToDraft(value) });
  const paths = useMemo(() => conditionPaths(app, nodes, t), [app, nodes, t]);

  if (!state.draft)
    return (
      <Alert
        type="info"
        title={t('filter.tooComplex')}
        description={<pre className="fw-json">{JSON.stringify(value, null, 2)}</pre>}
        action={<Button onClick={() => onChange(undefined)}>{t('filter.clear')}</Button>}
      />
    );

  const draft = state.draft;
  const update = (next: FilterDraft) => {
    const filter = draftToFilter(next);
    setState({ value: filter, draft: next });
    if (!sameFilter(filter, value)) onChange(filter);
  };
  const setCondition = (uid: string, change: (condition: ConditionDraft) => ConditionDraft) =>
    update({ ...draft, conditions: draft.conditions.map((c) => (c.uid === uid ? change(c) : c)) });

  return (
    <div className="fw-filter" data-testid="flow-condition-builder">
      {draft.conditions.length > 1 && (
        <div className="fw-filter-head">
          <Typography.Text strong>{t('filter.match')}</Typography.Text>
          <Segmented<'and' | 'or'>
            value={draft.combinator}
            onChange={(combinator) => update({ ...draft, combinator })}
            options={[
              { value: 'and', label: t('filter.all') },
              { value: 'or', label: t('filter.any') },
            ]}
            data-testid="filter-combinator"
          />
        </div>
      )}
      {draft.conditions.length === 0 && (
        <Typography.Paragraph type="secondary">{t('flows.condition.none')}</Typography.Paragraph>
      )}
      <ol className="fw-plain-list">
        {draft.conditions.map((condition, index) => (
          <ConditionRow
            key={condition.uid}
            app={app.app}
            index={index}
            condition={condition}
            paths={paths}
            resolve={(path) => resolveConditionPath(path, app, nodes, t)}
            onChange={(change) => setCondition(condition.uid, change)}
            onRemove={() =>
              update({
                ...draft,
                conditions: draft.conditions.filter((c) => c.uid !== condition.uid),
              })
            }
          />
        ))}
      </ol>
      <Typography.Paragraph type="secondary" className="fw-flow-hint">
        {t('flows.condition.pathsHint')}
      </Typography.Paragraph>
      <Button
        icon={<PlusOutlined aria-hidden />}
        onClick={() => update({ ...draft, conditions: [...draft.conditions, emptyCondition()] })}
        data-testid="filter-add"
      >
        {t('filter.add')}
      </Button>
    </div>
  );
}
