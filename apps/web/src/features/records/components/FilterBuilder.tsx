import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import type { Entity, Filter, FilterOperator } from '@formwork/definitions';
import { Alert, AutoComplete, Button, Segmented, Select, Space, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  draftToFilter,
  emptyCondition,
  fieldPathOptions,
  filterToDraft,
  initialValue,
  operatorsFor,
  resolvePath,
  type ConditionDraft,
  type FilterDraft,
} from '../utils/filterDraft';
import { ConditionValueInput } from './ConditionValueInput';

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

  const changeField = (condition: ConditionDraft, path: string): ConditionDraft => {
    const before = resolvePath(condition.field, entity, entities);
    const after = resolvePath(path, entity, entities);
    if (before?.type === after?.type && before?.target === after?.target)
      return { ...condition, field: path };
    const ops = operatorsFor(after);
    const op = ops.includes(condition.op) ? condition.op : ops[0]!;
    return { ...condition, field: path, op, value: initialValue(op) };
  };

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
        {draft.conditions.map((condition, index) => {
          const field = resolvePath(condition.field, entity, entities);
          const n = index + 1;
          return (
            <li
              key={condition.uid}
              className="fw-condition"
              data-testid={`filter-condition-${index}`}
            >
              <AutoComplete
                className="fw-condition-field"
                value={condition.field}
                onChange={(path: string) =>
                  setCondition(condition.uid, (c) => changeField(c, path))
                }
                options={paths.map((option) => ({
                  value: option.path,
                  label: (
                    <span>
                      {option.label}{' '}
                      <Typography.Text type="secondary">{option.path}</Typography.Text>
                    </span>
                  ),
                }))}
                showSearch={{
                  filterOption: (input, option) =>
                    String(option?.value ?? '').includes(input.trim()) ||
                    paths.some((p) => p.path === option?.value && p.label.includes(input.trim())),
                }}
                placeholder={t('filter.fieldPlaceholder')}
                aria-label={t('filter.fieldN', { n })}
                data-testid="filter-field"
                status={condition.field && !field ? 'warning' : undefined}
              />
              <Select<FilterOperator>
                className="fw-condition-op"
                value={condition.op}
                onChange={(op) =>
                  setCondition(condition.uid, (c) => ({
                    ...c,
                    op,
                    value: sameShape(c.op, op) ? c.value : initialValue(op),
                  }))
                }
                options={operatorsFor(field).map((op) => ({
                  value: op,
                  label: t(`filter.ops.${op}`),
                }))}
                aria-label={t('filter.opN', { n })}
                data-testid="filter-op"
              />
              <div className="fw-condition-value">
                <ConditionValueInput
                  app={app}
                  field={field}
                  op={condition.op}
                  value={condition.value}
                  onChange={(value) => setCondition(condition.uid, (c) => ({ ...c, value }))}
                  label={t('filter.valueN', { n })}
                />
              </div>
              <Button
                type="text"
                danger
                icon={<DeleteOutlined aria-hidden />}
                aria-label={t('filter.removeN', { n })}
                onClick={() =>
                  setDraft((current) => ({
                    ...current,
                    conditions: current.conditions.filter((c) => c.uid !== condition.uid),
                  }))
                }
                data-testid="filter-remove"
              />
            </li>
          );
        })}
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

/** Whether a value entered for one operator still fits another (e.g. eq → ne). */
function sameShape(a: FilterOperator, b: FilterOperator): boolean {
  const shape = (op: FilterOperator) =>
    op === 'in' || op === 'nin'
      ? 'list'
      : op === 'between'
        ? 'range'
        : op === 'is_null'
          ? 'null'
          : 'one';
  return shape(a) === shape(b);
}
