import type { DataLossCode, DataLossReport } from '@formwork/definitions';
import { Table, Tag, Typography, type TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';

/** Codes this UI words itself; a newer engine's unknown code falls back to its English text. */
const LOSS_CODES: Record<DataLossCode, true> = {
  required_without_default: true,
  required_but_empty: true,
  duplicates: true,
  options_in_use: true,
  missing_targets: true,
  not_in_options: true,
  not_convertible: true,
};

const example = (value: unknown): string =>
  typeof value === 'string' ? value : JSON.stringify(value);

/** What a refused change would have lost: per field, the problem, how many rows, examples. */
export function DataLossTable({ report }: { report: DataLossReport[] }) {
  const { t } = useTranslation();
  const columns: TableColumnsType<DataLossReport> = [
    {
      title: t('designer.lossField'),
      key: 'field',
      render: (_, row) => <Tag className="fw-key-tag">{row.field}</Tag>,
    },
    {
      title: t('designer.lossProblem'),
      key: 'problem',
      render: (_, row) =>
        row.code in LOSS_CODES ? t(`designer.lossCodes.${row.code}`) : row.problem,
    },
    { title: t('designer.lossRows'), dataIndex: 'rows', key: 'rows', align: 'right' },
    {
      title: t('designer.lossExamples'),
      key: 'examples',
      render: (_, row) => (
        <Typography.Text code className="fw-examples">
          {(row.examples ?? []).map(example).join(', ')}
        </Typography.Text>
      ),
    },
  ];
  return (
    <div data-testid="data-loss-report">
      <Table<DataLossReport>
        rowKey={(row) => `${row.field}:${row.problem}`}
        size="small"
        columns={columns}
        dataSource={report}
        pagination={false}
        scroll={{ x: 'max-content' }}
      />
    </div>
  );
}
