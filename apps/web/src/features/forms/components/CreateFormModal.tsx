import { KEY_PATTERN, defaultFormDesign, type Entity, type Form } from '@formwork/definitions';
import { App as AntApp, Button, Form as AntForm, Input, Modal, Select } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { placeProblem, showFieldErrors } from '../../../lib/formErrors';
import { suggestKey } from '../../apps/utils/suggestKey';
import { FormAlert } from '../../shell/components/FormAlert';
import { usePutForm } from '../hooks/useFormMutations';

const FORM_ID = 'form-create-form';
const FIELDS = ['entity', 'name', 'key'] as const;

interface NewFormValues {
  entity: string;
  name: string;
  key: string;
}

interface CreateFormModalProps {
  app: string;
  open: boolean;
  entities: Entity[];
  existingKeys: readonly string[];
  /** The entity picked at first (e.g. from its records page). */
  initialEntity?: string;
  onClose: () => void;
  onCreated: (form: Form) => void;
}

/** Creates a form over an entity, starting from every field of it. */
export function CreateFormModal(props: CreateFormModalProps) {
  const { app, open, entities, existingKeys, onClose, onCreated } = props;
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const [form] = AntForm.useForm<NewFormValues>();
  const put = usePutForm(app);
  const [formError, setFormError] = useState<string | null>(null);
  const [keyEdited, setKeyEdited] = useState(false);

  const submit = (values: NewFormValues): void => {
    setFormError(null);
    const key = values.key.trim();
    // PUT replaces a form of the same key: never overwrite one by creating.
    if (existingKeys.includes(key))
      return form.setFields([{ name: 'key', errors: [t('forms.duplicateKey')] }]);
    const entity = entities.find((candidate) => candidate.key === values.entity);
    if (!entity) return;
    const input = {
      name: values.name.trim(),
      entity: entity.key,
      design: defaultFormDesign(entity),
    };
    put.mutate(
      { key, input },
      {
        onSuccess: (created) => {
          void message.success(t('forms.createdToast', { name: created.name }));
          onCreated(created);
        },
        onError: (error) => {
          const placed = placeProblem(error, FIELDS, t('forms.saveFailed'));
          showFieldErrors(form, placed.fields);
          setFormError(placed.summary);
        },
      },
    );
  };

  return (
    <Modal
      open={open}
      title={t('forms.createTitle')}
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
            loading={put.isPending}
            data-testid="form-create-save"
          >
            {t('common.create')}
          </Button>
        </>
      }
    >
      <AntForm<NewFormValues>
        id={FORM_ID}
        name="formCreate"
        form={form}
        layout="vertical"
        preserve={false}
        initialValues={{ entity: props.initialEntity ?? entities[0]?.key }}
        onFinish={submit}
        onValuesChange={(changed: Partial<NewFormValues>) => {
          if (changed.key !== undefined) setKeyEdited(true);
          if (changed.name !== undefined && !keyEdited) {
            const key = suggestKey(changed.name);
            if (key) form.setFieldValue('key', key);
          }
        }}
      >
        <AntForm.Item
          label={t('forms.entity')}
          name="entity"
          rules={[{ required: true, message: t('forms.entityRequired') }]}
        >
          <Select
            data-testid="form-create-entity"
            options={entities.map((entity) => ({
              value: entity.key,
              label: `${entity.name} (${entity.key})`,
            }))}
          />
        </AntForm.Item>
        <AntForm.Item
          label={t('forms.name')}
          name="name"
          rules={[{ required: true, whitespace: true, message: t('forms.nameRequired') }]}
        >
          <Input data-testid="form-create-name" autoComplete="off" maxLength={200} />
        </AntForm.Item>
        <AntForm.Item
          label={t('forms.key')}
          name="key"
          extra={t('forms.keyHint')}
          rules={[
            { required: true, message: t('forms.keyRequired') },
            { pattern: KEY_PATTERN, message: t('common.keyPattern') },
          ]}
        >
          <Input
            data-testid="form-create-key"
            autoComplete="off"
            autoCapitalize="none"
            spellCheck={false}
            maxLength={40}
          />
        </AntForm.Item>
        <FormAlert message={formError} testId="form-create-error" />
      </AntForm>
    </Modal>
  );
}
