import { LogoutOutlined } from '@ant-design/icons';
import { App, Button } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { hasStatus } from '../../../lib/apiErrors';
import { useLogout } from '../../auth/hooks/useLogout';

export function LogoutButton() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const logout = useLogout();

  const onClick = (): void => {
    logout.mutate(undefined, {
      onError: (error) => {
        if (!hasStatus(error, 401)) void message.warning(t('auth.logoutFailed'));
      },
      onSettled: () => void navigate('/login', { replace: true }),
    });
  };

  return (
    <Button
      data-testid="logout"
      icon={<LogoutOutlined aria-hidden />}
      aria-label={t('auth.logout')}
      loading={logout.isPending}
      onClick={onClick}
    >
      <span className="fw-hide-narrow">{t('auth.logout')}</span>
    </Button>
  );
}
