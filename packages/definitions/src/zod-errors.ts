import type { z } from 'zod';
import type { FieldError } from './common.js';

/** Escapes one JSON Pointer segment (RFC 6901). */
function escapePointerSegment(segment: PropertyKey): string {
  return String(segment).replaceAll('~', '~0').replaceAll('/', '~1');
}

export function toJsonPointer(path: readonly PropertyKey[], prefix = ''): string {
  return prefix + path.map((segment) => '/' + escapePointerSegment(segment)).join('');
}

/**
 * Turns zod issues into one field error per failing location (the first problem found there).
 * Unknown keys are reported one by one at their own path, so a form can point at each of them.
 */
export function toFieldErrors(error: z.ZodError, prefix = ''): FieldError[] {
  const byPath = new Map<string, FieldError>();
  const add = (path: string, message: string) => {
    if (!byPath.has(path)) byPath.set(path, { path, message });
  };
  for (const issue of error.issues) {
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys)
        add(toJsonPointer([...issue.path, key], prefix), 'is not allowed');
    } else {
      add(toJsonPointer(issue.path, prefix), issue.message);
    }
  }
  return [...byPath.values()];
}
