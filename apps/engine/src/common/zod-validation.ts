import { Body, Query, type PipeTransform } from '@nestjs/common';
import { ApiBody } from '@nestjs/swagger';
import { toFieldErrors } from '@formwork/definitions';
import { z } from 'zod';
import { badRequest, unprocessable } from './problem.js';

type Refusal = 'body' | 'query';

/** Validates with a zod schema: body errors are 422, URL errors 400, each failing field listed. */
export class ZodValidationPipe<T extends z.ZodType> implements PipeTransform<unknown, z.output<T>> {
  constructor(
    private readonly schema: T,
    private readonly source: Refusal,
  ) {}

  transform(value: unknown): z.output<T> {
    const result = this.schema.safeParse(value ?? (this.source === 'query' ? {} : undefined));
    if (result.success) return result.data;
    const errors = toFieldErrors(result.error);
    if (this.source === 'query') throw badRequest('The query string is not valid.', errors);
    if (value === undefined || value === null || typeof value !== 'object') {
      throw unprocessable(
        [{ path: '', message: 'must be a JSON object' }],
        'The request body must be a JSON object.',
      );
    }
    throw unprocessable(errors);
  }
}

/** The JSON Schema of a zod schema, for the OpenAPI document. */
export function openApiSchemaOf(schema: z.ZodType): Record<string, unknown> {
  const { $schema: _ignored, ...jsonSchema } = z.toJSONSchema(schema, {
    io: 'input',
    unrepresentable: 'any',
  });
  return jsonSchema;
}

/** `@ValidBody(schema)`: the request body parsed by `schema`, documented in OpenAPI. */
export function ValidBody(schema: z.ZodType): ParameterDecorator {
  return (target, key, index) => {
    Body(new ZodValidationPipe(schema, 'body'))(target, key, index);
    if (key !== undefined) {
      const descriptor = Object.getOwnPropertyDescriptor(target, key);
      if (descriptor) ApiBody({ schema: openApiSchemaOf(schema) })(target, key, descriptor);
    }
  };
}

/** `@ValidQuery(schema)`: the query string parsed by `schema` (bad values answer 400). */
export function ValidQuery(schema: z.ZodType): ParameterDecorator {
  return Query(new ZodValidationPipe(schema, 'query'));
}
