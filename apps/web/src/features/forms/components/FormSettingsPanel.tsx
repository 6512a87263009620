import { Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';
import type { FormDesignerState } from '../hooks/useFormDesigner';

/** The form's own texts: name, submit button, message after submitting. */
export function FormSettingsPanel({ state }: { state: FormDesignerState }) {
  const { t } = useTranslation();
  const { settings, setSettings, draft, dispatch } = state;
  const texts = { submitLabel: draft.submitLabel, successMessage: draft.successMessage };
  const nameMissing = !settings.name.trim();
  return (
    <Form layout="vertical" data-testid="form-settings-panel">
      <Form.Item
        label={t('forms.designer.formName')}
        required
        validateStatus={nameMissing ? 'error' : undefined}
        help={nameMissing ? t('forms.nameRequired') : undefined}
      >
        <Input
          value={settings.name}
          onChange={(event) => setSettings({ ...settings, name: event.target.value })}
          maxLength={200}
          data-testid="form-setting-name"
        />
      </Form.Item>
      <Form.Item label={t('forms.designer.submitLabel')}>
        <Input
          value={draft.submitLabel ?? ''}
          placeholder={t('forms.renderer.submit')}
          onChange={(event) =>
            dispatch({
              type: 'setTexts',
              texts: { ...texts, submitLabel: event.target.value || undefined },
            })
          }
          maxLength={100}
          data-testid="form-setting-submit-label"
        />
      </Form.Item>
      <Form.Item label={t('forms.designer.successMessage')}>
        <Input.TextArea
          value={draft.successMessage ?? ''}
          placeholder={t('forms.fillPage.submittedTitle')}
          onChange={(event) =>
            dispatch({
              type: 'setTexts',
              texts: { ...texts, successMessage: event.target.value || undefined },
            })
          }
          maxLength={1000}
          autoSize={{ minRows: 2, maxRows: 5 }}
          data-testid="form-setting-success-message"
        />
      </Form.Item>
    </Form>
  );
}
