import { UserOutlined } from '@ant-design/icons';
import { Tooltip, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { RoleTags } from '../../auth/components/RoleTags';
import { useSessionUser } from '../../auth/hooks/useSessionUser';

export function CurrentUser() {
  const { t } = useTranslation();
  const user = useSessionUser();
  return (
    <Tooltip title={t('auth.signedInAs', { name: user.email })}>
      <span className="fw-current-user" data-testid="current-user">
        <UserOutlined aria-hidden />
        <Typography.Text strong className="fw-current-user-name">
          {user.name}
        </Typography.Text>
        <span className="fw-hide-narrow">
          <RoleTags roles={user.roles} />
        </span>
      </span>
    </Tooltip>
  );
}
