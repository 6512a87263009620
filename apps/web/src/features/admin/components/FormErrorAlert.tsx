import { Alert } from 'antd';

export function FormErrorAlert({ message }: { message: string | null }) {
  if (!message) return null;
  return (
    <Alert
      type="error"
      showIcon
      title={message}
      className="fw-block"
      data-testid="user-form-error"
    />
  );
}
