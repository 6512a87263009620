import type { Entity, ImportResult } from '@formwork/definitions';
import { Alert, Statistic, Table, Typography, type TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';

type Failure = ImportResult['failed'][number];

/** Counts, then one line per refused row with what was wrong, named by field. */
export function ImportResultView({ entity, result }: { entity: Entity; result: ImportResult }) {
  const { t } = useTranslation();
  const allFields = [...entity.fields, ...(entity.archivedFields ?? [])];
  const fieldName = (path: string) => {
    const key = path.replace(/^\//, '').split('/')[0] ?? '';
    return allFields.find((field) => field.key === key)?.name ?? (key || path);
  };

  const columns: TableColumnsType<Failure> = [
    { title: t('import.row'), dataIndex: 'row', key: 'row', width: 80 },
    {
      title: t('import.problems'),
      key: 'errors',
      render: (_, failure) => (
        <ul className="fw-plain-list">
          {failure.errors.map((error, index) => (
            <li key={index}>
              <Typography.Text strong>{fieldName(error.path)}</Typography.Text>: {error.message}
            </li>
          ))}
        </ul>
      ),
    },
  ];

  return (
    <section data-testid="import-result">
      <div className="fw-stats">
        <Statistic
          title={t('import.created')}
          value={result.created}
          data-testid="import-created"
        />
        <Statistic
          title={t('import.updated')}
          value={result.updated}
          data-testid="import-updated"
        />
        <Statistic
          title={t('import.failedRows')}
          value={result.failed.length}
          data-testid="import-failed"
        />
      </div>
      {result.failed.length === 0 ? (
        <Alert type="success" showIcon title={t('import.allGood')} />
      ) : (
        <>
          <Alert
            type="warning"
            showIcon
            title={t('import.someFailed', { count: result.failed.length })}
            className="fw-block"
          />
          <div data-testid="import-errors">
            <Table<Failure>
              rowKey="row"
              size="small"
              columns={columns}
              dataSource={result.failed}
              pagination={result.failed.length > 20 ? { pageSize: 20 } : false}
              onRow={(failure) => ({ 'data-testid': `import-error-row-${failure.row}` }) as object}
            />
          </div>
        </>
      )}
    </section>
  );
}
