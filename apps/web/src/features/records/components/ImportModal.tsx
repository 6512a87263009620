import { InboxOutlined } from '@ant-design/icons';
import type { Entity, ImportResult } from '@formwork/definitions';
import { Alert, Button, Modal, Progress, Select, Table, Typography, Upload } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { problemText } from '../../../lib/problemText';
import { useImportRecords, useJob, useRefreshAfterImport } from '../hooks/useImport';
import { previewCsv, type CsvPreview } from '../utils/csvPreview';
import { autoMapping } from '../utils/importMapping';
import { ImportResultView } from './ImportResultView';

const ACCEPT =
  '.csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const IGNORE = '';

interface ImportModalProps {
  app: string;
  entity: Entity;
  open: boolean;
  onClose: () => void;
}

const isCsv = (file: File) => /\.csv$/i.test(file.name) || file.type === 'text/csv';

/** Upload a CSV or XLSX file, map its columns to fields, import, and see what failed. */
export function ImportModal({ app, entity, open, onClose }: ImportModalProps) {
  const { t } = useTranslation();
  const fields = useMemo(() => entity.fields.filter((field) => !field.archived), [entity]);
  const [file, setFile] = useState<File | null>(null);
  const [preview, setPreview] = useState<CsvPreview | null>(null);
  const [mapping, setMapping] = useState<Record<string, string>>({});
  const [mappingEdited, setMappingEdited] = useState(false);
  const [jobId, setJobId] = useState<string | null>(null);
  /** The answer of a small import; a large one answers through its job. */
  const [answered, setAnswered] = useState<ImportResult | null>(null);
  const upload = useImportRecords(app, entity.key);
  const job = useJob(jobId);
  const refresh = useRefreshAfterImport(app);

  const jobResult = job.data?.status === 'completed' ? (job.data.result ?? null) : null;
  const result = answered ?? jobResult;
  useEffect(() => {
    if (jobResult) void refresh();
  }, [jobResult, refresh]);

  const reset = () => {
    setFile(null);
    setPreview(null);
    setMapping({});
    setMappingEdited(false);
    setJobId(null);
    setAnswered(null);
    upload.reset();
  };

  const choose = async (chosen: File) => {
    reset();
    setFile(chosen);
    if (!isCsv(chosen)) return;
    const parsed = previewCsv(await chosen.text());
    setPreview(parsed);
    setMapping(autoMapping(parsed.columns, fields));
  };

  const start = () => {
    if (!file) return;
    const sentMapping = mappingEdited
      ? Object.fromEntries(Object.entries(mapping).filter(([, key]) => key !== IGNORE))
      : undefined;
    upload.mutate(
      { file, mapping: sentMapping },
      {
        onSuccess: (answer) => {
          if ('jobId' in answer) setJobId(answer.jobId);
          else {
            setAnswered(answer);
            void refresh();
          }
        },
      },
    );
  };

  const fieldOptions = [
    { value: IGNORE, label: t('import.ignore') },
    { value: 'id', label: t('import.idColumn') },
    ...fields.map((field) => ({ value: field.key, label: `${field.name} (${field.key})` })),
  ];

  const running = upload.isPending || (jobId !== null && !result && job.data?.status !== 'failed');
  const progress = job.data?.progress ?? 0;
  const percent = Math.round(progress <= 1 ? progress * 100 : progress);

  return (
    <Modal
      open={open}
      title={t('import.title', { entity: entity.name })}
      onCancel={onClose}
      afterClose={reset}
      width={800}
      destroyOnHidden
      footer={
        result ? (
          <Button type="primary" onClick={onClose} data-testid="import-done">
            {t('common.close')}
          </Button>
        ) : (
          <>
            <Button onClick={onClose}>{t('common.cancel')}</Button>
            <Button
              type="primary"
              disabled={!file}
              loading={running}
              onClick={start}
              data-testid="import-submit"
            >
              {t('import.start')}
            </Button>
          </>
        )
      }
    >
      <div data-testid="import-modal">
        {!result && !running && (
          <Upload.Dragger
            accept={ACCEPT}
            multiple={false}
            showUploadList={false}
            beforeUpload={(chosen) => {
              void choose(chosen);
              return false;
            }}
            data-testid="import-file"
          >
            <p className="ant-upload-drag-icon">
              <InboxOutlined aria-hidden />
            </p>
            <p className="ant-upload-text">{file ? file.name : t('import.choose')}</p>
            <p className="ant-upload-hint">{t('import.hint')}</p>
          </Upload.Dragger>
        )}
        {file && !isCsv(file) && !result && (
          <Alert type="info" showIcon title={t('import.xlsxNote')} className="fw-gap-top" />
        )}
        {preview && !result && !running && (
          <ColumnMapping
            preview={preview}
            mapping={mapping}
            options={fieldOptions}
            onChange={(column, key) => {
              setMappingEdited(true);
              setMapping((current) => ({ ...current, [column]: key }));
            }}
          />
        )}
        {running && (
          <div className="fw-import-progress" data-testid="import-progress">
            <Typography.Paragraph>{t('import.running')}</Typography.Paragraph>
            <Progress percent={jobId ? percent : 0} status="active" />
          </div>
        )}
        {upload.isError && (
          <Alert
            type="error"
            showIcon
            title={t('import.failed')}
            description={problemText(upload.error, t)}
            className="fw-gap-top"
            data-testid="import-error"
          />
        )}
        {job.data?.status === 'failed' && (
          <Alert
            type="error"
            showIcon
            title={t('import.failed')}
            description={job.data.error ?? undefined}
            className="fw-gap-top"
            data-testid="import-error"
          />
        )}
        {result && <ImportResultView entity={entity} result={result} />}
      </div>
    </Modal>
  );
}

interface ColumnMappingProps {
  preview: CsvPreview;
  mapping: Record<string, string>;
  options: { value: string; label: string }[];
  onChange: (column: string, key: string) => void;
}

/** The first rows of the file, with a field picker above each column. */
function ColumnMapping({ preview, mapping, options, onChange }: ColumnMappingProps) {
  const { t } = useTranslation();
  const columns = preview.columns.map((column, index) => ({
    key: `${index}`,
    title: (
      <div className="fw-mapping-head">
        <Typography.Text strong>{column}</Typography.Text>
        <Select<string>
          size="small"
          className="fw-mapping-select"
          value={mapping[column] ?? IGNORE}
          onChange={(key) => onChange(column, key)}
          options={options}
          aria-label={t('import.mapColumn', { column })}
          popupMatchSelectWidth={false}
          data-testid={`import-map-${column}`}
        />
      </div>
    ),
    render: (_: unknown, row: string[]) => row[index] ?? '',
  }));
  return (
    <section className="fw-gap-top" data-testid="import-preview">
      <Typography.Title level={3} className="fw-subsection-title">
        {t('import.previewTitle')}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t('import.previewHint')}</Typography.Paragraph>
      <Table<string[]>
        rowKey={(_, index) => String(index)}
        size="small"
        columns={columns}
        dataSource={preview.rows}
        pagination={false}
        scroll={{ x: 'max-content' }}
      />
    </section>
  );
}
