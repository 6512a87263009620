import { formUiExtension, type EntityRecord, type Form } from '@formwork/definitions';
import type { ErrorSchema } from '@rjsf/utils';
import { Alert, Button, Card, Result } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { hasStatus } from '../../../lib/apiErrors';
import { formatDateTime } from '../../../lib/formatDate';
import { problemText } from '../../../lib/problemText';
import { useLanguage } from '../../../i18n/useLanguage';
import { useFormDraft } from '../hooks/useFormDraft';
import { useSubmitForm } from '../hooks/useFormMutations';
import { formFieldKeys } from '../utils/formLayout';
import { placeSubmissionErrors, withoutErrorsOf } from '../utils/serverErrors';
import { FormRenderer, type FormData } from './FormRenderer';

interface FormFillViewProps {
  app: string;
  form: Form;
  /** The record edited through the form (`?record=`); none for a new answer. */
  record?: EntityRecord;
  /** Fetches the form again after it changed while being filled in (409). */
  reloadForm: () => void;
}

const pick = (record: EntityRecord, keys: string[]): FormData =>
  Object.fromEntries(keys.filter((key) => record[key] != null).map((key) => [key, record[key]]));

/** Staff fill in a form: draft kept across reloads, the engine's errors next to the fields. */
export function FormFillView({ app, form, record, reloadForm }: FormFillViewProps) {
  const { t } = useTranslation();
  const [language] = useLanguage();
  const draft = useFormDraft(app, form.key, record?.id ?? null);
  const fields = formFieldKeys(form.schema);
  const [data, setData] = useState<FormData>(
    () => draft.restored?.data ?? (record ? pick(record, fields) : {}),
  );
  const [serverErrors, setServerErrors] = useState<ErrorSchema>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [submitted, setSubmitted] = useState<string | null>(null);
  const [round, setRound] = useState(0);
  const submit = useSubmitForm(app, form.key, form.entity);

  const onSubmit = (answer: FormData) => {
    setFailure(null);
    submit.mutate(
      {
        data: answer,
        formVersion: form.version,
        ...(record ? { recordId: record.id, recordVersion: record.version } : {}),
      },
      {
        onSuccess: (result) => {
          draft.clear();
          setServerErrors({});
          setSubmitted(result.recordId ?? '');
        },
        onError: (error) => {
          if (hasStatus(error, 409)) {
            setFailure(t('forms.fillPage.staleForm'));
            reloadForm();
            return;
          }
          const placed = placeSubmissionErrors(error, fields);
          setServerErrors(placed.byField);
          const hasFieldErrors = Object.keys(placed.byField).length > 0;
          setFailure(
            placed.unplaced.length > 0
              ? placed.unplaced.join('; ')
              : hasFieldErrors
                ? t('forms.fillPage.fixErrors')
                : problemText(error, t),
          );
        },
      },
    );
  };

  if (submitted !== null)
    return (
      <Result
        status="success"
        title={formUiExtension(form.uiSchema)?.successMessage || t('forms.fillPage.submittedTitle')}
        data-testid="form-fill-success"
        extra={[
          !record && (
            <Button
              key="again"
              type="primary"
              autoFocus
              onClick={() => {
                setData({});
                setSubmitted(null);
                setRound(round + 1);
              }}
              data-testid="form-fill-another"
            >
              {t('forms.fillPage.fillAnother')}
            </Button>
          ),
          submitted && form.entity && (
            <Link
              key="record"
              to={`/apps/${app}/entities/${form.entity}/records?record=${submitted}`}
            >
              {t('forms.fillPage.openRecord')}
            </Link>
          ),
        ]}
      />
    );

  return (
    <Card>
      {draft.restored && (
        <Alert
          type="info"
          showIcon
          className="fw-block"
          title={t('forms.fillPage.draftRestored', {
            time: formatDateTime(draft.restored.savedAt),
          })}
          action={
            <Button
              size="small"
              onClick={() => {
                draft.clear();
                setData(record ? pick(record, fields) : {});
                setRound(round + 1);
              }}
              data-testid="form-draft-discard"
            >
              {t('forms.fillPage.discardDraft')}
            </Button>
          }
          closable={{ onClose: draft.dismissNotice }}
          data-testid="form-draft-restored"
        />
      )}
      {failure && (
        <Alert
          type="error"
          showIcon
          className="fw-block"
          title={failure}
          role="alert"
          data-testid="form-fill-error"
        />
      )}
      <FormRenderer
        key={round}
        app={app}
        schema={form.schema}
        uiSchema={form.uiSchema}
        language={language}
        data={data}
        onChange={(next, changed) => {
          setData(next);
          draft.save(next);
          setServerErrors((errors) => withoutErrorsOf(errors, changed));
        }}
        onSubmit={onSubmit}
        submitting={submit.isPending}
        serverErrors={serverErrors}
        testId="form-fill"
      />
    </Card>
  );
}
