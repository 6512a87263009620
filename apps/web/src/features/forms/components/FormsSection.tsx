import { DeleteOutlined, EditOutlined, FormOutlined, PlusOutlined } from '@ant-design/icons';
import type { Entity, Form } from '@formwork/definitions';
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
import { ConfirmDeleteModal } from '../../shell/components/ConfirmDeleteModal';
import { QueryError } from '../../shell/components/QueryError';
import { useDeleteForm } from '../hooks/useFormMutations';
import { useForms } from '../hooks/useForms';
import { CreateFormModal } from './CreateFormModal';
import { FormStatusTags } from './FormStatusTags';

/** The "Forms" part of an app's page: its forms, "New form", fill and design links. */
export function FormsSection({ app, entities }: { app: string; entities: Entity[] }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { message } = AntApp.useApp();
  const { canDesign } = usePermissions();
  const forms = useForms(app);
  const remove = useDeleteForm(app);
  const [creating, setCreating] = useState(false);
  const [deleting, setDeleting] = useState<Form | null>(null);
  const fillPath = (form: Form) => `/apps/${app}/forms/${form.key}/fill`;
  const designPath = (form: Form) => `/apps/${app}/forms/${form.key}/design`;
  const entityName = (key: string | null) =>
    entities.find((entity) => entity.key === key)?.name ?? key ?? '—';

  const columns: TableColumnsType<Form> = [
    {
      title: t('forms.name'),
      key: 'name',
      render: (_, form) => (
        <Link to={canDesign ? designPath(form) : fillPath(form)}>{form.name}</Link>
      ),
    },
    {
      title: t('forms.key'),
      key: 'key',
      render: (_, form) => <Tag className="fw-key-tag">{form.key}</Tag>,
    },
    { title: t('forms.entity'), key: 'entity', render: (_, form) => entityName(form.entity) },
    {
      title: t('forms.status'),
      key: 'status',
      render: (_, form) => <FormStatusTags form={form} />,
    },
    { title: t('forms.version'), dataIndex: 'version', key: 'version' },
    {
      title: t('forms.updated'),
      key: 'updatedAt',
      render: (_, form) => formatDateTime(form.updatedAt),
    },
    {
      title: t('common.actions'),
      key: 'actions',
      render: (_, form) => (
        <Space wrap size="small">
          <Button
            size="small"
            icon={<FormOutlined aria-hidden />}
            onClick={() => void navigate(fillPath(form))}
            data-testid={`form-fill-${form.key}`}
          >
            {t('forms.fill')}
          </Button>
          {canDesign && (
            <Button
              size="small"
              icon={<EditOutlined aria-hidden />}
              onClick={() => void navigate(designPath(form))}
              data-testid={`form-design-${form.key}`}
            >
              {t('forms.design')}
            </Button>
          )}
          {canDesign && (
            <Button
              size="small"
              danger
              icon={<DeleteOutlined aria-hidden />}
              aria-label={t('forms.deleteNamed', { name: form.name })}
              onClick={() => setDeleting(form)}
              data-testid={`form-delete-${form.key}`}
            />
          )}
        </Space>
      ),
    },
  ];

  const canCreate = canDesign && entities.length > 0;
  const empty = (
    <Empty
      data-testid="forms-empty"
      description={
        !canDesign
          ? t('forms.empty')
          : canCreate
            ? t('forms.emptyDesigner')
            : t('forms.emptyNoEntities')
      }
    >
      {canCreate && (
        <Button
          type="primary"
          icon={<PlusOutlined aria-hidden />}
          onClick={() => setCreating(true)}
        >
          {t('forms.new')}
        </Button>
      )}
    </Empty>
  );

  return (
    <section data-testid="forms-section" aria-labelledby="forms-section-title">
      <div className="fw-page-header">
        <Typography.Title level={2} className="fw-section-title" id="forms-section-title">
          {t('forms.title')}
        </Typography.Title>
        {canCreate && (
          <Button
            icon={<PlusOutlined aria-hidden />}
            onClick={() => setCreating(true)}
            data-testid="form-new"
          >
            {t('forms.new')}
          </Button>
        )}
      </div>
      {forms.isError && (
        <QueryError
          title={t('forms.loadFailed')}
          error={forms.error}
          onRetry={() => void forms.refetch()}
        />
      )}
      <Table<Form>
        rowKey="key"
        columns={columns}
        dataSource={forms.data}
        loading={forms.isPending}
        pagination={false}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: forms.isPending ? ' ' : empty }}
        onRow={(form) => ({ 'data-testid': `form-row-${form.key}` }) as object}
      />
      <CreateFormModal
        app={app}
        open={creating}
        entities={entities}
        existingKeys={(forms.data ?? []).map((form) => form.key)}
        onClose={() => setCreating(false)}
        onCreated={(form) => void navigate(designPath(form))}
      />
      <ConfirmDeleteModal
        open={deleting !== null}
        title={t('forms.deleteTitle', { name: deleting?.name ?? '' })}
        warning={t('forms.deleteWarning')}
        confirmKey={deleting?.key ?? ''}
        deleting={remove.isPending}
        error={remove.isError ? problemText(remove.error, t) : null}
        onConfirm={() =>
          deleting &&
          remove.mutate(deleting.key, {
            onSuccess: () => {
              void message.success(t('forms.deletedToast', { name: deleting.name }));
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
