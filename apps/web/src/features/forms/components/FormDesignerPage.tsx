import { defaultFormDesign } from '@formwork/definitions';
import { Alert, Skeleton } from 'antd';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { hasStatus } from '../../../lib/apiErrors';
import { useApp } from '../../apps/hooks/useApps';
import { RequireDesigner } from '../../auth/components/RequireDesigner';
import { useEntity } from '../../entities/hooks/useEntities';
import { Breadcrumbs } from '../../shell/components/Breadcrumbs';
import { QueryError } from '../../shell/components/QueryError';
import { useFormPageCrumbs } from '../hooks/useFormPageCrumbs';
import { useForm } from '../hooks/useForms';
import { FormDesigner } from './FormDesigner';
import { FormNotFound } from './FormNotFound';

/** /apps/:app/forms/:form/design (admins and builders). */
export function FormDesignerPage() {
  return (
    <RequireDesigner>
      <DesignerLoader />
    </RequireDesigner>
  );
}

function DesignerLoader() {
  const { app = '', form: formKey = '' } = useParams();
  const { t } = useTranslation();
  const appQuery = useApp(app);
  const form = useForm(app, formKey);
  const entity = useEntity(app, form.data?.entity ?? undefined);

  const crumbs = useFormPageCrumbs(app, appQuery.data?.name, formKey, form.data, t('forms.design'));

  let body;
  if (hasStatus(form.error, 404) || hasStatus(appQuery.error, 404))
    body = <FormNotFound app={app} formKey={formKey} />;
  else if (form.isError || entity.isError)
    body = (
      <QueryError
        title={t('forms.loadFailed')}
        error={form.error ?? entity.error}
        onRetry={() => {
          void form.refetch();
          void entity.refetch();
        }}
      />
    );
  else if (form.isPending) body = <Skeleton active />;
  else if (!form.data.entity) body = <Alert type="info" showIcon title={t('forms.noDesign')} />;
  else if (entity.isPending) body = <Skeleton active />;
  else
    body = (
      <FormDesigner
        key={`${app}/${formKey}`}
        app={app}
        form={form.data}
        design={form.data.design ?? defaultFormDesign(entity.data)}
        entity={entity.data}
        reload={async () => (await form.refetch()).data}
      />
    );

  return (
    <>
      <Breadcrumbs items={crumbs} />
      {body}
    </>
  );
}
