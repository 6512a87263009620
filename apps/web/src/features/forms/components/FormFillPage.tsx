import { Alert, Result, Skeleton } from 'antd';
import { useTranslation } from 'react-i18next';
import { useParams, useSearchParams } from 'react-router';
import { hasStatus } from '../../../lib/apiErrors';
import { useApp } from '../../apps/hooks/useApps';
import { useRecord } from '../../records/hooks/useRecords';
import { Breadcrumbs } from '../../shell/components/Breadcrumbs';
import { PageHeader } from '../../shell/components/PageHeader';
import { QueryError } from '../../shell/components/QueryError';
import { useFormPageCrumbs } from '../hooks/useFormPageCrumbs';
import { useForm } from '../hooks/useForms';
import { FormFillView } from './FormFillView';
import { FormNotFound } from './FormNotFound';
import { FormStatusTags } from './FormStatusTags';

/** /apps/:app/forms/:form/fill (and `?record=<id>` to edit that record through the form). */
export function FormFillPage() {
  const { app = '', form: formKey = '' } = useParams();
  const [searchParams] = useSearchParams();
  const recordId = searchParams.get('record');
  const { t } = useTranslation();
  const appQuery = useApp(app);
  const form = useForm(app, formKey);
  const record = useRecord(app, form.data?.entity ?? '', form.data?.entity ? recordId : null);

  const crumbs = useFormPageCrumbs(app, appQuery.data?.name, formKey, form.data, t('forms.fill'));

  let body;
  if (hasStatus(form.error, 404) || hasStatus(appQuery.error, 404))
    body = <FormNotFound app={app} formKey={formKey} />;
  else if (hasStatus(record.error, 404))
    body = (
      <Result status="404" title={t('forms.fillPage.recordNotFound', { id: recordId ?? '' })} />
    );
  else if (form.isError || record.isError)
    body = (
      <QueryError
        title={t('forms.loadFailed')}
        error={form.error ?? record.error}
        onRetry={() => {
          void form.refetch();
          void record.refetch();
        }}
      />
    );
  else if (form.isPending || (recordId && record.isPending)) body = <Skeleton active />;
  else
    body = (
      <>
        <PageHeader
          title={
            recordId
              ? t('forms.fillPage.editTitle', { name: form.data.name })
              : t('forms.fillPage.title', { name: form.data.name })
          }
          extra={<FormStatusTags form={form.data} />}
        />
        {form.data.public && form.data.closed && (
          <Alert
            type="warning"
            showIcon
            className="fw-block"
            title={t('forms.fillPage.closedNotice')}
          />
        )}
        <FormFillView
          key={`${formKey}/${recordId ?? ''}`}
          app={app}
          form={form.data}
          record={record.data}
          reloadForm={() => void form.refetch()}
        />
      </>
    );

  return (
    <section data-testid="form-fill-page">
      <Breadcrumbs items={crumbs} />
      {body}
    </section>
  );
}
