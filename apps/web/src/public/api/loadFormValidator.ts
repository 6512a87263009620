import type { JsonSchema } from '@formwork/definitions/forms';
import type { RJSFSchema, ValidatorType } from '@rjsf/utils';
// The file, not the package index: the index also builds an ajv validator by default.
import createPrecompiledValidator from '@rjsf/validator-ajv8/lib/createPrecompiledValidator.js';
import type { ValidatorFunctions } from '@rjsf/validator-ajv8/lib/types.js';

export type FormValidator = ValidatorType<Record<string, unknown>, RJSFSchema>;

const isValidatorFunctions = (value: unknown): value is ValidatorFunctions =>
  typeof value === 'object' &&
  value !== null &&
  Object.values(value).some((entry) => typeof entry === 'function');

/**
 * Imports the form's schema compiled by the engine's ajv (standalone code, formats inlined), so
 * the browser can validate exactly as the server does without shipping ajv. Undefined when it
 * cannot be loaded.
 */
export async function importValidatorFunctions(
  url: string,
): Promise<ValidatorFunctions | undefined> {
  try {
    const module = (await import(/* @vite-ignore */ url)) as Record<string, unknown>;
    // An ES module exports the functions by name; a bundled CommonJS one hangs them off `default`.
    const functions = isValidatorFunctions(module.default) ? module.default : module;
    return isValidatorFunctions(functions) ? functions : undefined;
  } catch {
    return undefined;
  }
}

/** The validator for `schema`, or undefined (validation left to the server) when none fits. */
export function createFormValidator(
  functions: ValidatorFunctions | undefined,
  schema: JsonSchema,
): FormValidator | undefined {
  if (!functions) return undefined;
  try {
    // Throws when the functions were compiled from another schema (the form changed in between).
    return createPrecompiledValidator<Record<string, unknown>, RJSFSchema>(functions, schema);
  } catch {
    return undefined;
  }
}

/**
 * Stands in when the compiled validator is missing: nothing fails in the browser and the server's
 * 422 errors are shown instead. Conditions (`if`) never hold, so conditional requirements show no
 * asterisk, which the server still enforces.
 */
export const serverOnlyValidator: FormValidator = {
  validateFormData: () => ({ errors: [], errorSchema: {} }),
  isValid: () => false,
  rawValidation: () => ({ errors: [] }),
};
