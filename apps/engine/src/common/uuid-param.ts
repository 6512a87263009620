import { Param, type PipeTransform } from '@nestjs/common';
import { badRequest } from './problem.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

class UuidPipe implements PipeTransform<string, string> {
  constructor(private readonly name: string) {}

  transform(value: string): string {
    if (!UUID.test(value))
      throw badRequest(`The ${this.name} in the URL is not a valid id.`, [
        { path: `/${this.name}`, message: 'must be a uuid' },
      ]);
    return value.toLowerCase();
  }
}

/** A uuid path parameter; anything else answers 400 before it reaches the database. */
export const UuidParam = (name: string) => Param(name, new UuidPipe(name));
