import { Button } from 'antd';
import { useTranslation } from 'react-i18next';

interface UserModalFooterProps {
  formId: string;
  saving: boolean;
  okText: string;
  onCancel: () => void;
}

/** The save button submits the form by id, so Enter in a field submits too. */
export function UserModalFooter({ formId, saving, okText, onCancel }: UserModalFooterProps) {
  const { t } = useTranslation();
  return (
    <>
      <Button onClick={onCancel} data-testid="user-cancel">
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
}
