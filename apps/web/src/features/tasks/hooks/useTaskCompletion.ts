import type { FlowTask } from '@formwork/definitions';
import type { ErrorSchema } from '@rjsf/utils';
import { App as AntApp } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { hasStatus } from '../../../lib/apiErrors';
import { problemText } from '../../../lib/problemText';
import { placeSubmissionErrors, withoutErrorsOf } from '../../forms/utils/serverErrors';
import { useCompleteTask } from './useTasks';

/**
 * Completes a task and places what the engine refused: 422 `/data/<field>` next to the fields of
 * the form, the rest (and 409 "no longer open", 403 "not yours") above it.
 */
export function useTaskCompletion(task: FlowTask, fields: readonly string[], onDone: () => void) {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const complete = useCompleteTask(task);
  const [serverErrors, setServerErrors] = useState<ErrorSchema>({});
  const [failure, setFailure] = useState<string | null>(null);

  const submit = (body: { data?: Record<string, unknown>; outcome?: string }) => {
    setFailure(null);
    complete.mutate(body, {
      onSuccess: () => {
        setServerErrors({});
        void message.success(t('flows.inbox.completed'));
        onDone();
      },
      onError: (error) => {
        if (hasStatus(error, 409)) return setFailure(t('flows.inbox.notOpen'));
        if (hasStatus(error, 403)) return setFailure(t('flows.inbox.notYours'));
        const placed = placeSubmissionErrors(error, fields);
        setServerErrors(placed.byField);
        const placedAny = Object.keys(placed.byField).length > 0;
        setFailure(
          placed.unplaced.length > 0
            ? placed.unplaced.join('; ')
            : placedAny
              ? t('flows.inbox.fixErrors')
              : problemText(error, t),
        );
      },
    });
  };

  return {
    submit,
    pending: complete.isPending,
    serverErrors,
    failure,
    /** The user changed these fields: their old errors no longer apply. */
    clearErrorsOf: (changed: string[]) =>
      setServerErrors((errors) => withoutErrorsOf(errors, changed)),
  };
}
