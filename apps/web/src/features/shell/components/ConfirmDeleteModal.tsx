import { Alert, Input, Modal, Typography } from 'antd';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';

interface ConfirmDeleteModalProps {
  open: boolean;
  title: string;
  /** What will be lost, in a sentence. */
  warning: string;
  /** The key the user must type to confirm. */
  confirmKey: string;
  deleting: boolean;
  /** Why the last attempt failed, if it did. */
  error: string | null;
  onConfirm: () => void;
  onClose: () => void;
}

/** Deleting something big (an app, an entity) needs its key typed, not a reflex click. */
export function ConfirmDeleteModal({
  open,
  title,
  warning,
  confirmKey,
  deleting,
  error,
  onConfirm,
  onClose,
}: ConfirmDeleteModalProps) {
  const { t } = useTranslation();
  const [typed, setTyped] = useState('');
  const inputId = useId();
  const matches = typed.trim() === confirmKey;
  return (
    <Modal
      open={open}
      title={title}
      onCancel={onClose}
      afterClose={() => setTyped('')}
      destroyOnHidden
      okText={t('common.delete')}
      okButtonProps={{ danger: true, disabled: !matches, 'data-testid': 'confirm-delete' }}
      cancelButtonProps={{ 'data-testid': 'confirm-cancel' }}
      confirmLoading={deleting}
      onOk={onConfirm}
    >
      <Typography.Paragraph>{warning}</Typography.Paragraph>
      <label htmlFor={inputId}>
        <Typography.Paragraph>
          {t('common.typeToConfirm', { key: confirmKey })}
        </Typography.Paragraph>
      </label>
      <Input
        id={inputId}
        value={typed}
        onChange={(event) => setTyped(event.target.value)}
        onPressEnter={() => matches && onConfirm()}
        autoComplete="off"
        data-testid="confirm-key"
      />
      {error && <Alert type="error" showIcon title={error} className="fw-block fw-gap-top" />}
    </Modal>
  );
}
