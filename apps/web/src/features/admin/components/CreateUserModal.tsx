import type { CreateUserInput } from '@formwork/definitions';
import { App, Form, Input } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { hasStatus } from '../../../lib/apiErrors';
import { placeProblem, showFieldErrors } from '../../../lib/formErrors';
import { useCreateUser } from '../hooks/useCreateUser';
import { FormErrorAlert } from './FormErrorAlert';
import { UserModal } from './UserModal';
import { UserNameAndRolesFields } from './UserNameAndRolesFields';

const FORM_ID = 'user-create-form';
const FIELDS = ['email', 'name', 'password', 'roles'] as const;
const INITIAL_VALUES: Partial<CreateUserInput> = { roles: ['staff'] };

interface CreateUserModalProps {
  open: boolean;
  onClose: () => void;
}

export function CreateUserModal({ open, onClose }: CreateUserModalProps) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<CreateUserInput>();
  const create = useCreateUser();
  const [formError, setFormError] = useState<string | null>(null);

  const onError = (error: unknown): void => {
    if (hasStatus(error, 409)) {
      form.setFields([{ name: 'email', errors: [t('admin.users.duplicateEmail')] }]);
      return;
    }
    const placed = placeProblem(error, FIELDS, t('admin.users.saveFailed'));
    showFieldErrors(form, placed.fields);
    setFormError(placed.summary);
  };

  const submit = (values: CreateUserInput): void => {
    setFormError(null);
    create.mutate(values, {
      onSuccess: (user) => {
        void message.success(t('admin.users.createdToast', { name: user.name }));
        onClose();
      },
      onError,
    });
  };

  return (
    <UserModal
      open={open}
      title={t('admin.users.createTitle')}
      formId={FORM_ID}
      saving={create.isPending}
      okText={t('common.create')}
      onClose={onClose}
      afterClose={() => setFormError(null)}
    >
      <Form<CreateUserInput>
        id={FORM_ID}
        name="userCreate"
        form={form}
        layout="vertical"
        preserve={false}
        initialValues={INITIAL_VALUES}
        onFinish={submit}
        data-testid="user-form"
      >
        <Form.Item
          label={t('admin.users.email')}
          name="email"
          rules={[
            { required: true, whitespace: true, message: t('admin.users.emailRequired') },
            { type: 'email', message: t('admin.users.emailInvalid') },
          ]}
        >
          <Input
            data-testid="user-email"
            inputMode="email"
            autoComplete="off"
            autoCapitalize="none"
          />
        </Form.Item>
        <UserNameAndRolesFields />
        <Form.Item
          label={t('admin.users.password')}
          name="password"
          rules={[
            { required: true, message: t('admin.users.passwordRequired') },
            { min: 8, message: t('admin.users.passwordTooShort') },
          ]}
        >
          <Input.Password data-testid="user-password" autoComplete="new-password" />
        </Form.Item>
        <FormErrorAlert message={formError} />
      </Form>
    </UserModal>
  );
}
