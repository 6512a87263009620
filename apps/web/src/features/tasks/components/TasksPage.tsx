import { useTranslation } from 'react-i18next';
import { PlaceholderPage } from '../../shell/components/PlaceholderPage';

export function TasksPage() {
  const { t } = useTranslation();
  return (
    <PlaceholderPage
      testId="tasks-page"
      title={t('pages.tasks.title')}
      description={t('pages.tasks.empty')}
      hint={t('pages.tasks.hint')}
    />
  );
}
