import { LockOutlined, MailOutlined } from '@ant-design/icons';
import type { LoginInput } from '@formwork/definitions';
import { Alert, Button, Form, Input } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../../lib/apiErrors';
import { placeProblem, showFieldErrors } from '../../../lib/formErrors';
import { useLogin } from '../hooks/useLogin';
import { loginErrorMessage } from '../utils/loginErrorMessage';

const FIELDS = ['email', 'password'] as const;

/** On success the current user is set, and the login page redirects. */
export function LoginForm() {
  const { t } = useTranslation();
  const [form] = Form.useForm<LoginInput>();
  const login = useLogin();
  const [formError, setFormError] = useState<string | null>(null);

  const onError = (error: unknown): void => {
    const known = loginErrorMessage(error, t);
    if (known) {
      setFormError(known);
      return;
    }
    const fallback = isApiError(error) ? t('auth.login.failed') : t('errors.network');
    const placed = placeProblem(error, FIELDS, fallback);
    showFieldErrors(form, placed.fields);
    setFormError(placed.summary);
  };

  const submit = (values: LoginInput): void => {
    setFormError(null);
    login.mutate(values, { onError });
  };

  return (
    <Form<LoginInput>
      form={form}
      name="login"
      layout="vertical"
      requiredMark={false}
      onFinish={submit}
      onValuesChange={() => setFormError(null)}
      data-testid="login-form"
    >
      <Form.Item
        label={t('auth.login.email')}
        name="email"
        rules={[{ required: true, whitespace: true, message: t('auth.login.emailRequired') }]}
      >
        <Input
          data-testid="login-email"
          prefix={<MailOutlined aria-hidden />}
          inputMode="email"
          autoComplete="username"
          autoCapitalize="none"
          spellCheck={false}
          size="large"
        />
      </Form.Item>
      <Form.Item
        label={t('auth.login.password')}
        name="password"
        rules={[{ required: true, message: t('auth.login.passwordRequired') }]}
      >
        <Input.Password
          data-testid="login-password"
          prefix={<LockOutlined aria-hidden />}
          autoComplete="current-password"
          size="large"
        />
      </Form.Item>
      {formError && (
        <Form.Item>
          <Alert type="error" showIcon title={formError} data-testid="login-error" />
        </Form.Item>
      )}
      <Form.Item className="fw-form-submit">
        <Button
          type="primary"
          htmlType="submit"
          size="large"
          block
          loading={login.isPending}
          data-testid="login-submit"
        >
          {t('auth.login.submit')}
        </Button>
      </Form.Item>
    </Form>
  );
}
