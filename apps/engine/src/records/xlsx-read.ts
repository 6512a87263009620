import { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import { badRequest, ProblemException, problemOf } from '../common/problem.js';
import type { Cell } from './import-source.js';

const EOCD_SIGNATURE = 0x06054b50;
const CENTRAL_SIGNATURE = 0x02014b50;

const unreadable = (detail: string) =>
  badRequest(`The XLSX file cannot be read: ${detail}`, [
    { path: '/file', message: 'is not a readable XLSX file' },
  ]);

/**
 * What the zip's entries add up to once inflated, from its central directory. Checked before
 * anything is inflated, so a small "zip bomb" is refused instead of filling memory or disk.
 */
export function declaredUnzippedSize(bytes: Uint8Array): number {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const earliest = Math.max(0, bytes.length - 22 - 0xffff);
  let eocd = -1;
  for (let offset = bytes.length - 22; offset >= earliest; offset -= 1) {
    if (view.getUint32(offset, true) === EOCD_SIGNATURE) {
      eocd = offset;
      break;
    }
  }
  if (eocd === -1) throw unreadable('it is not a complete zip archive.');
  const entries = view.getUint16(eocd + 10, true);
  let offset = view.getUint32(eocd + 16, true);
  let total = 0;
  for (let entry = 0; entry < entries; entry += 1) {
    if (offset + 46 > bytes.length || view.getUint32(offset, true) !== CENTRAL_SIGNATURE)
      throw unreadable('its zip directory is damaged.');
    const size = view.getUint32(offset + 24, true);
    if (size === 0xffffffff) return Number.POSITIVE_INFINITY;
    total += size;
    offset +=
      46 +
      view.getUint16(offset + 28, true) +
      view.getUint16(offset + 30, true) +
      view.getUint16(offset + 32, true);
  }
  return total;
}

function textOf(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'object' && 'richText' in value)
    return value.richText.map((part) => part.text).join('');
  if (value instanceof Date) return value.toISOString();
  if (typeof value === 'object') {
    const cell = cellOf(value);
    return cell === null ? '' : cell instanceof Date ? cell.toISOString() : String(cell);
  }
  return String(value);
}

/** A cell's value as the importer reads it: formulas give their result, links their text. */
export function cellOf(value: ExcelJS.CellValue): Cell {
  if (value === null || value === undefined) return null;
  if (
    typeof value === 'string' ||
    typeof value === 'number' ||
    typeof value === 'boolean' ||
    value instanceof Date
  )
    return value;
  if ('richText' in value) return textOf(value);
  if ('hyperlink' in value) return textOf(value.text);
  if ('error' in value) return String(value.error);
  if ('formula' in value || 'sharedFormula' in value) {
    const result: unknown = value.result;
    if (result === undefined || result === null) return null;
    if (typeof result === 'object' && !(result instanceof Date) && 'error' in result)
      return String(result.error);
    return cellOf(result as ExcelJS.CellValue);
  }
  return null;
}

/** The first worksheet of an XLSX file: its first row is the header. Read as a stream. */
export async function readXlsxRows(
  bytes: Uint8Array,
  { maxExpandedBytes }: { maxExpandedBytes: number },
): Promise<{ headers: string[]; rows: { row: number; cells: Cell[] }[] }> {
  if (declaredUnzippedSize(bytes) > maxExpandedBytes)
    throw new ProblemException(
      problemOf(
        413,
        `The XLSX file expands to more than ${maxExpandedBytes} bytes. Split it into smaller files.`,
      ),
    );
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from([Buffer.from(bytes)]), {
    worksheets: 'emit',
    sharedStrings: 'cache',
    styles: 'cache',
    hyperlinks: 'ignore',
    entries: 'emit',
  });
  let headerRow: number | undefined;
  let headers: string[] = [];
  const rows: { row: number; cells: Cell[] }[] = [];
  try {
    for await (const sheet of reader) {
      for await (const row of sheet) {
        const values = (row.values as ExcelJS.CellValue[]).slice(1);
        if (headerRow === undefined) {
          headerRow = row.number;
          headers = Array.from(values, (value) => textOf(value).trim());
          continue;
        }
        rows.push({ row: row.number - headerRow, cells: Array.from(values, cellOf) });
      }
      break;
    }
  } catch (error) {
    if (error instanceof ProblemException) throw error;
    throw unreadable(error instanceof Error ? error.message : String(error));
  }
  return { headers, rows };
}
