import { PlusOutlined } from '@ant-design/icons';
import type { Entity, Filter } from '@formwork/definitions';
import { Alert, Button, Segmented, Space, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  draftToFilter,
  emptyCondition,
  fieldPathOptions,
  filterToDraft,
  resolvePath,
  type ConditionDraft,
  type FilterDraft,
} from '../utils/filterDraft';
import { ConditionRow } from './ConditionRow';

interface FilterBuilderProps {
  app: string;
  entity: Entity;
  entities: Entity[];
  /** The filter applied now. */
  filter: Filter | undefined;
  onApply: (filter: Filter | undefined) => void;
}

/** Conditions on fields (or relation paths) joined by AND or OR, applied on the server. */
export function FilterBuilder({ app, entity, entities, filter, onApply }: FilterBuilderProps) {
  const { t } = useTranslation();
  const initial = useMemo(() => filterToDraft(filter), [filter]);
  const [draft, setDraft] = useState<FilterDraft>(
    () => initial ?? { combinator: 'and', conditions: [] },
  );
  const paths = useMemo(() => fieldPathOptions(entity, entities), [entity, entities]);

  if (!initial)
    return (
      <Alert
        type="info"
        showIcon
        title={t('filter.tooComplex')}
        description={<pre className="fw-json">{JSON.stringify(filter, null, 2)}</pre>}
        action={
          <Button onClick={() => onApply(undefined)} data-testid="filter-clear">
            {t('filter.clear')}
          </Button>
        }
      />
    );

  const setCondition = (uid: string, change: (condition: ConditionDraft) => ConditionDraft) =>
    setDraft((current) => ({
      ...current,
      conditions: current.conditions.map((condition) =>
        condition.uid === uid ? change(condition) : condition,
      ),
    }));

  const addCondition = () =>
    setDraft((current) => ({ ...current, conditions: [...current.conditions, emptyCondition()] }));

  return (
    <form
      className="fw-filter"
      data-testid="filter-builder"
      onSubmit={(event) => {
        event.preventDefault();
        onApply(draftToFilter(draft));
      }}
    >
      <div className="fw-filter-head">
        <Typography.Text strong>{t('filter.match')}</Typography.Text>
        <Segmented<'and' | 'or'>
          value={draft.combinator}
          onChange={(combinator) => setDraft((current) => ({ ...current, combinator }))}
          options={[
            { value: 'and', label: t('filter.all') },
            { value: 'or', label: t('filter.any') },
          ]}
          data-testid="filter-combinator"
        />
      </div>
      {draft.conditions.length === 0 && (
        <Typography.Paragraph type="secondary">{t('filter.none')}</Typography.Paragraph>
      )}
      <ol className="fw-plain-list">
        {draft.conditions.map((condition, index) => (
          <ConditionRow
            key={condition.uid}
            app={app}
            index={index}
            condition={condition}
            paths={paths}
            resolve={(path) => resolvePath(path, entity, entities)}
            onChange={(change) => setCondition(condition.uid, change)}
            onRemove={() =>
              setDraft((current) => ({
                ...current,
                conditions: current.conditions.filter((c) => c.uid !== condition.uid),
              }))
            }
          />
        ))}
      </ol>
      <Space wrap>
        <Button icon={<PlusOutlined aria-hidden />} onClick={addCondition} data-testid="filter-add">
          {t('filter.add')}
        </Button>
        <Button type="primary" htmlType="submit" data-testid="filter-apply">
          {t('filter.apply')}
        </Button>
        <Button
          onClick={() => {
            setDraft({ combinator: draft.combinator, conditions: [] });
            onApply(undefined);
          }}
          data-testid="filter-clear"
        >
          {t('filter.clear')}
        </Button>
      </Space>
    </form>
  );
}
