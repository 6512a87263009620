import { useEffect, useRef } from 'react';
import { useLocale } from '../locale/LocaleContext';
import { format } from '../locale/messages';

interface StepHeadingProps {
  step: number;
  total: number;
  title: string;
}

/** "Step 2 of 3" and the step's title; moving to another step moves focus here. */
export function StepHeading({ step, total, title }: StepHeadingProps) {
  const { messages } = useLocale();
  const heading = useRef<HTMLHeadingElement>(null);
  const isFirstRender = useRef(true);
  useEffect(() => {
    if (isFirstRender.current) {
      isFirstRender.current = false;
      return;
    }
    heading.current?.focus();
  }, [step]);
  return (
    <div className="fw-step">
      <p className="fw-step__progress">{format(messages.stepOf, { step: step + 1, total })}</p>
      <div
        className="fw-step__bar"
        role="progressbar"
        aria-valuemin={1}
        aria-valuemax={total}
        aria-valuenow={step + 1}
        aria-hidden="true"
      >
        <span style={{ width: `${((step + 1) / total) * 100}%` }} />
      </div>
      <h2 ref={heading} tabIndex={-1} className="fw-step__title">
        {title || format(messages.stepOf, { step: step + 1, total })}
      </h2>
    </div>
  );
}
