import { useTranslation } from 'react-i18next';
import type { Form } from '@formwork/definitions';

/** Apps › <app> › <form> › <what this page does>. */
export function useFormPageCrumbs(
  app: string,
  appName: string | undefined,
  formKey: string,
  form: Form | undefined,
  pageTitle: string,
) {
  const { t } = useTranslation();
  return [
    { title: t('apps.title'), to: '/apps' },
    { title: appName ?? app, to: `/apps/${app}` },
    { title: form?.name ?? formKey },
    { title: pageTitle },
  ];
}
