import type { RefObject } from 'react';
import { HONEYPOT_FIELD } from '@formwork/definitions/forms';
import { useLocale } from '../locale/LocaleContext';

/** A field people never see or reach; bots that fill every input fill it too, and are ignored. */
export function Honeypot({ inputRef }: { inputRef: RefObject<HTMLInputElement | null> }) {
  const { messages } = useLocale();
  return (
    <div className="fw-honeypot" aria-hidden="true">
      <label>
        {messages.honeypot}
        <input ref={inputRef} name={HONEYPOT_FIELD} type="text" tabIndex={-1} autoComplete="off" />
      </label>
    </div>
  );
}
