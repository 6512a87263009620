import type { AuditEntry } from '@formwork/definitions';
import { Descriptions } from 'antd';
import { useTranslation } from 'react-i18next';

function toJson(value: unknown): string {
  return value === null || value === undefined ? '—' : JSON.stringify(value, null, 2);
}

/** The before/after of one audited change. */
export function AuditChange({ entry }: { entry: AuditEntry }) {
  const { t } = useTranslation();
  return (
    <Descriptions
      size="small"
      column={1}
      bordered
      items={[
        {
          key: 'before',
          label: t('admin.audit.before'),
          children: <pre className="fw-json">{toJson(entry.before)}</pre>,
        },
        {
          key: 'after',
          label: t('admin.audit.after'),
          children: <pre className="fw-json">{toJson(entry.after)}</pre>,
        },
        ...(entry.ip ? [{ key: 'ip', label: 'IP', children: entry.ip }] : []),
      ]}
    />
  );
}
