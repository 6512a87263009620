import { DeleteOutlined, EditOutlined, PlusOutlined } from '@ant-design/icons';
import type { Entity, Flow } from '@formwork/definitions';
import {
  App as AntApp,
  Button,
  Empty,
  Space,
  Table,
  Tag,
  Typography,
  type TableColumnsType,
} from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { formatDateTime } from '../../../lib/formatDate';
import { problemText } from '../../../lib/problemText';
import { usePermissions } from '../../auth/hooks/usePermissions';
import { useClassifiers } from '../../classifiers/hooks/useClassifiers';
import { useForms } from '../../forms/hooks/useForms';
import { ConfirmDeleteModal } from '../../shell/components/ConfirmDeleteModal';
import { QueryError } from '../../shell/components/QueryError';
import { useDeleteFlow } from '../hooks/useFlowMutations';
import { useFlows } from '../hooks/useFlows';
import { CreateFlowModal } from './CreateFlowModal';

export const flowPath = (app: string, key: string) => `/apps/${app}/flows/${key}`;

/** The "Flows" part of an app's page: its flowcharts, new, edit, delete. */
export function FlowsSection({ app, entities }: { app: string; entities: Entity[] }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { message } = AntApp.useApp();
  const { canDesign } = usePermissions();
  const flows = useFlows(app);
  const forms = useForms(app, canDesign);
  const classifiers = useClassifiers(app, canDesign);
  const remove = useDeleteFlow(app);
  const [creating, setCreating] = useState(false);
  const [deleting, setDeleting] = useState<Flow | null>(null);

  const columns: TableColumnsType<Flow> = [
    {
      title: t('flows.name'),
      key: 'name',
      render: (_, flow) =>
        canDesign ? <Link to={flowPath(app, flow.key)}>{flow.name}</Link> : flow.name,
    },
    {
      title: t('flows.key'),
      key: 'key',
      render: (_, flow) => <Tag className="fw-key-tag">{flow.key}</Tag>,
    },
    {
      title: t('flows.trigger.type'),
      key: 'trigger',
      render: (_, flow) => t(`flows.trigger.types.${flow.trigger.type}`),
    },
    {
      title: t('flows.status'),
      key: 'status',
      render: (_, flow) => (
        <Space size={4} wrap>
          {flow.publishedVersion === null ? (
            <Tag>{t('flows.editor.notPublished')}</Tag>
          ) : (
            <Tag color="blue">{t('flows.editor.version', { version: flow.publishedVersion })}</Tag>
          )}
          {!flow.valid && <Tag color="red">{t('flows.invalidDraft')}</Tag>}
        </Space>
      ),
    },
    {
      title: t('flows.updated'),
      key: 'updatedAt',
      render: (_, flow) => formatDateTime(flow.updatedAt),
    },
    ...(canDesign
      ? [
          {
            title: t('common.actions'),
            key: 'actions',
            render: (_: unknown, flow: Flow) => (
              <Space wrap size="small">
                <Button
                  size="small"
                  icon={<EditOutlined aria-hidden />}
                  onClick={() => void navigate(flowPath(app, flow.key))}
                  data-testid={`flow-edit-${flow.key}`}
                >
                  {t('flows.edit')}
                </Button>
                <Button
                  size="small"
                  danger
                  icon={<DeleteOutlined aria-hidden />}
                  aria-label={t('flows.deleteNamed', { name: flow.name })}
                  onClick={() => setDeleting(flow)}
                  data-testid={`flow-delete-${flow.key}`}
                />
              </Space>
            ),
          },
        ]
      : []),
  ];

  const newButton = (primary: boolean, testId?: string) => (
    <Button
      type={primary ? 'primary' : 'default'}
      icon={<PlusOutlined aria-hidden />}
      onClick={() => setCreating(true)}
      data-testid={testId}
    >
      {t('flows.new')}
    </Button>
  );

  return (
    <section data-testid="flows-section" aria-labelledby="flows-section-title">
      <div className="fw-page-header">
        <Typography.Title level={2} className="fw-section-title" id="flows-section-title">
          {t('flows.title')}
        </Typography.Title>
        {canDesign && newButton(false, 'flow-new')}
      </div>
      {flows.isError && (
        <QueryError
          title={t('flows.listFailed')}
          error={flows.error}
          onRetry={() => void flows.refetch()}
        />
      )}
      <Table<Flow>
        rowKey="key"
        columns={columns}
        dataSource={flows.data}
        loading={flows.isPending}
        pagination={false}
        scroll={{ x: 'max-content' }}
        locale={{
          emptyText: flows.isPending ? (
            ' '
          ) : (
            <Empty
              data-testid="flows-empty"
              description={canDesign ? t('flows.emptyDesigner') : t('flows.empty')}
            >
              {canDesign && newButton(true)}
            </Empty>
          ),
        }}
        onRow={(flow) => ({ 'data-testid': `flow-row-${flow.key}` }) as object}
      />
      <CreateFlowModal
        app={app}
        open={creating}
        entities={entities}
        forms={forms.data ?? []}
        classifiers={classifiers.data ?? []}
        existingKeys={(flows.data ?? []).map((flow) => flow.key)}
        onClose={() => setCreating(false)}
        onCreated={(key) => void navigate(flowPath(app, key))}
      />
      <ConfirmDeleteModal
        open={deleting !== null}
        title={t('flows.deleteTitle', { name: deleting?.name ?? '' })}
        warning={t('flows.deleteWarning')}
        confirmKey={deleting?.key ?? ''}
        deleting={remove.isPending}
        error={remove.isError ? problemText(remove.error, t) : null}
        onConfirm={() =>
          deleting &&
          remove.mutate(deleting.key, {
            onSuccess: () => {
              void message.success(t('flows.deletedToast', { name: deleting.name }));
              setDeleting(null);
            },
          })
        }
        onClose={() => {
          setDeleting(null);
          remove.reset();
        }}
      />
    </section>
  );
}
