import { RedoOutlined, StopOutlined } from '@ant-design/icons';
import type { FlowInstance } from '@formwork/definitions';
import { App as AntApp, Button, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { problemText } from '../../../lib/problemText';
import { useInstanceAction } from '../hooks/useFlowMutations';

/** Cancel a live instance, retry a failed step (with the latest published fix, if any). */
export function InstanceActions({ instance }: { instance: FlowInstance }) {
  const { t } = useTranslation();
  const { message, modal } = AntApp.useApp();
  const cancel = useInstanceAction('cancel');
  const retry = useInstanceAction('retry');
  const live = instance.status === 'running' || instance.status === 'waiting';
  const onError = (error: unknown) => void message.error(problemText(error, t));

  return (
    <Space wrap>
      <Button
        danger
        icon={<StopOutlined aria-hidden />}
        disabled={!live}
        loading={cancel.isPending}
        onClick={() =>
          void modal.confirm({
            title: t('flows.instance.cancelTitle'),
            content: t('flows.instance.cancelText'),
            okText: t('flows.instance.cancel'),
            okButtonProps: { danger: true, 'data-testid': 'instance-cancel-confirm' },
            cancelText: t('common.cancel'),
            onOk: () =>
              cancel.mutate(instance.id, {
                onSuccess: () => void message.success(t('flows.instance.cancelled')),
                onError,
              }),
          })
        }
        data-testid="instance-cancel"
      >
        {t('flows.instance.cancel')}
      </Button>
      <Button
        icon={<RedoOutlined aria-hidden />}
        disabled={instance.status !== 'failed'}
        loading={retry.isPending}
        onClick={() =>
          retry.mutate(instance.id, {
            onSuccess: () => void message.success(t('flows.instance.retried')),
            onError,
          })
        }
        data-testid="instance-retry"
      >
        {t('flows.instance.retry')}
      </Button>
    </Space>
  );
}
