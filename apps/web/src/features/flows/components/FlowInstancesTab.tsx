import type { Entity, Flow, FlowInstance, FlowInstanceStatus } from '@formwork/definitions';
import { Empty, Segmented, Space, Table, Typography, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDateTime } from '../../../lib/formatDate';
import { QueryError } from '../../shell/components/QueryError';
import { useFlowInstances } from '../hooks/useFlows';
import { InstanceStatusTag } from './InstanceStatusTag';
import { OperationsCard } from './OperationsCard';
import { StartInstanceButton } from './StartInstanceButton';

const STATUSES: FlowInstanceStatus[] = ['running', 'waiting', 'completed', 'failed', 'cancelled'];
const shortId = (id: string) => id.slice(0, 8);

interface FlowInstancesTabProps {
  app: string;
  flow: Flow;
  triggerEntity: Entity | undefined;
}

/** The flow's instances (newest first, by status) and the operations card. */
export function FlowInstancesTab({ app, flow, triggerEntity }: FlowInstancesTabProps) {
  const { t } = useTranslation();
  const [status, setStatus] = useState<FlowInstanceStatus | 'all'>('all');
  const instances = useFlowInstances(app, flow.key, status === 'all' ? undefined : status);

  const columns: TableColumnsType<FlowInstance> = [
    {
      title: t('flows.instances.id'),
      key: 'id',
      render: (_, instance) => (
        <Link
          to={`/flow-instances/${instance.id}`}
          data-testid={`flow-instance-link-${instance.id}`}
        >
          {shortId(instance.id)}
        </Link>
      ),
    },
    {
      title: t('flows.instances.statusTitle'),
      key: 'status',
      render: (_, instance) => <InstanceStatusTag status={instance.status} />,
    },
    { title: t('flows.instances.version'), dataIndex: 'version', key: 'version' },
    {
      title: t('flows.instances.current'),
      key: 'current',
      render: (_, instance) => instance.current.join(', '),
    },
    {
      title: t('flows.instances.record'),
      key: 'record',
      render: (_, instance) =>
        instance.recordId && instance.entity ? (
          <Link to={`/apps/${app}/entities/${instance.entity}/records?record=${instance.recordId}`}>
            {shortId(instance.recordId)}
          </Link>
        ) : (
          '—'
        ),
    },
    {
      title: t('flows.instances.started'),
      key: 'createdAt',
      render: (_, i) => formatDateTime(i.createdAt),
    },
    {
      title: t('flows.instances.updated'),
      key: 'updatedAt',
      render: (_, i) => formatDateTime(i.updatedAt),
    },
  ];

  return (
    <div data-testid="flow-instances">
      <OperationsCard />
      <Space wrap className="fw-block">
        <Segmented<FlowInstanceStatus | 'all'>
          value={status}
          onChange={setStatus}
          options={[
            { value: 'all', label: t('flows.instances.all') },
            ...STATUSES.map((value) => ({ value, label: t(`flows.instances.status.${value}`) })),
          ]}
          data-testid="flow-instances-status"
        />
        <StartInstanceButton
          app={app}
          flowKey={flow.key}
          entity={triggerEntity}
          disabled={flow.publishedVersion === null}
        />
      </Space>
      {instances.isError && (
        <QueryError
          title={t('flows.instances.loadFailed')}
          error={instances.error}
          onRetry={() => void instances.refetch()}
        />
      )}
      <Table<FlowInstance>
        rowKey="id"
        columns={columns}
        dataSource={instances.data}
        loading={instances.isPending}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        scroll={{ x: 'max-content' }}
        locale={{
          emptyText: instances.isPending ? (
            ' '
          ) : (
            <Empty
              data-testid="flow-instances-empty"
              description={
                <Typography.Text type="secondary">
                  {flow.publishedVersion === null
                    ? t('flows.instances.emptyUnpublished')
                    : t('flows.instances.empty')}
                </Typography.Text>
              }
            />
          ),
        }}
        onRow={(instance) =>
          ({
            'data-testid': `flow-instance-row-${instance.id}`,
            'data-status': instance.status,
          }) as object
        }
      />
    </div>
  );
}
