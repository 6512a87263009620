import { ReloadOutlined } from '@ant-design/icons';
import type { Entity, EntityRecord, RecordValues } from '@formwork/definitions';
import { Alert, App as AntApp, Button, Form, Space } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { hasStatus } from '../../../lib/apiErrors';
import { placeProblem, showFieldErrors } from '../../../lib/formErrors';
import { FormAlert } from '../../shell/components/FormAlert';
import { useUpdateRecord } from '../hooks/useRecordMutations';
import { changedValues, formValuesOf } from '../utils/recordValues';
import { RecordFormFields } from './RecordFormFields';

interface EditRecordFormProps {
  app: string;
  entity: Entity;
  record: EntityRecord;
  onDone: () => void;
  /** Loads the record again (after someone else changed it). */
  onReload: () => void;
}

/** Edits a record: sends only the changed fields, guarded by the version it was loaded at. */
export function EditRecordForm({ app, entity, record, onDone, onReload }: EditRecordFormProps) {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const [form] = Form.useForm<RecordValues>();
  const update = useUpdateRecord(app, entity.key);
  const [formError, setFormError] = useState<string | null>(null);
  const [stale, setStale] = useState(false);
  const fields = useMemo(() => entity.fields.filter((field) => !field.archived), [entity]);
  const initial = useMemo(() => formValuesOf(fields, record), [fields, record]);

  const submit = (values: RecordValues): void => {
    setFormError(null);
    const changes = changedValues(fields, initial, values);
    if (Object.keys(changes).length === 0) {
      void message.info(t('records.nothingChanged'));
      onDone();
      return;
    }
    update.mutate(
      { id: record.id, values: changes, expectedVersion: record.version },
      {
        onSuccess: () => {
          void message.success(t('records.updatedToast'));
          onDone();
        },
        onError: (error) => {
          if (hasStatus(error, 409)) return setStale(true);
          const placed = placeProblem(
            error,
            fields.map((field) => field.key),
            t('records.saveFailed'),
          );
          showFieldErrors(form, placed.fields);
          setFormError(placed.summary);
        },
      },
    );
  };

  return (
    <Form<RecordValues>
      form={form}
      layout="vertical"
      initialValues={initial}
      onFinish={submit}
      data-testid="record-edit-form"
    >
      {stale && (
        <Alert
          type="warning"
          showIcon
          title={t('records.staleTitle')}
          description={t('records.staleHint')}
          action={
            <Button
              icon={<ReloadOutlined aria-hidden />}
              onClick={onReload}
              data-testid="record-reload"
            >
              {t('records.reload')}
            </Button>
          }
          className="fw-block"
          data-testid="record-stale"
        />
      )}
      <RecordFormFields app={app} fields={fields} />
      <FormAlert message={formError} testId="record-form-error" />
      <Space>
        <Button onClick={onDone} data-testid="record-edit-cancel">
          {t('common.cancel')}
        </Button>
        <Button
          type="primary"
          htmlType="submit"
          loading={update.isPending}
          data-testid="record-update"
        >
          {t('common.save')}
        </Button>
      </Space>
    </Form>
  );
}
