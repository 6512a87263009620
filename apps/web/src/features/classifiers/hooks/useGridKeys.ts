import { useCallback, useLayoutEffect, useRef, type KeyboardEvent } from 'react';
import type { DraftAction } from '../utils/draftReducer';
import { newUid } from '../utils/classifierDraft';

/** The DOM name of a grid cell: row and flat column (inputs, then outputs, then description). */
export const cellAddress = (row: number, column: number) => `${row}:${column}`;

interface CellAt {
  row: number;
  column: number;
}

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
  /** A cell to focus once the rows have re-rendered (after a move or an insert). */
  const pending = useRef<CellAt | null>(null);

  const focusNow = useCallback(({ row, column }: CellAt) => {
    const cell = gridRef.current?.querySelector<HTMLElement>(
      `[data-cell="${cellAddress(row, column)}"]`,
    );
    cell?.focus();
    if (cell instanceof HTMLInputElement) cell.select();
  }, []);

  // Runs after every render of the grid: the moved or inserted row is in the DOM by then, and
  // focus lands before the next key is handled.
  useLayoutEffect(() => {
    const target = pending.current;
    if (!target) return;
    pending.current = null;
    focusNow(target);
  });

  /** Focuses a cell after the change being dispatched has rendered. */
  const focusAfterRender = useCallback((row: number, column: number) => {
    pending.current = { row, column };
  }, []);

  const onCellKeyDown = useCallback(
    (event: KeyboardEvent, row: number, column: number) => {
      if (event.key === 'Tab' && !event.altKey && !event.ctrlKey && !event.metaKey) {
        const flat = row * columns + column + (event.shiftKey ? -1 : 1);
        if (flat < 0 || flat >= rows * columns) return; // leave the grid
        event.preventDefault();
        focusNow({ row: Math.floor(flat / columns), column: flat % columns });
      } else if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
        event.preventDefault();
        focusAfterRender(row + 1, 0);
        dispatch({ type: 'addRule', at: row + 1, uid: newUid() });
      } else if (event.key === 'Enter' && !event.altKey && !event.shiftKey) {
        event.preventDefault();
        if (row + 1 < rows) focusNow({ row: row + 1, column });
      } else if (event.altKey && (event.key === 'ArrowUp' || event.key === 'ArrowDown')) {
        event.preventDefault();
        const to = row + (event.key === 'ArrowUp' ? -1 : 1);
        if (to < 0 || to >= rows) return;
        focusAfterRender(to, column);
        dispatch({ type: 'moveRule', from: row, to });
      }
    },
    [rows, columns, dispatch, focusNow, focusAfterRender],
  );

  return { gridRef, focusAfterRender, onCellKeyDown };
}
