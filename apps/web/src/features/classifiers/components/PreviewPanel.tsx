import type { Entity } from '@formwork/definitions';
import { Alert, Card, Empty, Statistic, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ClassifierEditorState } from '../hooks/useClassifierEditor';
import { ruleLabel, valueText } from '../utils/valueText';
import { DistributionBars } from './DistributionBars';
import { PreviewSample } from './PreviewSample';

interface PreviewPanelProps {
  state: ClassifierEditorState;
  entity: Entity | undefined;
}

/** What a run of the unsaved table would do: distribution, moves between classes, a sample. */
export function PreviewPanel({ state, entity }: PreviewPanelProps) {
  const { t } = useTranslation();
  const result = state.preview.result;
  const fieldName = (key: string) => entity?.fields.find((field) => field.key === key)?.name ?? key;

  if (!result)
    return (
      <Card size="small" className="fw-block" title={t('classifiers.preview.title')}>
        <Typography.Paragraph type="secondary" data-testid="preview-empty">
          {t('classifiers.preview.hint')}
        </Typography.Paragraph>
      </Card>
    );

  const first = state.draft.outputs[0]?.field ?? '';
  const distributions =
    Object.keys(result.distributions ?? {}).length > 0
      ? result.distributions
      : { [first]: result.distribution };
  const ruleIds = state.preview.ruleIds;

  return (
    <Card
      size="small"
      className="fw-block"
      title={t('classifiers.preview.title')}
      data-testid="classifier-preview-result"
    >
      {state.preview.stale && (
        <Alert
          type="info"
          showIcon
          className="fw-block"
          title={t('classifiers.preview.stale')}
          data-testid="preview-stale"
        />
      )}
      {result.total === 0 ? (
        <Empty
          description={t('classifiers.preview.noRecords', { entity: entity?.name ?? '' })}
          data-testid="preview-no-records"
        />
      ) : (
        <>
          <div className="fw-preview-grid fw-block">
            <Statistic
              title={t('classifiers.preview.total')}
              value={result.total}
              data-testid="preview-total"
            />
            <Statistic
              title={t('classifiers.preview.changes')}
              value={result.changes}
              data-testid="preview-changes"
            />
            <Statistic
              title={t('classifiers.preview.conflicts')}
              value={result.conflicts?.length ?? 0}
              data-testid="preview-conflict-count"
            />
          </div>
          <div className="fw-preview-grid fw-block">
            {Object.entries(distributions).map(([field, counts]) => (
              <DistributionBars
                key={field}
                field={field}
                title={fieldName(field)}
                counts={counts}
                total={result.total}
                isBoolean={entity?.fields.some((f) => f.key === field && f.type === 'boolean')}
              />
            ))}
            <section data-testid="preview-transitions">
              <h4>{t('classifiers.preview.transitions', { field: fieldName(first) })}</h4>
              {(result.transitions ?? []).length === 0 ? (
                <Typography.Text type="secondary">
                  {t('classifiers.preview.noChanges')}
                </Typography.Text>
              ) : (
                <ul className="fw-plain-list">
                  {result.transitions.map((move) => (
                    <li
                      key={`${valueText(move.from, t)}→${valueText(move.to, t)}`}
                      data-testid="preview-transition"
                    >
                      {t('classifiers.preview.transition', {
                        count: move.count,
                        from: valueText(move.from, t),
                        to: valueText(move.to, t),
                      })}
                    </li>
                  ))}
                </ul>
              )}
            </section>
          </div>
          {(result.conflicts ?? []).length > 0 && (
            <Alert
              type="error"
              showIcon
              className="fw-block"
              title={t('classifiers.preview.conflictsTitle')}
              data-testid="preview-conflicts"
              description={
                <ul className="fw-error-list">
                  {result.conflicts.map((conflict) => (
                    <li key={conflict.id}>
                      {t(`classifiers.preview.conflict.${conflict.problem}`, {
                        id: conflict.id,
                        rules: conflict.rules.map((id) => ruleLabel(id, ruleIds)).join(', '),
                      })}
                    </li>
                  ))}
                </ul>
              }
            />
          )}
          <PreviewSample
            sample={result.sample ?? []}
            outputs={state.draft.outputs.map((output) => output.field)}
            fieldName={fieldName}
            ruleIds={ruleIds}
          />
        </>
      )}
    </Card>
  );
}
