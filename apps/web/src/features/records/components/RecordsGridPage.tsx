import { EditOutlined, FilterOutlined, PlusOutlined, UploadOutlined } from '@ant-design/icons';
import { Alert, Badge, Button, Card, Empty, Input, Result, Skeleton, Space } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { hasStatus } from '../../../lib/apiErrors';
import { useApp } from '../../apps/hooks/useApps';
import { usePermissions } from '../../auth/hooks/usePermissions';
import { useEntities, useEntity } from '../../entities/hooks/useEntities';
import { FillFormButton } from '../../forms/components/FillFormButton';
import { useEntityForms } from '../../forms/hooks/useForms';
import { Breadcrumbs } from '../../shell/components/Breadcrumbs';
import { LoadMoreButton } from '../../shell/components/LoadMoreButton';
import { PageHeader } from '../../shell/components/PageHeader';
import { QueryError } from '../../shell/components/QueryError';
import { useGridParams } from '../hooks/useGridParams';
import { useRecordList } from '../hooks/useRecords';
import { expandOf } from '../utils/expand';
import { recordLabel } from '../utils/formatValue';
import { countConditions } from '../utils/filterDraft';
import { CreateRecordModal } from './CreateRecordModal';
import { ExportButtons } from './ExportButtons';
import { FilterBuilder } from './FilterBuilder';
import { ImportModal } from './ImportModal';
import { RecordDrawer } from './RecordDrawer';
import { RecordsTable } from './RecordsTable';

/** /apps/:app/entities/:entity/records — the records of one entity. */
export function RecordsGridPage() {
  const { app = '', entity: entityKey = '' } = useParams();
  const { t } = useTranslation();
  const appQuery = useApp(app);
  const entity = useEntity(app, entityKey);
  const entities = useEntities(app);

  const crumbs = [
    { title: t('apps.title'), to: '/apps' },
    { title: appQuery.data?.name ?? app, to: `/apps/${app}` },
    { title: entity.data?.name ?? entityKey },
  ];

  let body;
  if (hasStatus(entity.error, 404) || hasStatus(appQuery.error, 404))
    body = (
      <Result
        status="404"
        title={<h1 className="fw-result-title">{t('entities.notFound', { key: entityKey })}</h1>}
        extra={<Link to={`/apps/${app}`}>{t('entities.backToApp')}</Link>}
      />
    );
  else if (entity.isError)
    body = (
      <QueryError
        title={t('entities.loadFailed')}
        error={entity.error}
        onRetry={() => void entity.refetch()}
      />
    );
  else if (entity.isPending) body = <Skeleton active />;
  else
    body = <RecordsGrid app={app} entity={entity.data} entities={entities.data ?? [entity.data]} />;

  return (
    <section data-testid="records-grid">
      <Breadcrumbs items={crumbs} />
      {body}
    </section>
  );
}

interface RecordsGridProps {
  app: string;
  entity: NonNullable<ReturnType<typeof useEntity>['data']>;
  entities: NonNullable<ReturnType<typeof useEntities>['data']>;
}

