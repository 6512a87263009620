import { Alert } from 'antd';

/** What went wrong with a form as a whole (errors that belong to no field). */
export function FormAlert({ message, testId }: { message: string | null; testId?: string }) {
  if (!message) return null;
  return <Alert type="error" showIcon title={message} className="fw-block" data-testid={testId} />;
}
