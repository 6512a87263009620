import { ROLES } from '@formwork/definitions';
import { Input, Segmented, Select, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import type { FlowAppData } from '../hooks/useFlowAppData';
import { useUserOptions } from '../hooks/useUserOptions';
import { isObject, textValue } from '../utils/nodeData';
import { settingId } from './Setting';

type Kind = 'role' | 'user' | 'field' | 'email';

interface AssigneeInputProps {
  name: string;
  value: unknown;
  onChange: (value: Record<string, string> | undefined) => void;
  app: FlowAppData;
  /** Notifications may also go to an email address. */
  allowEmail?: boolean;
}

const OWNER_FIELDS = ['owner_id', 'created_by'] as const;

const kindOf = (value: unknown): Kind | undefined =>
  isObject(value)
    ? (['role', 'user', 'field', 'email'] as const).find((kind) => kind in value)
    : undefined;

const FIRST: Record<Kind, Record<string, string> | undefined> = {
  role: { role: 'staff' },
  user: undefined,
  field: { field: 'owner_id' },
  email: { email: '' },
};

/** Who: everyone with a role, one user, the user a record field names (the owner), or an address. */
export function AssigneeInput({ name, value, onChange, app, allowEmail }: AssigneeInputProps) {
  const { t } = useTranslation();
  const users = useUserOptions();
  const kind = kindOf(value) ?? 'role';
  const current = isObject(value) ? textValue(value[kind]) : '';
  const kinds: Kind[] = allowEmail ? ['role', 'user', 'field', 'email'] : ['role', 'user', 'field'];
  const userFields = [
    ...OWNER_FIELDS.map((field) => ({ value: field, label: t(`flows.assignee.fields.${field}`) })),
    ...(app.triggerEntity?.fields ?? [])
      .filter((field) => field.type === 'user' && !field.archived)
      .map((field) => ({ value: field.key, label: field.name })),
  ];
  const common = {
    id: settingId(name),
    'data-testid': settingId(name),
    className: 'fw-full-width',
  };

  let control;
  if (kind === 'role')
    control = (
      <Select
        {...common}
        value={current || undefined}
        placeholder={t('flows.assignee.pickRole')}
        onChange={(role: string) => onChange({ role })}
        options={ROLES.map((role) => ({ value: role, label: t(`roles.${role}`) }))}
      />
    );
  else if (kind === 'field')
    control = (
      <Select
        {...common}
        value={current || undefined}
        onChange={(field: string) => onChange({ field })}
        options={userFields}
      />
    );
  else if (kind === 'user' && users)
    control = (
      <Select
        {...common}
        showSearch={{ optionFilterProp: 'label' }}
        value={current || undefined}
        placeholder={t('flows.assignee.pickUser')}
        onChange={(user: string) => onChange({ user })}
        options={users}
      />
    );
  else
    control = (
      <Input
        {...common}
        value={current}
        placeholder={kind === 'email' ? 'name@example.com' : t('flows.assignee.userId')}
        onChange={(event) => onChange({ [kind]: event.target.value.trim() })}
      />
    );

  return (
    <Space orientation="vertical" className="fw-full-width" size={4}>
      <Segmented<Kind>
        size="small"
        value={kind}
        onChange={(next) => onChange(FIRST[next])}
        options={kinds.map((option) => ({
          value: option,
          label: t(`flows.assignee.kinds.${option}`),
        }))}
        data-testid={`${settingId(name)}-kind`}
      />
      {control}
    </Space>
  );
}
