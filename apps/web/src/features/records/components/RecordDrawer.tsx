import { DeleteOutlined, EditOutlined, UndoOutlined } from '@ant-design/icons';
import type { Entity, EntityRecord } from '@formwork/definitions';
import {
  App as AntApp,
  Button,
  Descriptions,
  Drawer,
  Popconfirm,
  Result,
  Skeleton,
  Space,
  Tabs,
  Typography,
} from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { hasStatus } from '../../../lib/apiErrors';
import { formatDateTime } from '../../../lib/formatDate';
import { problemText } from '../../../lib/problemText';
import { usePermissions } from '../../auth/hooks/usePermissions';
import { ExplainPanel } from '../../classifiers/components/ExplainPanel';
import { useIsMobile } from '../../shell/hooks/useIsMobile';
import { QueryError } from '../../shell/components/QueryError';
import { useDeleteRecord, useRestoreRecord } from '../hooks/useRecordMutations';
import { useRecord } from '../hooks/useRecords';
import { expandOf } from '../utils/expand';
import { recordLabel } from '../utils/formatValue';
import { EditRecordForm } from './EditRecordForm';
import { FieldValue } from './FieldValue';
import { RecordHistory } from './RecordHistory';
import { backlinksTo, RelatedRecords } from './RelatedRecords';

interface RecordDrawerProps {
  app: string;
  entity: Entity;
  entities: Entity[];
  /** The open record's id; null when the drawer is closed. */
  recordId: string | null;
  onClose: () => void;
}

export function RecordDrawer({ app, entity, entities, recordId, onClose }: RecordDrawerProps) {
  const isMobile = useIsMobile();
  return (
    <Drawer
      open={recordId !== null}
      onClose={onClose}
      size={isMobile ? '100%' : 640}
      destroyOnHidden
      title={null}
      data-testid="record-drawer"
    >
      {recordId && (
        <RecordDetail
          key={recordId}
          app={app}
          entity={entity}
          entities={entities}
          id={recordId}
          onClose={onClose}
        />
      )}
    </Drawer>
  );
}

interface RecordDetailProps {
  app: string;
  entity: Entity;
  entities: Entity[];
  id: string;
  onClose: () => void;
}

