import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { App as AntApp, Button, Result, Skeleton, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { hasStatus } from '../../../lib/apiErrors';
import { problemText } from '../../../lib/problemText';
import { usePermissions } from '../../auth/hooks/usePermissions';
import { useEntities } from '../../entities/hooks/useEntities';
import { ClassifiersSection } from '../../classifiers/components/ClassifiersSection';
import { FlowsSection } from '../../flows/components/FlowsSection';
import { FormsSection } from '../../forms/components/FormsSection';
import { Breadcrumbs } from '../../shell/components/Breadcrumbs';
import { ConfirmDeleteModal } from '../../shell/components/ConfirmDeleteModal';
import { PageHeader } from '../../shell/components/PageHeader';
import { QueryError } from '../../shell/components/QueryError';
import { useDeleteApp } from '../hooks/useAppMutations';
import { useApp } from '../hooks/useApps';
import { EntitiesTable } from './EntitiesTable';

/** /apps/:app — an app and its entities. */
export function AppPage() {
  const { app: appKey = '' } = useParams();
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { message } = AntApp.useApp();
  const { canDesign } = usePermissions();
  const app = useApp(appKey);
  const entities = useEntities(appKey, app.isSuccess);
  const remove = useDeleteApp();
  const [deleting, setDeleting] = useState(false);

  if (app.isPending) return <Skeleton active />;
  if (hasStatus(app.error, 404))
    return (
      <Result
        status="404"
        title={<h1 className="fw-result-title">{t('apps.notFound', { key: appKey })}</h1>}
        extra={<Link to="/apps">{t('errors.backHome')}</Link>}
        data-testid="app-not-found"
      />
    );
  if (app.isError)
    return (
      <QueryError
        title={t('apps.loadFailed')}
        error={app.error}
        onRetry={() => void app.refetch()}
      />
    );

  const { name, key, description } = app.data;
  const confirmDelete = (): void =>
    remove.mutate(key, {
      onSuccess: () => {
        void message.success(t('apps.deletedToast', { name }));
        setDeleting(false);
        void Promise.resolve(navigate('/apps')).then(() => remove.forget(key));
      },
    });

  return (
    <section data-testid="app-page">
      <Breadcrumbs items={[{ title: t('apps.title'), to: '/apps' }, { title: name }]} />
      <PageHeader
        title={name}
        extra={
          canDesign && (
            <Space wrap>
              <Button
                danger
                icon={<DeleteOutlined aria-hidden />}
                onClick={() => setDeleting(true)}
                data-testid="app-delete"
              >
                {t('apps.delete')}
              </Button>
              <Button
                type="primary"
                icon={<PlusOutlined aria-hidden />}
                onClick={() => void navigate(`/apps/${key}/entities/new`)}
                data-testid="entity-new"
              >
                {t('entities.new')}
              </Button>
            </Space>
          )
        }
      />
      <div className="fw-block">
        <Tag className="fw-key-tag">{key}</Tag>
        {description && (
          <Typography.Paragraph type="secondary" className="fw-inline-paragraph">
            {description}
          </Typography.Paragraph>
        )}
      </div>
      <Typography.Title level={2} className="fw-section-title">
        {t('entities.title')}
      </Typography.Title>
      {entities.isError && (
        <QueryError
          title={t('entities.loadFailed')}
          error={entities.error}
          onRetry={() => void entities.refetch()}
        />
      )}
      <EntitiesTable app={key} entities={entities.data} loading={entities.isPending} />
      <FormsSection app={key} entities={entities.data ?? []} />
      <ClassifiersSection app={key} entities={entities.data ?? []} />
      <FlowsSection app={key} entities={entities.data ?? []} />
      <ConfirmDeleteModal
        open={deleting}
        title={t('apps.deleteTitle', { name })}
        warning={t('apps.deleteWarning')}
        confirmKey={key}
        deleting={remove.isPending}
        error={remove.isError ? problemText(remove.error, t) : null}
        onConfirm={confirmDelete}
        onClose={() => {
          setDeleting(false);
          remove.reset();
        }}
      />
    </section>
  );
}
