import type { FormLayout, FormUiExtension } from '@formwork/definitions/forms';

/** A titled group of fields: a section on the page, or one step of a wizard. */
export interface FormSection {
  id: string;
  title: string;
  fields: string[];
}

/**
 * The sections a form shows, covering every property once: the designer's groups in order, and
 * properties no group names (hand-written schemas) in a last untitled section.
 */
export function formSections(
  extension: FormUiExtension | undefined,
  propertyNames: string[],
): FormSection[] {
  const known = new Set(propertyNames);
  const sections = (extension?.groups ?? [])
    .map((group) => ({ ...group, fields: group.fields.filter((field) => known.has(field)) }))
    .filter((group) => group.fields.length > 0);
  const placed = new Set(sections.flatMap((section) => section.fields));
  const rest = propertyNames.filter((name) => !placed.has(name));
  if (rest.length > 0) sections.push({ id: 'rest', title: '', fields: rest });
  return sections;
}

export function layoutOf(extension: FormUiExtension | undefined): FormLayout {
  return extension?.layout ?? 'single';
}

/** Steps with nothing visible are skipped: a customer never sees an empty page. */
export function visibleSections(sections: FormSection[], hidden: ReadonlySet<string>) {
  return sections.filter((section) => section.fields.some((field) => !hidden.has(field)));
}
