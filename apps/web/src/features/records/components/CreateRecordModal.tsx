import type { Entity, EntityRecord, RecordValues } from '@formwork/definitions';
import { App as AntApp, Button, Form, Modal } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { placeProblem, showFieldErrors } from '../../../lib/formErrors';
import { FormAlert } from '../../shell/components/FormAlert';
import { useCreateRecord } from '../hooks/useRecordMutations';
import { recordLabel } from '../utils/formatValue';
import { valuesToCreate } from '../utils/recordValues';
import { RecordFormFields } from './RecordFormFields';

const FORM_ID = 'record-create-form';

interface CreateRecordModalProps {
  app: string;
  entity: Entity;
  open: boolean;
  onClose: () => void;
  onCreated: (record: EntityRecord) => void;
}

export function CreateRecordModal({
  app,
  entity,
  open,
  onClose,
  onCreated,
}: CreateRecordModalProps) {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const [form] = Form.useForm<RecordValues>();
  const create = useCreateRecord(app, entity.key);
  const [formError, setFormError] = useState<string | null>(null);
  const fields = useMemo(() => entity.fields.filter((field) => !field.archived), [entity]);
  const defaults = useMemo(
    () => Object.fromEntries(fields.map((field) => [field.key, field.default ?? null])),
    [fields],
  );

  const submit = (values: RecordValues): void => {
    setFormError(null);
    create.mutate(valuesToCreate(fields, values), {
      onSuccess: (record) => {
        void message.success(t('records.createdToast', { name: recordLabel(entity, record) }));
        onCreated(record);
      },
      onError: (error) => {
        const placed = placeProblem(
          error,
          fields.map((field) => field.key),
          t('records.saveFailed'),
        );
        showFieldErrors(form, placed.fields);
        setFormError(placed.summary);
      },
    });
  };

  return (
    <Modal
      open={open}
      title={t('records.createTitle', { entity: entity.name })}
      onCancel={onClose}
      afterClose={() => setFormError(null)}
      destroyOnHidden
      footer={
        <>
          <Button onClick={onClose} data-testid="record-cancel">
            {t('common.cancel')}
          </Button>
          <Button
            type="primary"
            htmlType="submit"
            form={FORM_ID}
            loading={create.isPending}
            data-testid="record-save"
          >
            {t('common.create')}
          </Button>
        </>
      }
    >
      <Form<RecordValues>
        id={FORM_ID}
        form={form}
        layout="vertical"
        preserve={false}
        initialValues={defaults}
        onFinish={submit}
        data-testid="record-form"
      >
        <RecordFormFields app={app} fields={fields} />
        <FormAlert message={formError} testId="record-form-error" />
      </Form>
    </Modal>
  );
}
