import { Param, type PipeTransform } from '@nestjs/common';
import { KEY_PATTERN } from '@formwork/definitions';
import { badRequest } from './problem.js';

class KeyPipe implements PipeTransform<string, string> {
  constructor(private readonly name: string) {}

  transform(value: string): string {
    if (!KEY_PATTERN.test(value)) {
      throw badRequest(`The ${this.name} key in the URL is not valid.`, [
        { path: `/${this.name}`, message: 'must match ^[a-z][a-z0-9_]{0,39}$' },
      ]);
    }
    return value;
  }
}

/** An app, entity, form… key from the URL; anything else answers 400 before any lookup. */
export const KeyParam = (name: string) => Param(name, new KeyPipe(name));
