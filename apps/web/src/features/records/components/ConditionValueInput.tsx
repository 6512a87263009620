import type { Field, FilterOperator } from '@formwork/definitions';
import { Input, Select, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { textOf } from '../utils/formatValue';
import { FieldValueInput } from './FieldValueInput';

interface ConditionValueInputProps {
  app: string;
  /** The field the condition's path ends at; undefined for a path the UI cannot resolve. */
  field: Field | undefined;
  op: FilterOperator;
  value: unknown;
  onChange: (value: unknown) => void;
  label: string;
}

const NUMERIC = new Set(['integer', 'number', 'money', 'percent']);

/** Typed-in list values of a numeric field become numbers. */
function listValue(field: Field | undefined, values: string[]): unknown[] {
  if (!field || !NUMERIC.has(field.type)) return values;
  return values.map((text) => (/^-?\d+(\.\d+)?$/.test(text.trim()) ? Number(text) : text));
}

/** The value part of a filter condition, shaped by the operator and the field's type. */
export function ConditionValueInput({
  app,
  field,
  op,
  value,
  onChange,
  label,
}: ConditionValueInputProps) {
  const { t } = useTranslation();
  const common = { 'aria-label': label, 'data-testid': 'filter-value' };

  if (op === 'is_null')
    return (
      <Select<'true' | 'false'>
        {...common}
        className="fw-full-width"
        value={value === false ? 'false' : 'true'}
        onChange={(next) => onChange(next === 'true')}
        options={[
          { value: 'true', label: t('filter.isEmpty') },
          { value: 'false', label: t('filter.isNotEmpty') },
        ]}
      />
    );

  if (op === 'in' || op === 'nin') {
    const values = Array.isArray(value) ? value.map(String) : [];
    const choices = field?.options?.map((option) => ({
      value: option.value,
      label: option.label || option.value,
    }));
    return (
      <Select<string[]>
        {...common}
        className="fw-full-width"
        mode={choices ? 'multiple' : 'tags'}
        value={values}
        onChange={(next) => onChange(listValue(field, next))}
        options={choices}
        placeholder={t('filter.listPlaceholder')}
        tokenSeparators={choices ? undefined : [',']}
      />
    );
  }

  // One value of a multiselect field: pick one of its options.
  const single: Field | undefined =
    field?.type === 'multiselect' ? { ...field, type: 'select' } : field;

  if (op === 'between') {
    const [low, high] = Array.isArray(value) ? (value as unknown[]) : [null, null];
    const part = (index: 0 | 1, partValue: unknown, partLabel: string) =>
      single ? (
        <FieldValueInput
          app={app}
          field={single}
          value={partValue}
          onChange={(next) => onChange(index === 0 ? [next, high] : [low, next])}
          ariaLabel={partLabel}
          testId={`filter-value-${index === 0 ? 'low' : 'high'}`}
        />
      ) : (
        <Input
          aria-label={partLabel}
          value={typeof partValue === 'string' ? partValue : ''}
          onChange={(event) =>
            onChange(index === 0 ? [event.target.value, high] : [low, event.target.value])
          }
          data-testid={`filter-value-${index === 0 ? 'low' : 'high'}`}
        />
      );
    return (
      <Space.Compact className="fw-full-width">
        {part(0, low, t('filter.low'))}
        {part(1, high, t('filter.high'))}
      </Space.Compact>
    );
  }

  if (!single)
    return (
      <Input {...common} value={textOf(value)} onChange={(event) => onChange(event.target.value)} />
    );
  return (
    <FieldValueInput
      app={app}
      field={single}
      value={value}
      onChange={onChange}
      ariaLabel={label}
      testId="filter-value"
    />
  );
}
