import { MenuFoldOutlined, MenuUnfoldOutlined } from '@ant-design/icons';
import { Button, Layout } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { LanguageSwitch } from '../../../i18n/LanguageSwitch';
import { CurrentUser } from './CurrentUser';
import { LogoutButton } from './LogoutButton';

interface AppHeaderProps {
  /** Whether the navigation is shown (expanded sider or open drawer). */
  navOpen: boolean;
  isMobile: boolean;
  onToggleNav: () => void;
}

export function AppHeader({ navOpen, isMobile, onToggleNav }: AppHeaderProps) {
  const { t } = useTranslation();
  const toggleLabel = isMobile ? t('nav.open') : navOpen ? t('nav.collapse') : t('nav.expand');
  return (
    <Layout.Header className="fw-header">
      <Button
        type="text"
        className="fw-nav-toggle"
        icon={navOpen && !isMobile ? <MenuFoldOutlined /> : <MenuUnfoldOutlined />}
        aria-label={toggleLabel}
        aria-expanded={navOpen}
        aria-controls="fw-nav"
        onClick={onToggleNav}
        data-testid="nav-toggle"
      />
      <Link to="/apps" className="fw-brand">
        <img src="/favicon.svg" alt="" width={24} height={24} />
        <span>{t('app.name')}</span>
      </Link>
      <div className="fw-header-actions">
        <LanguageSwitch size="small" />
        <CurrentUser />
        <LogoutButton />
      </div>
    </Layout.Header>
  );
}
