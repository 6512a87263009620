import {
  formUiExtension,
  type FormUiExtension,
  type JsonSchema,
  type UiSchema,
} from '@formwork/definitions';

/** The groups a form is laid out in; a form without the extension is one group of every field. */
export function formGroups(schema: JsonSchema, uiSchema: UiSchema): FormUiExtension['groups'] {
  const extension = formUiExtension(uiSchema);
  if (extension && extension.groups.length > 0) return extension.groups;
  const properties = (schema.properties ?? {}) as Record<string, unknown>;
  return [{ id: 'main', title: '', fields: Object.keys(properties) }];
}

export function formFieldKeys(schema: JsonSchema): string[] {
  return Object.keys(schema.properties ?? {});
}

/** The uiSchema RJSF gets: relation fields use the relation widget. */
export function rendererUiSchema(uiSchema: UiSchema): UiSchema {
  const prepared: UiSchema = { ...uiSchema };
  for (const [key, value] of Object.entries(uiSchema)) {
    if (key.startsWith('ui:') || !value || typeof value !== 'object') continue;
    const options = (value as Record<string, unknown>)['ui:options'] as
      Record<string, unknown> | undefined;
    if (options?.relation) prepared[key] = { ...value, 'ui:widget': 'relation' };
  }
  return prepared;
}
