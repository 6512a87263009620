import type { Entity, Field, RecordHistoryEntry, RecordValues } from '@formwork/definitions';
import { Empty, Skeleton, Tag, Timeline, Typography } from 'antd';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../../lib/formatDate';
import { useSessionUser } from '../../auth/hooks/useSessionUser';
import { QueryError } from '../../shell/components/QueryError';
import { useRecordHistory } from '../hooks/useRecords';
import { formatValue } from '../utils/formatValue';

const SYSTEM = new Set([
  'id',
  'version',
  'created_at',
  'updated_at',
  'created_by',
  'owner_id',
  'deleted_at',
]);
const ACTION_COLORS: Record<RecordHistoryEntry['action'], string> = {
  create: 'green',
  import: 'cyan',
  update: 'blue',
  delete: 'red',
  restore: 'purple',
};

interface Change {
  key: string;
  before: unknown;
  after: unknown;
}

/** The fields an entry changed, in the entity's field order: all set values on create, differences on update. */
function changesOf(entry: RecordHistoryEntry, order: readonly string[]): Change[] {
  const before: RecordValues = entry.before ?? {};
  const after: RecordValues = entry.after ?? {};
  const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])].filter(
    (key) => !SYSTEM.has(key),
  );
  return keys
    .map((key) => ({ key, before: before[key] ?? null, after: after[key] ?? null }))
    .filter((change) => JSON.stringify(change.before) !== JSON.stringify(change.after))
    .sort((a, b) => rank(order, a.key) - rank(order, b.key));
}

const rank = (order: readonly string[], key: string) => {
  const index = order.indexOf(key);
  return index < 0 ? order.length : index;
};

interface RecordHistoryProps {
  app: string;
  entity: Entity;
  id: string;
}

export function RecordHistory({ app, entity, id }: RecordHistoryProps) {
  const { t, i18n } = useTranslation();
  const me = useSessionUser();
  const history = useRecordHistory(app, entity.key, id, true);
  const allFields = [...entity.fields, ...(entity.archivedFields ?? [])];
  const order = allFields.map((field) => field.key);
  const yesNo = { yes: t('common.yes'), no: t('common.no') };

  if (history.isPending) return <Skeleton active />;
  if (history.isError)
    return (
      <QueryError
        title={t('records.historyFailed')}
        error={history.error}
        onRetry={() => void history.refetch()}
      />
    );
  if (history.data.length === 0) return <Empty description={t('records.historyEmpty')} />;

  const show = (field: Field | undefined, value: unknown): string =>
    value === null || value === undefined || value === ''
      ? '∅'
      : field?.type === 'user' && value === me.id
        ? me.name
        : field
          ? formatValue(field, value, i18n.language, yesNo)
          : JSON.stringify(value);

  return (
    <div data-testid="record-history">
      <Timeline
        items={history.data.map((entry, index) => {
          const changes = changesOf(entry, order);
          return {
            key: `${entry.at}-${index}`,
            color: ACTION_COLORS[entry.action] ?? 'gray',
            content: (
              <div data-testid="history-entry">
                <div className="fw-history-head">
                  <Tag color={ACTION_COLORS[entry.action]}>{actionLabel(entry.action, t)}</Tag>
                  <Typography.Text>{formatDateTime(entry.at)}</Typography.Text>
                  <Typography.Text type="secondary">
                    {entry.by === me.id
                      ? t('records.byYou', { name: me.name })
                      : entry.by
                        ? `${entry.by.slice(0, 8)}…`
                        : t('records.bySystem')}
                  </Typography.Text>
                </div>
                {changes.length > 0 && (
                  <ul className="fw-plain-list fw-history-changes">
                    {changes.map((change) => {
                      const field = allFields.find((candidate) => candidate.key === change.key);
                      return (
                        <li key={change.key} data-testid="history-change">
                          <Typography.Text strong>{field?.name ?? change.key}</Typography.Text>:{' '}
                          {entry.action !== 'create' && entry.action !== 'import' && (
                            <>
                              <Typography.Text type="secondary" delete>
                                {show(field, change.before)}
                              </Typography.Text>
                              {' → '}
                            </>
                          )}
                          <Typography.Text>{show(field, change.after)}</Typography.Text>
                        </li>
                      );
                    })}
                  </ul>
                )}
              </div>
            ),
          };
        })}
      />
    </div>
  );
}

function actionLabel(action: RecordHistoryEntry['action'], t: TFunction): string {
  return t(`records.actions.${action}`, { defaultValue: action });
}
