import { PlusOutlined } from '@ant-design/icons';
import type { UserDetail } from '@formwork/definitions';
import { Button } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LoadMoreButton } from '../../shell/components/LoadMoreButton';
import { PageHeader } from '../../shell/components/PageHeader';
import { useUsers } from '../hooks/useUsers';
import { CreateUserModal } from './CreateUserModal';
import { EditUserModal } from './EditUserModal';
import { ListError } from './ListError';
import { UsersTable } from './UsersTable';

export function UsersPage() {
  const { t } = useTranslation();
  const { query, users } = useUsers();
  const [creating, setCreating] = useState(false);
  const [editing, setEditing] = useState<{ user: UserDetail | null; open: boolean }>({
    user: null,
    open: false,
  });

  return (
    <section>
      <PageHeader
        title={t('admin.users.title')}
        extra={
          <Button
            type="primary"
            icon={<PlusOutlined aria-hidden />}
            onClick={() => setCreating(true)}
            data-testid="user-new"
          >
            {t('admin.users.new')}
          </Button>
        }
      />
      {query.isError && (
        <ListError
          title={t('admin.users.loadFailed')}
          error={query.error}
          onRetry={() => void query.refetch()}
        />
      )}
      <UsersTable
        users={users}
        loading={query.isPending}
        onEdit={(user) => setEditing({ user, open: true })}
      />
      <LoadMoreButton
        hasMore={query.hasNextPage}
        loading={query.isFetchingNextPage}
        onLoadMore={() => void query.fetchNextPage()}
        testId="users-load-more"
      />
      <CreateUserModal open={creating} onClose={() => setCreating(false)} />
      <EditUserModal
        user={editing.user}
        open={editing.open}
        onClose={() => setEditing((state) => ({ ...state, open: false }))}
      />
    </section>
  );
}
