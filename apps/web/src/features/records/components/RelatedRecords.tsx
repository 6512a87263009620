import type { Entity, EntityRecord, Field, Filter } from '@formwork/definitions';
import { Empty, Skeleton, Table, Typography, type TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { QueryError } from '../../shell/components/QueryError';
import { useRecordList } from '../hooks/useRecords';
import { labelFieldOf, recordLabel } from '../utils/formatValue';
import { FieldValue } from './FieldValue';

const SHOWN = 10;

export interface Backlink {
  entity: Entity;
  field: Field;
}

/** Every relation field in the app that points at `entity`. */
export function backlinksTo(entity: Entity, entities: readonly Entity[]): Backlink[] {
  return entities.flatMap((other) =>
    other.fields
      .filter(
        (field) => !field.archived && field.type === 'relation' && field.target === entity.key,
      )
      .map((field) => ({ entity: other, field })),
  );
}

export const recordsPath = (app: string, entity: string, params: Record<string, string>) =>
  `/apps/${app}/entities/${entity}/records?${new URLSearchParams(params).toString()}`;

interface RelatedRecordsProps {
  app: string;
  id: string;
  backlinks: Backlink[];
}

/** "Records pointing here": for each relation to this entity, the records that name this one. */
export function RelatedRecords({ app, id, backlinks }: RelatedRecordsProps) {
  return (
    <div data-testid="related-records">
      {backlinks.map(({ entity, field }) => (
        <RelatedList
          key={`${entity.key}.${field.key}`}
          app={app}
          id={id}
          entity={entity}
          field={field}
        />
      ))}
    </div>
  );
}

function RelatedList({ app, id, entity, field }: { app: string; id: string } & Backlink) {
  const { t } = useTranslation();
  const filter: Filter = { field: field.key, op: 'eq', value: id };
  const { list, records } = useRecordList(app, entity.key, { filter, limit: SHOWN });
  const labelField = labelFieldOf(entity);
  const shownFields = entity.fields
    .filter((other) => !other.archived && other.key !== field.key && other.key !== labelField?.key)
    .slice(0, 3);

  const columns: TableColumnsType<EntityRecord> = [
    {
      key: 'record',
      title: labelField?.name ?? entity.name,
      render: (_, record) => (
        <Link to={recordsPath(app, entity.key, { record: record.id })}>
          {recordLabel(entity, record)}
        </Link>
      ),
    },
    ...shownFields.map((shown) => ({
      key: shown.key,
      title: shown.name,
      render: (_: unknown, record: EntityRecord) => (
        <FieldValue app={app} field={shown} value={record[shown.key]} />
      ),
    })),
  ];

  return (
    <section className="fw-block" data-testid={`related-${entity.key}-${field.key}`}>
      <div className="fw-related-head">
        <Typography.Title level={3} className="fw-subsection-title">
          {entity.name} · {field.name}
        </Typography.Title>
        <Link to={recordsPath(app, entity.key, { filter: JSON.stringify(filter) })}>
          {t('records.seeAll')}
        </Link>
      </div>
      {list.isPending ? (
        <Skeleton active paragraph={{ rows: 1 }} />
      ) : list.isError ? (
        <QueryError
          title={t('records.loadFailed')}
          error={list.error}
          onRetry={() => void list.refetch()}
        />
      ) : records.length === 0 ? (
        <Empty
          image={Empty.PRESENTED_IMAGE_SIMPLE}
          description={t('records.noRelated', { entity: entity.name })}
        />
      ) : (
        <Table<EntityRecord>
          rowKey="id"
          size="small"
          columns={columns}
          dataSource={records}
          pagination={false}
          scroll={{ x: 'max-content' }}
          footer={list.hasNextPage ? () => t('records.moreRelated', { count: SHOWN }) : undefined}
        />
      )}
    </section>
  );
}
