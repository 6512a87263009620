import type { App } from '@formwork/definitions';
import type { UseQueryResult } from '@tanstack/react-query';
import { Card, Empty, Skeleton, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { QueryError } from '../../shell/components/QueryError';

interface AppsLoadStateProps {
  apps: UseQueryResult<App[]>;
  emptyTestId: string;
  emptyText: ReactNode;
  emptyHint: ReactNode;
  /** Shown under the empty state, e.g. a "New app" button. */
  emptyAction?: ReactNode;
}

/** What a page listing apps shows before it has apps: loading, an error with retry, or an empty state. */
export function AppsLoadState({
  apps,
  emptyTestId,
  emptyText,
  emptyHint,
  emptyAction,
}: AppsLoadStateProps) {
  const { t } = useTranslation();
  return (
    <>
      {apps.isError && (
        <QueryError
          title={t('apps.loadFailed')}
          error={apps.error}
          onRetry={() => void apps.refetch()}
        />
      )}
      {apps.isPending && <Skeleton active />}
      {apps.data?.length === 0 && (
        <Card>
          <Empty
            data-testid={emptyTestId}
            description={
              <>
                <Typography.Paragraph className="fw-empty-text">{emptyText}</Typography.Paragraph>
                <Typography.Paragraph type="secondary">{emptyHint}</Typography.Paragraph>
              </>
            }
          >
            {emptyAction}
          </Empty>
        </Card>
      )}
    </>
  );
}
