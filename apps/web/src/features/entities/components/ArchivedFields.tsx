import { UndoOutlined } from '@ant-design/icons';
import { Button, Tag, Typography } from 'antd';
import type { Dispatch } from 'react';
import { useTranslation } from 'react-i18next';
import type { DraftAction } from '../utils/draftReducer';
import type { DraftField } from '../utils/entityDraft';
import { fieldTypeLabel } from '../utils/fieldTypeOptions';

interface ArchivedFieldsProps {
  fields: DraftField[];
  dispatch: Dispatch<DraftAction>;
}

/** Removed fields keep their data; putting one back restores it with its values. */
export function ArchivedFields({ fields, dispatch }: ArchivedFieldsProps) {
  const { t } = useTranslation();
  if (fields.length === 0) return null;
  return (
    <section className="fw-archived" data-testid="archived-fields">
      <Typography.Title level={3} className="fw-subsection-title">
        {t('designer.archivedTitle')}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t('designer.archivedHint')}</Typography.Paragraph>
      <ul className="fw-plain-list">
        {fields.map((field) => (
          <li
            key={field.uid}
            className="fw-archived-row"
            data-testid={`archived-field-${field.key}`}
          >
            <span className="fw-archived-name">
              <Typography.Text type="secondary" delete={false}>
                {field.name}
              </Typography.Text>{' '}
              <Tag className="fw-key-tag">{field.key}</Tag>
              <Tag>{fieldTypeLabel(field.type, t)}</Tag>
            </span>
            <Button
              size="small"
              icon={<UndoOutlined aria-hidden />}
              aria-label={t('designer.restoreNamed', { name: field.name })}
              onClick={() => dispatch({ type: 'restoreField', uid: field.uid })}
              data-testid="field-restore"
            >
              {t('designer.restore')}
            </Button>
          </li>
        ))}
      </ul>
    </section>
  );
}
