import { DeleteOutlined, EditOutlined, PlusOutlined, UploadOutlined } from '@ant-design/icons';
import type { Classifier, Entity } from '@formwork/definitions';
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
import { useDeleteClassifier } from '../hooks/useClassifierMutations';
import { useClassifiers } from '../hooks/useClassifiers';
import { CreateClassifierModal } from './CreateClassifierModal';
import { ImportDmnModal } from './ImportDmnModal';

export const classifierPath = (app: string, key: string) => `/apps/${app}/classifiers/${key}`;

/** The "Classification rules" part of an app's page: its classifiers, new, import, edit. */
export function ClassifiersSection({ app, entities }: { app: string; entities: Entity[] }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { message } = AntApp.useApp();
  const { canDesign } = usePermissions();
  const classifiers = useClassifiers(app);
  const remove = useDeleteClassifier(app);
  const [creating, setCreating] = useState(false);
  const [importing, setImporting] = useState(false);
  const [deleting, setDeleting] = useState<Classifier | null>(null);
  const entityName = (key: string) => entities.find((entity) => entity.key === key)?.name ?? key;
  const keys = (classifiers.data ?? []).map((classifier) => classifier.key);

  const columns: TableColumnsType<Classifier> = [
    {
      title: t('classifiers.name'),
      key: 'name',
      render: (_, classifier) =>
        canDesign ? (
          <Link to={classifierPath(app, classifier.key)}>{classifier.name}</Link>
        ) : (
          classifier.name
        ),
    },
    {
      title: t('classifiers.key'),
      key: 'key',
      render: (_, classifier) => <Tag className="fw-key-tag">{classifier.key}</Tag>,
    },
    { title: t('classifiers.entity'), key: 'entity', render: (_, c) => entityName(c.entity) },
    {
      title: t('classifiers.settings.hitPolicy'),
      key: 'hitPolicy',
      render: (_, classifier) => t(`classifiers.hitPolicy.${classifier.hitPolicy}`),
    },
    {
      title: t('classifiers.settings.triggers'),
      key: 'triggers',
      render: (_, classifier) =>
        (classifier.triggers ?? []).map((trigger) => <Tag key={trigger}>{trigger}</Tag>),
    },
    { title: t('classifiers.ruleCount'), key: 'rules', render: (_, c) => c.rules.length },
    { title: t('classifiers.version'), dataIndex: 'version', key: 'version' },
    {
      title: t('classifiers.updated'),
      key: 'updatedAt',
      render: (_, classifier) => formatDateTime(classifier.updatedAt),
    },
    ...(canDesign
      ? [
          {
            title: t('common.actions'),
            key: 'actions',
            render: (_: unknown, classifier: Classifier) => (
              <Space wrap size="small">
                <Button
                  size="small"
                  icon={<EditOutlined aria-hidden />}
                  onClick={() => void navigate(classifierPath(app, classifier.key))}
                  data-testid={`classifier-edit-${classifier.key}`}
                >
                  {t('classifiers.edit')}
                </Button>
                <Button
                  size="small"
                  danger
                  icon={<DeleteOutlined aria-hidden />}
                  aria-label={t('classifiers.deleteNamed', { name: classifier.name })}
                  onClick={() => setDeleting(classifier)}
                  data-testid={`classifier-delete-${classifier.key}`}
                />
              </Space>
            ),
          },
        ]
      : []),
  ];

  const canCreate = canDesign && entities.length > 0;
  const empty = (
    <Empty
      data-testid="classifiers-empty"
      description={
        !canDesign
          ? t('classifiers.empty')
          : canCreate
            ? t('classifiers.emptyDesigner')
            : t('classifiers.emptyNoEntities')
      }
    >
      {canCreate && (
        <Button
          type="primary"
          icon={<PlusOutlined aria-hidden />}
          onClick={() => setCreating(true)}
        >
          {t('classifiers.new')}
        </Button>
      )}
    </Empty>
  );

  return (
    <section data-testid="classifiers-section" aria-labelledby="classifiers-section-title">
      <div className="fw-page-header">
        <Typography.Title level={2} className="fw-section-title" id="classifiers-section-title">
          {t('classifiers.title')}
        </Typography.Title>
        {canCreate && (
          <Space wrap>
            <Button
              icon={<UploadOutlined aria-hidden />}
              onClick={() => setImporting(true)}
              data-testid="classifier-import-dmn"
            >
              {t('classifiers.dmn.import')}
            </Button>
            <Button
              icon={<PlusOutlined aria-hidden />}
              onClick={() => setCreating(true)}
              data-testid="classifier-new"
            >
              {t('classifiers.new')}
            </Button>
          </Space>
        )}
      </div>
      {classifiers.isError && (
        <QueryError
          title={t('classifiers.loadFailed')}
          error={classifiers.error}
          onRetry={() => void classifiers.refetch()}
        />
      )}
      <Table<Classifier>
        rowKey="key"
        columns={columns}
        dataSource={classifiers.data}
        loading={classifiers.isPending}
        pagination={false}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: classifiers.isPending ? ' ' : empty }}
        onRow={(classifier) => ({ 'data-testid': `classifier-row-${classifier.key}` }) as object}
      />
      <CreateClassifierModal
        open={creating}
        entities={entities}
        existingKeys={keys}
        onClose={() => setCreating(false)}
        onCreate={({ key, entity, name }) =>
          void navigate(
            `${classifierPath(app, key)}?${new URLSearchParams({ entity, name }).toString()}`,
          )
        }
      />
      <ImportDmnModal
        app={app}
        open={importing}
        entities={entities}
        onClose={() => setImporting(false)}
        onImported={(classifier) => void navigate(classifierPath(app, classifier.key))}
      />
      <ConfirmDeleteModal
        open={deleting !== null}
        title={t('classifiers.deleteTitle', { name: deleting?.name ?? '' })}
        warning={t('classifiers.deleteWarning')}
        confirmKey={deleting?.key ?? ''}
        deleting={remove.isPending}
        error={remove.isError ? problemText(remove.error, t) : null}
        onConfirm={() =>
          deleting &&
          remove.mutate(deleting.key, {
            onSuccess: () => {
              void message.success(t('classifiers.deletedToast', { name: deleting.name }));
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
