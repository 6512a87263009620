import { badRequest, ProblemException, problemOf } from '../common/problem.js';
import { CsvSyntaxError, detectDelimiter, parseCsv } from './csv.js';
import { readXlsxRows } from './xlsx-read.js';

/** One cell as read from a file: CSV gives text, XLSX also numbers, booleans and dates. */
export type Cell = string | number | boolean | Date | null;

export interface SourceRow {
  /** Counts from 1 at the first data row (the header is row 0), blank rows included. */
  row: number;
  cells: Cell[];
}

export interface ImportSource {
  format: 'csv' | 'xlsx';
  headers: string[];
  /** Non-blank data rows. */
  rows: SourceRow[];
  /** CSV rows must have exactly as many cells as the header; XLSX rows may stop early. */
  strictWidth: boolean;
}

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];
const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0];

const startsWith = (bytes: Uint8Array, magic: number[]) =>
  magic.every((byte, index) => bytes[index] === byte);

/** The offset of the first byte that is not valid UTF-8, or -1. */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  let index = 0;
  while (index < bytes.length) {
    const byte = bytes[index]!;
    if (byte < 0x80) {
      index += 1;
      continue;
    }
    let length: number;
    let min: number;
    if (byte >= 0xc2 && byte <= 0xdf) [length, min] = [2, 0x80];
    else if (byte >= 0xe0 && byte <= 0xef) [length, min] = [3, 0x800];
    else if (byte >= 0xf0 && byte <= 0xf4) [length, min] = [4, 0x10000];
    else return index;
    let codePoint = byte & (0xff >> (length + 1));
    for (let offset = 1; offset < length; offset += 1) {
      const next = bytes[index + offset];
      if (next === undefined || (next & 0xc0) !== 0x80) return index;
      codePoint = (codePoint << 6) | (next & 0x3f);
    }
    if (codePoint < min || codePoint > 0x10ffff || (codePoint >= 0xd800 && codePoint <= 0xdfff))
      return index;
    index += length;
  }
  return -1;
}

const lineOf = (bytes: Uint8Array, offset: number) => {
  let line = 1;
  for (let index = 0; index < offset; index += 1) if (bytes[index] === 0x0a) line += 1;
  return line;
};

/**
 * The text of a CSV file: UTF-8 (a BOM is fine), UTF-16 with a BOM (Excel's "Unicode text"),
 * or GB18030/GBK (what Excel writes on Chinese Windows) when the bytes are not UTF-8 but
 * decode as GB18030. Anything else is refused with the line of the first bad byte.
 */
export function decodeText(bytes: Uint8Array): { text: string; encoding: string } {
  let decoded: { text: string; encoding: string };
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    decoded = { text: decodeStrict('utf-8', bytes.subarray(3)), encoding: 'utf-8' };
  } else if (bytes[0] === 0xff && bytes[1] === 0xfe) {
    decoded = { text: decodeStrict('utf-16le', bytes.subarray(2)), encoding: 'utf-16le' };
  } else if (bytes[0] === 0xfe && bytes[1] === 0xff) {
    decoded = { text: decodeStrict('utf-16be', bytes.subarray(2)), encoding: 'utf-16be' };
  } else {
    const invalid = firstInvalidUtf8(bytes);
    if (invalid === -1) decoded = { text: Buffer.from(bytes).toString('utf8'), encoding: 'utf-8' };
    else {
      let gb18030: string | undefined;
      try {
        gb18030 = new TextDecoder('gb18030', { fatal: true }).decode(bytes);
      } catch {
        gb18030 = undefined;
      }
      if (gb18030 === undefined)
        throw badRequest(
          `The file is not valid UTF-8 text (nor GB18030/GBK): the byte 0x${bytes[invalid]!.toString(16).toUpperCase().padStart(2, '0')} in line ${lineOf(bytes, invalid)} cannot be decoded. Save the file as "CSV UTF-8" and import it again.`,
          [{ path: '/file', message: 'is not valid UTF-8 text' }],
        );
      decoded = { text: gb18030, encoding: 'gb18030' };
    }
  }
  if (decoded.text.includes('\u0000'))
    throw badRequest(
      'The file holds NUL characters, so it is not a text file. Import a CSV (UTF-8) or XLSX file.',
      [{ path: '/file', message: 'is not a text file' }],
    );
  return decoded;
}

function decodeStrict(encoding: string, bytes: Uint8Array): string {
  try {
    return new TextDecoder(encoding, { fatal: true }).decode(bytes);
  } catch {
    throw badRequest(
      `The file says it is ${encoding.toUpperCase()} but is not valid ${encoding}.`,
      [{ path: '/file', message: `is not valid ${encoding}` }],
    );
  }
}

const isBlank = (cells: Cell[]) =>
  cells.every((cell) => cell === null || (typeof cell === 'string' && cell.trim() === ''));

/** Reads a CSV or XLSX file (told apart by content) into a header and data rows. */
export async function readImportFile(
  bytes: Uint8Array,
  options: { maxExpandedBytes: number },
): Promise<ImportSource> {
  if (bytes.length === 0)
    throw badRequest('The file is empty.', [{ path: '/file', message: 'is empty' }]);
  if (startsWith(bytes, OLE_MAGIC))
    throw new ProblemException(
      problemOf(
        415,
        'This is an old Excel (.xls) file. Save it as .xlsx or as CSV UTF-8 and import it again.',
      ),
    );
  let headers: string[];
  let records: { row: number; cells: Cell[] }[];
  let format: ImportSource['format'];
  if (startsWith(bytes, ZIP_MAGIC)) {
    format = 'xlsx';
    ({ headers, rows: records } = await readXlsxRows(bytes, options));
  } else {
    format = 'csv';
    const { text } = decodeText(bytes);
    let parsed: string[][];
    try {
      parsed = parseCsv(text, detectDelimiter(text));
    } catch (error) {
      if (error instanceof CsvSyntaxError)
        throw badRequest(`The CSV is malformed: ${error.message}`, [
          { path: '/file', message: 'is not valid CSV' },
        ]);
      throw error;
    }
    headers = parsed[0] ?? [];
    records = parsed.slice(1).map((cells, index) => ({ row: index + 1, cells }));
  }
  headers = headers.map((header) => header.replace(/^\uFEFF/, '').trim());
  if (headers.every((header) => header === ''))
    throw badRequest('The file has no header row: its first row must name the columns.', [
      { path: '/file', message: 'has no header row' },
    ]);
  return {
    format,
    headers,
    rows: records.filter((record) => !isBlank(record.cells)),
    strictWidth: format === 'csv',
  };
}
