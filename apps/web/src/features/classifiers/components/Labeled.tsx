import type { ReactNode } from 'react';

/** A small caption over a control; the control carries the same text as its aria-label. */
export function Labeled({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="fw-column-field">
      <span aria-hidden>{label}</span>
      {children}
    </div>
  );
}
