import { DeleteOutlined } from '@ant-design/icons';
import type { Field, FilterOperator } from '@formwork/definitions';
import { AutoComplete, Button, Select, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { initialValue, operatorsFor, type ConditionDraft } from '../utils/filterDraft';
import { ConditionValueInput } from './ConditionValueInput';

export interface PathOption {
  path: string;
  label: string;
}

interface ConditionRowProps {
  app: string;
  index: number;
  condition: ConditionDraft;
  paths: readonly PathOption[];
  /** The field a path ends at; undefined for a path the UI cannot resolve (any operator, text value). */
  resolve: (path: string) => Field | undefined;
  onChange: (change: (condition: ConditionDraft) => ConditionDraft) => void;
  onRemove: () => void;
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

/** One condition of a filter: field (or path), operator, and a value shaped by both. */
export function ConditionRow(props: ConditionRowProps) {
  const { app, index, condition, paths, resolve, onChange, onRemove } = props;
  const { t } = useTranslation();
  const field = resolve(condition.field);
  const n = index + 1;

  const changeField = (current: ConditionDraft, path: string): ConditionDraft => {
    const before = resolve(current.field);
    const after = resolve(path);
    if (before?.type === after?.type && before?.target === after?.target)
      return { ...current, field: path };
    const ops = operatorsFor(after);
    const op = ops.includes(current.op) ? current.op : ops[0]!;
    return { ...current, field: path, op, value: initialValue(op) };
  };

  return (
    <li className="fw-condition" data-testid={`filter-condition-${index}`}>
      <AutoComplete
        className="fw-condition-field"
        value={condition.field}
        onChange={(path: string) => onChange((c) => changeField(c, path))}
        options={paths.map((option) => ({
          value: option.path,
          label: (
            <span>
              {option.label} <Typography.Text type="secondary">{option.path}</Typography.Text>
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
          onChange((c) => ({ ...c, op, value: sameShape(c.op, op) ? c.value : initialValue(op) }))
        }
        options={operatorsFor(field).map((op) => ({ value: op, label: t(`filter.ops.${op}`) }))}
        aria-label={t('filter.opN', { n })}
        data-testid="filter-op"
      />
      <div className="fw-condition-value">
        <ConditionValueInput
          app={app}
          field={field}
          op={condition.op}
          value={condition.value}
          onChange={(value) => onChange((c) => ({ ...c, value }))}
          label={t('filter.valueN', { n })}
        />
      </div>
      <Button
        type="text"
        danger
        icon={<DeleteOutlined aria-hidden />}
        aria-label={t('filter.removeN', { n })}
        onClick={onRemove}
        data-testid="filter-remove"
      />
    </li>
  );
}
