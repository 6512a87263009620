import { PlayCircleOutlined } from '@ant-design/icons';
import type { Entity } from '@formwork/definitions';
import { Alert, Button, Form, Modal } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { problemText } from '../../../lib/problemText';
import { useStartFlowInstance } from '../hooks/useFlowMutations';
import { RecordPicker } from './RecordPicker';

interface StartInstanceButtonProps {
  app: string;
  flowKey: string;
  entity: Entity | undefined;
  disabled: boolean;
}

/** Starts an instance of the published flow by hand, for a record of the trigger's entity. */
export function StartInstanceButton({ app, flowKey, entity, disabled }: StartInstanceButtonProps) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const start = useStartFlowInstance(app, flowKey);
  const [open, setOpen] = useState(false);
  const [recordId, setRecordId] = useState<string | null>(null);

  return (
    <>
      <Button
        icon={<PlayCircleOutlined aria-hidden />}
        disabled={disabled}
        onClick={() => setOpen(true)}
        data-testid="flow-start-instance"
      >
        {t('flows.instances.start')}
      </Button>
      <Modal
        open={open}
        title={t('flows.instances.startTitle')}
        okText={t('flows.instances.start')}
        okButtonProps={{ loading: start.isPending, 'data-testid': 'flow-start-confirm' }}
        onOk={() =>
          start.mutate(recordId ?? undefined, {
            onSuccess: (instance) => void navigate(`/flow-instances/${instance.id}`),
          })
        }
        onCancel={() => {
          setOpen(false);
          start.reset();
        }}
        destroyOnHidden
      >
        {entity && (
          <Form layout="vertical" component="div">
            <Form.Item
              label={t('flows.instances.startRecord', { entity: entity.name })}
              htmlFor="flow-start-record"
            >
              <RecordPicker
                app={app}
                entity={entity}
                value={recordId}
                onChange={setRecordId}
                id="flow-start-record"
                testId="flow-start-record"
                ariaLabel={t('flows.instances.startRecord', { entity: entity.name })}
              />
            </Form.Item>
          </Form>
        )}
        {start.isError && (
          <Alert
            type="error"
            showIcon
            title={problemText(start.error, t)}
            data-testid="flow-start-error"
          />
        )}
      </Modal>
    </>
  );
}
