import {
  formUiExtension,
  hiddenFields,
  withoutHiddenFields,
  type PublicForm,
} from '@formwork/definitions/forms';
import Form from '@rjsf/core';
import type { ErrorSchema, RJSFSchema, RJSFValidationError } from '@rjsf/utils';
import { useMemo, useRef, useState } from 'react';
import { serverOnlyValidator, type FormValidator } from '../api/loadFormValidator';
import { splitServerErrors } from '../api/serverErrors';
import { useFormSteps } from '../hooks/useFormSteps';
import { useSubmission } from '../hooks/useSubmission';
import { useLocale } from '../locale/LocaleContext';
import { format } from '../locale/messages';
import type { PublicFormContext } from '../theme/formContext';
import { fieldOfError, localizeErrors, localizeServerMessage } from '../theme/localizeErrors';
import { publicFormTemplates, publicFormWidgets } from '../theme/publicFormTheme';
import { focusField } from './focusField';
import { FormActions } from './FormActions';
import { Honeypot } from './Honeypot';
import { StepHeading } from './StepHeading';

export type FillOutcome = 'submitted' | 'closed' | 'notFound';

interface PublicFormFillProps {
  form: PublicForm;
  validator: FormValidator | undefined;
  shareToken: string;
  customerToken: string | null;
  onFinished: (outcome: FillOutcome) => void;
}

type Data = Record<string, unknown>;

const propertyNamesOf = (schema: RJSFSchema) => Object.keys(schema.properties ?? {});

/** Errors per top-level field, as RJSF shows them inline. */
function errorSchemaFor(errors: RJSFValidationError[], fields: ReadonlySet<string>): ErrorSchema {
  const schema: Record<string, { __errors: string[] }> = {};
  for (const error of errors) {
    const field = fieldOfError(error);
    if (field && fields.has(field))
      (schema[field] ??= { __errors: [] }).__errors.push(error.message ?? error.stack);
  }
  return schema as ErrorSchema;
}

export function PublicFormFill(props: PublicFormFillProps) {
  const { form, validator, shareToken, customerToken, onFinished } = props;
  const { messages } = useLocale();
  const schema = form.schema as RJSFSchema;
  const extension = formUiExtension(form.uiSchema);
  const propertyNames = useMemo(() => propertyNamesOf(schema), [schema]);
  const [formData, setFormData] = useState<Data>({});
  const hidden = useMemo(
    () => new Set(hiddenFields(form.uiSchema, formData)),
    [form.uiSchema, formData],
  );
  const steps = useFormSteps(extension, propertyNames, hidden);
  const [stepErrors, setStepErrors] = useState<ErrorSchema>({});
  const [serverErrors, setServerErrors] = useState<ErrorSchema>({});
  const [notice, setNotice] = useState<string[]>([]);
  const honeypot = useRef<HTMLInputElement>(null);
  const { isSending, send } = useSubmission(shareToken, customerToken);

  const transformErrors = (errors: RJSFValidationError[]) =>
    localizeErrors(errors, messages, hidden);

  const errorsOfFields = (data: Data, fields: string[]): ErrorSchema => {
    if (!validator) return {};
    const { errors } = validator.validateFormData(data, schema, undefined, transformErrors);
    return errorSchemaFor(errors, new Set(fields));
  };

  const goNext = () => {
    const fields = steps.currentStep?.fields ?? [];
    const errors = errorsOfFields(formData, fields);
    setStepErrors(errors);
    const firstInvalid = fields.find((field) => field in errors);
    if (firstInvalid) return focusField(firstInvalid);
    steps.goToStep(steps.step + 1);
    window.scrollTo({ top: 0 });
  };

  const handleChange = (data: Data) => {
    setFormData(data);
    // After a failed Next, the step's errors follow what the customer types.
    if (Object.keys(stepErrors).length > 0)
      setStepErrors(errorsOfFields(data, steps.currentStep?.fields ?? []));
    const changed = Object.keys(serverErrors).filter((field) => data[field] !== formData[field]);
    if (changed.length > 0)
      setServerErrors((current) => {
        const rest: Record<string, unknown> = { ...current };
        for (const field of changed) delete rest[field];
        return rest as ErrorSchema;
      });
  };

  const showFieldsInError = (fields: string[]) => {
    const step = steps.stepOfFirst(fields);
    if (steps.isWizard && step !== undefined && step !== steps.step) steps.goToStep(step);
    const first = propertyNames.find((name) => fields.includes(name));
    if (first) focusField(first);
  };

  const submit = async (data: Data) => {
    setNotice([]);
    const result = await send(
      withoutHiddenFields(form.uiSchema, data),
      honeypot.current?.value ?? '',
    );
    if (!result) return;
    switch (result.kind) {
      case 'submitted':
      case 'closed':
      case 'notFound':
        return onFinished(result.kind);
      case 'invalid': {
        const errors = result.errors.map((error) => ({
          ...error,
          message: localizeServerMessage(error.message, messages),
        }));
        const split = splitServerErrors(errors, new Set(propertyNames));
        setServerErrors(split.byField);
        setNotice(split.general.length > 0 ? split.general : [messages.fixErrors]);
        return showFieldsInError(split.fields);
      }
      case 'rateLimited':
        return setNotice([
          result.retryAfterSeconds
            ? format(messages.rateLimitedSeconds, { seconds: result.retryAfterSeconds })
            : messages.rateLimitedBody,
        ]);
      case 'tooLarge':
        return setNotice([messages.tooLarge]);
      case 'failed':
        return setNotice([messages.sendFailed]);
    }
  };

  const formContext: PublicFormContext = {
    sections: steps.shownSections,
    showSectionTitles: steps.showSectionTitles,
    hidden,
    messages,
  };

  return (
    <>
      {steps.isWizard && steps.currentStep && (
        <StepHeading step={steps.step} total={steps.stepCount} title={steps.currentStep.title} />
      )}
      <Form
        className="fw-form"
        schema={schema}
        uiSchema={form.uiSchema}
        formData={formData}
        validator={validator ?? serverOnlyValidator}
        // Steps before the last check only their own fields (goNext); the server checks when no
        // compiled validator could be loaded.
        noValidate={!validator || !steps.isLastStep}
        noHtml5Validate
        showErrorList={false}
        focusOnFirstError
        transformErrors={transformErrors}
        extraErrors={{ ...stepErrors, ...serverErrors }}
        templates={publicFormTemplates}
        widgets={publicFormWidgets}
        formContext={formContext}
        onChange={(event) => handleChange((event.formData ?? {}) as Data)}
        onError={(errors) =>
          showFieldsInError(errors.flatMap((error) => fieldOfError(error) ?? []))
        }
        onSubmit={(event) =>
          steps.isLastStep ? void submit((event.formData ?? {}) as Data) : goNext()
        }
      >
        <Honeypot inputRef={honeypot} />
        {notice.length > 0 && (
          <div className="fw-notice" role="alert">
            {notice.map((text, index) => (
              <p key={index}>{text}</p>
            ))}
          </div>
        )}
        <FormActions
          isLastStep={steps.isLastStep}
          canGoBack={steps.isWizard && steps.step > 0}
          isSending={isSending}
          submitLabel={extension?.submitLabel}
          onBack={() => steps.goToStep(steps.step - 1)}
        />
      </Form>
    </>
  );
}
