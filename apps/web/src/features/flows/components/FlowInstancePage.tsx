import type { FlowInstance, FlowVersion } from '@formwork/definitions';
import { Alert, Card, Collapse, Descriptions, Result, Skeleton, Typography } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { hasStatus } from '../../../lib/apiErrors';
import { formatDateTime } from '../../../lib/formatDate';
import { usePermissions } from '../../auth/hooks/usePermissions';
import { Breadcrumbs } from '../../shell/components/Breadcrumbs';
import { PageHeader } from '../../shell/components/PageHeader';
import { QueryError } from '../../shell/components/QueryError';
import { useFlowInstance, useFlowVersions } from '../hooks/useFlows';
import { displayName } from '../utils/describeProblem';
import { highlightRun } from '../utils/highlightRun';
import { FlowDiagram } from './FlowDiagram';
import { InstanceActions } from './InstanceActions';
import { InstanceHistory } from './InstanceHistory';
import { InstanceStatusTag } from './InstanceStatusTag';
import { flowPath } from './FlowsSection';
import './flows.css';

/** Approvals keep their outcome with their answer (`tasks.<node>.outcome`). */
function outcomesOf(tasks: Record<string, unknown>): Map<string, string[]> {
  const outcomes = new Map<string, string[]>();
  for (const [nodeId, answer] of Object.entries(tasks ?? {}))
    if (
      answer &&
      typeof answer === 'object' &&
      'outcome' in answer &&
      typeof answer.outcome === 'string'
    )
      outcomes.set(nodeId, [answer.outcome]);
  return outcomes;
}

/** /flow-instances/:id — one run: the diagram with its path, its history, and admin actions. */
export function FlowInstancePage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const instance = useFlowInstance(id);

  let body;
  if (hasStatus(instance.error, 404))
    body = (
      <Result
        status="404"
        title={<h1 className="fw-result-title">{t('flows.instance.notFound')}</h1>}
        extra={<Link to="/tasks">{t('flows.instance.toInbox')}</Link>}
        data-testid="instance-not-found"
      />
    );
  else if (instance.isError)
    body = (
      <QueryError
        title={t('flows.instance.loadFailed')}
        error={instance.error}
        onRetry={() => void instance.refetch()}
      />
    );
  else if (instance.isPending) body = <Skeleton active />;
  else body = <InstanceView instance={instance.data} />;
  return <section data-testid="instance-page">{body}</section>;
}

function InstanceView({ instance }: { instance: FlowInstance }) {
  const { t } = useTranslation();
  const { canDesign } = usePermissions();
  const versions = useFlowVersions(instance.app, instance.flow);
  const version: FlowVersion | undefined = versions.data?.find(
    (v) => v.version === instance.version,
  );
  const nodes = useMemo(
    () => new Map((version?.graph.nodes ?? []).map((node) => [node.id, node])),
    [version],
  );
  const { history, current, status, error, context } = instance;
  const highlight = useMemo(
    () =>
      version &&
      highlightRun(version.graph.nodes, version.graph.edges, {
        path: history.map((entry) => entry.nodeId),
        current,
        failed: status === 'failed' ? error?.nodeId : null,
        outcomes: outcomesOf(context.tasks),
      }),
    [version, history, current, status, error, context.tasks],
  );
  const flowName = version?.name ?? instance.flow;
  const recordLink =
    instance.recordId && instance.entity
      ? `/apps/${instance.app}/entities/${instance.entity}/records?record=${instance.recordId}`
      : null;

  return (
    <>
      <Breadcrumbs
        items={[
          { title: t('apps.title'), to: '/apps' },
          { title: instance.app, to: `/apps/${instance.app}` },
          canDesign
            ? { title: flowName, to: flowPath(instance.app, instance.flow) }
            : { title: flowName },
          { title: t('flows.instance.crumb', { id: instance.id.slice(0, 8) }) },
        ]}
      />
      <PageHeader
        title={t('flows.instance.title', { flow: flowName })}
        extra={canDesign && <InstanceActions instance={instance} />}
      />
      <Descriptions
        size="small"
        className="fw-block"
        column={{ xs: 1, sm: 2, lg: 3 }}
        data-testid="instance-summary"
      >
        <Descriptions.Item label={t('flows.instances.statusTitle')}>
          <InstanceStatusTag status={instance.status} testId="instance-status" />
        </Descriptions.Item>
        <Descriptions.Item label={t('flows.instances.version')}>
          {instance.version}
        </Descriptions.Item>
        <Descriptions.Item label={t('flows.instances.current')}>
          <span data-testid="instance-current">
            {instance.current
              .map((nodeId) => displayName(nodes.get(nodeId), nodeId, t))
              .join(', ') || '—'}
          </span>
        </Descriptions.Item>
        <Descriptions.Item label={t('flows.instances.record')}>
          {recordLink ? <Link to={recordLink}>{instance.recordId?.slice(0, 8)}</Link> : '—'}
        </Descriptions.Item>
        <Descriptions.Item label={t('flows.instances.started')}>
          {formatDateTime(instance.createdAt)}
        </Descriptions.Item>
        <Descriptions.Item label={t('flows.instances.updated')}>
          {formatDateTime(instance.updatedAt)}
        </Descriptions.Item>
      </Descriptions>
      {instance.status === 'failed' && (
        <Alert
          type="error"
          showIcon
          className="fw-block"
          title={t('flows.instance.failedAt', {
            node: instance.error
              ? displayName(nodes.get(instance.error.nodeId), instance.error.nodeId, t)
              : '?',
          })}
          description={instance.error?.message ?? t('flows.instance.noErrorText')}
          data-testid="instance-error"
        />
      )}
      <Card size="small" title={t('flows.instance.diagram')} className="fw-block">
        {versions.isError && (
          <QueryError
            title={t('flows.instance.versionFailed')}
            error={versions.error}
            onRetry={() => void versions.refetch()}
          />
        )}
        {versions.isPending && <Skeleton active />}
        {version && (
          <FlowDiagram graph={version.graph} highlight={highlight} testId="instance-diagram" />
        )}
        {versions.isSuccess && !version && (
          <Typography.Text type="secondary">
            {t('flows.instance.versionMissing', { version: instance.version })}
          </Typography.Text>
        )}
      </Card>
      <Card size="small" title={t('flows.instance.history')} className="fw-block">
        <InstanceHistory history={instance.history} nodes={nodes} />
      </Card>
      <Collapse
        className="fw-block"
        items={[
          {
            key: 'context',
            label: t('flows.instance.context'),
            children: (
              <pre className="fw-json" data-testid="instance-context">
                {JSON.stringify(instance.context, null, 2)}
              </pre>
            ),
          },
        ]}
      />
    </>
  );
}
