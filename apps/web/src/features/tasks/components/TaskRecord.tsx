import { Descriptions, Skeleton, Typography } from 'antd';
import type { Entity, EntityRecord } from '@formwork/definitions';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { FieldValue } from '../../records/components/FieldValue';

interface TaskRecordProps {
  app: string;
  entity: Entity | undefined;
  record: EntityRecord | undefined;
  loading: boolean;
}

/** The customer record the task is about, read-only, with a link to open it. */
export function TaskRecord({ app, entity, record, loading }: TaskRecordProps) {
  const { t } = useTranslation();
  if (loading) return <Skeleton active paragraph={{ rows: 3 }} />;
  if (!entity || !record) return null;
  const fields = entity.fields.filter((field) => !field.archived);
  return (
    <section className="fw-block" data-testid="task-record" data-record-id={record.id}>
      <Typography.Title level={3} className="fw-section-title">
        {t('flows.inbox.recordTitle')}{' '}
        <Link
          to={`/apps/${app}/entities/${entity.key}/records?record=${record.id}`}
          className="fw-task-record-link"
        >
          {t('flows.inbox.openRecord')}
        </Link>
      </Typography.Title>
      <Descriptions
        column={1}
        bordered
        size="small"
        items={fields.map((field) => ({
          key: field.key,
          label: field.name,
          children: (
            <span data-testid={`task-record-${field.key}`}>
              <FieldValue app={app} field={field} value={record[field.key]} />
            </span>
          ),
        }))}
      />
    </section>
  );
}
