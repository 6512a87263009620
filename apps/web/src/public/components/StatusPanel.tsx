import { useEffect, useRef, type ReactNode } from 'react';

interface StatusPanelProps {
  title: string;
  children?: ReactNode;
  tone?: 'neutral' | 'success' | 'warning';
  action?: { label: string; onClick: () => void };
}

/** A whole-page state (closed, not found, thank you…); its heading takes focus so it is read out. */
export function StatusPanel({ title, children, tone = 'neutral', action }: StatusPanelProps) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), [title]);
  return (
    <section className={`fw-status fw-status--${tone}`} aria-live="polite">
      <h1 ref={heading} tabIndex={-1}>
        {title}
      </h1>
      {children}
      {action && (
        <button type="button" className="fw-button" onClick={action.onClick}>
          {action.label}
        </button>
      )}
    </section>
  );
}
