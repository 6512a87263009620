import type { FlowInstanceStatus } from '@formwork/definitions';
import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';

const COLOR: Record<FlowInstanceStatus, string> = {
  running: 'processing',
  waiting: 'gold',
  completed: 'green',
  failed: 'red',
  cancelled: 'default',
};

export function InstanceStatusTag({
  status,
  testId,
}: {
  status: FlowInstanceStatus;
  testId?: string;
}) {
  const { t } = useTranslation();
  return (
    <Tag color={COLOR[status]} data-testid={testId} data-status={status}>
      {t(`flows.instances.status.${status}`)}
    </Tag>
  );
}
