import {
  AppstoreOutlined,
  CheckSquareOutlined,
  DashboardOutlined,
  LayoutOutlined,
  SettingOutlined,
  TableOutlined,
} from '@ant-design/icons';
import { Menu, type MenuProps } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useNavigate } from 'react-router';
import { useSessionUser } from '../../auth/hooks/useSessionUser';
import { navKeyOf, visibleNavItems, type NavKey } from '../utils/navItems';

const ICONS: Record<NavKey, ReactNode> = {
  apps: <AppstoreOutlined />,
  records: <TableOutlined />,
  tasks: <CheckSquareOutlined />,
  templates: <LayoutOutlined />,
  dashboards: <DashboardOutlined />,
  admin: <SettingOutlined />,
};

interface NavMenuProps {
  /** Called after an item was chosen, e.g. to close the mobile drawer. */
  onNavigate?: () => void;
}

export function NavMenu({ onNavigate }: NavMenuProps) {
  const { t } = useTranslation();
  const location = useLocation();
  const navigate = useNavigate();
  const user = useSessionUser();
  const navItems = visibleNavItems(user.roles);

  const items: MenuProps['items'] = navItems.map((item) => ({
    key: item.key,
    icon: ICONS[item.key],
    label: <Link to={item.path}>{t(`nav.${item.key}`)}</Link>,
  }));

  // Labels are real links; this covers clicks on the icon (collapsed menu) and keyboard use.
  const onClick: MenuProps['onClick'] = ({ key, domEvent }) => {
    const fromLink = domEvent.target instanceof Element && domEvent.target.closest('a');
    const item = navItems.find((candidate) => candidate.key === key);
    if (!fromLink && item) void navigate(item.path);
    onNavigate?.();
  };

  return (
    <nav aria-label={t('nav.label')}>
      <Menu
        data-testid="nav"
        mode="inline"
        selectedKeys={[navKeyOf(location.pathname)]}
        items={items}
        onClick={onClick}
      />
    </nav>
  );
}
