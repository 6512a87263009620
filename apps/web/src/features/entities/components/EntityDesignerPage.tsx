import { Result, Skeleton } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { hasStatus } from '../../../lib/apiErrors';
import { RequireDesigner } from '../../auth/components/RequireDesigner';
import { useApp } from '../../apps/hooks/useApps';
import { Breadcrumbs } from '../../shell/components/Breadcrumbs';
import { QueryError } from '../../shell/components/QueryError';
import { useEntities, useEntity } from '../hooks/useEntities';
import { EntityDesigner } from './EntityDesigner';

/** /apps/:app/entities/new and /apps/:app/entities/:entity/design (admins and builders). */
export function EntityDesignerPage() {
  return (
    <RequireDesigner>
      <DesignerLoader />
    </RequireDesigner>
  );
}

function DesignerLoader() {
  const { app = '', entity: entityKey } = useParams();
  const { t } = useTranslation();
  const appQuery = useApp(app);
  const entity = useEntity(app, entityKey);
  const entities = useEntities(app);

  const crumbs = [
    { title: t('apps.title'), to: '/apps' },
    { title: appQuery.data?.name ?? app, to: `/apps/${app}` },
    ...(entityKey
      ? [
          {
            title: entity.data?.name ?? entityKey,
            to: `/apps/${app}/entities/${entityKey}/records`,
          },
          { title: t('entities.design') },
        ]
      : [{ title: t('entities.new') }]),
  ];

  const loading = (entityKey !== undefined && entity.isPending) || entities.isPending;
  let body;
  if (hasStatus(entity.error, 404) || hasStatus(appQuery.error, 404))
    body = (
      <Result
        status="404"
        title={
          <h1 className="fw-result-title">{t('entities.notFound', { key: entityKey ?? app })}</h1>
        }
        extra={<Link to={`/apps/${app}`}>{t('entities.backToApp')}</Link>}
      />
    );
  else if (entity.isError || entities.isError)
    body = (
      <QueryError
        title={t('entities.loadFailed')}
        error={entity.error ?? entities.error}
        onRetry={() => {
          void entity.refetch();
          void entities.refetch();
        }}
      />
    );
  else if (loading) body = <Skeleton active />;
  else
    body = (
      <EntityDesigner
        key={`${app}/${entityKey ?? ''}`}
        app={app}
        entity={entity.data}
        entities={entities.data ?? []}
        reload={async () => (await entity.refetch()).data}
      />
    );

  return (
    <>
      <Breadcrumbs items={crumbs} />
      {body}
    </>
  );
}
