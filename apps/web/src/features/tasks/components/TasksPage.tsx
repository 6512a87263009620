import { ReloadOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { PageHeader } from '../../shell/components/PageHeader';
import { QueryError } from '../../shell/components/QueryError';
import { useMyOpenTasks } from '../hooks/useTasks';
import { TaskDrawer } from './TaskDrawer';
import { TasksTable } from './TasksTable';
import './tasks.css';

/** /tasks — my inbox: open form tasks and approvals; `?task=<id>` opens one. */
export function TasksPage() {
  const { t } = useTranslation();
  const tasks = useMyOpenTasks();
  const [search, setSearch] = useSearchParams();
  const openId = search.get('task');
  const setOpen = (id: string | null) =>
    setSearch(
      (current) => {
        const next = new URLSearchParams(current);
        if (id) next.set('task', id);
        else next.delete('task');
        return next;
      },
      { replace: !id },
    );

  return (
    <section data-testid="tasks-page">
      <PageHeader
        title={t('pages.tasks.title')}
        extra={
          <Button
            icon={<ReloadOutlined aria-hidden />}
            loading={tasks.isFetching && !tasks.isPending}
            onClick={() => void tasks.refetch()}
            data-testid="tasks-refresh"
          >
            {t('flows.inbox.refresh')}
          </Button>
        }
      />
      {tasks.isError && (
        <QueryError
          title={t('flows.inbox.loadFailed')}
          error={tasks.error}
          onRetry={() => void tasks.refetch()}
        />
      )}
      <TasksTable
        tasks={tasks.data}
        loading={tasks.isPending}
        fetchedAt={tasks.dataUpdatedAt}
        onOpen={(task) => setOpen(task.id)}
      />
      {openId && (
        <TaskDrawer
          key={openId}
          taskId={openId}
          listed={tasks.data?.find((task) => task.id === openId)}
          fetchedAt={tasks.dataUpdatedAt}
          onClose={() => setOpen(null)}
        />
      )}
    </section>
  );
}
