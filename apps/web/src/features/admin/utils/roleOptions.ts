import { ROLES, type Role } from '@formwork/definitions';
import type { TFunction } from 'i18next';

export function roleOptions(t: TFunction): { value: Role; label: string }[] {
  return ROLES.map((role) => ({ value: role, label: t(`roles.${role}`) }));
}
