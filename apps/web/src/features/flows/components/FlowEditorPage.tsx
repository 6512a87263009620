import { Result, Skeleton } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { hasStatus } from '../../../lib/apiErrors';
import { useApp } from '../../apps/hooks/useApps';
import { RequireDesigner } from '../../auth/components/RequireDesigner';
import { Breadcrumbs } from '../../shell/components/Breadcrumbs';
import { QueryError } from '../../shell/components/QueryError';
import { useFlow } from '../hooks/useFlows';
import { FlowEditor } from './FlowEditor';

/** /apps/:app/flows/:flow (admins and builders): the flow editor. */
export function FlowEditorPage() {
  return (
    <RequireDesigner>
      <EditorLoader />
    </RequireDesigner>
  );
}

function EditorLoader() {
  const { app = '', flow: key = '' } = useParams();
  const { t } = useTranslation();
  const appQuery = useApp(app);
  const flow = useFlow(app, key);

  const crumbs = [
    { title: t('apps.title'), to: '/apps' },
    { title: appQuery.data?.name ?? app, to: `/apps/${app}` },
    { title: t('flows.title') },
    { title: flow.data?.name ?? key },
  ];

  let body;
  if (hasStatus(appQuery.error, 404) || hasStatus(flow.error, 404))
    body = (
      <Result
        status="404"
        title={
          <h1 className="fw-result-title">
            {hasStatus(appQuery.error, 404)
              ? t('apps.notFound', { key: app })
              : t('flows.notFound', { key })}
          </h1>
        }
        extra={<Link to={`/apps/${app}`}>{t('flows.backToApp')}</Link>}
        data-testid="flow-not-found"
      />
    );
  else if (flow.isError)
    body = (
      <QueryError
        title={t('flows.loadFailed')}
        error={flow.error}
        onRetry={() => void flow.refetch()}
      />
    );
  else if (flow.isPending) body = <Skeleton active />;
  else body = <FlowEditor key={`${app}/${key}`} app={app} flow={flow.data} />;

  return (
    <>
      <Breadcrumbs items={crumbs} />
      {body}
    </>
  );
}
