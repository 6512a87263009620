import type { Field } from '@formwork/definitions';
import { Form, type FormRule } from 'antd';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { FieldValueInput } from './FieldValueInput';

function rulesFor(field: Field, t: TFunction): FormRule[] {
  const rules: FormRule[] = [];
  if (field.required)
    rules.push({
      validator: (_, value: unknown) =>
        value === null ||
        value === undefined ||
        (typeof value === 'string' && !value.trim()) ||
        (Array.isArray(value) && value.length === 0)
          ? Promise.reject(new Error(t('records.required', { name: field.name })))
          : Promise.resolve(),
    });
  if (field.type === 'email') rules.push({ type: 'email', message: t('records.invalidEmail') });
  if (field.type === 'url') rules.push({ type: 'url', message: t('records.invalidUrl') });
  if (field.type === 'phone')
    rules.push({ pattern: /^\+?[0-9 ()-]{3,30}$/, message: t('records.invalidPhone') });
  return rules;
}

/** One form item per field, with the input its type needs; names are the field keys. */
export function RecordFormFields({ app, fields }: { app: string; fields: readonly Field[] }) {
  const { t } = useTranslation();
  return fields.map((field) => (
    <Form.Item
      key={field.key}
      name={field.key}
      label={field.name}
      required={field.required}
      rules={rulesFor(field, t)}
      extra={field.description}
    >
      <FieldValueInput app={app} field={field} testId={`record-field-${field.key}`} />
    </Form.Item>
  ));
}
