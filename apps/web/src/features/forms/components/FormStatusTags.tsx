import type { Form } from '@formwork/definitions';
import { Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

/** Public or internal, and closed (by hand or by its closing date). */
export function FormStatusTags({ form }: { form: Form }) {
  const { t } = useTranslation();
  // The time the list was shown: a form closing meanwhile shows so on the next visit.
  const [now] = useState(() => Date.now());
  const closed = form.closed || (form.closesAt !== null && Date.parse(form.closesAt) <= now);
  return (
    <>
      <Tag color={form.public ? 'green' : undefined}>
        {form.public ? t('forms.public') : t('forms.internal')}
      </Tag>
      {closed && <Tag color="red">{t('forms.closed')}</Tag>}
    </>
  );
}
