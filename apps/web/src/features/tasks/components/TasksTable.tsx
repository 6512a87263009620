import type { FlowTask } from '@formwork/definitions';
import { Button, Empty, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../../lib/formatDate';
import { byDue, isOverdue } from '../utils/taskDue';
import { RecordCell } from './RecordCell';

interface TasksTableProps {
  tasks: FlowTask[] | undefined;
  loading: boolean;
  /** When the list was fetched: a task due before then is overdue. */
  fetchedAt: number;
  onOpen: (task: FlowTask) => void;
}

/** My open tasks, soonest due first; overdue ones are marked. */
export function TasksTable({ tasks, loading, fetchedAt, onOpen }: TasksTableProps) {
  const { t } = useTranslation();
  const columns: TableColumnsType<FlowTask> = [
    {
      title: t('flows.inbox.task'),
      key: 'title',
      render: (_, task) => (
        <Button
          type="link"
          className="fw-task-title"
          onClick={() => onOpen(task)}
          data-testid={`task-open-${task.id}`}
        >
          {task.title}
        </Button>
      ),
    },
    {
      title: t('flows.inbox.record'),
      key: 'record',
      render: (_, task) =>
        task.recordId && task.entity ? (
          <RecordCell app={task.app} entity={task.entity} id={task.recordId} />
        ) : (
          '—'
        ),
    },
    {
      title: t('flows.inbox.due'),
      key: 'due',
      render: (_, task) =>
        task.dueAt ? (
          <span>
            {formatDateTime(task.dueAt)}{' '}
            {isOverdue(task, fetchedAt) && (
              <Tag color="red" data-testid={`task-overdue-${task.id}`}>
                {t('flows.inbox.overdue')}
              </Tag>
            )}
          </span>
        ) : (
          <Typography.Text type="secondary">{t('flows.inbox.noDue')}</Typography.Text>
        ),
    },
    {
      title: t('flows.inbox.flow'),
      key: 'flow',
      render: (_, task) => (
        <span>
          <Tag>{t(`flows.inbox.kinds.${task.kind}`)}</Tag>
          {task.flow}
        </span>
      ),
    },
    {
      title: t('flows.inbox.created'),
      key: 'created',
      render: (_, task) => formatDateTime(task.createdAt),
    },
  ];

  return (
    <Table<FlowTask>
      rowKey="id"
      columns={columns}
      dataSource={tasks ? [...tasks].sort(byDue) : undefined}
      loading={loading}
      pagination={{ pageSize: 50, hideOnSinglePage: true }}
      scroll={{ x: 'max-content' }}
      rowClassName={(task) => (isOverdue(task, fetchedAt) ? 'fw-task-overdue' : '')}
      locale={{
        emptyText: loading ? (
          ' '
        ) : (
          <Empty
            data-testid="tasks-empty"
            description={
              <>
                <Typography.Paragraph className="fw-empty-text">
                  {t('pages.tasks.empty')}
                </Typography.Paragraph>
                <Typography.Paragraph type="secondary">
                  {t('pages.tasks.hint')}
                </Typography.Paragraph>
              </>
            }
          />
        ),
      }}
      onRow={(task) =>
        ({
          'data-testid': `task-row-${task.id}`,
          'data-overdue': isOverdue(task, fetchedAt) ? 'true' : 'false',
          'data-kind': task.kind,
        }) as object
      }
    />
  );
}
