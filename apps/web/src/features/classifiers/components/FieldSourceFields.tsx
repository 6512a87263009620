import type { Entity, FieldSource } from '@formwork/definitions';
import { Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { liveFields } from '../utils/checkDraft';
import { Labeled } from './Labeled';

interface FieldSourceFieldsProps {
  source: FieldSource;
  entity: Entity | undefined;
  onChange: (source: FieldSource) => void;
  testId: (name: string) => string;
}

/** An input read from one field of the record. */
export function FieldSourceFields({ source, entity, onChange, testId }: FieldSourceFieldsProps) {
  const { t } = useTranslation();
  const label = t('classifiers.columns.field');
  return (
    <div className="fw-column-fields">
      <Labeled label={label}>
        <Select
          size="small"
          className="fw-grow"
          popupMatchSelectWidth={false}
          aria-label={label}
          value={source.field || undefined}
          showSearch={{ optionFilterProp: 'label' }}
          options={liveFields(entity).map((field) => ({
            value: field.key,
            label: `${field.name} (${field.key})`,
          }))}
          onChange={(field: string) => onChange({ field })}
          data-testid={testId('field')}
        />
      </Labeled>
    </div>
  );
}
