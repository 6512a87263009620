import { DeleteOutlined, EditOutlined, PlusOutlined, TableOutlined } from '@ant-design/icons';
import type { Entity } from '@formwork/definitions';
import { App as AntApp, Button, Empty, Space, Table, Tag, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { formatDateTime } from '../../../lib/formatDate';
import { problemText } from '../../../lib/problemText';
import { usePermissions } from '../../auth/hooks/usePermissions';
import { useDeleteEntity } from '../../entities/hooks/useEntityMutations';
import { ConfirmDeleteModal } from '../../shell/components/ConfirmDeleteModal';

interface EntitiesTableProps {
  app: string;
  entities: Entity[] | undefined;
  loading: boolean;
}

export function EntitiesTable({ app, entities, loading }: EntitiesTableProps) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { message } = AntApp.useApp();
  const { canDesign } = usePermissions();
  const remove = useDeleteEntity(app);
  const [deleting, setDeleting] = useState<Entity | null>(null);
  const recordsPath = (entity: Entity) => `/apps/${app}/entities/${entity.key}/records`;
  const designPath = (entity: Entity) => `/apps/${app}/entities/${entity.key}/design`;

  const columns: TableColumnsType<Entity> = [
    {
      title: t('entities.name'),
      key: 'name',
      render: (_, entity) => <Link to={recordsPath(entity)}>{entity.name}</Link>,
    },
    {
      title: t('entities.key'),
      key: 'key',
      render: (_, entity) => <Tag className="fw-key-tag">{entity.key}</Tag>,
    },
    {
      title: t('entities.fieldCount'),
      key: 'fields',
      render: (_, entity) => entity.fields.filter((field) => !field.archived).length,
    },
    { title: t('entities.version'), dataIndex: 'version', key: 'version' },
    {
      title: t('entities.updated'),
      key: 'updatedAt',
      render: (_, entity) => formatDateTime(entity.updatedAt),
    },
    {
      title: t('common.actions'),
      key: 'actions',
      render: (_, entity) => (
        <Space wrap size="small">
          <Button
            size="small"
            icon={<TableOutlined aria-hidden />}
            onClick={() => void navigate(recordsPath(entity))}
            data-testid={`entity-records-${entity.key}`}
          >
            {t('entities.records')}
          </Button>
          {canDesign && (
            <Button
              size="small"
              icon={<EditOutlined aria-hidden />}
              onClick={() => void navigate(designPath(entity))}
              data-testid={`entity-design-${entity.key}`}
            >
              {t('entities.design')}
            </Button>
          )}
          {canDesign && (
            <Button
              size="small"
              danger
              icon={<DeleteOutlined aria-hidden />}
              aria-label={t('entities.deleteNamed', { name: entity.name })}
              onClick={() => setDeleting(entity)}
              data-testid={`entity-delete-${entity.key}`}
            />
          )}
        </Space>
      ),
    },
  ];

  const empty = (
    <Empty
      data-testid="entities-empty"
      description={canDesign ? t('entities.emptyDesigner') : t('entities.empty')}
    >
      {canDesign && (
        <Button
          type="primary"
          icon={<PlusOutlined aria-hidden />}
          onClick={() => void navigate(`/apps/${app}/entities/new`)}
        >
          {t('entities.new')}
        </Button>
      )}
    </Empty>
  );

  return (
    <div data-testid="entities-table">
      <Table<Entity>
        rowKey="key"
        columns={columns}
        dataSource={entities}
        loading={loading}
        pagination={false}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: loading ? ' ' : empty }}
        onRow={(entity) => ({ 'data-testid': `entity-row-${entity.key}` }) as object}
      />
      <ConfirmDeleteModal
        open={deleting !== null}
        title={t('entities.deleteTitle', { name: deleting?.name ?? '' })}
        warning={t('entities.deleteWarning')}
        confirmKey={deleting?.key ?? ''}
        deleting={remove.isPending}
        error={remove.isError ? problemText(remove.error, t) : null}
        onConfirm={() =>
          deleting &&
          remove.mutate(deleting.key, {
            onSuccess: () => {
              void message.success(t('entities.deletedToast', { name: deleting.name }));
              setDeleting(null);
            },
          })
        }
        onClose={() => {
          setDeleting(null);
          remove.reset();
        }}
      />
    </div>
  );
}
