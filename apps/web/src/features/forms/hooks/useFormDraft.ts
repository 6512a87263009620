import { useState } from 'react';

interface StoredDraft {
  data: Record<string, unknown>;
  savedAt: string;
}

const storageKey = (app: string, form: string, record: string | null) =>
  `fw_form_draft:${app}/${form}/${record ?? 'new'}`;

function readDraft(key: string): StoredDraft | undefined {
  try {
    const text = localStorage.getItem(key);
    const parsed = text ? (JSON.parse(text) as StoredDraft) : undefined;
    return parsed && typeof parsed.data === 'object' ? parsed : undefined;
  } catch {
    return undefined; // storage disabled or a damaged entry: start empty
  }
}

/**
 * Answers being filled in survive a reload: kept in localStorage per app, form and record until
 * they are submitted or discarded.
 */
export function useFormDraft(app: string, form: string, record: string | null) {
  const key = storageKey(app, form, record);
  const [restored, setRestored] = useState(() => readDraft(key));

  const save = (data: Record<string, unknown>) => {
    try {
      localStorage.setItem(key, JSON.stringify({ data, savedAt: new Date().toISOString() }));
    } catch {
      // Full or disabled storage: the draft then lasts for this page only.
    }
  };
  const clear = () => {
    try {
      localStorage.removeItem(key);
    } catch {
      // Nothing stored.
    }
    setRestored(undefined);
  };
  return { restored, save, clear, dismissNotice: () => setRestored(undefined) };
}
