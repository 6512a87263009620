import type { TFunction } from 'i18next';
import { isApiError } from './apiErrors';

/** A sentence for an error: the problem's detail, or a network-failure message. */
export function problemText(error: unknown, t: TFunction): string {
  if (isApiError(error)) return error.problem.detail || error.problem.title || error.message;
  return t('errors.network');
}
