import { ApiError } from '@formwork/client';

export function isApiError(error: unknown): error is ApiError {
  return error instanceof ApiError;
}

export function hasStatus(error: unknown, status: number): boolean {
  return isApiError(error) && error.status === status;
}

/** `/roles/0` → `roles`: the top-level form field a JSON Pointer points into. */
export function pointerToFieldName(pointer: string): string | undefined {
  const [first] = pointer.replace(/^\//, '').split('/');
  if (!first) return undefined;
  return first.replaceAll('~1', '/').replaceAll('~0', '~');
}
