import { useTranslation } from 'react-i18next';
import { PlaceholderPage } from '../../shell/components/PlaceholderPage';

export function RecordsPage() {
  const { t } = useTranslation();
  return (
    <PlaceholderPage
      testId="records-page"
      title={t('pages.records.title')}
      description={t('pages.records.empty')}
      hint={t('pages.records.hint')}
    />
  );
}
