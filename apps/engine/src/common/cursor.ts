import { badRequest } from './problem.js';

/**
 * Opaque keyset cursors: base64url JSON tagged with what they page, so a cursor from one list
 * is refused by another instead of silently returning wrong rows.
 */
export function encodeCursor(scope: string, position: unknown): string {
  return Buffer.from(JSON.stringify([scope, position]), 'utf8').toString('base64url');
}

export function decodeCursor<T>(
  cursor: string,
  scope: string,
  isValid: (position: unknown) => boolean,
): T {
  let decoded: unknown;
  try {
    decoded = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    decoded = undefined;
  }
  if (
    !Array.isArray(decoded) ||
    decoded.length !== 2 ||
    decoded[0] !== scope ||
    !isValid(decoded[1])
  ) {
    throw badRequest('The cursor is not valid for this list.', [
      { path: '/cursor', message: 'is not a valid cursor' },
    ]);
  }
  return decoded[1] as T;
}
