import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import type { Field, FormCondition, FormConditionOperator } from '@formwork/definitions';
import { Button, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { FieldValueInput } from '../../records/components/FieldValueInput';
import { operatorTakesValue, operatorsFor } from '../utils/fieldCapabilities';

interface ConditionEditorProps {
  app: string;
  label: string;
  condition: FormCondition | undefined;
  /** The other fields on the form, which the condition may read. */
  candidates: Field[];
  onChange: (condition: FormCondition | undefined) => void;
  testId: string;
}

/** "field operator value": the value input follows the referenced field's type and options. */
export function ConditionEditor(props: ConditionEditorProps) {
  const { app, label, condition, candidates, onChange, testId } = props;
  const { t } = useTranslation();
  const first = candidates[0];

  if (!condition)
    return (
      <Button
        size="small"
        icon={<PlusOutlined aria-hidden />}
        disabled={!first}
        onClick={() => first && onChange({ field: first.key, op: 'eq' })}
        data-testid={`${testId}-add`}
      >
        {t('forms.field.addCondition')}
      </Button>
    );

  const field = candidates.find((candidate) => candidate.key === condition.field);
  // One value of a multiselect: "tags contains X" compares with one option.
  const valueField: Field | undefined =
    field?.type === 'multiselect' ? { ...field, type: 'select' } : field;
  const valueLabel = `${label}: ${t('forms.field.conditionValue')}`;

  return (
    <div className="fw-condition-row" role="group" aria-label={label} data-testid={testId}>
      <Select
        aria-label={`${label}: ${t('forms.field.conditionField')}`}
        value={condition.field}
        onChange={(key: string) => onChange({ field: key, op: 'eq' })}
        options={candidates.map((candidate) => ({ value: candidate.key, label: candidate.name }))}
        data-testid={`${testId}-field`}
      />
      <Select<FormConditionOperator>
        aria-label={`${label}: ${t('forms.field.conditionOp')}`}
        value={condition.op}
        onChange={(op) =>
          onChange({
            field: condition.field,
            op,
            ...(operatorTakesValue(op) && op !== 'in' && condition.op !== 'in'
              ? { value: condition.value }
              : {}),
          })
        }
        options={operatorsFor(field).map((op) => ({
          value: op,
          label: t(`forms.field.ops.${op}`),
        }))}
        data-testid={`${testId}-op`}
      />
      {!operatorTakesValue(condition.op) ? (
        <span />
      ) : condition.op === 'in' ? (
        <Select<(string | number)[]>
          aria-label={valueLabel}
          mode={field?.options ? 'multiple' : 'tags'}
          value={Array.isArray(condition.value) ? (condition.value as (string | number)[]) : []}
          onChange={(values) => onChange({ ...condition, value: values })}
          options={field?.options?.map((option) => ({
            value: option.value,
            label: option.label || option.value,
          }))}
          data-testid={`${testId}-value`}
        />
      ) : valueField ? (
        <FieldValueInput
          app={app}
          field={valueField}
          value={condition.value}
          onChange={(value) => onChange({ ...condition, value: value ?? undefined })}
          ariaLabel={valueLabel}
          testId={`${testId}-value`}
        />
      ) : (
        <span />
      )}
      <Button
        type="text"
        danger
        icon={<DeleteOutlined aria-hidden />}
        aria-label={`${label}: ${t('forms.field.removeCondition')}`}
        onClick={() => onChange(undefined)}
        data-testid={`${testId}-remove`}
      />
    </div>
  );
}
