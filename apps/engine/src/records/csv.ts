/**
 * CSV as spreadsheets write it (RFC 4180): quoted fields may hold the delimiter, quotes ("")
 * and line breaks; lines end in CRLF or LF. Pure functions, no I/O.
 */

export type CsvDelimiter = ',' | ';' | '\t';

export class CsvSyntaxError extends Error {
  constructor(
    message: string,
    /** The record (1 = header) where the problem starts. */
    readonly record: number,
  ) {
    super(message);
    this.name = 'CsvSyntaxError';
  }
}

const QUOTE = 34;
const CR = 13;
const LF = 10;

/** The delimiter of the header line: the most frequent of , ; and tab outside quotes (comma on a tie). */
export function detectDelimiter(text: string): CsvDelimiter {
  const counts = { ',': 0, ';': 0, '\t': 0 };
  let quoted = false;
  for (let index = 0; index < text.length; index += 1) {
    const char = text[index]!;
    if (char === '"') quoted = !quoted;
    else if (!quoted && (char === '\n' || char === '\r')) break;
    else if (!quoted && char in counts) counts[char as CsvDelimiter] += 1;
  }
  if (counts[';'] > counts[','] && counts[';'] >= counts['\t']) return ';';
  if (counts['\t'] > counts[',']) return '\t';
  return ',';
}

/**
 * Splits CSV text into records of cells. A final line break does not start a record; a quote
 * opened and never closed is an error (it would swallow the rest of the file silently).
 */
export function parseCsv(text: string, delimiter: CsvDelimiter = ','): string[][] {
  const records: string[][] = [];
  const separator = delimiter.charCodeAt(0);
  const length = text.length;
  let record: string[] = [];
  let index = 0;
  if (length === 0) return records;
  for (;;) {
    let cell: string;
    if (text.charCodeAt(index) === QUOTE) {
      const start = index + 1;
      let pieces = '';
      let from = start;
      for (;;) {
        const close = text.indexOf('"', from);
        if (close === -1)
          throw new CsvSyntaxError(
            `A quote opened in line ${records.length + 1} of the file is never closed.`,
            records.length + 1,
          );
        if (text.charCodeAt(close + 1) === QUOTE) {
          pieces += text.slice(from, close + 1);
          from = close + 2;
          continue;
        }
        pieces += text.slice(from, close);
        index = close + 1;
        break;
      }
      // Anything between the closing quote and the delimiter is kept, as spreadsheets do.
      let end = index;
      while (end < length) {
        const code = text.charCodeAt(end);
        if (code === separator || code === LF || code === CR) break;
        end += 1;
      }
      cell = end > index ? pieces + text.slice(index, end) : pieces;
      index = end;
    } else {
      let end = index;
      while (end < length) {
        const code = text.charCodeAt(end);
        if (code === separator || code === LF || code === CR) break;
        end += 1;
      }
      cell = text.slice(index, end);
      index = end;
    }
    record.push(cell);
    if (index >= length) {
      records.push(record);
      return records;
    }
    const code = text.charCodeAt(index);
    if (code === separator) {
      index += 1;
      if (index >= length) {
        record.push('');
        records.push(record);
        return records;
      }
      continue;
    }
    // A line break ends the record (CRLF, LF or a lone CR).
    index += code === CR && text.charCodeAt(index + 1) === LF ? 2 : 1;
    records.push(record);
    record = [];
    if (index >= length) return records;
  }
}

const NEEDS_QUOTES = /[",;\t\r\n]|^\s|\s$/;
/** Text a spreadsheet would run as a formula when the file is opened (CSV injection). */
const FORMULA_START = /^[=+\-@\t\r]/;

/** One CSV cell: quoted when needed; text that a spreadsheet would take as a formula starts with '. */
export function csvCell(value: string, { guardFormula = false } = {}): string {
  const safe = guardFormula && FORMULA_START.test(value) ? `'${value}` : value;
  return NEEDS_QUOTES.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

/** Undoes the formula guard of csvCell on import: '=SUM(…) comes back as =SUM(…). */
export function unguardFormula(value: string): string {
  return value.length > 1 && value.startsWith("'") && FORMULA_START.test(value.slice(1))
    ? value.slice(1)
    : value;
}
