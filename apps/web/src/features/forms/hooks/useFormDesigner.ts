import {
  compileFormDesign,
  type Entity,
  type Form,
  type FormDesign,
  type FormInput,
} from '@formwork/definitions';
import { deepEquals } from '@rjsf/utils';
import { App as AntApp } from 'antd';
import { useMemo, useReducer, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { hasStatus, isApiError } from '../../../lib/apiErrors';
import { problemText } from '../../../lib/problemText';
import { useUnsavedChangesPrompt } from '../../shell/hooks/useUnsavedChangesPrompt';
import { designReducer } from '../utils/designReducer';
import { isValidPattern } from '../utils/fieldCapabilities';
import { placeDesignErrors, type PlacedDesignErrors } from '../utils/designErrors';
import { usePutForm } from './useFormMutations';

/** What the Form and Share tabs edit beside the design. */
export interface FormSettings {
  name: string;
  public: boolean;
  closed: boolean;
  closesAt: string | null;
}

const settingsOf = (form: Form): FormSettings => ({
  name: form.name,
  public: form.public,
  closed: form.closed,
  closesAt: form.closesAt,
});

// The engine stores designs as JSONB, which orders object keys its own way: compare by content.
const same = (a: unknown, b: unknown) => deepEquals(a, b);

/** A pattern still being typed may be no regular expression yet: the preview leaves it out. */
function withValidPatterns(design: FormDesign): FormDesign {
  return {
    ...design,
    groups: design.groups.map((group) => ({
      ...group,
      fields: group.fields.map(({ pattern, ...field }) =>
        pattern === undefined || isValidPattern(pattern) ? { ...field, pattern } : field,
      ),
    })),
  };
}

const hasInvalidPattern = (design: FormDesign) =>
  design.groups.some((group) =>
    group.fields.some((field) => field.pattern !== undefined && !isValidPattern(field.pattern)),
  );

/** The designer's state: the edited design and settings, their compiled form, saving. */
export function useFormDesigner(app: string, form: Form, design: FormDesign, entity: Entity) {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const [saved, setSaved] = useState({ form, design });
  const [draft, dispatch] = useReducer(designReducer, design);
  const [settings, setSettings] = useState<FormSettings>(() => settingsOf(form));
  const [serverErrors, setServerErrors] = useState<PlacedDesignErrors | null>(null);
  const [saveFailure, setSaveFailure] = useState<string | null>(null);
  const [conflict, setConflict] = useState(false);
  const put = usePutForm(app);

  const dirty = !same(draft, saved.design) || !same(settings, settingsOf(saved.form));
  useUnsavedChangesPrompt(dirty);
  const compiled = useMemo(
    () => compileFormDesign(entity, withValidPatterns(draft)),
    [entity, draft],
  );
  const compileErrors = useMemo(
    () => placeDesignErrors(compiled.errors, draft, t),
    [compiled.errors, draft, t],
  );

  const adopt = (latest: Form): void => {
    const latestDesign = latest.design ?? draft;
    setSaved({ form: latest, design: latestDesign });
    dispatch({ type: 'reset', design: latestDesign });
    setSettings(settingsOf(latest));
    setServerErrors(null);
    setSaveFailure(null);
    setConflict(false);
  };

  const save = (): void => {
    if (compiled.errors.length > 0 || hasInvalidPattern(draft) || !settings.name.trim()) {
      void message.error(t('forms.designer.fixErrors'));
      return;
    }
    const sent = draft;
    const input: FormInput = {
      name: settings.name.trim(),
      entity: entity.key,
      design: sent,
      public: settings.public,
      closed: settings.closed,
      closesAt: settings.closesAt,
    };
    setSaveFailure(null);
    put.mutate(
      { key: saved.form.key, input, expectedVersion: saved.form.version },
      {
        onSuccess: (result) => {
          void message.success(t('forms.designer.savedToast', { version: result.version }));
          setSaved({ form: result, design: result.design ?? sent });
          setServerErrors(null);
        },
        onError: (error) => {
          if (hasStatus(error, 409)) return setConflict(true);
          if (isApiError(error) && error.fieldErrors.length > 0) {
            setServerErrors(placeDesignErrors(error.fieldErrors, sent, t));
            void message.error(t('forms.designer.fixErrors'));
            return;
          }
          setSaveFailure(problemText(error, t));
        },
      },
    );
  };

  return {
    form: saved.form,
    draft,
    dispatch,
    settings,
    setSettings,
    dirty,
    compiled,
    compileErrors,
    serverErrors,
    saveFailure,
    conflict,
    saving: put.isPending,
    save,
    adopt,
  };
}

export type FormDesignerState = ReturnType<typeof useFormDesigner>;

/** The messages about one field of the design, from the compiler and from the engine. */
export function fieldErrorsOf(state: FormDesignerState, key: string): string[] {
  return [...(state.compileErrors.byField[key] ?? []), ...(state.serverErrors?.byField[key] ?? [])];
}
