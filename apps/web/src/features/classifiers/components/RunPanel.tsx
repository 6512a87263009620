import { PlayCircleOutlined } from '@ant-design/icons';
import type { Classifier } from '@formwork/definitions';
import { Alert, Button, Card, Progress, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { problemText } from '../../../lib/problemText';
import { useRunClassifier } from '../hooks/useClassifierMutations';
import { useRunJob } from '../hooks/useRunJob';

interface RunPanelProps {
  app: string;
  /** The published classifier; a run always uses it, never the unsaved table. */
  classifier: Classifier | null;
  dirty: boolean;
}

/** Engines report 0–1 (older ones 0–100). */
const percentOf = (progress: number | null | undefined) =>
  Math.round(
    Math.min(100, Math.max(0, (progress ?? 0) <= 1 ? (progress ?? 0) * 100 : (progress ?? 0))),
  );

/** "Run now": classifies every record with the published table, with a progress bar. */
export function RunPanel({ app, classifier, dirty }: RunPanelProps) {
  const { t } = useTranslation();
  const run = useRunClassifier(app, classifier?.key ?? '');
  const [jobId, setJobId] = useState<string | null>(null);
  const job = useRunJob(app, classifier?.entity ?? '', jobId);
  const status = job.data?.status;
  const running =
    run.isPending ||
    (jobId !== null && (status === undefined || status === 'queued' || status === 'running'));

  const start = () => run.mutate(undefined, { onSuccess: ({ jobId: id }) => setJobId(id) });

  return (
    <Card
      size="small"
      className="fw-block"
      title={t('classifiers.run.title')}
      data-testid="classifier-run-panel"
    >
      <Space wrap align="center" className="fw-block">
        <Button
          icon={<PlayCircleOutlined aria-hidden />}
          disabled={!classifier || running}
          loading={running}
          onClick={start}
          data-testid="classifier-run"
        >
          {t('classifiers.run.start')}
        </Button>
        <Typography.Text type="secondary">
          {!classifier
            ? t('classifiers.run.publishFirst')
            : dirty
              ? t('classifiers.run.publishedOnly', { version: classifier.version })
              : t('classifiers.run.hint')}
        </Typography.Text>
      </Space>
      {run.isError && (
        <Alert
          type="error"
          showIcon
          title={problemText(run.error, t)}
          data-testid="classifier-run-failed"
        />
      )}
      {jobId !== null && job.isError && (
        <Alert
          type="error"
          showIcon
          title={problemText(job.error, t)}
          data-testid="classifier-run-failed"
        />
      )}
      {jobId !== null && job.data && (
        <>
          <Progress
            percent={status === 'completed' ? 100 : percentOf(job.data.progress)}
            status={
              status === 'failed' || status === 'cancelled'
                ? 'exception'
                : status === 'completed'
                  ? 'success'
                  : 'active'
            }
            aria-label={t('classifiers.run.progress')}
            data-testid="classifier-run-progress"
          />
          {status === 'completed' && (
            <Alert
              type="success"
              showIcon
              title={t('classifiers.run.done', {
                total: job.data.result?.total ?? 0,
                changed: job.data.result?.changed ?? 0,
              })}
              description={
                job.data.result?.conflicts
                  ? t('classifiers.run.conflicts', { count: job.data.result.conflicts })
                  : undefined
              }
              data-testid="classifier-run-done"
            />
          )}
          {(status === 'failed' || status === 'cancelled') && (
            <Alert
              type="error"
              showIcon
              title={t(`classifiers.run.${status}`)}
              description={job.data.error ?? undefined}
              data-testid="classifier-run-failed"
            />
          )}
        </>
      )}
    </Card>
  );
}
