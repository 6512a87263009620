import type { CellPart } from './draftReducer';

export interface PathMessage {
  path: string;
  message: string;
}

export type SettingName = 'name' | 'entity' | 'hitPolicy' | 'triggers';

/** Messages sorted onto what the editor shows: a cell, a row, a column, a setting, the table. */
export interface PlacedMessages {
  /** By `cellKey(rule, part, column)`. */
  cells: Record<string, string[]>;
  rules: Record<number, string[]>;
  inputs: Record<number, string[]>;
  outputs: Record<number, string[]>;
  settings: Partial<Record<SettingName, string[]>>;
  table: string[];
  count: number;
}

export const cellKey = (rule: number, part: CellPart, column: number) =>
  `${rule}/${part}/${column}`;

export const noMessages = (): PlacedMessages => ({
  cells: {},
  rules: {},
  inputs: {},
  outputs: {},
  settings: {},
  table: [],
  count: 0,
});

const CELL = /^\/rules\/(\d+)\/(when|then)\/(\d+)(?:\/|$)/;
const RULE = /^\/rules\/(\d+)(?:\/|$)/;
const COLUMN = /^\/(inputs|outputs)\/(\d+)(?:\/(.*))?$/;
const SETTING = /^\/(name|entity|hitPolicy|triggers)(?:\/|$)/;

function push<K extends string | number>(
  into: Partial<Record<K, string[]>>,
  key: K,
  message: string,
) {
  const list = (into[key] ??= []);
  if (!list.includes(message)) list.push(message);
}

/**
 * Places JSON-Pointer messages (`/rules/0/when/1`, `/inputs/2/source/of`, `/hitPolicy`) from the
 * local checks or from the engine's 422. A preview's `/definition/…` pointers count the same.
 */
export function placeMessages(messages: readonly PathMessage[]): PlacedMessages {
  const placed = noMessages();
  for (const { path: rawPath, message } of messages) {
    const path = rawPath.replace(/^\/definition(?=\/|$)/, '');
    placed.count += 1;
    const cell = CELL.exec(path);
    if (cell) {
      push(placed.cells, cellKey(Number(cell[1]), cell[2] as CellPart, Number(cell[3])), message);
      continue;
    }
    const rule = RULE.exec(path);
    if (rule) {
      push(placed.rules, Number(rule[1]), message);
      continue;
    }
    const column = COLUMN.exec(path);
    if (column) {
      const [, kind, index, rest] = column;
      const name = rest?.split('/').at(-1);
      const text = name && !/^\d+$/.test(name) ? `${name}: ${message}` : message;
      push(kind === 'inputs' ? placed.inputs : placed.outputs, Number(index), text);
      continue;
    }
    const setting = SETTING.exec(path);
    if (setting) {
      push(placed.settings, setting[1] as SettingName, message);
      continue;
    }
    const text = path && path !== '/rules' ? `${path}: ${message}` : message;
    if (!placed.table.includes(text)) placed.table.push(text);
  }
  return placed;
}

function mergeRecords<K extends string | number>(
  a: Partial<Record<K, string[]>>,
  b: Partial<Record<K, string[]>>,
): Partial<Record<K, string[]>> {
  const merged: Partial<Record<K, string[]>> = { ...a };
  for (const [key, messages] of Object.entries(b) as [K, string[]][])
    merged[key] = [...new Set([...(merged[key] ?? []), ...messages])];
  return merged;
}

/** The local checks' messages and the engine's, together. */
export function mergeMessages(a: PlacedMessages, b: PlacedMessages | null): PlacedMessages {
  if (!b) return a;
  return {
    cells: mergeRecords(a.cells, b.cells) as Record<string, string[]>,
    rules: mergeRecords(a.rules, b.rules) as Record<number, string[]>,
    inputs: mergeRecords(a.inputs, b.inputs) as Record<number, string[]>,
    outputs: mergeRecords(a.outputs, b.outputs) as Record<number, string[]>,
    settings: mergeRecords(a.settings, b.settings),
    table: [...new Set([...a.table, ...b.table])],
    count: a.count + b.count,
  };
}
