import type { FlowTask } from '@formwork/definitions';
import { useQuery } from '@tanstack/react-query';
import { Descriptions, Drawer, Result, Skeleton, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { hasStatus } from '../../../lib/apiErrors';
import { formatDateTime } from '../../../lib/formatDate';
import { useEntity } from '../../entities/hooks/useEntities';
import { fetchForm, formKey } from '../../forms/api/forms';
import { useRecord } from '../../records/hooks/useRecords';
import { useIsMobile } from '../../shell/hooks/useIsMobile';
import { QueryError } from '../../shell/components/QueryError';
import { useTask } from '../hooks/useTasks';
import { isOverdue } from '../utils/taskDue';
import { TaskCompletion } from './TaskCompletion';
import { TaskRecord } from './TaskRecord';

interface TaskDrawerProps {
  taskId: string;
  /** The inbox's copy of the task, shown while the task loads. */
  listed: FlowTask | undefined;
  fetchedAt: number;
  onClose: () => void;
}

/** One task: what it is about (the record), its form or approve / reject, and completing it. */
export function TaskDrawer({ taskId, listed, fetchedAt, onClose }: TaskDrawerProps) {
  const { t } = useTranslation();
  const isMobile = useIsMobile();
  const task = useTask(taskId, listed);
  const data = task.data;
  const entity = useEntity(data?.app ?? '', data?.entity ?? undefined);
  const record = useRecord(
    data?.app ?? '',
    data?.entity ?? '',
    data?.entity ? (data.recordId ?? null) : null,
  );
  const form = useQuery({
    queryKey: formKey(data?.app ?? '', data?.form ?? ''),
    queryFn: () => fetchForm(data?.app ?? '', data?.form ?? ''),
    enabled: Boolean(data?.form),
  });

  let body;
  if (hasStatus(task.error, 404))
    body = <Result status="404" title={t('flows.inbox.taskNotFound')} />;
  else if (task.isError && !data)
    body = (
      <QueryError
        title={t('flows.inbox.loadFailed')}
        error={task.error}
        onRetry={() => void task.refetch()}
      />
    );
  else if (!data) body = <Skeleton active />;
  else
    body = (
      <>
        <Descriptions size="small" column={1} className="fw-block">
          <Descriptions.Item label={t('flows.inbox.due')}>
            {data.dueAt ? formatDateTime(data.dueAt) : t('flows.inbox.noDue')}{' '}
            {isOverdue(data, fetchedAt) && <Tag color="red">{t('flows.inbox.overdue')}</Tag>}
          </Descriptions.Item>
          <Descriptions.Item label={t('flows.inbox.flow')}>
            <Link to={`/flow-instances/${data.instanceId}`} data-testid="task-instance-link">
              {t('flows.inbox.openInstance')}
            </Link>
          </Descriptions.Item>
        </Descriptions>
        {record.isError && (
          <QueryError
            title={t('flows.inbox.recordFailed')}
            error={record.error}
            onRetry={() => void record.refetch()}
          />
        )}
        <TaskRecord
          app={data.app}
          entity={entity.data}
          record={record.data}
          loading={record.isLoading || entity.isLoading}
        />
        {form.isError && (
          <QueryError
            title={t('flows.inbox.formFailed')}
            error={form.error}
            onRetry={() => void form.refetch()}
          />
        )}
        {form.isLoading || record.isLoading ? (
          <Skeleton active />
        ) : (
          !form.isError && (
            <TaskCompletion
              key={data.id}
              task={data}
              form={form.data ?? null}
              record={record.data}
              onDone={onClose}
            />
          )
        )}
      </>
    );

  return (
    <Drawer
      open
      title={data?.title ?? listed?.title}
      size={isMobile ? '100%' : 640}
      onClose={onClose}
      destroyOnHidden
      data-testid="task-panel"
    >
      {body}
    </Drawer>
  );
}
