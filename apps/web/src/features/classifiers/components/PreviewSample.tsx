import type { ClassificationSampleRow } from '@formwork/definitions';
import { Table, type TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import { ruleLabel, valueText } from '../utils/valueText';

interface PreviewSampleProps {
  sample: ClassificationSampleRow[];
  outputs: string[];
  fieldName: (key: string) => string;
  ruleIds: readonly string[];
}

/** Some of the records a run would change: before → after, and the rule that decided. */
export function PreviewSample({ sample, outputs, fieldName, ruleIds }: PreviewSampleProps) {
  const { t } = useTranslation();
  if (sample.length === 0) return null;
  const columns: TableColumnsType<ClassificationSampleRow> = [
    {
      key: 'record',
      title: t('classifiers.preview.record'),
      render: (_, row) => row.title ?? <code>{row.id}</code>,
    },
    ...outputs.map((field) => ({
      key: field,
      title: fieldName(field),
      render: (_: unknown, row: ClassificationSampleRow) =>
        `${valueText(row.before[field], t)} → ${valueText(row.after[field], t)}`,
    })),
    {
      key: 'rules',
      title: t('classifiers.preview.matched'),
      render: (_, row) =>
        row.matchedRules.length > 0
          ? row.matchedRules.map((id) => ruleLabel(id, ruleIds)).join(', ')
          : t('classifiers.preview.noRule'),
    },
  ];
  return (
    <section data-testid="preview-sample">
      <h4>{t('classifiers.preview.sample')}</h4>
      <Table<ClassificationSampleRow>
        rowKey="id"
        size="small"
        columns={columns}
        dataSource={sample}
        pagination={false}
        scroll={{ x: 'max-content' }}
      />
    </section>
  );
}
