import { badRequest } from './problem.js';

/** The version an `If-Match` header expects (`3` or `"3"`), or undefined when absent. */
export function parseIfMatch(header: string | undefined): number | undefined {
  if (header === undefined) return undefined;
  const match = /^(?:W\/)?"?(\d{1,9})"?$/.exec(header.trim());
  if (!match)
    throw badRequest('If-Match must be a version number.', [
      { path: '/If-Match', message: 'must be a version number' },
    ]);
  return Number(match[1]);
}
