import { PlusOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { usePermissions } from '../../auth/hooks/usePermissions';
import { PageHeader } from '../../shell/components/PageHeader';
import { useApps } from '../hooks/useApps';
import { AppCards } from './AppCards';
import { AppsLoadState } from './AppsLoadState';
import { CreateAppModal } from './CreateAppModal';

export function AppsPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { canDesign } = usePermissions();
  const apps = useApps();
  const [creating, setCreating] = useState(false);

  const newButton = (testId: string) =>
    canDesign && (
      <Button
        type="primary"
        icon={<PlusOutlined aria-hidden />}
        onClick={() => setCreating(true)}
        data-testid={testId}
      >
        {t('apps.new')}
      </Button>
    );

  return (
    <section data-testid="apps-page">
      <PageHeader title={t('apps.title')} extra={newButton('app-new')} />
      <AppsLoadState
        apps={apps}
        emptyTestId="apps-empty"
        emptyText={t('apps.empty')}
        emptyHint={canDesign ? t('apps.emptyHint') : t('apps.emptyHintViewer')}
        emptyAction={newButton('app-new-empty')}
      />
      {apps.data && apps.data.length > 0 && <AppCards apps={apps.data} />}
      <CreateAppModal
        open={creating}
        onClose={() => setCreating(false)}
        onCreated={(app) => {
          setCreating(false);
          void navigate(`/apps/${app.key}`);
        }}
      />
    </section>
  );
}
