import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { LoadMoreButton } from '../../shell/components/LoadMoreButton';
import { PageHeader } from '../../shell/components/PageHeader';
import { useAuditLog } from '../hooks/useAuditLog';
import { useUsers } from '../hooks/useUsers';
import { AuditTable } from './AuditTable';
import { ListError } from './ListError';

export function AuditPage() {
  const { t } = useTranslation();
  const { query, entries } = useAuditLog();
  // The first page of users names most actors; others show a short id.
  const { users } = useUsers();
  const actorNames = useMemo(() => new Map(users.map((user) => [user.id, user.name])), [users]);

  return (
    <section>
      <PageHeader title={t('admin.audit.title')} />
      {query.isError && (
        <ListError
          title={t('admin.audit.loadFailed')}
          error={query.error}
          onRetry={() => void query.refetch()}
        />
      )}
      <AuditTable entries={entries} loading={query.isPending} actorNames={actorNames} />
      <LoadMoreButton
        hasMore={query.hasNextPage}
        loading={query.isFetchingNextPage}
        onLoadMore={() => void query.fetchNextPage()}
        testId="audit-load-more"
      />
    </section>
  );
}
