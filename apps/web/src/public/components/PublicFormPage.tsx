import { formUiExtension } from '@formwork/definitions/forms';
import { useState } from 'react';
import { usePublicForm } from '../hooks/usePublicForm';
import { useLocale } from '../locale/LocaleContext';
import { format } from '../locale/messages';
import { PublicFormFill, type FillOutcome } from './PublicFormFill';
import { StatusPanel } from './StatusPanel';

interface PublicFormPageProps {
  shareToken: string | undefined;
  customerToken: string | null;
}

export function PublicFormPage({ shareToken, customerToken }: PublicFormPageProps) {
  const { messages } = useLocale();
  const { state, reload } = usePublicForm(shareToken);
  const [outcome, setOutcome] = useState<FillOutcome | undefined>(undefined);

  if (state.kind === 'loading')
    return (
      <p className="fw-loading" role="status">
        {messages.loading}
      </p>
    );
  if (state.kind === 'notFound' || outcome === 'notFound')
    return (
      <StatusPanel title={messages.notFoundTitle}>
        <p>{messages.notFoundBody}</p>
      </StatusPanel>
    );
  if (state.kind === 'closed' || outcome === 'closed')
    return (
      <StatusPanel title={messages.closedTitle} tone="warning">
        <p>{messages.closedBody}</p>
      </StatusPanel>
    );
  if (state.kind === 'rateLimited')
    return (
      <StatusPanel
        title={messages.rateLimitedTitle}
        tone="warning"
        action={{ label: messages.retry, onClick: reload }}
      >
        <p>
          {state.retryAfterSeconds
            ? format(messages.rateLimitedSeconds, { seconds: state.retryAfterSeconds })
            : messages.rateLimitedBody}
        </p>
      </StatusPanel>
    );
  if (state.kind === 'failed')
    return (
      <StatusPanel
        title={messages.loadFailedTitle}
        tone="warning"
        action={{ label: messages.retry, onClick: reload }}
      >
        <p>{messages.loadFailedBody}</p>
      </StatusPanel>
    );

  const { form, validator } = state;
  if (outcome === 'submitted')
    return (
      <StatusPanel title={messages.thanksTitle} tone="success">
        <p className="fw-preserve-lines">
          {formUiExtension(form.uiSchema)?.successMessage || messages.thanksBody}
        </p>
      </StatusPanel>
    );
  return (
    <article className="fw-card">
      <header className="fw-card__header">
        <h1>{form.name}</h1>
        {form.description && <p className="fw-preserve-lines">{form.description}</p>}
      </header>
      <PublicFormFill
        form={form}
        validator={validator}
        shareToken={shareToken ?? ''}
        customerToken={customerToken}
        onFinished={setOutcome}
      />
    </article>
  );
}
