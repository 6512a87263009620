import { CheckOutlined, CloseOutlined } from '@ant-design/icons';
import type { Field } from '@formwork/definitions';
import { Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatValue, optionLabel, relationId, textOf } from '../utils/formatValue';

interface FieldValueProps {
  app: string;
  field: Field;
  value: unknown;
  /** A name for the target of a relation (from an expanded value or a lookup). */
  relationLabel?: string;
}

/** A value shown the way its type reads best: money with 2 decimals, tags, links. */
export function FieldValue({ app, field, value, relationLabel }: FieldValueProps) {
  const { t, i18n } = useTranslation();
  if (value === null || value === undefined || value === '') return null;
  const yesNo = { yes: t('common.yes'), no: t('common.no') };
  switch (field.type) {
    case 'boolean':
      return value ? (
        <span className="fw-bool">
          <CheckOutlined aria-hidden className="fw-bool-yes" /> {yesNo.yes}
        </span>
      ) : (
        <span className="fw-bool">
          <CloseOutlined aria-hidden className="fw-bool-no" /> {yesNo.no}
        </span>
      );
    case 'multiselect':
      return (
        <Space size={[0, 4]} wrap>
          {(Array.isArray(value) ? value : [value]).map((item) => (
            <Tag key={String(item)}>{optionLabel(field, item)}</Tag>
          ))}
        </Space>
      );
    case 'money':
    case 'percent':
    case 'integer':
    case 'number':
      return <span className="fw-number">{formatValue(field, value, i18n.language, yesNo)}</span>;
    case 'email':
      return <a href={`mailto:${textOf(value)}`}>{textOf(value)}</a>;
    case 'url':
      return /^https?:\/\//i.test(textOf(value)) ? (
        <a href={textOf(value)} target="_blank" rel="noreferrer noopener">
          {textOf(value)}
        </a>
      ) : (
        textOf(value)
      );
    case 'relation': {
      const id = relationId(value);
      if (!id || !field.target) return null;
      return (
        <Link
          to={`/apps/${app}/entities/${field.target}/records?record=${encodeURIComponent(id)}`}
          data-testid="relation-link"
        >
          {relationLabel ?? `${id.slice(0, 8)}…`}
        </Link>
      );
    }
    case 'longtext':
      return <Typography.Text className="fw-longtext">{textOf(value)}</Typography.Text>;
    case 'text':
    case 'phone':
    case 'date':
    case 'datetime':
    case 'select':
    case 'user':
    case 'file':
      return <>{formatValue(field, value, i18n.language, yesNo)}</>;
  }
}
