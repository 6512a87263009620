import { Card, Col, Row, Statistic, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDateTime } from '../../../lib/formatDate';
import { QueryError } from '../../shell/components/QueryError';
import { useFlowOperations } from '../hooks/useFlows';

/** Queue depth, instances by status and overdue tasks: a stuck flow shows here first. */
export function OperationsCard() {
  const { t } = useTranslation();
  const operations = useFlowOperations();
  if (operations.isError)
    return (
      <QueryError
        title={t('flows.operations.loadFailed')}
        error={operations.error}
        onRetry={() => void operations.refetch()}
      />
    );
  const data = operations.data;
  const stat = (key: string, title: string, value: number | undefined, danger = false) => (
    <Col xs={12} sm={8} md={4} key={key}>
      <Statistic
        title={title}
        value={value ?? '—'}
        loading={operations.isPending}
        styles={{ content: danger && value ? { color: '#cf1322' } : undefined }}
        data-testid={`flow-ops-${key}`}
      />
    </Col>
  );
  return (
    <Card
      size="small"
      title={t('flows.operations.title')}
      className="fw-block"
      data-testid="flow-operations"
    >
      <Row gutter={[16, 8]}>
        {stat('queue', t('flows.operations.queue'), data?.queueDepth)}
        {stat('running', t('flows.instances.status.running'), data?.instances.running)}
        {stat('waiting', t('flows.instances.status.waiting'), data?.instances.waiting)}
        {stat('failed', t('flows.instances.status.failed'), data?.instances.failed, true)}
        {stat('overdue', t('flows.operations.overdue'), data?.overdueTasks, true)}
      </Row>
      {data && data.failed.length > 0 && (
        <ul className="fw-plain-list fw-gap-top" data-testid="flow-ops-failures">
          {data.failed.slice(0, 5).map((failure) => (
            <li key={failure.id}>
              <Link to={`/flow-instances/${failure.id}`}>{failure.flow}</Link>{' '}
              <Typography.Text type="danger">
                {failure.nodeId}: {failure.message}
              </Typography.Text>{' '}
              <Typography.Text type="secondary">{formatDateTime(failure.at)}</Typography.Text>
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}
