import { EditOutlined } from '@ant-design/icons';
import type { UserDetail } from '@formwork/definitions';
import { Button, Table, Tag, type TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../../lib/formatDate';
import { RoleTags } from '../../auth/components/RoleTags';

interface UsersTableProps {
  users: UserDetail[];
  loading: boolean;
  onEdit: (user: UserDetail) => void;
}

export function UsersTable({ users, loading, onEdit }: UsersTableProps) {
  const { t } = useTranslation();
  const columns: TableColumnsType<UserDetail> = [
    { title: t('admin.users.email'), dataIndex: 'email', key: 'email' },
    { title: t('admin.users.name'), dataIndex: 'name', key: 'name' },
    {
      title: t('admin.users.roles'),
      key: 'roles',
      render: (_, user) => <RoleTags roles={user.roles} />,
    },
    {
      title: t('admin.users.status'),
      key: 'active',
      render: (_, user) =>
        user.active ? (
          <Tag color="success">{t('admin.users.active')}</Tag>
        ) : (
          <Tag>{t('admin.users.inactive')}</Tag>
        ),
    },
    {
      title: t('admin.users.created'),
      key: 'createdAt',
      render: (_, user) => formatDateTime(user.createdAt),
    },
    {
      title: t('admin.users.lastLogin'),
      key: 'lastLoginAt',
      render: (_, user) =>
        user.lastLoginAt ? formatDateTime(user.lastLoginAt) : t('admin.users.never'),
    },
    {
      title: t('admin.users.actions'),
      key: 'actions',
      render: (_, user) => (
        <Button
          size="small"
          icon={<EditOutlined aria-hidden />}
          aria-label={t('admin.users.editUser', { name: user.name })}
          onClick={() => onEdit(user)}
          data-testid="user-edit"
        >
          {t('admin.users.edit')}
        </Button>
      ),
    },
  ];

  return (
    <div data-testid="users-table">
      <Table<UserDetail>
        rowKey="id"
        columns={columns}
        dataSource={users}
        loading={loading}
        pagination={false}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: t('admin.users.empty') }}
      />
    </div>
  );
}
