import { Tabs } from 'antd';
import { useTranslation } from 'react-i18next';
import { Outlet, useLocation, useNavigate } from 'react-router';
import { RequireRole } from '../../auth/components/RequireRole';

const SECTIONS = ['users', 'audit'] as const;

/** /admin/*: only for admins; a tab per section above the section's page. */
export function AdminLayout() {
  return (
    <RequireRole role="admin">
      <AdminSections />
    </RequireRole>
  );
}

function AdminSections() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const active = SECTIONS.find((section) => pathname.startsWith(`/admin/${section}`));

  return (
    <>
      <Tabs
        aria-label={t('admin.sections.label')}
        activeKey={active}
        onChange={(key) => void navigate(`/admin/${key}`)}
        items={SECTIONS.map((section) => ({
          key: section,
          label: <span data-testid={`admin-tab-${section}`}>{t(`admin.sections.${section}`)}</span>,
        }))}
      />
      <Outlet />
    </>
  );
}
