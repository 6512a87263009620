import type { Entity } from '@formwork/definitions';
import { Empty, Skeleton, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { usePermissions } from '../../auth/hooks/usePermissions';
import { QueryError } from '../../shell/components/QueryError';
import { useClassifiers } from '../hooks/useClassifiers';
import { ExplanationCard } from './ExplanationCard';
import { classifierPath } from './ClassifiersSection';

interface ExplainPanelProps {
  app: string;
  entity: Entity;
  recordId: string;
}

/** "Why this class?": per classifier of the entity, the outputs, the rule that matched, its inputs. */
export function ExplainPanel({ app, entity, recordId }: ExplainPanelProps) {
  const { t } = useTranslation();
  const { canDesign } = usePermissions();
  const classifiers = useClassifiers(app);

  if (classifiers.isPending) return <Skeleton active paragraph={{ rows: 2 }} />;
  if (classifiers.isError)
    return (
      <QueryError
        title={t('classifiers.loadFailed')}
        error={classifiers.error}
        onRetry={() => void classifiers.refetch()}
      />
    );
  const mine = classifiers.data.filter((classifier) => classifier.entity === entity.key);
  if (mine.length === 0)
    return (
      <Empty
        image={Empty.PRESENTED_IMAGE_SIMPLE}
        description={t('classifiers.explain.none', { entity: entity.name })}
        data-testid="explain-empty"
      >
        {canDesign && <Link to={`/apps/${app}`}>{t('classifiers.explain.design')}</Link>}
      </Empty>
    );

  return (
    <div data-testid="explain-panel">
      <Typography.Paragraph type="secondary">{t('classifiers.explain.intro')}</Typography.Paragraph>
      {mine.map((classifier) => (
        <ExplanationCard
          key={classifier.key}
          app={app}
          entity={entity}
          recordId={recordId}
          classifier={classifier}
          editPath={canDesign ? classifierPath(app, classifier.key) : undefined}
        />
      ))}
    </div>
  );
}
