import { DeleteOutlined } from '@ant-design/icons';
import { isSystemField, type Entity } from '@formwork/definitions';
import { Button, Input, Select, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { FieldValueInput } from '../../records/components/FieldValueInput';
import { textOf } from '../../records/utils/formatValue';
import { settingId } from './Setting';

interface FieldValuesEditorProps {
  name: string;
  app: string;
  entity: Entity | undefined;
  value: Record<string, unknown>;
  onChange: (value: Record<string, unknown>) => void;
}

/** Field = value rows (update record, create record): each value typed by its field. */
export function FieldValuesEditor({ name, app, entity, value, onChange }: FieldValuesEditorProps) {
  const { t } = useTranslation();
  const fields = (entity?.fields ?? []).filter(
    (field) => !field.archived && !isSystemField(field.key),
  );
  const used = Object.keys(value);
  const free = fields.filter((field) => !used.includes(field.key));
  const without = (key: string) =>
    Object.fromEntries(Object.entries(value).filter(([k]) => k !== key));

  return (
    <div className="fw-flow-values" data-testid={settingId(name)}>
      {used.length === 0 && (
        <Typography.Text type="secondary">{t('flows.settings.noValues')}</Typography.Text>
      )}
      {used.map((key) => {
        const field = fields.find((candidate) => candidate.key === key);
        const label = t('flows.settings.valueOf', { field: field?.name ?? key });
        return (
          <div
            key={key}
            className="fw-flow-value-row"
            data-testid={`${settingId(name)}-row-${key}`}
          >
            <Typography.Text className="fw-flow-value-field">{field?.name ?? key}</Typography.Text>
            {field ? (
              <FieldValueInput
                app={app}
                field={field}
                value={value[key]}
                onChange={(next) => onChange({ ...value, [key]: next })}
                ariaLabel={label}
                testId={`${settingId(name)}-value-${key}`}
              />
            ) : (
              <Input
                aria-label={label}
                value={textOf(value[key])}
                onChange={(event) => onChange({ ...value, [key]: event.target.value })}
              />
            )}
            <Button
              type="text"
              danger
              icon={<DeleteOutlined aria-hidden />}
              aria-label={t('flows.settings.removeValue', { field: field?.name ?? key })}
              onClick={() => onChange(without(key))}
            />
          </div>
        );
      })}
      {free.length > 0 && (
        <Select<string>
          value={null}
          placeholder={t('flows.settings.addValue')}
          onChange={(key) => onChange({ ...value, [key]: null })}
          options={free.map((field) => ({
            value: field.key,
            label: `${field.name} (${field.key})`,
          }))}
          aria-label={t('flows.settings.addValue')}
          data-testid={`${settingId(name)}-add`}
          className="fw-full-width"
        />
      )}
    </div>
  );
}
