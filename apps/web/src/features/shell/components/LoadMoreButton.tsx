import { Button } from 'antd';
import { useTranslation } from 'react-i18next';

interface LoadMoreButtonProps {
  hasMore: boolean;
  loading: boolean;
  onLoadMore: () => void;
  testId: string;
}

/** Keyset paging: fetches the page after the last one shown. */
export function LoadMoreButton({ hasMore, loading, onLoadMore, testId }: LoadMoreButtonProps) {
  const { t } = useTranslation();
  if (!hasMore) return null;
  return (
    <div className="fw-load-more">
      <Button onClick={onLoadMore} loading={loading} data-testid={testId}>
        {t('common.loadMore')}
      </Button>
    </div>
  );
}
