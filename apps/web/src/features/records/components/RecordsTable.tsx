import type { Entity, EntityRecord, Field } from '@formwork/definitions';
import { Table, Typography, type TableColumnsType, type TableProps } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { recordLabel, textOf } from '../utils/formatValue';
import { sortOrderOf, sortParamOf } from '../utils/sortParam';
import { FieldValue } from './FieldValue';

const UNSORTABLE = new Set(['multiselect', 'longtext', 'file']);

interface RecordsTableProps {
  app: string;
  entity: Entity;
  entities: Entity[];
  records: EntityRecord[];
  loading: boolean;
  sort: string | undefined;
  onSort: (sort: string | undefined) => void;
  empty: ReactNode;
  /** What a row offers beside opening it (e.g. filling a form for it), in a last column. */
  rowActions?: (record: EntityRecord) => ReactNode;
}

/** One column per field, typed rendering, server-side sorting by clicking a header. */
export function RecordsTable({
  app,
  entity,
  entities,
  records,
  loading,
  sort,
  onSort,
  empty,
  rowActions,
}: RecordsTableProps) {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const fields = entity.fields.filter((field) => !field.archived);

  const openLink = (record: EntityRecord, children: ReactNode) => {
    const next = new URLSearchParams(params);
    next.set('record', record.id);
    return (
      <Link to={`?${next.toString()}`} data-testid="record-open">
        {children}
      </Link>
    );
  };

  const relationLabel = (field: Field, value: unknown): string | undefined => {
    if (!value || typeof value !== 'object') return undefined;
    const target = entities.find((candidate) => candidate.key === field.target);
    return recordLabel(target, value as Record<string, unknown>);
  };

  const columns: TableColumnsType<EntityRecord> = fields.map((field, index) => ({
    key: field.key,
    title: <span data-testid={`column-${field.key}`}>{field.name}</span>,
    sorter: !UNSORTABLE.has(field.type),
    sortOrder: sortOrderOf(sort, field.key),
    showSorterTooltip: false,
    align: ['integer', 'number', 'money', 'percent'].includes(field.type) ? 'right' : undefined,
    render: (_: unknown, record: EntityRecord) => {
      const cell = (
        <FieldValue
          app={app}
          field={field}
          value={record[field.key]}
          relationLabel={relationLabel(field, record[field.key])}
        />
      );
      if (index > 0) return <span data-testid={`cell-${field.key}`}>{cell}</span>;
      const value = record[field.key];
      // The first column opens the record: no links inside that link.
      const content =
        value == null || value === '' || field.type === 'relation' ? (
          <Typography.Text type="secondary">{t('records.open')}</Typography.Text>
        ) : field.type === 'email' || field.type === 'url' ? (
          textOf(value)
        ) : (
          cell
        );
      return <span data-testid={`cell-${field.key}`}>{openLink(record, content)}</span>;
    },
  }));

  if (rowActions)
    columns.push({
      key: 'actions',
      title: t('common.actions'),
      fixed: 'right',
      render: (_: unknown, record: EntityRecord) => rowActions(record),
    });

  const onChange: TableProps<EntityRecord>['onChange'] = (_, __, sorter) => {
    const single = Array.isArray(sorter) ? sorter[0] : sorter;
    onSort(single?.columnKey ? sortParamOf(String(single.columnKey), single.order) : undefined);
  };

  return (
    <div data-testid="records-table">
      <Table<EntityRecord>
        rowKey="id"
        columns={columns}
        dataSource={records}
        loading={loading}
        pagination={false}
        scroll={{ x: 'max-content' }}
        onChange={onChange}
        locale={{ emptyText: loading ? ' ' : empty }}
        onRow={(record) => ({ 'data-testid': 'record-row', 'data-record-id': record.id }) as object}
      />
    </div>
  );
}
