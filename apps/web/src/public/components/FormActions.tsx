import { useLocale } from '../locale/LocaleContext';

interface FormActionsProps {
  isLastStep: boolean;
  canGoBack: boolean;
  isSending: boolean;
  submitLabel: string | undefined;
  onBack: () => void;
}

/** Back / Next / Submit. Next is the form's submit button too, so Enter moves on a step. */
export function FormActions({
  isLastStep,
  canGoBack,
  isSending,
  submitLabel,
  onBack,
}: FormActionsProps) {
  const { messages } = useLocale();
  const primary = isLastStep ? submitLabel || messages.submit : messages.next;
  return (
    <div className="fw-actions">
      {canGoBack && (
        <button type="button" className="fw-button fw-button--secondary" onClick={onBack}>
          {messages.back}
        </button>
      )}
      <button
        type="submit"
        className="fw-button fw-button--primary"
        disabled={isSending}
        aria-busy={isSending || undefined}
      >
        {isSending ? messages.submitting : primary}
      </button>
    </div>
  );
}
