import { flowInputSchema, type Flow } from '@formwork/definitions';
import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useRef, useState } from 'react';
import { hasStatus } from '../../../lib/apiErrors';
import { flowKey, flowsKey, putFlow } from '../api/flows';
import { draftToInput, type FlowDraft } from '../utils/flowDraft';

const AUTOSAVE_DELAY_MS = 800;

export type SaveStatus = 'saved' | 'pending' | 'saving' | 'failed' | 'conflict' | 'blocked';

interface Snapshot {
  /** The draft the engine holds. */
  saved: FlowDraft;
  saving: boolean;
  /** Why the last attempt did not save, and for which draft (not retried until it changes). */
  failure: { status: 'failed' | 'conflict' | 'blocked'; draft: FlowDraft; error: unknown } | null;
}

export interface Autosave {
  status: SaveStatus;
  error: unknown;
  /** Saves what is not saved yet and resolves once the engine has it (false: it could not). */
  flush: () => Promise<boolean>;
  retry: () => void;
  /** Takes the engine's flow as the saved state (after reloading someone else's change). */
  adopt: (flow: Flow, draft: FlowDraft) => void;
}

/**
 * Saves the draft a moment after each change (PUT with If-Match: the draft revision), one save
 * at a time; edits made during a save are saved right after it. A 409 stops saving until the
 * admin reloads; a draft the engine would refuse (no name, an unfinished trigger) waits.
 */
export function useAutosave(app: string, flow: Flow, draft: FlowDraft): Autosave {
  const queryClient = useQueryClient();
  const [snapshot, setSnapshot] = useState<Snapshot>({
    saved: draft,
    saving: false,
    failure: null,
  });
  const revision = useRef(flow.draftRevision);
  const saved = useRef(draft);
  const latest = useRef(draft);
  const running = useRef<Promise<boolean> | null>(null);
  const conflicted = useRef(false);

  useEffect(() => {
    latest.current = draft;
  }, [draft]);

  const saveLatest = useCallback(async (): Promise<boolean> => {
    while (running.current) await running.current;
    const target = latest.current;
    if (target === saved.current) return true;
    if (conflicted.current) return false;
    const input = draftToInput(target);
    const parsed = flowInputSchema.safeParse(input);
    if (!parsed.success) {
      setSnapshot((s) => ({
        ...s,
        failure: { status: 'blocked', draft: target, error: parsed.error },
      }));
      return false;
    }
    setSnapshot((s) => ({ ...s, saving: true }));
    const attempt = putFlow(app, flow.key, input, revision.current).then(
      (result) => {
        revision.current = result.draftRevision;
        saved.current = target;
        setSnapshot({ saved: target, saving: false, failure: null });
        void queryClient.invalidateQueries({ queryKey: flowsKey(app), exact: true });
        return true;
      },
      (error: unknown) => {
        const status = hasStatus(error, 409) ? 'conflict' : 'failed';
        conflicted.current = status === 'conflict';
        setSnapshot((s) => ({ ...s, saving: false, failure: { status, draft: target, error } }));
        return false;
      },
    );
    running.current = attempt;
    const ok = await attempt;
    running.current = null;
    return ok;
  }, [app, flow.key, queryClient]);

  const { failure } = snapshot;
  const waitsForChange =
    failure !== null && (failure.status === 'conflict' || failure.draft === draft);
  useEffect(() => {
    if (draft === snapshot.saved || snapshot.saving || waitsForChange) return;
    const timer = setTimeout(() => void saveLatest(), AUTOSAVE_DELAY_MS);
    return () => clearTimeout(timer);
  }, [draft, snapshot.saved, snapshot.saving, waitsForChange, saveLatest]);

  // Closing the tab before the last change is saved loses it: ask first.
  const unsaved = draft !== snapshot.saved;
  useEffect(() => {
    if (!unsaved) return;
    const warn = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [unsaved]);

  // Leaving the editor inside the app saves what is pending.
  useEffect(() => () => void saveLatest(), [saveLatest]);

  const flush = useCallback(
    async () => (await saveLatest()) && latest.current === saved.current,
    [saveLatest],
  );

  const adopt = useCallback(
    (fresh: Flow, freshDraft: FlowDraft) => {
      revision.current = fresh.draftRevision;
      saved.current = freshDraft;
      latest.current = freshDraft;
      conflicted.current = false;
      queryClient.setQueryData(flowKey(app, fresh.key), fresh);
      setSnapshot({ saved: freshDraft, saving: false, failure: null });
    },
    [app, queryClient],
  );

  let status: SaveStatus;
  if (!unsaved) status = 'saved';
  else if (snapshot.saving) status = 'saving';
  else if (failure && (failure.status === 'conflict' || failure.draft === draft))
    status = failure.status;
  else status = 'pending';

  return {
    status,
    error: status === 'saved' || status === 'pending' ? null : (failure?.error ?? null),
    flush,
    retry: () => void saveLatest(),
    adopt,
  };
}
