import type { UpdateUserInput, UserDetail } from '@formwork/definitions';
import { App, Form, Input, Switch, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { placeProblem, showFieldErrors } from '../../../lib/formErrors';
import { useSessionUser } from '../../auth/hooks/useSessionUser';
import { useUpdateUser } from '../hooks/useUpdateUser';
import { FormErrorAlert } from './FormErrorAlert';
import { UserModal } from './UserModal';
import { UserNameAndRolesFields } from './UserNameAndRolesFields';

const FORM_ID = 'user-edit-form';
const FIELDS = ['name', 'roles', 'active', 'password'] as const;

type EditUserValues = Required<Pick<UpdateUserInput, 'name' | 'roles' | 'active'>> & {
  password?: string;
};

interface EditUserModalProps {
  /** The user being edited; kept by the parent while the modal closes. */
  user: UserDetail | null;
  open: boolean;
  onClose: () => void;
}

export function EditUserModal({ user, open, onClose }: EditUserModalProps) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const me = useSessionUser();
  const [form] = Form.useForm<EditUserValues>();
  const update = useUpdateUser();
  const [formError, setFormError] = useState<string | null>(null);
  const isSelf = user?.id === me.id;

  const submit = ({ password, ...values }: EditUserValues): void => {
    if (!user) return;
    setFormError(null);
    const input: UpdateUserInput = password ? { ...values, password } : values;
    update.mutate(
      { id: user.id, input },
      {
        onSuccess: (updated) => {
          void message.success(t('admin.users.updatedToast', { name: updated.name }));
          onClose();
        },
        onError: (error) => {
          const placed = placeProblem(error, FIELDS, t('admin.users.saveFailed'));
          showFieldErrors(form, placed.fields);
          setFormError(placed.summary);
        },
      },
    );
  };

  return (
    <UserModal
      open={open}
      title={t('admin.users.editTitle')}
      formId={FORM_ID}
      saving={update.isPending}
      okText={t('common.save')}
      onClose={onClose}
      afterClose={() => setFormError(null)}
    >
      {user && (
        <Form<EditUserValues>
          id={FORM_ID}
          name="userEdit"
          form={form}
          layout="vertical"
          preserve={false}
          initialValues={{ name: user.name, roles: user.roles, active: user.active }}
          onFinish={submit}
          data-testid="user-form"
        >
          <Form.Item label={t('admin.users.email')}>
            <Typography.Text data-testid="user-email">{user.email}</Typography.Text>
          </Form.Item>
          <UserNameAndRolesFields />
          <Form.Item
            label={t('admin.users.active')}
            name="active"
            valuePropName="checked"
            extra={isSelf ? t('admin.users.cannotDeactivateSelf') : undefined}
          >
            <Switch data-testid="user-active" disabled={isSelf} />
          </Form.Item>
          <Form.Item
            label={t('admin.users.newPassword')}
            name="password"
            extra={t('admin.users.newPasswordHint')}
            rules={[{ min: 8, message: t('admin.users.passwordTooShort') }]}
          >
            <Input.Password data-testid="user-password" autoComplete="new-password" />
          </Form.Item>
          <FormErrorAlert message={formError} />
        </Form>
      )}
    </UserModal>
  );
}
