import { TableOutlined } from '@ant-design/icons';
import type { App } from '@formwork/definitions';
import { Card, Skeleton, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { AppsLoadState } from '../../apps/components/AppsLoadState';
import { useApps } from '../../apps/hooks/useApps';
import { useEntities } from '../../entities/hooks/useEntities';
import { PageHeader } from '../../shell/components/PageHeader';
import { QueryError } from '../../shell/components/QueryError';

/** /records — pick an app's entity to browse its records. */
export function RecordsPage() {
  const { t } = useTranslation();
  const apps = useApps();
  return (
    <section data-testid="records-page">
      <PageHeader title={t('pages.records.title')} />
      <AppsLoadState
        apps={apps}
        emptyTestId="records-no-apps"
        emptyText={t('pages.records.empty')}
        emptyHint={<Link to="/apps">{t('pages.records.hint')}</Link>}
      />
      <div className="fw-stack">
        {apps.data?.map((app) => (
          <AppEntities key={app.key} app={app} />
        ))}
      </div>
    </section>
  );
}

function AppEntities({ app }: { app: App }) {
  const { t } = useTranslation();
  const entities = useEntities(app.key);
  return (
    <Card
      title={<Link to={`/apps/${app.key}`}>{app.name}</Link>}
      size="small"
      data-testid={`records-app-${app.key}`}
    >
      {entities.isPending && <Skeleton active paragraph={{ rows: 1 }} />}
      {entities.isError && (
        <QueryError
          title={t('entities.loadFailed')}
          error={entities.error}
          onRetry={() => void entities.refetch()}
        />
      )}
      {entities.data?.length === 0 && (
        <Typography.Text type="secondary">{t('entities.empty')}</Typography.Text>
      )}
      <ul className="fw-entity-links">
        {entities.data?.map((entity) => (
          <li key={entity.key}>
            <Link
              to={`/apps/${app.key}/entities/${entity.key}/records`}
              className="fw-entity-link"
              data-testid={`records-entity-${app.key}-${entity.key}`}
            >
              <TableOutlined aria-hidden /> {entity.name}
            </Link>
          </li>
        ))}
      </ul>
    </Card>
  );
}
