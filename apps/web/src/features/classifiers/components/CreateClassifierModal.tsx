import { KEY_PATTERN, type Entity } from '@formwork/definitions';
import { Button, Form, Input, Modal, Select } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { suggestKey } from '../../apps/utils/suggestKey';

const FORM_ID = 'classifier-create-form';

export interface NewClassifier {
  entity: string;
  name: string;
  key: string;
}

interface CreateClassifierModalProps {
  open: boolean;
  entities: Entity[];
  existingKeys: readonly string[];
  onClose: () => void;
  /** Opens the editor on an empty table; nothing is stored before it is published. */
  onCreate: (classifier: NewClassifier) => void;
}

/** Names a new classifier and picks its entity; the table itself is made in the editor. */
export function CreateClassifierModal(props: CreateClassifierModalProps) {
  const { open, entities, existingKeys, onClose, onCreate } = props;
  const { t } = useTranslation();
  const [form] = Form.useForm<NewClassifier>();
  const [keyEdited, setKeyEdited] = useState(false);

  const submit = (values: NewClassifier): void => {
    const key = values.key.trim();
    // PUT replaces a classifier of the same key: never overwrite one by creating.
    if (existingKeys.includes(key))
      return form.setFields([{ name: 'key', errors: [t('classifiers.duplicateKey')] }]);
    onCreate({ key, entity: values.entity, name: values.name.trim() });
  };

  return (
    <Modal
      open={open}
      title={t('classifiers.createTitle')}
      onCancel={onClose}
      afterClose={() => setKeyEdited(false)}
      destroyOnHidden
      footer={
        <>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button
            type="primary"
            htmlType="submit"
            form={FORM_ID}
            data-testid="classifier-create-save"
          >
            {t('classifiers.createOpen')}
          </Button>
        </>
      }
    >
      <Form<NewClassifier>
        id={FORM_ID}
        name="classifierCreate"
        form={form}
        layout="vertical"
        preserve={false}
        initialValues={{ entity: entities[0]?.key }}
        onFinish={submit}
        onValuesChange={(changed: Partial<NewClassifier>) => {
          if (changed.key !== undefined) setKeyEdited(true);
          if (changed.name !== undefined && !keyEdited) {
            const key = suggestKey(changed.name);
            if (key) form.setFieldValue('key', key);
          }
        }}
      >
        <Form.Item
          label={t('classifiers.entity')}
          name="entity"
          rules={[{ required: true, message: t('classifiers.entityRequired') }]}
        >
          <Select
            data-testid="classifier-create-entity"
            options={entities.map((entity) => ({
              value: entity.key,
              label: `${entity.name} (${entity.key})`,
            }))}
          />
        </Form.Item>
        <Form.Item
          label={t('classifiers.name')}
          name="name"
          rules={[{ required: true, whitespace: true, message: t('classifiers.nameRequired') }]}
        >
          <Input data-testid="classifier-create-name" autoComplete="off" maxLength={200} />
        </Form.Item>
        <Form.Item
          label={t('classifiers.key')}
          name="key"
          extra={t('classifiers.keyHint')}
          rules={[
            { required: true, message: t('classifiers.keyRequired') },
            { pattern: KEY_PATTERN, message: t('common.keyPattern') },
          ]}
        >
          <Input
            data-testid="classifier-create-key"
            autoComplete="off"
            autoCapitalize="none"
            spellCheck={false}
            maxLength={40}
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
