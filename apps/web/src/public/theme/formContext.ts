import type { Registry } from '@rjsf/utils';
import type { FormSection } from '../layout/formSections';
import type { Messages } from '../locale/messages';

/** What the page tells the theme: which sections to draw now, which fields are hidden, the texts. */
export interface PublicFormContext {
  sections: FormSection[];
  showSectionTitles: boolean;
  hidden: ReadonlySet<string>;
  messages: Messages;
}

export const publicFormContext = (registry: Registry) => registry.formContext as PublicFormContext;

/** The id of a field's label, for groups of inputs (radios, scales) that name themselves by it. */
export const labelId = (id: string) => `${id}__label`;
