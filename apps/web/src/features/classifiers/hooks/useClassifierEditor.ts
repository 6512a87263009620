import type { Classifier, Entity } from '@formwork/definitions';
import { App as AntApp } from 'antd';
import { useCallback, useMemo, useReducer, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { hasStatus, isApiError } from '../../../lib/apiErrors';
import { problemText } from '../../../lib/problemText';
import { useUnsavedChangesPrompt } from '../../shell/hooks/useUnsavedChangesPrompt';
import { checkDraft } from '../utils/checkDraft';
import {
  definitionOf,
  draftFromClassifier,
  ruleIdsOf,
  sameDefinition,
  type ClassifierDraft,
} from '../utils/classifierDraft';
import { draftReducer, type DraftAction } from '../utils/draftReducer';
import { cellKey, mergeMessages, placeMessages, type PlacedMessages } from '../utils/placeErrors';
import { usePreviewClassifier, usePutClassifier } from './useClassifierMutations';

/** Server messages point at positions: after a row or column moves they point at the wrong one. */
function keptServerErrors(errors: PlacedMessages | null, action: DraftAction) {
  if (!errors) return null;
  if (action.type === 'setCell') {
    const cells = { ...errors.cells };
    delete cells[cellKey(action.rule, action.part, action.column)];
    return { ...errors, cells };
  }
  const keeps = ['setName', 'setHitPolicy', 'setTriggers', 'updateRule', 'updateInput'];
  return keeps.includes(action.type) ? errors : null;
}

/** The editor's state: the edited table, its checks, publishing and previewing. */
export function useClassifierEditor(
  app: string,
  key: string,
  stored: Classifier | null,
  initial: ClassifierDraft,
  entities: readonly Entity[],
) {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const [saved, setSaved] = useState({ classifier: stored, draft: initial });
  const [draft, rawDispatch] = useReducer(draftReducer, initial);
  const [serverErrors, setServerErrors] = useState<PlacedMessages | null>(null);
  const [saveFailure, setSaveFailure] = useState<string | null>(null);
  const [conflict, setConflict] = useState(false);
  const [previewed, setPreviewed] = useState<ClassifierDraft | null>(null);
  /** Problems of the whole table wait for a first Preview or Publish; cells speak at once. */
  const [attempted, setAttempted] = useState(stored !== null);
  const put = usePutClassifier(app);
  const preview = usePreviewClassifier(app, key);

  const dirty = saved.classifier === null || !sameDefinition(draft, saved.draft);
  const started = draft.inputs.length + draft.outputs.length + draft.rules.length > 0;
  const { allowNextNavigation } = useUnsavedChangesPrompt(
    dirty && (saved.classifier !== null || started),
  );
  const check = useMemo(() => checkDraft(draft, entities, t), [draft, entities, t]);
  const ruleIds = useMemo(() => ruleIdsOf(draft), [draft]);
  const errors = useMemo(() => mergeMessages(check.errors, serverErrors), [check, serverErrors]);

  const dispatch = useCallback((action: DraftAction) => {
    rawDispatch(action);
    setServerErrors((errors) => keptServerErrors(errors, action));
  }, []);

  const refuse = (): boolean => {
    setAttempted(true);
    if (check.errors.count === 0) return false;
    void message.error(t('classifiers.editor.fixErrors', { count: check.errors.count }));
    return true;
  };

  const placeFailure = (error: unknown): void => {
    if (isApiError(error) && error.fieldErrors.length > 0) {
      setServerErrors(placeMessages(error.fieldErrors));
      void message.error(t('classifiers.editor.serverRefused'));
    } else setSaveFailure(problemText(error, t));
  };

  const adopt = (latest: Classifier): void => {
    const latestDraft = draftFromClassifier(latest);
    setSaved({ classifier: latest, draft: latestDraft });
    rawDispatch({ type: 'reset', draft: latestDraft });
    setServerErrors(null);
    setSaveFailure(null);
    setConflict(false);
  };

  const publish = (): void => {
    if (refuse()) return;
    const sent = draft;
    const definition = definitionOf(sent);
    setSaveFailure(null);
    put.mutate(
      { key, definition, expectedVersion: saved.classifier?.version },
      {
        onSuccess: (result) => {
          // The ids sent are the ids stored: later edits of a row keep its id.
          const ids = definition.rules.map((rule) => rule.id);
          const withIds = {
            ...sent,
            rules: sent.rules.map((rule, index) => ({ ...rule, id: ids[index] })),
          };
          setSaved({ classifier: result, draft: withIds });
          rawDispatch({
            type: 'assignRuleIds',
            ids: Object.fromEntries(sent.rules.map((rule, index) => [rule.uid, ids[index] ?? ''])),
          });
          setServerErrors(null);
          allowNextNavigation();
          void message.success(t('classifiers.editor.publishedToast', { version: result.version }));
        },
        onError: (error) => {
          if (hasStatus(error, 409)) setConflict(true);
          else placeFailure(error);
        },
      },
    );
  };

  const runPreview = (): void => {
    if (refuse()) return;
    const sent = draft;
    setSaveFailure(null);
    preview.mutate(definitionOf(sent), {
      onSuccess: () => setPreviewed(sent),
      onError: placeFailure,
    });
  };

  return {
    classifier: saved.classifier,
    draft,
    dispatch,
    dirty,
    check,
    /** Local and server errors together; warnings are in `check.warnings`. */
    errors,
    attempted,
    ruleIds,
    saveFailure,
    conflict,
    publishing: put.isPending,
    publish,
    adopt,
    preview: {
      run: runPreview,
      pending: preview.isPending,
      result: preview.data ?? null,
      stale: previewed !== null && !sameDefinition(previewed, draft),
      ruleIds: previewed ? ruleIdsOf(previewed) : ruleIds,
    },
  };
}

export type ClassifierEditorState = ReturnType<typeof useClassifierEditor>;