function RecordDetail({ app, entity, entities, id, onClose }: RecordDetailProps) {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const { canEditRecords } = usePermissions();
  const record = useRecord(app, entity.key, id, expandOf(entity));
  const remove = useDeleteRecord(app, entity.key);
  const restore = useRestoreRecord(app, entity.key);
  const [editing, setEditing] = useState(false);
  /** The record as it was when this user deleted it: shown greyed, with Restore. */
  const [deleted, setDeleted] = useState<EntityRecord | null>(null);
  const [tab, setTab] = useState('details');
  /** Bumped when the user reloads a record someone else changed: the form starts over. */
  const [reloads, setReloads] = useState(0);
  const fields = entity.fields.filter((field) => !field.archived);
  const backlinks = backlinksTo(entity, entities);

  if (deleted)
    return (
      <Result
        status="warning"
        title={
          <h2 className="fw-result-title">
            {t('records.deletedTitle', { name: recordLabel(entity, deleted) })}
          </h2>
        }
        subTitle={t('records.deletedHint')}
        data-testid="record-deleted"
        extra={
          <Space>
            <Button onClick={onClose}>{t('common.close')}</Button>
            {canEditRecords && (
              <Button
                type="primary"
                icon={<UndoOutlined aria-hidden />}
                loading={restore.isPending}
                onClick={() =>
                  restore.mutate(id, {
                    onSuccess: () => {
                      setDeleted(null);
                      void record.refetch();
                      void message.success(t('records.restoredToast'));
                    },
                    onError: (error) => void message.error(problemText(error, t)),
                  })
                }
                data-testid="record-restore"
              >
                {t('records.restore')}
              </Button>
            )}
          </Space>
        }
      />
    );
  if (record.isPending) return <Skeleton active />;
  if (hasStatus(record.error, 404))
    return (
      <Result
        status="404"
        title={<h2 className="fw-result-title">{t('records.notFound')}</h2>}
        data-testid="record-not-found"
      />
    );
  if (record.isError)
    return (
      <QueryError
        title={t('records.loadFailed')}
        error={record.error}
        onRetry={() => void record.refetch()}
      />
    );

  const data = record.data;
  const relationLabel = (key: string, value: unknown) => {
    const field = fields.find((candidate) => candidate.key === key);
    const target = entities.find((candidate) => candidate.key === field?.target);
    return value && typeof value === 'object'
      ? recordLabel(target, value as Record<string, unknown>)
      : undefined;
  };

  const details = editing ? (
    // Not keyed by version: the refetch after saving must not remount the form mid-save.
    <EditRecordForm
      key={reloads}
      app={app}
      entity={entity}
      record={data}
      onDone={() => setEditing(false)}
      onReload={() => void record.refetch().then(() => setReloads((count) => count + 1))}
    />
  ) : (
    <>
      <Descriptions
        column={1}
        bordered
        size="small"
        data-testid="record-details"
        items={fields.map((field) => ({
          key: field.key,
          label: field.name,
          children: (
            <span data-testid={`detail-${field.key}`}>
              <FieldValue
                app={app}
                field={field}
                value={data[field.key]}
                relationLabel={relationLabel(field.key, data[field.key])}
              />
            </span>
          ),
        }))}
      />
      <Typography.Paragraph type="secondary" className="fw-meta">
        {t('records.meta', {
          created: formatDateTime(data.created_at),
          updated: formatDateTime(data.updated_at),
          version: data.version,
        })}
      </Typography.Paragraph>
    </>
  );

  return (
    <div data-testid="record-detail" data-record-id={id}>
      <div className="fw-drawer-head">
        <Typography.Title level={2} className="fw-drawer-title">
          {recordLabel(entity, data)}
        </Typography.Title>
        {canEditRecords && !editing && (
          <Space wrap>
            <Button
              icon={<EditOutlined aria-hidden />}
              onClick={() => {
                setTab('details');
                setEditing(true);
              }}
              data-testid="record-edit"
            >
              {t('records.edit')}
            </Button>
            <Popconfirm
              title={t('records.deleteConfirm')}
              description={t('records.deleteConfirmHint')}
              okText={t('common.delete')}
              okButtonProps={{
                danger: true,
                loading: remove.isPending,
                'data-testid': 'record-delete-confirm',
              }}
              cancelText={t('common.cancel')}
              onConfirm={() =>
                remove.mutate(id, {
                  onSuccess: () => {
                    setDeleted(data);
                    void message.success(t('records.deletedToast'));
                  },
                  onError: (error) => void message.error(problemText(error, t)),
                })
              }
            >
              <Button danger icon={<DeleteOutlined aria-hidden />} data-testid="record-delete">
                {t('common.delete')}
              </Button>
            </Popconfirm>
          </Space>
        )}
      </div>
      <Tabs
        activeKey={tab}
        onChange={setTab}
        items={[
          {
            key: 'details',
            label: <span data-testid="record-tab-details">{t('records.details')}</span>,
            children: details,
          },
          {
            key: 'history',
            label: <span data-testid="record-tab-history">{t('records.history')}</span>,
            children: <RecordHistory app={app} entity={entity} id={id} />,
          },
          {
            key: 'explain',
            label: <span data-testid="record-tab-explain">{t('classifiers.explain.tab')}</span>,
            children: <ExplainPanel app={app} entity={entity} recordId={id} />,
          },
          ...(backlinks.length > 0
            ? [
                {
                  key: 'related',
                  label: <span data-testid="record-tab-related">{t('records.related')}</span>,
                  children: <RelatedRecords app={app} id={id} backlinks={backlinks} />,
                },
              ]
            : []),
        ]}
        destroyOnHidden
      />
    </div>
  );
}
