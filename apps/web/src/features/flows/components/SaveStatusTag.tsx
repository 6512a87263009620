import { Button, Space, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Autosave, SaveStatus } from '../hooks/useAutosave';

const COLOR: Record<SaveStatus, string | undefined> = {
  saved: 'green',
  pending: undefined,
  saving: 'processing',
  failed: 'red',
  conflict: 'orange',
  blocked: 'gold',
};

/** Saved / saving… / not saved (and why): the autosave's state in the header. */
export function SaveStatusTag({ autosave }: { autosave: Autosave }) {
  const { t } = useTranslation();
  const { status } = autosave;
  return (
    <Space size={4}>
      <Tag color={COLOR[status]} data-testid="flow-save-state" data-state={status} role="status">
        {t(`flows.save.${status}`)}
      </Tag>
      {status === 'failed' && (
        <Button size="small" onClick={autosave.retry} data-testid="flow-save-retry">
          {t('common.retry')}
        </Button>
      )}
    </Space>
  );
}
