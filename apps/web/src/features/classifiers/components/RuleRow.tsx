import {
  ArrowDownOutlined,
  ArrowUpOutlined,
  DeleteOutlined,
  HolderOutlined,
} from '@ant-design/icons';
import { Button, Checkbox, Tag, Tooltip } from 'antd';
import type { DragEvent, KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ClassifierEditorState } from '../hooks/useClassifierEditor';
import { cellKey } from '../utils/placeErrors';
import { RuleCell } from './RuleCell';

export const RULE_DRAG_TYPE = 'application/x-formwork-rule';

interface RuleRowProps {
  state: ClassifierEditorState;
  index: number;
  /** Column headers, for the cells' accessible names. */
  inputNames: string[];
  outputNames: string[];
  isDropTarget: boolean;
  onCellKeyDown: (event: KeyboardEvent, row: number, column: number) => void;
  onMove: (from: number, to: number) => void;
  onDragOver: (index: number | null) => void;
}

/** One rule: its number and id, a FEEL cell per column, description, on/off, move, delete. */
export function RuleRow(props: RuleRowProps) {
  const { state, index, inputNames, outputNames } = props;
  const { t } = useTranslation();
  const { draft, dispatch, errors } = state;
  const warnings = state.check.warnings;
  const rule = draft.rules[index];
  if (!rule) return null;
  const ruleId = state.ruleIds[index] ?? '';
  const number = index + 1;
  const columns = inputNames.length + outputNames.length + 1;
  const rowErrors = errors.rules[index] ?? [];
  const move = (step: -1 | 1) => props.onMove(index, index + step);

  const onDrop = (event: DragEvent) => {
    event.preventDefault();
    props.onDragOver(null);
    const from = Number(event.dataTransfer.getData(RULE_DRAG_TYPE));
    if (Number.isInteger(from) && from !== index) props.onMove(from, index);
  };
  const onHandleKeyDown = (event: KeyboardEvent) => {
    if (event.altKey && (event.key === 'ArrowUp' || event.key === 'ArrowDown')) {
      event.preventDefault();
      move(event.key === 'ArrowUp' ? -1 : 1);
    }
  };

  const classes = ['fw-rule-row'];
  if (rule.disabled) classes.push('fw-disabled');
  if (props.isDropTarget) classes.push('fw-drop-target');

  const cell = (part: 'when' | 'then', column: number, name: string, flat: number) => (
    <RuleCell
      key={`${part}-${column}`}
      row={index}
      column={flat}
      value={rule[part][column] ?? ''}
      label={t('classifiers.rules.cellLabel', { number, column: name })}
      placeholder={part === 'when' ? '-' : t('classifiers.rules.thenPlaceholder')}
      errors={errors.cells[cellKey(index, part, column)]}
      warnings={warnings.cells[cellKey(index, part, column)]}
      className={part === 'then' ? 'fw-cell fw-then-col' : 'fw-cell'}
      testId={`rule-${part}-${index}-${column}`}
      onChange={(value) => dispatch({ type: 'setCell', rule: index, part, column, value })}
      onKeyDown={props.onCellKeyDown}
    />
  );

  return (
    <>
      <tr
        className={classes.join(' ')}
        data-testid={`rule-row-${index}`}
        data-rule-id={ruleId}
        onDragOver={(event) => {
          if (!event.dataTransfer.types.includes(RULE_DRAG_TYPE)) return;
          event.preventDefault();
          props.onDragOver(index);
        }}
        onDrop={onDrop}
      >
        <td className="fw-rule-handle">
          <Tooltip title={t('classifiers.rules.dragHint')}>
            <Button
              type="text"
              size="small"
              icon={<HolderOutlined aria-hidden />}
              draggable
              onDragStart={(event) => {
                event.dataTransfer.setData(RULE_DRAG_TYPE, String(index));
                event.dataTransfer.effectAllowed = 'move';
              }}
              onDragEnd={() => props.onDragOver(null)}
              onKeyDown={onHandleKeyDown}
              aria-label={t('classifiers.rules.handle', { number })}
              data-testid={`rule-handle-${index}`}
            >
              {number}
            </Button>
          </Tooltip>
          <div>
            <Tag className="fw-key-tag" title={t('classifiers.rules.ruleId')}>
              {ruleId}
            </Tag>
          </div>
        </td>
        {inputNames.map((name, column) => cell('when', column, name, column))}
        {outputNames.map((name, column) => cell('then', column, name, inputNames.length + column))}
        <RuleCell
          row={index}
          column={columns - 1}
          value={rule.description}
          label={t('classifiers.rules.descriptionLabel', { number })}
          placeholder={t('classifiers.rules.descriptionPlaceholder')}
          className="fw-cell-description"
          testId={`rule-description-${index}`}
          onChange={(description) =>
            dispatch({ type: 'updateRule', index, patch: { description } })
          }
          onKeyDown={props.onCellKeyDown}
        />
        <td>
          <Checkbox
            checked={!rule.disabled}
            aria-label={t('classifiers.rules.enabledLabel', { number })}
            onChange={(event) =>
              dispatch({ type: 'updateRule', index, patch: { disabled: !event.target.checked } })
            }
            data-testid={`rule-enabled-${index}`}
          />
        </td>
        <td className="fw-rule-actions">
          <Button
            size="small"
            type="text"
            icon={<ArrowUpOutlined aria-hidden />}
            aria-label={t('classifiers.rules.moveUp', { number })}
            disabled={index === 0}
            onClick={() => move(-1)}
            data-testid={`rule-up-${index}`}
          />
          <Button
            size="small"
            type="text"
            icon={<ArrowDownOutlined aria-hidden />}
            aria-label={t('classifiers.rules.moveDown', { number })}
            disabled={index === draft.rules.length - 1}
            onClick={() => move(1)}
            data-testid={`rule-down-${index}`}
          />
          <Button
            size="small"
            type="text"
            danger
            icon={<DeleteOutlined aria-hidden />}
            aria-label={t('classifiers.rules.remove', { number })}
            onClick={() => dispatch({ type: 'removeRule', index })}
            data-testid={`rule-remove-${index}`}
          />
        </td>
      </tr>
      {rowErrors.length > 0 && (
        <tr className="fw-row-message" data-testid={`rule-row-error-${index}`}>
          <td colSpan={columns + 3}>{rowErrors.join('; ')}</td>
        </tr>
      )}
    </>
  );
}
