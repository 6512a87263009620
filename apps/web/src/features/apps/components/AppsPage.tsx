import { useTranslation } from 'react-i18next';
import { PlaceholderPage } from '../../shell/components/PlaceholderPage';

export function AppsPage() {
  const { t } = useTranslation();
  return (
    <PlaceholderPage
      testId="apps-page"
      title={t('pages.apps.title')}
      description={t('pages.apps.empty')}
      hint={t('pages.apps.hint')}
    />
  );
}
