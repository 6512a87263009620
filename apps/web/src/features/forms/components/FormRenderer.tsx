import {
  formUiExtension,
  hiddenFields,
  withoutHiddenFields,
  type JsonSchema,
  type UiSchema,
} from '@formwork/definitions';
import Form from '@rjsf/antd';
import type { ErrorSchema, RJSFValidationError } from '@rjsf/utils';
import { Button, ConfigProvider, Steps } from 'antd';
import enUS from 'antd/es/locale/en_US';
import zhCN from 'antd/es/locale/zh_CN';
import { useMemo, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Language } from '../../../i18n/languages';
import { useFormSteps } from '../hooks/useFormSteps';
import { formGroups, rendererUiSchema } from '../utils/formLayout';
import { formValidator } from '../utils/formValidator';
import type { RendererContext } from '../utils/rendererContext';
import { rjsfTranslator } from '../utils/rjsfStrings';
import { errorField, translateErrors } from '../utils/translateErrors';
import { FormGroupsTemplate } from './FormGroupsTemplate';
import { NpsWidget } from './NpsWidget';
import { RatingWidget } from './RatingWidget';
import { RelationWidget } from './RelationWidget';
import './forms.css';

export type FormData = Record<string, unknown>;

interface FormRendererProps {
  app: string;
  schema: JsonSchema;
  uiSchema: UiSchema;
  /** The language of the form's chrome (buttons, error messages, date pickers). */
  language: Language;
  data: FormData;
  /** `changed`: the fields whose value changed (their server errors no longer apply). */
  onChange: (data: FormData, changed: string[]) => void;
  /** Gets the data without the values of hidden fields. */
  onSubmit: (data: FormData) => void;
  submitting?: boolean;
  /** The engine's errors per field (422 `/data/<field>`). */
  serverErrors?: ErrorSchema;
  idPrefix?: string;
  testId?: string;
}

const WIDGETS = { nps: NpsWidget, rating: RatingWidget, relation: RelationWidget };
const TEMPLATES = { ObjectFieldTemplate: FormGroupsTemplate };

const changedFields = (before: FormData, after: FormData): string[] =>
  [...new Set([...Object.keys(before), ...Object.keys(after)])].filter(
    (key) => JSON.stringify(before[key]) !== JSON.stringify(after[key]),
  );

/** A Formwork form: RJSF with sections, a steps wizard, conditions and the Formwork widgets. */
export function FormRenderer(props: FormRendererProps) {
  const { app, schema, uiSchema, language, data, onChange, onSubmit, submitting } = props;
  const { i18n } = useTranslation();
  const t = useMemo(() => i18n.getFixedT(language), [i18n, language]);
  const extension = formUiExtension(uiSchema);
  const layout = extension?.layout ?? 'single';
  const groups = useMemo(() => formGroups(schema, uiSchema), [schema, uiSchema]);
  const hiddenList = hiddenFields(uiSchema, data);
  const hiddenKey = hiddenList.join(',');
  const hidden = useMemo(() => new Set(hiddenKey ? hiddenKey.split(',') : []), [hiddenKey]);
  const steps = useFormSteps({ schema, uiSchema, groups, data, hidden, t });
  const isSteps = layout === 'steps' && groups.length > 1;
  const preparedUi = useMemo(() => rendererUiSchema(uiSchema), [uiSchema]);

  const context: RendererContext = {
    app,
    layout: isSteps ? 'steps' : layout === 'steps' ? 'single' : layout,
    groups,
    step: steps.step,
    hidden,
    t,
  };
  const extraErrors = useMemo(
    (): ErrorSchema => ({ ...(props.serverErrors ?? {}), ...steps.stepErrors }),
    [props.serverErrors, steps.stepErrors],
  );
  const submitLabel = extension?.submitLabel || t('forms.renderer.submit');
  const showNext = isSteps && !steps.isLast;

  // Without a submit button on a step, Enter would do nothing: it goes to the next step instead.
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const target = event.target as HTMLElement;
    if (!showNext || event.key !== 'Enter' || target.tagName !== 'INPUT') return;
    event.preventDefault();
    steps.next();
  };

  return (
    <ConfigProvider locale={language === 'zh-CN' ? zhCN : enUS}>
      <div
        className="fw-form-renderer"
        onKeyDown={onKeyDown}
        data-testid={props.testId}
        lang={language}
      >
        {isSteps && (
          <Steps
            className="fw-form-steps"
            size="small"
            current={steps.step}
            onChange={steps.goTo}
            items={groups.map((group, index) => ({
              title: group.title || String(index + 1),
              disabled: index > steps.step,
            }))}
            aria-label={t('forms.renderer.stepOf', {
              current: steps.step + 1,
              total: groups.length,
            })}
          />
        )}
        <Form
          schema={schema}
          uiSchema={preparedUi}
          formData={data}
          validator={formValidator}
          widgets={WIDGETS}
          templates={TEMPLATES}
          formContext={context}
          idPrefix={props.idPrefix}
          extraErrors={extraErrors}
          noHtml5Validate
          showErrorList={false}
          focusOnFirstError
          translateString={rjsfTranslator(language)}
          transformErrors={(errors: RJSFValidationError[]) => translateErrors(errors, t, hidden)}
          onChange={(event) => {
            const next = (event.formData ?? {}) as FormData;
            const changed = changedFields(data, next);
            if (changed.length === 0) return;
            steps.clearStepErrors();
            onChange(next, changed);
          }}
          onError={(errors) =>
            steps.showStepOf(errors.map(errorField).filter((key) => key !== undefined))
          }
          onSubmit={(event) =>
            onSubmit(withoutHiddenFields(uiSchema, (event.formData ?? {}) as FormData))
          }
        >
          <div className="fw-form-actions">
            {isSteps && steps.step > 0 && (
              <Button onClick={steps.back}>{t('forms.renderer.back')}</Button>
            )}
            {showNext ? (
              <Button type="primary" onClick={() => steps.next()} data-testid="form-next">
                {t('forms.renderer.next')}
              </Button>
            ) : (
              <Button
                type="primary"
                htmlType="submit"
                loading={submitting}
                data-testid="form-submit"
              >
                {submitLabel}
              </Button>
            )}
          </div>
        </Form>
      </div>
    </ConfigProvider>
  );
}
