import type { Role } from '@formwork/definitions';
import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { ROLE_COLORS } from '../utils/roles';

export function RoleTags({ roles }: { roles: readonly Role[] }) {
  const { t } = useTranslation();
  return (
    <span className="fw-role-tags">
      {roles.map((role) => (
        <Tag key={role} color={ROLE_COLORS[role]} data-role={role}>
          {t(`roles.${role}`)}
        </Tag>
      ))}
    </span>
  );
}
