import { FORM_FORMATS } from '@formwork/definitions';
import { customizeValidator } from '@rjsf/validator-ajv8';

/** The browser's validator knows the same custom formats as the engine's ajv. */
export const formValidator = customizeValidator({ customFormats: FORM_FORMATS });
