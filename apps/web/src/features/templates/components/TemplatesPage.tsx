import { useTranslation } from 'react-i18next';
import { PlaceholderPage } from '../../shell/components/PlaceholderPage';

export function TemplatesPage() {
  const { t } = useTranslation();
  return (
    <PlaceholderPage
      testId="templates-page"
      title={t('pages.templates.title')}
      description={t('pages.templates.empty')}
      hint={t('pages.templates.hint')}
    />
  );
}
