import { CloudUploadOutlined } from '@ant-design/icons';
import { App as AntApp, Button, Tooltip, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { problemText } from '../../../lib/problemText';
import type { FlowEditorState } from '../hooks/useFlowEditor';
import { usePublishFlow } from '../hooks/useFlowMutations';

/**
 * Publishes the saved draft as a new immutable version. Disabled, with the reason beside it,
 * while the checks find problems (or have not seen the last edit yet).
 */
export function PublishButton({ state }: { state: FlowEditorState }) {
  const { t } = useTranslation();
  const { message, modal } = AntApp.useApp();
  const publish = usePublishFlow(state.app, state.flow.key);
  const count = state.problems.errors.length;
  const reason =
    count > 0
      ? t('flows.publish.blocked', { count })
      : state.checking
        ? t('flows.publish.checking')
        : state.autosave.status === 'conflict'
          ? t('flows.publish.conflict')
          : null;

  const onPublish = async () => {
    if (!(await state.autosave.flush())) {
      void message.error(t('flows.publish.notSaved'));
      return;
    }
    publish.mutate(undefined, {
      onSuccess: ({ version }) => void message.success(t('flows.publish.done', { version })),
      onError: (error) =>
        void modal.error({ title: t('flows.publish.failed'), content: problemText(error, t) }),
    });
  };

  return (
    <span className="fw-flow-publish">
      <Tooltip title={reason}>
        <Button
          type="primary"
          icon={<CloudUploadOutlined aria-hidden />}
          disabled={reason !== null}
          loading={publish.isPending}
          onClick={() => void onPublish()}
          aria-describedby={reason ? 'flow-publish-reason' : undefined}
          data-testid="flow-publish"
        >
          {t('flows.publish.button')}
        </Button>
      </Tooltip>
      {reason && (
        <Typography.Text
          type="secondary"
          id="flow-publish-reason"
          data-testid="flow-publish-reason"
        >
          {reason}
        </Typography.Text>
      )}
    </span>
  );
}
