import type { FormLayout, FormUiExtension } from '@formwork/definitions';
import type { TFunction } from 'i18next';

/** What FormRenderer hands its templates and widgets through RJSF's `formContext`. */
export interface RendererContext {
  app: string;
  layout: FormLayout;
  groups: FormUiExtension['groups'];
  /** The step shown, in the steps layout. */
  step: number;
  hidden: ReadonlySet<string>;
  /** Texts in the form's language (not necessarily the UI's). */
  t: TFunction;
}
