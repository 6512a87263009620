import { Input } from 'antd';
import type { KeyboardEvent } from 'react';
import { cellAddress } from '../hooks/useGridKeys';
import { CellMessages } from './CellMessages';

interface RuleCellProps {
  row: number;
  /** Flat column: inputs, then outputs, then the description. */
  column: number;
  value: string;
  label: string;
  placeholder?: string;
  errors?: string[];
  warnings?: string[];
  className?: string;
  testId: string;
  onChange: (value: string) => void;
  onKeyDown: (event: KeyboardEvent, row: number, column: number) => void;
}

/** One FEEL cell of the grid, with its problems written under it as it is typed. */
export function RuleCell(props: RuleCellProps) {
  const { row, column, errors = [], warnings = [], testId } = props;
  const messagesId = `rule-cell-messages-${row}-${column}`;
  const hasMessages = errors.length + warnings.length > 0;
  return (
    <td className={props.className}>
      <Input
        size="small"
        value={props.value}
        placeholder={props.placeholder}
        spellCheck={false}
        autoComplete="off"
        aria-label={props.label}
        aria-invalid={errors.length > 0}
        aria-describedby={hasMessages ? messagesId : undefined}
        status={errors.length > 0 ? 'error' : warnings.length > 0 ? 'warning' : undefined}
        onChange={(event) => props.onChange(event.target.value)}
        onKeyDown={(event) => props.onKeyDown(event, row, column)}
        data-cell={cellAddress(row, column)}
        data-testid={testId}
      />
      <CellMessages
        id={messagesId}
        errors={errors}
        warnings={warnings}
        testId={`${testId.replace(/^rule-/, 'rule-error-')}`}
      />
    </td>
  );
}
