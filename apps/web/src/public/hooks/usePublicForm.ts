import type { PublicForm } from '@formwork/definitions/forms';
import { useCallback, useEffect, useState } from 'react';
import {
  createFormValidator,
  importValidatorFunctions,
  type FormValidator,
} from '../api/loadFormValidator';
import { loadPublicForm, type LoadFormResult } from '../api/publicFormApi';

export type PublicFormState =
  | { kind: 'loading' }
  | Exclude<LoadFormResult, { kind: 'ready' }>
  | { kind: 'ready'; form: PublicForm; validator: FormValidator | undefined };

/** Loads the form, then its compiled validator when the engine offers one. */
export function usePublicForm(shareToken: string | undefined) {
  const [state, setState] = useState<PublicFormState>({ kind: 'loading' });
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    if (!shareToken) return;
    let isCurrent = true;
    void loadPublicForm(shareToken).then(async (result) => {
      // Without a compiled validator the server validates alone (its 422s land on the fields).
      const functions =
        result.kind === 'ready' && result.form.validator
          ? await importValidatorFunctions(result.form.validator)
          : undefined;
      if (!isCurrent) return;
      setState(
        result.kind === 'ready'
          ? { ...result, validator: createFormValidator(functions, result.form.schema) }
          : result,
      );
    });
    return () => {
      isCurrent = false;
    };
  }, [shareToken, attempt]);

  const reload = useCallback(() => {
    setState({ kind: 'loading' });
    setAttempt((count) => count + 1);
  }, []);
  return { state: shareToken ? state : ({ kind: 'notFound' } as const), reload };
}
