/** Reads CSV text (RFC 4180: quotes, doubled quotes, CRLF; a BOM is skipped) into rows. */
export function parseCsv(text: string, maxRows = Number.POSITIVE_INFINITY): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  const source = text.startsWith('\uFEFF') ? text.slice(1) : text;
  const delimiter = detectDelimiter(source);
  for (let i = 0; i < source.length && rows.length < maxRows; i++) {
    const char = source[i]!;
    if (quoted) {
      if (char === '"' && source[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (char === '"') quoted = false;
      else cell += char;
    } else if (char === '"') quoted = true;
    else if (char === delimiter) {
      row.push(cell);
      cell = '';
    } else if (char === '\n' || char === '\r') {
      if (char === '\r' && source[i + 1] === '\n') i++;
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
    } else cell += char;
  }
  if ((cell !== '' || row.length > 0) && rows.length < maxRows) {
    row.push(cell);
    rows.push(row);
  }
  return rows.filter((cells) => cells.some((value) => value.trim() !== ''));
}

/** Comma unless the first line has more semicolons or tabs (spreadsheets in some locales). */
function detectDelimiter(text: string): string {
  const end = text.search(/\r|\n/);
  const firstLine = end < 0 ? text : text.slice(0, end);
  const count = (char: string) => firstLine.split(char).length - 1;
  const candidates = [',', ';', '\t'];
  return candidates.reduce((best, char) => (count(char) > count(best) ? char : best), ',');
}

export interface CsvPreview {
  columns: string[];
  rows: string[][];
}

export const PREVIEW_ROWS = 5;

export function previewCsv(text: string): CsvPreview {
  const [header = [], ...rows] = parseCsv(text, PREVIEW_ROWS + 1);
  return { columns: header.map((column) => column.trim()), rows };
}
