import { Form } from 'antd';
import type { ReactNode } from 'react';

interface SettingProps {
  label: string;
  /** The control's id (for the label) and, as `flow-setting-<name>`, its test id. */
  name: string;
  problems?: readonly string[];
  hint?: ReactNode;
  required?: boolean;
  children: ReactNode;
}

export const settingId = (name: string) => `flow-setting-${name}`;

/** One labelled setting of the side panel, with the checks' problems of that setting under it. */
export function Setting({ label, name, problems = [], hint, required, children }: SettingProps) {
  return (
    <Form.Item
      label={label}
      htmlFor={settingId(name)}
      required={required}
      validateStatus={problems.length > 0 ? 'error' : undefined}
      help={problems.length > 0 ? problems.join(' ') : undefined}
      extra={hint}
      className="fw-flow-setting"
    >
      {children}
    </Form.Item>
  );
}
