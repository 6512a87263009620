import type { Classifier, Entity } from '@formwork/definitions';
import { Card, Descriptions, Empty, Skeleton, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { hasStatus } from '../../../lib/apiErrors';
import { formatDateTime } from '../../../lib/formatDate';
import { QueryError } from '../../shell/components/QueryError';
import { useExplanation } from '../hooks/useExplanation';
import { describeSource } from '../utils/describeSource';
import { valueText } from '../utils/valueText';

interface ExplanationCardProps {
  app: string;
  entity: Entity;
  recordId: string;
  classifier: Classifier;
  editPath?: string;
}

/** One classifier's last word on one record. */
export function ExplanationCard(props: ExplanationCardProps) {
  const { app, entity, recordId, classifier } = props;
  const { t } = useTranslation();
  const explanation = useExplanation(app, entity.key, recordId, classifier.key);
  const fieldName = (key: string) => entity.fields.find((field) => field.key === key)?.name ?? key;

  let body;
  if (explanation.isPending) body = <Skeleton active paragraph={{ rows: 2 }} />;
  else if (hasStatus(explanation.error, 404))
    body = (
      <Empty
        image={Empty.PRESENTED_IMAGE_SIMPLE}
        description={t('classifiers.explain.notYet')}
        data-testid="explain-not-yet"
      />
    );
  else if (explanation.isError)
    body = (
      <QueryError
        title={t('classifiers.explain.loadFailed')}
        error={explanation.error}
        onRetry={() => void explanation.refetch()}
      />
    );
  else {
    const { outputs, matchedRules, inputs, at, version } = explanation.data;
    const rules = matchedRules.map((id) => ({
      id,
      index: classifier.rules.findIndex((rule) => rule.id === id),
    }));
    body = (
      <>
        <Descriptions
          size="small"
          column={1}
          bordered
          items={Object.entries(outputs).map(([field, value]) => ({
            key: field,
            label: fieldName(field),
            children: (
              <strong data-testid={`explain-output-${field}`}>{valueText(value, t)}</strong>
            ),
          }))}
        />
        <Typography.Title level={5} className="fw-gap-top">
          {t('classifiers.explain.matched')}
        </Typography.Title>
        {rules.length === 0 ? (
          <Typography.Paragraph data-testid="explain-no-rule">
            {t('classifiers.explain.noRule')}
          </Typography.Paragraph>
        ) : (
          rules.map(({ id, index }) => {
            const rule = classifier.rules[index];
            return (
              <div
                key={id}
                className="fw-explain-rule"
                data-testid="explain-rule"
                data-rule-id={id}
              >
                <Tag>{index >= 0 ? `#${index + 1}` : '?'}</Tag>
                <code>{id}</code>
                {rule?.description && <span> — {rule.description}</span>}
                {rule && (
                  <div>
                    <Typography.Text type="secondary">
                      {classifier.inputs
                        .map((input, column) => `${input.key} ${rule.when[column] ?? '-'}`)
                        .filter((_text, column) => (rule.when[column] ?? '-') !== '-')
                        .join(' · ') || t('classifiers.explain.anyInput')}
                    </Typography.Text>
                  </div>
                )}
              </div>
            );
          })
        )}
        <Typography.Title level={5} className="fw-gap-top">
          {t('classifiers.explain.inputs')}
        </Typography.Title>
        <Descriptions
          size="small"
          column={1}
          bordered
          items={classifier.inputs.map((input) => ({
            key: input.key,
            label: <span title={describeSource(input.source, t)}>{input.key}</span>,
            children: (
              <span data-testid={`explain-input-${input.key}`}>
                {valueText(inputs[input.key], t)}
              </span>
            ),
          }))}
        />
        <Typography.Paragraph type="secondary" className="fw-meta">
          {t('classifiers.explain.at', { at: formatDateTime(at), version })}
          {version !== classifier.version && (
            <Tag color="gold" data-testid="explain-older-version">
              {t('classifiers.explain.olderVersion', { version: classifier.version })}
            </Tag>
          )}
        </Typography.Paragraph>
      </>
    );
  }

  return (
    <Card
      size="small"
      className="fw-block"
      title={classifier.name}
      extra={props.editPath && <Link to={props.editPath}>{t('classifiers.edit')}</Link>}
      data-testid={`explain-${classifier.key}`}
    >
      {body}
    </Card>
  );
}
