import { DownOutlined, FormOutlined } from '@ant-design/icons';
import type { Form } from '@formwork/definitions';
import { Button, Dropdown } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';

interface FillFormButtonProps {
  app: string;
  /** The entity's forms (useEntityForms); nothing is shown without any. */
  forms: Form[];
  /** The record to edit through the form; without it the form creates a record. */
  recordId?: string;
  /** Names the record in the accessible name of a row's button. */
  recordLabel?: string;
  size?: 'small';
  testId: string;
}

/** "Fill form" on a records grid: one form opens directly, several are offered in a menu. */
export function FillFormButton(props: FillFormButtonProps) {
  const { app, forms, recordId, recordLabel, size, testId } = props;
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [first] = forms;
  if (!first) return null;

  const open = (form: string) => {
    const query = recordId ? `?record=${encodeURIComponent(recordId)}` : '';
    void navigate(`/apps/${app}/forms/${form}/fill${query}`);
  };
  const label = recordLabel ? t('forms.fillRecord', { record: recordLabel }) : undefined;

  if (forms.length === 1)
    return (
      <Button
        size={size}
        icon={<FormOutlined aria-hidden />}
        aria-label={label && `${label}: ${first.name}`}
        onClick={() => open(first.key)}
        data-testid={testId}
      >
        {t('forms.fill')}
      </Button>
    );
  return (
    <Dropdown
      trigger={['click']}
      autoFocus
      menu={{
        items: forms.map((form) => ({
          key: form.key,
          label: form.name,
          'data-testid': `${testId}-${form.key}`,
        })),
        onClick: ({ key }) => open(key),
      }}
    >
      <Button
        size={size}
        icon={<FormOutlined aria-hidden />}
        aria-label={label}
        data-testid={testId}
      >
        {t('forms.fill')} <DownOutlined aria-hidden />
      </Button>
    </Dropdown>
  );
}
