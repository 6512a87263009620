import { Result, Skeleton } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import { hasStatus } from '../../../lib/apiErrors';
import { useApp } from '../../apps/hooks/useApps';
import { RequireDesigner } from '../../auth/components/RequireDesigner';
import { useEntities } from '../../entities/hooks/useEntities';
import { Breadcrumbs } from '../../shell/components/Breadcrumbs';
import { QueryError } from '../../shell/components/QueryError';
import { useClassifier } from '../hooks/useClassifiers';
import { draftFromClassifier, newDraft } from '../utils/classifierDraft';
import { ClassifierEditor } from './ClassifierEditor';

/**
 * /apps/:app/classifiers/:classifier (admins and builders). A key with no classifier yet opens
 * an empty table (`?entity=` and `?name=` from "New classifier"); publishing creates it.
 */
export function ClassifierEditorPage() {
  return (
    <RequireDesigner>
      <EditorLoader />
    </RequireDesigner>
  );
}

function EditorLoader() {
  const { app = '', classifier: key = '' } = useParams();
  const [search] = useSearchParams();
  const { t } = useTranslation();
  const appQuery = useApp(app);
  const classifier = useClassifier(app, key);
  const entities = useEntities(app, appQuery.isSuccess);
  const isNew = hasStatus(classifier.error, 404);
  const entityParam = search.get('entity');
  const nameParam = search.get('name');

  const initial = useMemo(() => {
    if (classifier.data) return draftFromClassifier(classifier.data);
    const entity = entityParam ?? entities.data?.[0]?.key ?? '';
    return newDraft(entity, nameParam ?? key);
  }, [classifier.data, entityParam, nameParam, entities.data, key]);

  const crumbs = [
    { title: t('apps.title'), to: '/apps' },
    { title: appQuery.data?.name ?? app, to: `/apps/${app}` },
    { title: t('classifiers.title') },
    { title: classifier.data?.name ?? nameParam ?? key },
  ];

  let body;
  if (hasStatus(appQuery.error, 404))
    body = (
      <Result
        status="404"
        title={<h1 className="fw-result-title">{t('apps.notFound', { key: app })}</h1>}
        extra={<Link to="/apps">{t('errors.backHome')}</Link>}
      />
    );
  else if ((classifier.isError && !isNew) || entities.isError)
    body = (
      <QueryError
        title={t('classifiers.loadFailed')}
        error={classifier.error ?? entities.error}
        onRetry={() => {
          void classifier.refetch();
          void entities.refetch();
        }}
      />
    );
  else if ((classifier.isPending && !isNew) || entities.isPending) body = <Skeleton active />;
  else
    body = (
      <ClassifierEditor
        key={`${app}/${key}`}
        app={app}
        classifierKey={key}
        stored={classifier.data ?? null}
        initial={initial}
        entities={entities.data}
        reload={async () => (await classifier.refetch()).data}
      />
    );

  return (
    <>
      <Breadcrumbs items={crumbs} />
      {body}
    </>
  );
}
