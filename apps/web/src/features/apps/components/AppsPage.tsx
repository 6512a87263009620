import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Empty, Skeleton, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { usePermissions } from '../../auth/hooks/usePermissions';
import { PageHeader } from '../../shell/components/PageHeader';
import { QueryError } from '../../shell/components/QueryError';
import { useApps } from '../hooks/useApps';
import { AppCards } from './AppCards';
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
      {apps.isError && (
        <QueryError
          title={t('apps.loadFailed')}
          error={apps.error}
          onRetry={() => void apps.refetch()}
        />
      )}
      {apps.isPending && <Skeleton active />}
      {apps.data?.length === 0 && (
        <Card>
          <Empty
            data-testid="apps-empty"
            description={
              <>
                <Typography.Paragraph className="fw-empty-text">
                  {t('apps.empty')}
                </Typography.Paragraph>
                <Typography.Paragraph type="secondary">
                  {canDesign ? t('apps.emptyHint') : t('apps.emptyHintViewer')}
                </Typography.Paragraph>
              </>
            }
          >
            {newButton('app-new-empty')}
          </Empty>
        </Card>
      )}
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
