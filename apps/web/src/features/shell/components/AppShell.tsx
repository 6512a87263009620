import { App, Drawer, Layout } from 'antd';
import { Suspense, useState, type MouseEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Outlet } from 'react-router';
import { useIsMobile } from '../hooks/useIsMobile';
import { AppHeader } from './AppHeader';
import { NavMenu } from './NavMenu';
import { PageLoading } from './PageLoading';

function focusMain(event: MouseEvent<HTMLAnchorElement>): void {
  event.preventDefault();
  document.getElementById('main')?.focus();
}

/** Layout of every signed-in page: header, navigation (sider, or drawer on phones), content. */
export function AppShell() {
  const { t } = useTranslation();
  const isMobile = useIsMobile();
  const [collapsed, setCollapsed] = useState(false);
  const [drawerOpen, setDrawerOpen] = useState(false);

  const toggleNav = (): void => {
    if (isMobile) setDrawerOpen((open) => !open);
    else setCollapsed((value) => !value);
  };

  return (
    // antd's App gives the pages `App.useApp()` for messages in the current locale.
    <App>
      <Layout className="fw-shell" data-testid="app-shell">
        <a className="fw-skip-link" href="#main" onClick={focusMain}>
          {t('app.skipToContent')}
        </a>
        {isMobile ? (
          <Drawer
            open={drawerOpen}
            onClose={() => setDrawerOpen(false)}
            placement="left"
            size={260}
            title={t('app.name')}
            id="fw-nav"
          >
            <NavMenu onNavigate={() => setDrawerOpen(false)} />
          </Drawer>
        ) : (
          <Layout.Sider
            id="fw-nav"
            theme="light"
            width={220}
            collapsedWidth={64}
            collapsed={collapsed}
            trigger={null}
            className="fw-sider"
          >
            <NavMenu />
          </Layout.Sider>
        )}
        <Layout className="fw-main">
          <AppHeader
            isMobile={isMobile}
            navOpen={isMobile ? drawerOpen : !collapsed}
            onToggleNav={toggleNav}
          />
          <Layout.Content id="main" tabIndex={-1} className="fw-content">
            <Suspense fallback={<PageLoading />}>
              <Outlet />
            </Suspense>
          </Layout.Content>
        </Layout>
      </Layout>
    </App>
  );
}
