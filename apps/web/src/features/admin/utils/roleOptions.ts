import type { Role } from '@formwork/definitions';
import type { TFunction } from 'i18next';
import { ROLE_ORDER } from '../../auth/utils/roles';

export function roleOptions(t: TFunction): { value: Role; label: string }[] {
  return ROLE_ORDER.map((role) => ({ value: role, label: t(`roles.${role}`) }));
}
