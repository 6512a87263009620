import type { AuditEntry } from '@formwork/definitions';
import { Table, Tooltip, Typography, type TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../../lib/formatDate';
import { shortId } from '../utils/shortId';
import { AuditChange } from './AuditChange';

interface AuditTableProps {
  entries: AuditEntry[];
  loading: boolean;
  /** Names of the users known so far, by id, to show who acted. */
  actorNames: ReadonlyMap<string, string>;
}

export function AuditTable({ entries, loading, actorNames }: AuditTableProps) {
  const { t } = useTranslation();

  const columns: TableColumnsType<AuditEntry> = [
    { title: t('admin.audit.at'), key: 'at', render: (_, entry) => formatDateTime(entry.at) },
    {
      title: t('admin.audit.actor'),
      key: 'actor',
      render: (_, { actorId }) =>
        actorId ? (
          <Tooltip title={actorId}>
            <span>{actorNames.get(actorId) ?? shortId(actorId)}</span>
          </Tooltip>
        ) : (
          <Typography.Text type="secondary">{t('admin.audit.system')}</Typography.Text>
        ),
    },
    {
      title: t('admin.audit.action'),
      key: 'action',
      render: (_, entry) => <Typography.Text code>{entry.action}</Typography.Text>,
    },
    {
      title: t('admin.audit.subject'),
      key: 'subject',
      render: (_, { subjectType, subjectId }) => (
        <span>
          {subjectType}
          {subjectId && (
            <Tooltip title={subjectId}>
              <Typography.Text type="secondary"> {shortId(subjectId)}</Typography.Text>
            </Tooltip>
          )}
        </span>
      ),
    },
  ];

  return (
    <div data-testid="audit-table">
      <Table<AuditEntry>
        rowKey="id"
        columns={columns}
        dataSource={entries}
        loading={loading}
        pagination={false}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: t('admin.audit.empty') }}
        expandable={{
          rowExpandable: (entry) => entry.before != null || entry.after != null || entry.ip != null,
          expandedRowRender: (entry) => <AuditChange entry={entry} />,
        }}
      />
    </div>
  );
}
