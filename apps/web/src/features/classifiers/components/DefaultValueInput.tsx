import type { Field } from '@formwork/definitions';
import { Input, InputNumber, Select } from 'antd';
import { useTranslation } from 'react-i18next';

interface DefaultValueInputProps {
  field: Field | undefined;
  value: unknown;
  /** undefined: no default (the output becomes null when no rule matches). */
  onChange: (value: unknown) => void;
  label: string;
  testId: string;
}

const NUMERIC = new Set(['integer', 'number', 'money', 'percent']);

/** The value an output takes when no rule matches, in the input its field's type wants. */
export function DefaultValueInput({
  field,
  value,
  onChange,
  label,
  testId,
}: DefaultValueInputProps) {
  const { t } = useTranslation();
  const common = { size: 'small' as const, 'aria-label': label, 'data-testid': testId };
  const none = t('classifiers.columns.noDefault');
  if (field?.type === 'select' || field?.type === 'boolean') {
    const options =
      field.type === 'boolean'
        ? [
            { value: 'true', label: t('common.yes') },
            { value: 'false', label: t('common.no') },
          ]
        : (field.options ?? []).map((option) => ({
            value: option.value,
            label: option.label ?? option.value,
          }));
    return (
      <Select
        {...common}
        allowClear
        placeholder={none}
        popupMatchSelectWidth={false}
        value={typeof value === 'string' || typeof value === 'boolean' ? String(value) : undefined}
        options={options}
        onChange={(next?: string) =>
          onChange(
            next === undefined ? undefined : field.type === 'boolean' ? next === 'true' : next,
          )
        }
      />
    );
  }
  if (field && NUMERIC.has(field.type))
    return (
      <InputNumber
        {...common}
        placeholder={none}
        value={typeof value === 'number' ? value : null}
        onChange={(next) => onChange(next ?? undefined)}
      />
    );
  return (
    <Input
      {...common}
      placeholder={none}
      value={typeof value === 'string' ? value : ''}
      onChange={(event) => onChange(event.target.value === '' ? undefined : event.target.value)}
    />
  );
}
