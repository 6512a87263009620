import { UploadOutlined } from '@ant-design/icons';
import { KEY_PATTERN, type Classifier, type Entity } from '@formwork/definitions';
import { App as AntApp, Button, Form, Input, Modal, Select, Upload } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../../lib/apiErrors';
import { placeProblem, showFieldErrors } from '../../../lib/formErrors';
import { FormAlert } from '../../shell/components/FormAlert';
import { useImportDmn } from '../hooks/useClassifierMutations';

const FORM_ID = 'classifier-import-form';

/** What is wrong with the file: the engine's summary and each element it could not take. */
function importProblem(error: unknown): string | null {
  if (!isApiError(error) || error.fieldErrors.length === 0) return null;
  const details = error.fieldErrors.map(({ path, message }) =>
    path ? `${path}: ${message}` : message,
  );
  return [error.problem.detail || error.problem.title, ...details].join(' · ');
}

interface ImportValues {
  entity: string;
  key?: string;
}

interface ImportDmnModalProps {
  app: string;
  open: boolean;
  entities: Entity[];
  onClose: () => void;
  onImported: (classifier: Classifier) => void;
}

/** Uploads a DMN 1.3–1.5 file; the engine stores it as a classifier (live, like a PUT). */
export function ImportDmnModal({ app, open, entities, onClose, onImported }: ImportDmnModalProps) {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const [form] = Form.useForm<ImportValues>();
  const [file, setFile] = useState<File | null>(null);
  const [formError, setFormError] = useState<string | null>(null);
  const importDmn = useImportDmn(app);

  const submit = async (values: ImportValues) => {
    if (!file) return setFormError(t('classifiers.dmn.fileRequired'));
    setFormError(null);
    const xml = await file.text();
    const key = values.key?.trim() || undefined;
    importDmn.mutate(
      { xml, entity: values.entity, key },
      {
        onSuccess: (classifier) => {
          void message.success(t('classifiers.dmn.importedToast', { name: classifier.name }));
          onImported(classifier);
        },
        onError: (error) => {
          const placed = placeProblem(error, ['key', 'entity'], t('classifiers.dmn.importFailed'));
          showFieldErrors(form, placed.fields);
          setFormError(importProblem(error) ?? placed.summary);
        },
      },
    );
  };

  return (
    <Modal
      open={open}
      title={t('classifiers.dmn.importTitle')}
      onCancel={onClose}
      afterClose={() => {
        setFile(null);
        setFormError(null);
      }}
      destroyOnHidden
      footer={
        <>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button
            type="primary"
            htmlType="submit"
            form={FORM_ID}
            loading={importDmn.isPending}
            data-testid="classifier-import-save"
          >
            {t('classifiers.dmn.importSubmit')}
          </Button>
        </>
      }
    >
      <Form<ImportValues>
        id={FORM_ID}
        form={form}
        layout="vertical"
        preserve={false}
        initialValues={{ entity: entities[0]?.key }}
        onFinish={(values) => void submit(values)}
      >
        <Form.Item label={t('classifiers.dmn.file')} required extra={t('classifiers.dmn.fileHint')}>
          <Upload
            accept=".dmn,.xml,application/xml,text/xml"
            maxCount={1}
            beforeUpload={(chosen) => {
              setFile(chosen);
              setFormError(null);
              return false;
            }}
            onRemove={() => setFile(null)}
            fileList={file ? [{ uid: 'dmn', name: file.name, status: 'done' }] : []}
          >
            <Button icon={<UploadOutlined aria-hidden />} data-testid="classifier-import-file">
              {t('classifiers.dmn.chooseFile')}
            </Button>
          </Upload>
        </Form.Item>
        <Form.Item
          label={t('classifiers.entity')}
          name="entity"
          rules={[{ required: true, message: t('classifiers.entityRequired') }]}
        >
          <Select
            data-testid="classifier-import-entity"
            options={entities.map((entity) => ({
              value: entity.key,
              label: `${entity.name} (${entity.key})`,
            }))}
          />
        </Form.Item>
        <Form.Item
          label={t('classifiers.key')}
          name="key"
          extra={t('classifiers.dmn.keyHint')}
          rules={[{ pattern: KEY_PATTERN, message: t('common.keyPattern') }]}
        >
          <Input
            data-testid="classifier-import-key"
            autoComplete="off"
            autoCapitalize="none"
            spellCheck={false}
            maxLength={40}
          />
        </Form.Item>
        <FormAlert message={formError} testId="classifier-import-error" />
      </Form>
    </Modal>
  );
}
