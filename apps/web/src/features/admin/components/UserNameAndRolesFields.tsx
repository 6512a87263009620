import { Form, Input, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { roleOptions } from '../utils/roleOptions';

/** Fields shared by the create and edit forms. */
export function UserNameAndRolesFields() {
  const { t } = useTranslation();
  return (
    <>
      <Form.Item
        label={t('admin.users.name')}
        name="name"
        rules={[{ required: true, whitespace: true, message: t('admin.users.nameRequired') }]}
      >
        <Input data-testid="user-name" autoComplete="off" maxLength={200} />
      </Form.Item>
      <Form.Item
        label={t('admin.users.roles')}
        name="roles"
        rules={[{ required: true, type: 'array', min: 1, message: t('admin.users.rolesRequired') }]}
      >
        <Select mode="multiple" data-testid="user-roles" options={roleOptions(t)} />
      </Form.Item>
    </>
  );
}
