import type { Entity, FormFieldDesign, FormWidget } from '@formwork/definitions';
import { Alert, Checkbox, Form, Input, InputNumber, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { FieldValueInput } from '../../records/components/FieldValueInput';
import { fieldErrorsOf, type FormDesignerState } from '../hooks/useFormDesigner';
import { fieldDesignOf } from '../utils/designReducer';
import {
  isNumericField,
  isTextField,
  isValidPattern,
  widgetsFor,
} from '../utils/fieldCapabilities';
import { ConditionEditor } from './ConditionEditor';

interface FieldSettingsPanelProps {
  app: string;
  state: FormDesignerState;
  entity: Entity;
  selected: string;
}

const numberOrUndefined = (value: number | null) => (value === null ? undefined : value);

/** What the admin sets for the selected field on this form. */
export function FieldSettingsPanel({ app, state, entity, selected }: FieldSettingsPanelProps) {
  const { t } = useTranslation();
  const design = fieldDesignOf(state.draft, selected);
  const field = entity.fields.find((candidate) => candidate.key === selected);
  const errors = fieldErrorsOf(state, selected);
  if (!design) return null;
  const update = (patch: Partial<FormFieldDesign>) =>
    state.dispatch({ type: 'updateField', key: selected, patch });
  if (!field)
    return errors.map((error) => <Alert key={error} type="error" showIcon title={error} />);

  const fixedRange = design.widget === 'nps' || design.widget === 'rating';
  const onForm = new Set(state.draft.groups.flatMap((group) => group.fields.map((f) => f.key)));
  const candidates = entity.fields.filter(
    (candidate) => candidate.key !== selected && onForm.has(candidate.key) && !candidate.archived,
  );
  const patternInvalid = design.pattern !== undefined && !isValidPattern(design.pattern);
  const widgets = widgetsFor(field);

  return (
    <Form layout="vertical" data-testid="form-field-settings" onFinish={() => undefined}>
      {errors.map((error) => (
        <Alert key={error} type="error" showIcon title={error} className="fw-block" />
      ))}
      <Form.Item
        label={t('forms.field.label')}
        extra={t('forms.field.labelHint', { name: field.name })}
      >
        <Input
          value={design.label ?? ''}
          onChange={(event) => update({ label: event.target.value })}
          maxLength={200}
          data-testid="field-setting-label"
        />
      </Form.Item>
      <Form.Item>
        <Checkbox
          checked={design.required === true}
          onChange={(event) => update({ required: event.target.checked })}
          data-testid="field-setting-required"
        >
          {t('forms.field.required')}
        </Checkbox>
      </Form.Item>
      {field.type !== 'boolean' && field.type !== 'multiselect' && (
        <Form.Item label={t('forms.field.placeholder')}>
          <Input
            value={design.placeholder ?? ''}
            onChange={(event) => update({ placeholder: event.target.value })}
            maxLength={200}
            data-testid="field-setting-placeholder"
          />
        </Form.Item>
      )}
      <Form.Item label={t('forms.field.help')}>
        <Input.TextArea
          value={design.help ?? ''}
          onChange={(event) => update({ help: event.target.value })}
          maxLength={1000}
          autoSize={{ minRows: 1, maxRows: 4 }}
          data-testid="field-setting-help"
        />
      </Form.Item>
      {widgets.length > 1 && (
        <Form.Item label={t('forms.field.widget')}>
          <Select<FormWidget>
            value={design.widget ?? 'default'}
            onChange={(widget) => update({ widget: widget === 'default' ? undefined : widget })}
            options={widgets.map((widget) => ({
              value: widget,
              label: t(`forms.field.widgets.${widget}`),
            }))}
            data-testid="field-setting-widget"
          />
        </Form.Item>
      )}
      <Form.Item label={t('forms.field.default')}>
        <FieldValueInput
          app={app}
          field={field}
          value={design.default}
          onChange={(value) => update({ default: value ?? undefined })}
          testId="field-setting-default"
        />
      </Form.Item>
      {isNumericField(field) && !fixedRange && (
        <div className="fw-condition-row">
          <Form.Item label={t('forms.field.minimum')}>
            <InputNumber
              value={design.minimum ?? null}
              onChange={(value) => update({ minimum: numberOrUndefined(value) })}
              data-testid="field-setting-minimum"
            />
          </Form.Item>
          <Form.Item label={t('forms.field.maximum')}>
            <InputNumber
              value={design.maximum ?? null}
              onChange={(value) => update({ maximum: numberOrUndefined(value) })}
              data-testid="field-setting-maximum"
            />
          </Form.Item>
        </div>
      )}
      {isTextField(field) && (
        <>
          <div className="fw-condition-row">
            <Form.Item label={t('forms.field.minLength')}>
              <InputNumber
                min={0}
                precision={0}
                value={design.minLength ?? null}
                onChange={(value) => update({ minLength: numberOrUndefined(value) })}
                data-testid="field-setting-min-length"
              />
            </Form.Item>
            <Form.Item label={t('forms.field.maxLength')}>
              <InputNumber
                min={1}
                precision={0}
                value={design.maxLength ?? null}
                onChange={(value) => update({ maxLength: numberOrUndefined(value) })}
                data-testid="field-setting-max-length"
              />
            </Form.Item>
          </div>
          <Form.Item
            label={t('forms.field.pattern')}
            validateStatus={patternInvalid ? 'error' : undefined}
            help={patternInvalid ? t('forms.field.patternInvalid') : undefined}
          >
            <Input
              value={design.pattern ?? ''}
              onChange={(event) => update({ pattern: event.target.value })}
              spellCheck={false}
              maxLength={500}
              data-testid="field-setting-pattern"
            />
          </Form.Item>
        </>
      )}
      <Form.Item
        label={t('forms.field.showWhen')}
        extra={design.showWhen ? undefined : t('forms.field.always')}
      >
        <ConditionEditor
          app={app}
          label={t('forms.field.showWhen')}
          condition={design.showWhen}
          candidates={candidates}
          onChange={(showWhen) => update({ showWhen })}
          testId="field-setting-show-when"
        />
      </Form.Item>
      <Form.Item label={t('forms.field.requireWhen')}>
        <ConditionEditor
          app={app}
          label={t('forms.field.requireWhen')}
          condition={design.requireWhen}
          candidates={candidates}
          onChange={(requireWhen) => update({ requireWhen })}
          testId="field-setting-require-when"
        />
      </Form.Item>
    </Form>
  );
}
