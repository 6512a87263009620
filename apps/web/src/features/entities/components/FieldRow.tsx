import {
  ArrowDownOutlined,
  ArrowUpOutlined,
  DeleteOutlined,
  HolderOutlined,
  MoreOutlined,
} from '@ant-design/icons';
import type { Field, FieldType } from '@formwork/definitions';
import { Button, Input, Select, Switch, Tooltip } from 'antd';
import { useId, useState, type Dispatch, type DragEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { FieldValueInput } from '../../records/components/FieldValueInput';
import type { FieldProp } from '../utils/draftErrors';
import type { DraftAction } from '../utils/draftReducer';
import { canBeUnique, canHaveDefault, hasOptions, type DraftField } from '../utils/entityDraft';
import { fieldTypeOptions } from '../utils/fieldTypeOptions';
import { FieldError } from './FieldError';
import { OptionsEditor } from './OptionsEditor';

interface FieldRowProps {
  app: string;
  field: DraftField;
  /** Place among the active fields, from 0. */
  position: number;
  count: number;
  targets: { value: string; label: string }[];
  errors: Partial<Record<FieldProp, string>>;
  dispatch: Dispatch<DraftAction>;
  /** The uid of the row being dragged, if any. */
  dragging: string | null;
  onDragStart: (uid: string) => void;
  onDragEnd: () => void;
}

/** A draft field as the API would store it, for the default-value input. */
function asField(field: DraftField): Field {
  return { key: field.key, name: field.name, type: field.type, options: field.options };
}

export function FieldRow({
  app,
  field,
  position,
  count,
  targets,
  errors,
  dispatch,
  dragging,
  onDragStart,
  onDragEnd,
}: FieldRowProps) {
  const { t } = useTranslation();
  const id = useId();
  const [armed, setArmed] = useState(false);
  const [over, setOver] = useState(false);
  const [expanded, setExpanded] = useState(
    () => field.default !== undefined || field.description !== '',
  );
  const { uid } = field;
  const update = (patch: Partial<DraftField>) => dispatch({ type: 'updateField', uid, patch });
  const n = position + 1;
  const errorId = (prop: FieldProp) => `${id}-${prop}-error`;
  const described = (prop: FieldProp) => (errors[prop] ? errorId(prop) : undefined);
  const status = (prop: FieldProp) => (errors[prop] ? 'error' : undefined);

  const dropHandlers = {
    onDragOver: (event: DragEvent) => {
      if (!dragging || dragging === uid) return;
      event.preventDefault();
      event.dataTransfer.dropEffect = 'move';
      setOver(true);
    },
    onDragLeave: () => setOver(false),
    onDrop: (event: DragEvent) => {
      event.preventDefault();
      setOver(false);
      if (dragging && dragging !== uid)
        dispatch({ type: 'moveFieldTo', uid: dragging, beforeUid: uid });
    },
  };

  return (
    <li
      className={`fw-field-row${over ? ' fw-drop-target' : ''}${dragging === uid ? ' fw-dragging' : ''}`}
      data-testid={`field-row-${position}`}
      data-field-key={field.key}
      draggable={armed}
      onDragStart={(event) => {
        event.dataTransfer.effectAllowed = 'move';
        event.dataTransfer.setData('text/plain', field.key || uid);
        onDragStart(uid);
      }}
      onDragEnd={() => {
        setArmed(false);
        onDragEnd();
      }}
      {...dropHandlers}
    >
      <div className="fw-field-main">
        <span
          className="fw-drag-handle"
          title={t('designer.dragToReorder')}
          onPointerDown={() => setArmed(true)}
          onPointerUp={() => setArmed(false)}
          data-testid="field-drag"
          aria-hidden
        >
          <HolderOutlined />
        </span>
        <div className="fw-field-cell fw-field-key">
          <label className="fw-mini-label" htmlFor={`${id}-key`}>
            {t('designer.fieldKey')}
          </label>
          <Tooltip title={field.saved ? t('designer.keyLocked') : undefined}>
            <Input
              id={`${id}-key`}
              value={field.key}
              disabled={field.saved}
              onChange={(event) => update({ key: event.target.value })}
              status={status('key')}
              aria-describedby={described('key')}
              aria-invalid={Boolean(errors.key)}
              autoComplete="off"
              autoCapitalize="none"
              spellCheck={false}
              maxLength={40}
              placeholder="total_amount"
              data-testid="field-key"
            />
          </Tooltip>
          <FieldError id={errorId('key')} message={errors.key} />
        </div>
        <div className="fw-field-cell fw-field-name">
          <label className="fw-mini-label" htmlFor={`${id}-name`}>
            {t('designer.fieldName')}
          </label>
          <Input
            id={`${id}-name`}
            value={field.name}
            onChange={(event) => update({ name: event.target.value })}
            status={status('name')}
            aria-describedby={described('name')}
            aria-invalid={Boolean(errors.name)}
            autoComplete="off"
            maxLength={200}
            data-testid="field-name"
          />
          <FieldError id={errorId('name')} message={errors.name} />
        </div>
        <div className="fw-field-cell fw-field-type">
          <label className="fw-mini-label" htmlFor={`${id}-type`}>
            {t('designer.fieldType')}
          </label>
          <Select<FieldType>
            id={`${id}-type`}
            className="fw-full-width"
            value={field.type}
            onChange={(fieldType) => dispatch({ type: 'changeFieldType', uid, fieldType })}
            options={fieldTypeOptions(t)}
            showSearch={{ optionFilterProp: ['label', 'value'] }}
            status={status('type')}
            aria-describedby={described('type')}
            data-testid="field-type"
          />
          <FieldError id={errorId('type')} message={errors.type} />
        </div>
        <div className="fw-field-switches">
          <FlagSwitch
            id={`${id}-required`}
            label={t('designer.required')}
            checked={field.required}
            onChange={(required) => update({ required })}
            error={errors.required}
            testId="field-required"
          />
          <FlagSwitch
            id={`${id}-unique`}
            label={t('designer.unique')}
            checked={field.unique}
            disabled={!canBeUnique(field.type)}
            onChange={(unique) => update({ unique })}
            error={errors.unique}
            testId="field-unique"
          />
          <FlagSwitch
            id={`${id}-indexed`}
            label={t('designer.indexed')}
            checked={field.indexed}
            onChange={(indexed) => update({ indexed })}
            error={errors.indexed}
            testId="field-indexed"
          />
        </div>
        <div className="fw-field-actions">
          <Button
            type={expanded ? 'default' : 'text'}
            icon={<MoreOutlined aria-hidden />}
            aria-expanded={expanded}
            aria-label={t('designer.moreN', { n })}
            title={t('designer.more')}
            onClick={() => setExpanded((value) => !value)}
            data-testid="field-more"
          />
          <Button
            type="text"
            icon={<ArrowUpOutlined aria-hidden />}
            aria-label={t('designer.moveUpN', { n })}
            title={t('designer.moveUp')}
            disabled={position === 0}
            onClick={() => dispatch({ type: 'moveField', uid, delta: -1 })}
            data-testid="field-up"
          />
          <Button
            type="text"
            icon={<ArrowDownOutlined aria-hidden />}
            aria-label={t('designer.moveDownN', { n })}
            title={t('designer.moveDown')}
            disabled={position === count - 1}
            onClick={() => dispatch({ type: 'moveField', uid, delta: 1 })}
            data-testid="field-down"
          />
          <Button
            type="text"
            danger
            icon={<DeleteOutlined aria-hidden />}
            aria-label={t('designer.removeN', { n })}
            title={field.saved ? t('designer.archive') : t('designer.remove')}
            onClick={() => dispatch({ type: 'removeField', uid })}
            data-testid="field-remove"
          />
        </div>
      </div>
      {hasOptions(field.type) && (
        <div className="fw-field-extra">
          <OptionsEditor
            options={field.options}
            onChange={(options) => update({ options })}
            invalid={Boolean(errors.options)}
            describedBy={described('options')}
          />
          <FieldError id={errorId('options')} message={errors.options} />
        </div>
      )}
      {field.type === 'relation' && (
        <div className="fw-field-extra fw-field-target">
          <label className="fw-mini-label" htmlFor={`${id}-target`}>
            {t('designer.target')}
          </label>
          <Select<string>
            id={`${id}-target`}
            className="fw-full-width"
            value={field.target}
            onChange={(target) => update({ target })}
            options={targets}
            placeholder={t('designer.targetPlaceholder')}
            showSearch={{ optionFilterProp: ['label', 'value'] }}
            status={status('target')}
            aria-describedby={described('target')}
            notFoundContent={t('designer.noTargets')}
            data-testid="field-target"
          />
          <FieldError id={errorId('target')} message={errors.target} />
        </div>
      )}
      {expanded && (
        <div className="fw-field-extra fw-field-more">
          {canHaveDefault(field.type) && (
            <div className="fw-field-cell">
              <label className="fw-mini-label" htmlFor={`${id}-default`}>
                {t('designer.default')}
              </label>
              <FieldValueInput
                app={app}
                field={asField(field)}
                id={`${id}-default`}
                value={field.default ?? null}
                onChange={(value) => update({ default: value ?? undefined })}
                status={status('default')}
                testId="field-default"
              />
              <FieldError id={errorId('default')} message={errors.default} />
            </div>
          )}
          <div className="fw-field-cell">
            <label className="fw-mini-label" htmlFor={`${id}-description`}>
              {t('designer.fieldDescription')}
            </label>
            <Input
              id={`${id}-description`}
              value={field.description}
              onChange={(event) => update({ description: event.target.value })}
              status={status('description')}
              maxLength={2000}
              data-testid="field-description"
            />
            <FieldError id={errorId('description')} message={errors.description} />
          </div>
        </div>
      )}
    </li>
  );
}

interface FlagSwitchProps {
  id: string;
  label: string;
  checked: boolean;
  disabled?: boolean;
  onChange: (checked: boolean) => void;
  error?: string;
  testId: string;
}

function FlagSwitch({ id, label, checked, disabled, onChange, error, testId }: FlagSwitchProps) {
  return (
    <div className="fw-flag">
      <label className="fw-mini-label" htmlFor={id}>
        {label}
      </label>
      <Switch
        id={id}
        size="small"
        checked={checked && !disabled}
        disabled={disabled}
        onChange={onChange}
        aria-describedby={error ? `${id}-error` : undefined}
        data-testid={testId}
      />
      <FieldError id={`${id}-error`} message={error} />
    </div>
  );
}
