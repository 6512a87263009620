import type { App, AppInput } from '@formwork/definitions';
import { KEY_PATTERN } from '@formwork/definitions';
import { App as AntApp, Button, Form, Input, Modal } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { hasStatus } from '../../../lib/apiErrors';
import { placeProblem, showFieldErrors } from '../../../lib/formErrors';
import { FormAlert } from '../../shell/components/FormAlert';
import { useCreateApp } from '../hooks/useAppMutations';
import { suggestKey } from '../utils/suggestKey';

const FORM_ID = 'app-create-form';
const FIELDS = ['key', 'name', 'description'] as const;

interface CreateAppModalProps {
  open: boolean;
  onClose: () => void;
  onCreated: (app: App) => void;
}

export function CreateAppModal({ open, onClose, onCreated }: CreateAppModalProps) {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const [form] = Form.useForm<AppInput>();
  const create = useCreateApp();
  const [formError, setFormError] = useState<string | null>(null);
  const [keyEdited, setKeyEdited] = useState(false);

  const submit = (values: AppInput): void => {
    setFormError(null);
    const input: AppInput = {
      key: values.key.trim(),
      name: values.name.trim(),
      ...(values.description?.trim() ? { description: values.description.trim() } : {}),
    };
    create.mutate(input, {
      onSuccess: (app) => {
        void message.success(t('apps.createdToast', { name: app.name }));
        onCreated(app);
      },
      onError: (error) => {
        if (hasStatus(error, 409)) {
          form.setFields([{ name: 'key', errors: [t('apps.duplicateKey')] }]);
          return;
        }
        const placed = placeProblem(error, FIELDS, t('apps.saveFailed'));
        showFieldErrors(form, placed.fields);
        setFormError(placed.summary);
      },
    });
  };

  const footer = (
    <>
      <Button onClick={onClose}>{t('common.cancel')}</Button>
      <Button
        type="primary"
        htmlType="submit"
        form={FORM_ID}
        loading={create.isPending}
        data-testid="app-save"
      >
        {t('common.create')}
      </Button>
    </>
  );

  return (
    <Modal
      open={open}
      title={t('apps.createTitle')}
      onCancel={onClose}
      afterClose={() => {
        setFormError(null);
        setKeyEdited(false);
      }}
      destroyOnHidden
      footer={footer}
    >
      <Form<AppInput>
        id={FORM_ID}
        name="appCreate"
        form={form}
        layout="vertical"
        preserve={false}
        onFinish={submit}
        onValuesChange={(changed: Partial<AppInput>) => {
          if (changed.key !== undefined) setKeyEdited(true);
          if (changed.name !== undefined && !keyEdited) {
            const key = suggestKey(changed.name);
            if (key) form.setFieldValue('key', key);
          }
        }}
        data-testid="app-form"
      >
        <Form.Item
          label={t('apps.name')}
          name="name"
          rules={[{ required: true, whitespace: true, message: t('apps.nameRequired') }]}
        >
          <Input data-testid="app-name" autoComplete="off" maxLength={200} />
        </Form.Item>
        <Form.Item
          label={t('apps.key')}
          name="key"
          extra={t('apps.keyHint')}
          rules={[
            { required: true, message: t('apps.keyRequired') },
            { pattern: KEY_PATTERN, message: t('common.keyPattern') },
          ]}
        >
          <Input
            data-testid="app-key"
            autoComplete="off"
            autoCapitalize="none"
            spellCheck={false}
            maxLength={40}
          />
        </Form.Item>
        <Form.Item label={t('apps.description')} name="description">
          <Input.TextArea data-testid="app-description" rows={3} maxLength={2000} />
        </Form.Item>
        <FormAlert message={formError} testId="app-form-error" />
      </Form>
    </Modal>
  );
}
