import { HONEYPOT_FIELD } from '@formwork/definitions/forms';
import { useRef, useState } from 'react';
import { submitPublicForm, type SubmitFormResult } from '../api/publicFormApi';
import { useIdempotencyKey } from './useIdempotencyKey';

/** Sends an answer once at a time; a second tap while sending does nothing. */
export function useSubmission(shareToken: string, customerToken: string | null) {
  const [isSending, setSending] = useState(false);
  const inFlight = useRef(false);
  const idempotencyKeyFor = useIdempotencyKey();

  const send = async (
    data: Record<string, unknown>,
    honeypot: string,
  ): Promise<SubmitFormResult | undefined> => {
    if (inFlight.current) return undefined;
    inFlight.current = true;
    setSending(true);
    const body = { data, [HONEYPOT_FIELD]: honeypot };
    try {
      return await submitPublicForm(shareToken, customerToken, body, idempotencyKeyFor(body));
    } finally {
      inFlight.current = false;
      setSending(false);
    }
  };

  return { isSending, send };
}
