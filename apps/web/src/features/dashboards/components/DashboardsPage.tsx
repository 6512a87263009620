import { useTranslation } from 'react-i18next';
import { PlaceholderPage } from '../../shell/components/PlaceholderPage';

export function DashboardsPage() {
  const { t } = useTranslation();
  return (
    <PlaceholderPage
      testId="dashboards-page"
      title={t('pages.dashboards.title')}
      description={t('pages.dashboards.empty')}
      hint={t('pages.dashboards.hint')}
    />
  );
}
