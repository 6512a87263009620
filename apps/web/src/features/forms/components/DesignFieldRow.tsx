import {
  ArrowDownOutlined,
  ArrowUpOutlined,
  DeleteOutlined,
  HolderOutlined,
} from '@ant-design/icons';
import type { Field, FormFieldDesign } from '@formwork/definitions';
import { Button, Tag, Tooltip } from 'antd';
import type { KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useFieldDropTarget } from '../hooks/useFieldDropTarget';
import { startFieldDrag } from '../utils/dragData';

interface DesignFieldRowProps {
  design: FormFieldDesign;
  /** The entity's field; undefined when the entity no longer has it. */
  field: Field | undefined;
  selected: boolean;
  errors: string[];
  canMoveUp: boolean;
  canMoveDown: boolean;
  onSelect: () => void;
  onMove: (step: -1 | 1) => void;
  onRemove: () => void;
  /** A field dropped on this row goes before it. */
  onDropBefore: (key: string) => void;
}

export const designFieldButtonId = (key: string) => `form-designer-field-button-${key}`;

/** One field placed on the form: select it, drag it, or move it with buttons or Alt+↑/↓. */
export function DesignFieldRow(props: DesignFieldRowProps) {
  const { design, field, selected, errors } = props;
  const { t } = useTranslation();
  const { isDropTarget, dropHandlers } = useFieldDropTarget((key) => {
    if (key !== design.key) props.onDropBefore(key);
  }, true);
  const name = design.label || field?.name || design.key;

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.altKey && (event.key === 'ArrowUp' || event.key === 'ArrowDown')) {
      event.preventDefault();
      props.onMove(event.key === 'ArrowUp' ? -1 : 1);
    } else if (event.key === 'Delete' && event.target === event.currentTarget.firstChild) {
      event.preventDefault();
      props.onRemove();
    }
  };

  const classes = ['fw-design-field'];
  if (selected) classes.push('fw-selected');
  if (isDropTarget) classes.push('fw-drop-target');
  if (errors.length > 0) classes.push('fw-has-error');

  return (
    <div>
      <div
        className={classes.join(' ')}
        draggable
        onDragStart={(event) => startFieldDrag(event, design.key)}
        {...dropHandlers}
        onKeyDown={onKeyDown}
        data-testid={`form-designer-field-${design.key}`}
      >
        <Button
          type="text"
          size="small"
          id={designFieldButtonId(design.key)}
          className="fw-design-field-name"
          icon={<HolderOutlined aria-hidden />}
          aria-pressed={selected}
          aria-label={t('forms.designer.select', { name })}
          onClick={props.onSelect}
        >
          {name}
        </Button>
        {design.required && <Tag color="red">{t('forms.designer.required')}</Tag>}
        {(design.showWhen || design.requireWhen) && (
          <Tag color="blue">{t('forms.designer.conditional')}</Tag>
        )}
        <Tooltip title={t('forms.designer.moveUp', { name })}>
          <Button
            size="small"
            type="text"
            icon={<ArrowUpOutlined aria-hidden />}
            aria-label={t('forms.designer.moveUp', { name })}
            disabled={!props.canMoveUp}
            onClick={() => props.onMove(-1)}
          />
        </Tooltip>
        <Tooltip title={t('forms.designer.moveDown', { name })}>
          <Button
            size="small"
            type="text"
            icon={<ArrowDownOutlined aria-hidden />}
            aria-label={t('forms.designer.moveDown', { name })}
            disabled={!props.canMoveDown}
            onClick={() => props.onMove(1)}
          />
        </Tooltip>
        <Tooltip title={t('forms.designer.removeField', { name })}>
          <Button
            size="small"
            type="text"
            danger
            icon={<DeleteOutlined aria-hidden />}
            aria-label={t('forms.designer.removeField', { name })}
            onClick={props.onRemove}
            data-testid={`form-designer-remove-${design.key}`}
          />
        </Tooltip>
      </div>
      {errors.map((error) => (
        <div key={error} className="fw-field-error" role="alert" data-testid="form-design-error">
          {error}
        </div>
      ))}
    </div>
  );
}
