import type { TFunction } from 'i18next';
import { hasStatus } from '../../../lib/apiErrors';

/** Login errors that concern the whole form rather than one field. */
export function loginErrorMessage(error: unknown, t: TFunction): string | null {
  if (hasStatus(error, 401)) return t('auth.login.invalidCredentials');
  if (hasStatus(error, 429)) return t('auth.login.tooManyAttempts');
  return null;
}
