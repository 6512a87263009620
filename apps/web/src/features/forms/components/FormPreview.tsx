import type { CompiledForm } from '@formwork/definitions';
import { App as AntApp, Card, Segmented, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LANGUAGE_LABELS, LANGUAGES, type Language } from '../../../i18n/languages';
import { useLanguage } from '../../../i18n/useLanguage';
import { FormRenderer, type FormData } from './FormRenderer';

/** The real form, compiled from the design as it is edited; submitting sends nothing. */
export function FormPreview({ app, compiled }: { app: string; compiled: CompiledForm }) {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const [uiLanguage] = useLanguage();
  const [language, setLanguage] = useState<Language>(uiLanguage);
  const [data, setData] = useState<FormData>({});

  return (
    <Card
      size="small"
      title={t('forms.preview.title')}
      extra={
        <Segmented<Language>
          size="small"
          aria-label={t('forms.preview.language')}
          value={language}
          onChange={setLanguage}
          options={LANGUAGES.map((value) => ({ value, label: LANGUAGE_LABELS[value] }))}
          data-testid="form-preview-language"
        />
      }
      data-testid="form-preview"
    >
      <Typography.Paragraph type="secondary">{t('forms.preview.hint')}</Typography.Paragraph>
      <FormRenderer
        app={app}
        schema={compiled.schema}
        uiSchema={compiled.uiSchema}
        language={language}
        data={data}
        onChange={setData}
        onSubmit={() => void message.info(t('forms.preview.hint'))}
        idPrefix="preview"
      />
    </Card>
  );
}
