import { FORMWORK_UI_KEY, type UiSchema } from './compile-form-design.js';
import { conditionHolds } from './form-condition-rules.js';
import type { FormUiExtension } from './form-design.js';

/** The Formwork part of a uiSchema, when it has one. */
export function formUiExtension(uiSchema: UiSchema | undefined): FormUiExtension | undefined {
  const extension = uiSchema?.[FORMWORK_UI_KEY];
  return extension && typeof extension === 'object' ? (extension as FormUiExtension) : undefined;
}

/** Fields hidden by their `showWhen` for this data: they are neither shown nor submitted. */
export function hiddenFields(
  uiSchema: UiSchema | undefined,
  data: Record<string, unknown>,
): string[] {
  const visibility = formUiExtension(uiSchema)?.visibility ?? {};
  return Object.entries(visibility)
    .filter(([, condition]) => !conditionHolds(condition, data))
    .map(([key]) => key);
}

/** The data without the values of hidden fields (what the browser sends, what the server keeps). */
export function withoutHiddenFields(
  uiSchema: UiSchema | undefined,
  data: Record<string, unknown>,
): Record<string, unknown> {
  const hidden = new Set(hiddenFields(uiSchema, data));
  if (hidden.size === 0) return data;
  return Object.fromEntries(Object.entries(data).filter(([key]) => !hidden.has(key)));
}
