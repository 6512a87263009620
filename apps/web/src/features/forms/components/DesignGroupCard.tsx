import { DeleteOutlined } from '@ant-design/icons';
import type { Entity, FormGroup } from '@formwork/definitions';
import { Button, Card, Input } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useFieldDropTarget } from '../hooks/useFieldDropTarget';

interface DesignGroupCardProps {
  group: FormGroup;
  number: number;
  /** A titled group (sections, steps); the single layout shows one untitled list. */
  titled: boolean;
  canRemove: boolean;
  errors: string[];
  entity: Entity;
  onRename: (title: string) => void;
  onRemove: () => void;
  /** A field dropped on the group's free space goes to its end. */
  onDropAtEnd: (key: string) => void;
  children: ReactNode;
}

/** A section or step of the form in the designer, holding its field rows. */
export function DesignGroupCard(props: DesignGroupCardProps) {
  const { group, number, titled } = props;
  const { t } = useTranslation();
  const { isDropTarget, dropHandlers } = useFieldDropTarget(props.onDropAtEnd);
  const title = group.title || t('forms.designer.untitled');

  const heading = titled ? (
    <Input
      size="small"
      value={group.title}
      placeholder={t('forms.designer.untitled')}
      aria-label={t('forms.designer.groupTitle', { number })}
      onChange={(event) => props.onRename(event.target.value)}
      maxLength={200}
      data-testid={`form-group-title-${group.id}`}
    />
  ) : undefined;

  return (
    <Card
      size="small"
      title={heading}
      className={`fw-design-group${isDropTarget ? ' fw-drop-target' : ''}`}
      extra={
        titled &&
        props.canRemove && (
          <Button
            size="small"
            type="text"
            danger
            icon={<DeleteOutlined aria-hidden />}
            aria-label={t('forms.designer.removeGroup', { title })}
            onClick={props.onRemove}
            data-testid={`form-group-remove-${group.id}`}
          />
        )
      }
      {...dropHandlers}
      data-testid={`form-group-${group.id}`}
    >
      <div className="fw-design-group-body">
        {group.fields.length === 0 ? (
          <div className="fw-empty-group">{t('forms.designer.emptyGroup')}</div>
        ) : (
          props.children
        )}
      </div>
      {props.errors.map((error) => (
        <div key={error} className="fw-field-error" role="alert">
          {error}
        </div>
      ))}
    </Card>
  );
}
