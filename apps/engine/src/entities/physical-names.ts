import { createHash } from 'node:crypto';
import { KEY_PATTERN } from '@formwork/definitions';

/**
 * Identifiers in generated SQL. Keys are validated against KEY_PATTERN before they get here and
 * are quoted anyway, so SQL keywords (`order`, `user`) work as keys. Index and constraint names
 * come from a short hash: PostgreSQL cuts identifiers at 63 bytes.
 */
export function quoteIdentifier(name: string): string {
  if (!KEY_PATTERN.test(name) && !/^(app|fw)_[a-z0-9_]{1,60}$/.test(name))
    throw new Error(`unsafe identifier ${JSON.stringify(name)}`);
  return `"${name}"`;
}

export const schemaNameOf = (appKey: string) => `app_${appKey}`;

export function tableOf(appKey: string, entityKey: string): string {
  return `${quoteIdentifier(schemaNameOf(appKey))}.${quoteIdentifier(entityKey)}`;
}

export function constraintName(kind: 'ix' | 'ux' | 'fk', ...parts: string[]): string {
  const hash = createHash('sha256').update(parts.join('\u0000')).digest('hex').slice(0, 16);
  return `fw_${kind}_${hash}`;
}
