// `@formwork/definitions/forms`: what a browser needs to run a compiled form. Nothing reachable
// from here imports zod, so the public form page stays light.
export { FORM_FORMATS, FORMWORK_UI_KEY } from './compile-form-design.js';
export type { JsonSchema, UiSchema } from './compile-form-design.js';
export * from './form-condition-rules.js';
export type { FormLayout, FormUiExtension } from './form-design.js';
export * from './form-visibility.js';
export type { PublicForm } from './form.js';
export { HONEYPOT_FIELD } from './public-form.js';
