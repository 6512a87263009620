import type { FlowHistoryEntry, FlowNode } from '@formwork/definitions';
import { Table, Typography, type TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../../lib/formatDate';
import { nodeName } from '../utils/describeProblem';

interface InstanceHistoryProps {
  history: FlowHistoryEntry[];
  nodes: ReadonlyMap<string, FlowNode>;
}

type Row = FlowHistoryEntry & { index: number };

/** Who did what, when, with which data: one row per node entered and per event. */
export function InstanceHistory({ history, nodes }: InstanceHistoryProps) {
  const { t } = useTranslation();
  const columns: TableColumnsType<Row> = [
    { title: t('flows.instance.when'), key: 'at', render: (_, entry) => formatDateTime(entry.at) },
    {
      title: t('flows.instance.node'),
      key: 'node',
      render: (_, entry) => (
        <span>
          {nodeName(nodes.get(entry.nodeId), entry.nodeId)}{' '}
          {nodeName(nodes.get(entry.nodeId), entry.nodeId) !== entry.nodeId && (
            <Typography.Text type="secondary">{entry.nodeId}</Typography.Text>
          )}
        </span>
      ),
    },
    { title: t('flows.instance.event'), dataIndex: 'event', key: 'event' },
    {
      title: t('flows.instance.by'),
      key: 'by',
      render: (_, entry) => entry.by ?? t('flows.instance.system'),
    },
    {
      title: t('flows.instance.data'),
      key: 'data',
      render: (_, entry) =>
        entry.data === undefined || entry.data === null ? (
          '—'
        ) : (
          <pre className="fw-json fw-flow-history-data">{JSON.stringify(entry.data, null, 2)}</pre>
        ),
    },
  ];
  return (
    <Table<Row>
      rowKey="index"
      columns={columns}
      dataSource={history.map((entry, index) => ({ ...entry, index }))}
      pagination={false}
      size="small"
      scroll={{ x: 'max-content' }}
      data-testid="instance-history"
      onRow={(entry) =>
        ({
          'data-testid': `instance-history-row-${entry.index}`,
          'data-node-id': entry.nodeId,
        }) as object
      }
    />
  );
}
