import { Progress } from 'antd';
import { useTranslation } from 'react-i18next';
import { valueText } from '../utils/valueText';

interface DistributionBarsProps {
  field: string;
  title: string;
  counts: Record<string, number>;
  total: number;
  /** A yes/no output's keys are "true"/"false": shown as Yes/No. */
  isBoolean?: boolean;
}

/** Records per value of one output, as bars. */
export function DistributionBars(props: DistributionBarsProps) {
  const { field, title, counts, total } = props;
  const { t } = useTranslation();
  const entries = Object.entries(counts).sort(([, a], [, b]) => b - a);
  const label = (value: string) =>
    valueText(
      props.isBoolean && (value === 'true' || value === 'false') ? value === 'true' : value,
      t,
    );
  return (
    <section data-testid={`preview-distribution-${field}`}>
      <h4>{title}</h4>
      <dl className="fw-distribution">
        {entries.map(([value, count]) => (
          <div key={value} data-testid={`preview-value-${value}`}>
            <dt>{label(value)}</dt>
            <dd>
              <Progress
                percent={total > 0 ? Math.round((count / total) * 1000) / 10 : 0}
                size="small"
                aria-label={t('classifiers.preview.share', { value: label(value) })}
              />
            </dd>
            <dd data-testid="preview-value-count">{count}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
