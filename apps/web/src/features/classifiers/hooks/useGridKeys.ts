import { useCallback, useRef, type KeyboardEvent } from 'react';
import type { DraftAction } from '../utils/draftReducer';
import { newUid } from '../utils/classifierDraft';

/** The DOM name of a grid cell: row and flat column (inputs, then outputs, then description). */
export const cellAddress = (row: number, column: number) => `${row}:${column}`;

/**
 * Spreadsheet keys for the rules grid: Tab / Shift+Tab go from cell to cell (rows wrap), Enter
 * goes down, Alt+↑/↓ moves the rule, Ctrl+Enter inserts a rule below.
 */
export function useGridKeys(
  rows: number,
  columns: number,
  dispatch: (action: DraftAction) => void,
) {
  const gridRef = useRef<HTMLTableElement>(null);

  const focusCell = useCallback((row: number, column: number) => {
    requestAnimationFrame(() => {
      const cell = gridRef.current?.querySelector<HTMLElement>(
        `[data-cell="${cellAddress(row, column)}"]`,
      );
      cell?.focus();
      if (cell instanceof HTMLInputElement) cell.select();
    });
  }, []);

  const onCellKeyDown = useCallback(
    (event: KeyboardEvent, row: number, column: number) => {
      if (event.key === 'Tab' && !event.altKey && !event.ctrlKey && !event.metaKey) {
        const flat = row * columns + column + (event.shiftKey ? -1 : 1);
        if (flat < 0 || flat >= rows * columns) return; // leave the grid
        event.preventDefault();
        focusCell(Math.floor(flat / columns), flat % columns);
      } else if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
        event.preventDefault();
        dispatch({ type: 'addRule', at: row + 1, uid: newUid() });
        focusCell(row + 1, 0);
      } else if (event.key === 'Enter' && !event.altKey && !event.shiftKey) {
        event.preventDefault();
        if (row + 1 < rows) focusCell(row + 1, column);
      } else if (event.altKey && (event.key === 'ArrowUp' || event.key === 'ArrowDown')) {
        event.preventDefault();
        const to = row + (event.key === 'ArrowUp' ? -1 : 1);
        if (to < 0 || to >= rows) return;
        dispatch({ type: 'moveRule', from: row, to });
        focusCell(to, column);
      }
    },
    [rows, columns, dispatch, focusCell],
  );

  return { gridRef, focusCell, onCellKeyDown };
}
