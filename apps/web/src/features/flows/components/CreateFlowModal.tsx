import {
  KEY_PATTERN,
  TRIGGER_TYPES,
  type Classifier,
  type Entity,
  type Form,
  type TriggerType,
} from '@formwork/definitions';
import { Button, Form as AntForm, Input, Modal, Select } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { placeProblem, showFieldErrors } from '../../../lib/formErrors';
import { suggestKey } from '../../apps/utils/suggestKey';
import { FormAlert } from '../../shell/components/FormAlert';
import { useCreateFlow } from '../hooks/useFlowMutations';
import { newFlowInput } from '../utils/flowDraft';
import { firstTrigger } from '../utils/triggerDefaults';

const FORM_ID = 'flow-create-form';
const FIELDS = ['name', 'key', 'trigger'] as const;

interface NewFlowValues {
  name: string;
  key: string;
  trigger: TriggerType;
}

interface CreateFlowModalProps {
  app: string;
  open: boolean;
  entities: Entity[];
  forms: Form[];
  classifiers: Classifier[];
  existingKeys: readonly string[];
  onClose: () => void;
  onCreated: (key: string) => void;
}

/** Names a new flow and picks what starts it; it is saved at once (start → end) and opens in the editor. */
export function CreateFlowModal(props: CreateFlowModalProps) {
  const { app, open, existingKeys, onClose, onCreated } = props;
  const { t } = useTranslation();
  const [form] = AntForm.useForm<NewFlowValues>();
  const create = useCreateFlow(app);
  const [formError, setFormError] = useState<string | null>(null);
  const [keyEdited, setKeyEdited] = useState(false);

  const submit = (values: NewFlowValues): void => {
    setFormError(null);
    const key = values.key.trim();
    // PUT replaces a flow of the same key: never overwrite one by creating.
    if (existingKeys.includes(key))
      return form.setFields([{ name: 'key', errors: [t('flows.duplicateKey')] }]);
    const input = newFlowInput(values.name.trim(), firstTrigger(values.trigger, props));
    create.mutate(
      { key, input },
      {
        onSuccess: () => onCreated(key),
        onError: (error) => {
          const placed = placeProblem(error, FIELDS, t('flows.saveFailed'));
          showFieldErrors(form, placed.fields);
          setFormError(placed.summary);
        },
      },
    );
  };

  return (
    <Modal
      open={open}
      title={t('flows.createTitle')}
      onCancel={onClose}
      afterClose={() => {
        setFormError(null);
        setKeyEdited(false);
      }}
      destroyOnHidden
      footer={
        <>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button
            type="primary"
            htmlType="submit"
            form={FORM_ID}
            loading={create.isPending}
            data-testid="flow-create-save"
          >
            {t('common.create')}
          </Button>
        </>
      }
    >
      <AntForm<NewFlowValues>
        id={FORM_ID}
        name="flowCreate"
        form={form}
        layout="vertical"
        preserve={false}
        initialValues={{ trigger: props.entities.length > 0 ? 'record_created' : 'manual' }}
        onFinish={submit}
        onValuesChange={(changed: Partial<NewFlowValues>) => {
          if (changed.key !== undefined) setKeyEdited(true);
          if (changed.name !== undefined && !keyEdited) {
            const key = suggestKey(changed.name);
            if (key) form.setFieldValue('key', key);
          }
        }}
      >
        <AntForm.Item
          label={t('flows.name')}
          name="name"
          rules={[{ required: true, whitespace: true, message: t('flows.nameRequired') }]}
        >
          <Input data-testid="flow-create-name" autoComplete="off" maxLength={200} />
        </AntForm.Item>
        <AntForm.Item
          label={t('flows.key')}
          name="key"
          extra={t('flows.keyHint')}
          rules={[
            { required: true, message: t('flows.keyRequired') },
            { pattern: KEY_PATTERN, message: t('common.keyPattern') },
          ]}
        >
          <Input
            data-testid="flow-create-key"
            autoComplete="off"
            autoCapitalize="none"
            spellCheck={false}
            maxLength={40}
          />
        </AntForm.Item>
        <AntForm.Item
          label={t('flows.trigger.type')}
          name="trigger"
          extra={t('flows.createTriggerHint')}
        >
          <Select
            data-testid="flow-create-trigger"
            options={TRIGGER_TYPES.map((type) => ({
              value: type,
              label: t(`flows.trigger.types.${type}`),
            }))}
          />
        </AntForm.Item>
        <FormAlert message={formError} testId="flow-create-error" />
      </AntForm>
    </Modal>
  );
}
