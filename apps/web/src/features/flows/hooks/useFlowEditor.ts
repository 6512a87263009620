import type { Flow } from '@formwork/definitions';
import { useCallback, useMemo, useReducer, useState } from 'react';
import { useDebouncedValue } from '../../records/hooks/useDebouncedValue';
import { NO_SELECTION, type Highlight, type Selection } from '../utils/canvasTypes';
import { checkFlow } from '../utils/checkFlow';
import { historyReducer, initialHistory, type DraftCommand } from '../utils/draftReducer';
import { draftFromFlow, type FlowDraft } from '../utils/flowDraft';
import { useAutosave } from './useAutosave';
import { useFlowAppData } from './useFlowAppData';

/** How long drawing may go on before the checks run again. */
const CHECK_DELAY_MS = 120;

/** The flow editor's state: the draft with undo/redo, selection, checks, autosave. */
export function useFlowEditor(app: string, flow: Flow) {
  const [history, dispatch] = useReducer(historyReducer, flow, (f) =>
    initialHistory(draftFromFlow(f)),
  );
  const draft = history.present;
  const [selection, setSelection] = useState<Selection>(NO_SELECTION);
  const [highlight, setHighlight] = useState<Highlight | null>(null);
  const appData = useFlowAppData(app, flow.key, draft.trigger);
  const checkedDraft = useDebouncedValue(draft, CHECK_DELAY_MS);
  const validation = appData.data.validation;
  const problems = useMemo(() => checkFlow(checkedDraft, validation), [checkedDraft, validation]);
  const autosave = useAutosave(app, flow, draft);

  const run = useCallback(
    (command: DraftCommand, mergeKey?: string) => dispatch({ type: 'do', command, mergeKey }),
    [],
  );
  const undo = useCallback(() => dispatch({ type: 'undo' }), []);
  const redo = useCallback(() => dispatch({ type: 'redo' }), []);
  const seal = useCallback(() => dispatch({ type: 'seal' }), []);
  const reset = useCallback((next: FlowDraft) => dispatch({ type: 'reset', draft: next }), []);
  const select = useCallback(
    (nodes: readonly string[], edges: readonly string[] = []) =>
      setSelection({ nodes: new Set(nodes), edges: new Set(edges) }),
    [],
  );

  return {
    app,
    flow,
    draft,
    run,
    undo,
    redo,
    seal,
    reset,
    canUndo: history.past.length > 0,
    canRedo: history.future.length > 0,
    selection,
    setSelection,
    select,
    highlight,
    setHighlight,
    appData: appData.data,
    appDataError: appData.error,
    retryAppData: appData.retry,
    problems,
    /** Whether the checks have seen the latest edit. */
    checking: checkedDraft !== draft,
    autosave,
  };
}

export type FlowEditorState = ReturnType<typeof useFlowEditor>;
