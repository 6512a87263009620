import { Button, Modal } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

interface UserModalProps {
  open: boolean;
  title: string;
  /** The id of the form inside: the save button submits it, so Enter in a field submits too. */
  formId: string;
  saving: boolean;
  okText: string;
  onClose: () => void;
  afterClose: () => void;
  children: ReactNode;
}

/** The dialog shared by creating and editing a user. */
export function UserModal({
  open,
  title,
  formId,
  saving,
  okText,
  onClose,
  afterClose,
  children,
}: UserModalProps) {
  const { t } = useTranslation();
  const footer = (
    <>
      <Button onClick={onClose} data-testid="user-cancel">
        {t('common.cancel')}
      </Button>
      <Button
        type="primary"
        htmlType="submit"
        form={formId}
        loading={saving}
        data-testid="user-save"
      >
        {okText}
      </Button>
    </>
  );
  return (
    <Modal
      open={open}
      title={title}
      onCancel={onClose}
      afterClose={afterClose}
      destroyOnHidden
      footer={footer}
    >
      {children}
    </Modal>
  );
}