function RecordsGrid({ app, entity, entities }: RecordsGridProps) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { canDesign, canEditRecords } = usePermissions();
  const params = useGridParams();
  const [filterOpen, setFilterOpen] = useState(params.filter !== undefined);
  const [creating, setCreating] = useState(false);
  const [importing, setImporting] = useState(false);
  const [searchText, setSearchText] = useState(params.search ?? '');
  const query = useMemo(
    () => ({
      filter: params.filter,
      sort: params.sort,
      search: params.search,
      expand: expandOf(entity),
    }),
    [params.filter, params.sort, params.search, entity],
  );
  const { list, records } = useRecordList(app, entity.key, query);
  const conditionCount = countConditions(params.filter);
  const narrowed = conditionCount > 0 || Boolean(params.search);
  const hasFields = entity.fields.some((field) => !field.archived);
  // Filling a form in creates or changes a record: for those who may edit records.
  const entityForms = useEntityForms(app, entity.key);
  const fillForms = canEditRecords ? entityForms : [];

  const empty = (
    <Empty
      data-testid="records-empty"
      description={
        narrowed
          ? t('records.noMatchesView')
          : canEditRecords
            ? t('records.emptyEditor')
            : t('records.empty')
      }
    >
      {narrowed ? (
        <Button
          onClick={() => {
            setSearchText('');
            params.setFilter(undefined);
            params.setSearch(undefined);
          }}
        >
          {t('records.clearView')}
        </Button>
      ) : (
        canEditRecords &&
        hasFields && (
          <Space wrap>
            <Button
              type="primary"
              icon={<PlusOutlined aria-hidden />}
              onClick={() => setCreating(true)}
            >
              {t('records.new')}
            </Button>
            <Button icon={<UploadOutlined aria-hidden />} onClick={() => setImporting(true)}>
              {t('records.import')}
            </Button>
          </Space>
        )
      )}
    </Empty>
  );

  return (
    <>
      <PageHeader
        title={entity.name}
        extra={
          <Space wrap>
            {canDesign && (
              <Button
                icon={<EditOutlined aria-hidden />}
                onClick={() => void navigate(`/apps/${app}/entities/${entity.key}/design`)}
                data-testid="records-design"
              >
                {t('entities.design')}
              </Button>
            )}
            {canEditRecords && (
              <Button
                icon={<UploadOutlined aria-hidden />}
                onClick={() => setImporting(true)}
                data-testid="import-open"
              >
                {t('records.import')}
              </Button>
            )}
            <ExportButtons
              app={app}
              entity={entity.key}
              query={{ filter: params.filter, sort: params.sort, search: params.search }}
            />
            <FillFormButton app={app} forms={fillForms} testId="records-fill-form" />
            {canEditRecords && (
              <Button
                type="primary"
                icon={<PlusOutlined aria-hidden />}
                onClick={() => setCreating(true)}
                disabled={!hasFields}
                data-testid="record-new"
              >
                {t('records.new')}
              </Button>
            )}
          </Space>
        }
      />
      {!hasFields && (
        <Alert type="info" showIcon title={t('records.noFields')} className="fw-block" />
      )}
      <div className="fw-grid-toolbar">
        <Input.Search
          className="fw-grid-search"
          placeholder={t('records.searchPlaceholder')}
          aria-label={t('records.search')}
          allowClear
          value={searchText}
          onChange={(event) => {
            setSearchText(event.target.value);
            if (!event.target.value) params.setSearch(undefined);
          }}
          onSearch={(value) => params.setSearch(value || undefined)}
          data-testid="records-search"
        />
        <Badge count={conditionCount} size="small">
          <Button
            icon={<FilterOutlined aria-hidden />}
            aria-expanded={filterOpen}
            onClick={() => setFilterOpen((open) => !open)}
            data-testid="filter-toggle"
          >
            {t('filter.title')}
          </Button>
        </Badge>
      </div>
      {params.badFilter && (
        <Alert type="warning" showIcon title={t('filter.badParam')} className="fw-block" />
      )}
      {filterOpen && (
        <Card size="small" className="fw-block">
          <FilterBuilder
            key={JSON.stringify(params.filter ?? null)}
            app={app}
            entity={entity}
            entities={entities}
            filter={params.filter}
            onApply={params.setFilter}
          />
        </Card>
      )}
      {list.isError && (
        <QueryError
          title={t('records.loadFailed')}
          error={list.error}
          onRetry={() => void list.refetch()}
          testId="records-error"
        />
      )}
      <RecordsTable
        app={app}
        entity={entity}
        entities={entities}
        records={records}
        loading={list.isPending || (list.isFetching && !list.isFetchingNextPage)}
        sort={params.sort}
        onSort={params.setSort}
        empty={empty}
        rowActions={
          fillForms.length > 0
            ? (record) => (
                <FillFormButton
                  app={app}
                  forms={fillForms}
                  recordId={record.id}
                  recordLabel={recordLabel(entity, record)}
                  size="small"
                  testId="record-fill-form"
                />
              )
            : undefined
        }
      />
      <LoadMoreButton
        hasMore={list.hasNextPage}
        loading={list.isFetchingNextPage}
        onLoadMore={() => void list.fetchNextPage()}
        testId="records-load-more"
      />
      {canEditRecords && (
        <>
          <CreateRecordModal
            app={app}
            entity={entity}
            open={creating}
            onClose={() => setCreating(false)}
            onCreated={() => setCreating(false)}
          />
          <ImportModal
            app={app}
            entity={entity}
            open={importing}
            onClose={() => setImporting(false)}
          />
        </>
      )}
      <RecordDrawer
        app={app}
        entity={entity}
        entities={entities}
        recordId={params.record}
        onClose={() => params.openRecord(null)}
      />
    </>
  );
}
