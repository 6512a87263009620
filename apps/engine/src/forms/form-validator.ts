import { Injectable } from '@nestjs/common';
import {
  FORM_FORMATS,
  type FieldError,
  type JsonSchema,
  type UiSchema,
} from '@formwork/definitions';
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import addFormatsModule from 'ajv-formats';
import { RE2JS } from 're2js';

// ajv-formats is CommonJS: under ESM its function arrives as the module's `default`.
type AddFormats = (ajv: Ajv) => Ajv;
const addFormats = ((addFormatsModule as unknown as { default?: AddFormats }).default ??
  addFormatsModule) as unknown as AddFormats;

/**
 * Admin-written `pattern`s run on anonymous submissions: RE2 matches in linear time, so no pattern
 * can stall the engine (a backtracking RegExp can, on a crafted input).
 */
const linearRegExp = Object.assign(
  (pattern: string) => {
    const compiled = RE2JS.compile(pattern);
    return { test: (text: string) => compiled.test(text) };
  },
  { code: 'RE2JS.compile' },
);

const MAX_SCHEMA_BYTES = 256 * 1024;
const MAX_CACHED_VALIDATORS = 500;

/** The options RJSF's validator-ajv8 uses in the browser, so both sides judge alike. */
function createAjv(): Ajv {
  const ajv = new Ajv({
    allErrors: true,
    multipleOfPrecision: 8,
    strict: false,
    discriminator: false,
    code: { regExp: linearRegExp },
  });
  addFormats(ajv);
  for (const [name, pattern] of Object.entries(FORM_FORMATS)) ajv.addFormat(name, pattern);
  return ajv;
}

/** One failing field per entry, paths under `prefix` (`/data/email`); `if` bookkeeping dropped. */
export function toFieldErrors(errors: ErrorObject[], prefix: string): FieldError[] {
  const byPath = new Map<string, string>();
  for (const error of errors) {
    if (error.keyword === 'if') continue;
    const params = error.params as { missingProperty?: string; additionalProperty?: string };
    const path = params.missingProperty
      ? `${prefix}${error.instancePath}/${params.missingProperty}`
      : params.additionalProperty
        ? `${prefix}${error.instancePath}/${params.additionalProperty}`
        : `${prefix}${error.instancePath}`;
    const message = params.missingProperty
      ? 'is required'
      : params.additionalProperty
        ? 'is not a field of this form'
        : (error.message ?? 'is not valid');
    if (!byPath.has(path)) byPath.set(path, message);
  }
  return [...byPath].map(([path, message]) => ({ path, message }));
}

@Injectable()
export class FormValidator {
  private readonly ajv = createAjv();
  private readonly validators = new Map<string, ValidateFunction>();

  /** Why a hand-written schema/uiSchema cannot be a form; paths point into the request body. */
  checkDefinition(schema: JsonSchema, uiSchema: UiSchema, fieldKeys?: Set<string>): FieldError[] {
    if (JSON.stringify(schema).length > MAX_SCHEMA_BYTES)
      return [{ path: '/schema', message: `must be at most ${MAX_SCHEMA_BYTES} bytes` }];
    if (!this.ajv.validateSchema(schema)) return toFieldErrors(this.ajv.errors ?? [], '/schema');
    const errors: FieldError[] = [];
    const properties = schema.properties;
    if (schema.type !== 'object' || !properties || typeof properties !== 'object')
      return [{ path: '/schema', message: 'must be an object schema with properties' }];
    for (const key of Object.keys(properties))
      if (fieldKeys && !fieldKeys.has(key))
        errors.push({
          path: `/schema/properties/${key}`,
          message: `the entity has no field ${key}`,
        });
    for (const key of Object.keys(uiSchema))
      if (!key.startsWith('ui:') && !(key in properties))
        errors.push({ path: `/uiSchema/${key}`, message: `names no property of the schema` });
    if (errors.length > 0) return errors;
    try {
      this.ajv.compile(schema);
    } catch (error) {
      const message =
        error instanceof RangeError ? 'has a circular $ref' : (error as Error).message;
      return [{ path: '/schema', message }];
    }
    return [];
  }

  /** Validates submitted data with the form version's schema (compiled once per version). */
  validate(cacheKey: string, schema: JsonSchema, data: unknown): FieldError[] {
    let validate = this.validators.get(cacheKey);
    if (!validate) {
      if (this.validators.size >= MAX_CACHED_VALIDATORS) this.validators.clear();
      validate = this.ajv.compile(schema);
      this.validators.set(cacheKey, validate);
    }
    return validate(data) ? [] : toFieldErrors(validate.errors ?? [], '/data');
  }
}
