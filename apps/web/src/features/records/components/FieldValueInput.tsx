import type { Field } from '@formwork/definitions';
import { DatePicker, Input, InputNumber, Select } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { textOf } from '../utils/formatValue';
import { RelationSelect } from './RelationSelect';

export interface FieldValueInputProps {
  field: Field;
  app: string;
  /** The value in API form (what the engine reads and writes). */
  value?: unknown;
  onChange?: (value: unknown) => void;
  id?: string;
  status?: 'error';
  testId?: string;
  disabled?: boolean;
  /** For inputs without a visible label (filter conditions). */
  ariaLabel?: string;
}

const emptyToNull = (text: string): string | null => (text === '' ? null : text);
const numberOrNull = (value: unknown): number | null =>
  typeof value === 'number' ? value : value === null || value === undefined ? null : Number(value);
/** Avoids 12.3 / 100 = 0.12300000000000001. */
const fromPercent = (value: number | null) =>
  value === null ? null : Number((value / 100).toPrecision(12));
const toPercent = (value: number | null) =>
  value === null ? null : Number((value * 100).toPrecision(12));

/** The input that fits a field's type; reads and writes values in API form. */
export function FieldValueInput(props: FieldValueInputProps) {
  const { field, app, value, onChange, id, status, testId, disabled, ariaLabel } = props;
  const { t } = useTranslation();
  const common = { id, status, disabled, 'data-testid': testId, 'aria-label': ariaLabel };
  const change = (next: unknown) => onChange?.(next);

  switch (field.type) {
    case 'text':
    case 'email':
    case 'phone':
    case 'url':
    case 'file':
    case 'user':
      return (
        <Input
          {...common}
          value={textOf(value)}
          onChange={(event) => change(emptyToNull(event.target.value))}
          inputMode={field.type === 'email' ? 'email' : field.type === 'phone' ? 'tel' : undefined}
          type={field.type === 'url' ? 'url' : 'text'}
          autoComplete="off"
        />
      );
    case 'longtext':
      return (
        <Input.TextArea
          {...common}
          value={typeof value === 'string' ? value : ''}
          onChange={(event) => change(emptyToNull(event.target.value))}
          autoSize={{ minRows: 2, maxRows: 8 }}
        />
      );
    case 'integer':
    case 'number':
    case 'money':
      return (
        <InputNumber<number>
          {...common}
          className="fw-full-width"
          value={numberOrNull(value)}
          onChange={(next) => change(next ?? null)}
          precision={field.type === 'integer' ? 0 : field.type === 'money' ? 2 : undefined}
          step={field.type === 'money' ? 0.01 : 1}
        />
      );
    case 'percent':
      return (
        <InputNumber<number>
          {...common}
          className="fw-full-width"
          value={toPercent(numberOrNull(value))}
          onChange={(next) => change(fromPercent(next ?? null))}
          suffix="%"
        />
      );
    case 'boolean':
      return (
        <Select<'true' | 'false'>
          {...common}
          className="fw-full-width"
          allowClear
          value={typeof value === 'boolean' ? (String(value) as 'true' | 'false') : undefined}
          onChange={(next) => change(next === undefined ? null : next === 'true')}
          options={[
            { value: 'true', label: t('common.yes') },
            { value: 'false', label: t('common.no') },
          ]}
        />
      );
    case 'date':
      return (
        <DatePicker
          {...common}
          className="fw-full-width"
          value={typeof value === 'string' && value ? dayjs(value) : null}
          onChange={(date) => change(date ? date.format('YYYY-MM-DD') : null)}
          format="YYYY-MM-DD"
        />
      );
    case 'datetime':
      return (
        <DatePicker
          {...common}
          className="fw-full-width"
          showTime
          value={typeof value === 'string' && value ? dayjs(value) : null}
          onChange={(date) => change(date ? date.toISOString() : null)}
          format="YYYY-MM-DD HH:mm"
        />
      );
    case 'select':
    case 'multiselect':
      return (
        <Select<string | string[]>
          {...common}
          className="fw-full-width"
          mode={field.type === 'multiselect' ? 'multiple' : undefined}
          allowClear
          showSearch={{ optionFilterProp: 'label' }}
          value={(value as string | string[] | null) ?? undefined}
          onChange={(next) =>
            change(next === undefined || (Array.isArray(next) && next.length === 0) ? null : next)
          }
          options={(field.options ?? []).map((option) => ({
            value: option.value,
            label: option.label || option.value,
          }))}
        />
      );
    case 'relation':
      return (
        <RelationSelect
          app={app}
          field={field}
          value={value}
          onChange={change}
          id={id}
          status={status}
          testId={testId}
          ariaLabel={ariaLabel}
        />
      );
  }
}
