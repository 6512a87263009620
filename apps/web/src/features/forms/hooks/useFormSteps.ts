import type { FormUiExtension, JsonSchema, UiSchema } from '@formwork/definitions';
import type { ErrorSchema } from '@rjsf/utils';
import type { TFunction } from 'i18next';
import { useState } from 'react';
import { formValidator } from '../utils/formValidator';
import { errorField, translateErrors } from '../utils/translateErrors';

interface StepsInput {
  schema: JsonSchema;
  uiSchema: UiSchema;
  groups: FormUiExtension['groups'];
  data: Record<string, unknown>;
  hidden: ReadonlySet<string>;
  t: TFunction;
}

/** The steps wizard: Next validates only the fields of the current step. */
export function useFormSteps({ schema, uiSchema, groups, data, hidden, t }: StepsInput) {
  const [current, setCurrent] = useState(0);
  const [stepErrors, setStepErrors] = useState<ErrorSchema>({});
  const step = Math.min(current, Math.max(groups.length - 1, 0));
  const isLast = step >= groups.length - 1;

  const next = (): boolean => {
    const fields = new Set(groups[step]?.fields ?? []);
    const { errors } = formValidator.validateFormData(data, schema, undefined, undefined, uiSchema);
    const errorSchema: Record<string, { __errors: string[] }> = {};
    for (const error of translateErrors(errors, t, hidden)) {
      const field = errorField(error);
      if (field && fields.has(field))
        (errorSchema[field] ??= { __errors: [] }).__errors.push(error.message ?? '');
    }
    setStepErrors(errorSchema as ErrorSchema);
    if (Object.keys(errorSchema).length > 0) return false;
    setCurrent(step + 1);
    return true;
  };

  /** Shows the first step holding one of these fields (after a failed final submit). */
  const showStepOf = (fields: readonly string[]) => {
    const index = groups.findIndex((group) => group.fields.some((key) => fields.includes(key)));
    if (index >= 0) setCurrent(index);
  };

  return {
    step,
    isLast,
    stepErrors,
    next,
    back: () => setCurrent(Math.max(step - 1, 0)),
    goTo: (index: number) => index < step && setCurrent(index),
    showStepOf,
    clearStepErrors: () => setStepErrors({}),
    restart: () => setCurrent(0),
  };
}
