import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Select, Typography } from 'antd';
import { useId, type Dispatch } from 'react';
import { useTranslation } from 'react-i18next';
import type { DraftAction } from '../utils/draftReducer';
import type { DraftField, DraftIndex } from '../utils/entityDraft';
import { FieldError } from './FieldError';

interface IndexesEditorProps {
  indexes: DraftIndex[];
  fields: DraftField[];
  errors: Record<string, string>;
  dispatch: Dispatch<DraftAction>;
}

/** Composite indexes: fields in order, each ascending or descending. */
export function IndexesEditor({ indexes, fields, errors, dispatch }: IndexesEditorProps) {
  const { t } = useTranslation();
  const id = useId();
  const options = fields
    .filter((field) => field.key.trim())
    .flatMap((field) => [
      { value: field.key, label: `${field.name || field.key} ↑` },
      { value: `-${field.key}`, label: `${field.name || field.key} ↓` },
    ]);

  return (
    <section data-testid="indexes">
      <Typography.Title level={3} className="fw-subsection-title">
        {t('designer.indexesTitle')}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t('designer.indexesHint')}</Typography.Paragraph>
      <ol className="fw-plain-list">
        {indexes.map((index, position) => (
          <li key={index.uid} className="fw-index-row" data-testid={`index-row-${position}`}>
            <div className="fw-grow">
              <Select<string[]>
                mode="multiple"
                className="fw-full-width"
                value={index.fields}
                onChange={(next) => dispatch({ type: 'updateIndex', uid: index.uid, fields: next })}
                options={options}
                aria-label={t('designer.indexN', { n: position + 1 })}
                aria-describedby={errors[index.uid] ? `${id}-${index.uid}` : undefined}
                status={errors[index.uid] ? 'error' : undefined}
                placeholder={t('designer.indexPlaceholder')}
                data-testid="index-fields"
              />
              <FieldError id={`${id}-${index.uid}`} message={errors[index.uid]} />
            </div>
            <Button
              type="text"
              danger
              icon={<DeleteOutlined aria-hidden />}
              aria-label={t('designer.removeIndexN', { n: position + 1 })}
              onClick={() => dispatch({ type: 'removeIndex', uid: index.uid })}
              data-testid="index-remove"
            />
          </li>
        ))}
      </ol>
      <Button
        icon={<PlusOutlined aria-hidden />}
        onClick={() => dispatch({ type: 'addIndex' })}
        data-testid="index-add"
      >
        {t('designer.addIndex')}
      </Button>
    </section>
  );
}
