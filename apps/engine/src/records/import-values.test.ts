import { describe, expect, it } from '@jest/globals';
import type { Entity, Field } from '@formwork/definitions';
import { ProblemException } from '../common/problem.js';
import { csvCell, detectDelimiter, parseCsv, unguardFormula } from './csv.js';
import { matchColumns } from './import-columns.js';
import { decodeText, firstInvalidUtf8 } from './import-source.js';
import { cellReaderFor, CellProblem, parseNumberText } from './import-values.js';

const field = (type: Field['type'], extra: Partial<Field> = {}): Field => ({
  key: 'f',
  name: 'F',
  type,
  ...extra,
});
/** The detail of the problem a call throws. */
function detailOf(call: () => unknown): string {
  try {
    call();
  } catch (error) {
    return (error as ProblemException).problem.detail ?? '';
  }
  throw new Error('did not throw');
}
const read = (type: Field['type'], cell: string | number | boolean | Date | null, extra = {}) =>
  cellReaderFor(field(type, extra))(cell);

describe('parseCsv', () => {
  it('reads quotes, doubled quotes, line breaks in cells, CRLF and a final line break', () => {
    expect(parseCsv('a,b\r\n"x, y","say ""hi"""\r\n"multi\nline",\r\n')).toEqual([
      ['a', 'b'],
      ['x, y', 'say "hi"'],
      ['multi\nline', ''],
    ]);
  });

  it('keeps empty cells and ragged rows as they are', () => {
    expect(parseCsv('a,b,c\n1,,3\n1\n\n1,2,3,4')).toEqual([
      ['a', 'b', 'c'],
      ['1', '', '3'],
      ['1'],
      [''],
      ['1', '2', '3', '4'],
    ]);
  });

  it('refuses a quote that is never closed', () => {
    expect(() => parseCsv('a\n"open\nb')).toThrow(/line 2/);
  });

  it('detects ; and tab delimiters from the header', () => {
    expect(detectDelimiter('a;b;c\n1,5;2;3')).toBe(';');
    expect(detectDelimiter('a\tb\n')).toBe('\t');
    expect(detectDelimiter('"a;b",c')).toBe(',');
  });

  it('writes cells that read back the same, guarding formulas', () => {
    for (const value of ['plain', 'a,b', 'say "hi"', 'two\nlines', ' padded ', '中文'])
      expect(parseCsv(csvCell(value))[0]).toEqual([value]);
    expect(csvCell('=SUM(A1)', { guardFormula: true })).toBe("'=SUM(A1)");
    expect(unguardFormula("'=SUM(A1)")).toBe('=SUM(A1)');
    expect(unguardFormula("'quoted")).toBe("'quoted");
  });
});

describe('decodeText', () => {
  it('takes UTF-8 with or without a BOM, UTF-16 with a BOM, and GB18030', () => {
    expect(decodeText(Buffer.from('\uFEFF名称', 'utf8')).text).toBe('名称');
    expect(decodeText(Buffer.from('名称', 'utf8'))).toEqual({ text: '名称', encoding: 'utf-8' });
    expect(decodeText(Buffer.from('\uFEFF名称', 'utf16le')).text).toBe('名称');
    expect(decodeText(Buffer.from([0xc3, 0xfb, 0xb3, 0xc6]))).toEqual({
      text: '名称',
      encoding: 'gb18030',
    });
  });

  it('refuses bytes that are neither, naming the line', () => {
    expect(detailOf(() => decodeText(Buffer.from([0x61, 0x0a, 0x62, 0xff])))).toMatch(
      /0xFF in line 2/,
    );
    expect(detailOf(() => decodeText(Buffer.from('a\u0000b')))).toMatch(/NUL/);
  });

  it('finds the first invalid UTF-8 byte (overlong forms and surrogates included)', () => {
    expect(firstInvalidUtf8(Buffer.from('ok 中文 😀', 'utf8'))).toBe(-1);
    expect(firstInvalidUtf8(Buffer.from([0x41, 0xc0, 0x80]))).toBe(1);
    expect(firstInvalidUtf8(Buffer.from([0xed, 0xa0, 0x80]))).toBe(0);
    expect(firstInvalidUtf8(Buffer.from([0x41, 0xe4, 0xb8]))).toBe(1);
  });
});

describe('cell readers', () => {
  it('reads numbers with thousands separators, currency, accounting negatives and full-width digits', () => {
    expect(parseNumberText('1,234,567.50')).toBe(1234567.5);
    expect(parseNumberText('¥1,234')).toBe(1234);
    expect(parseNumberText('￥２，０００')).toBe(2000);
    expect(parseNumberText('(1,234.00)')).toBe(-1234);
    expect(parseNumberText('1.5E+3')).toBe(1500);
    expect(parseNumberText('12,34')).toBeUndefined();
    expect(parseNumberText('abc')).toBeUndefined();
    expect(read('money', '1,234,567.50')).toBe(1234567.5);
    expect(read('money', 'n/a')).toBe('n/a'); // left for validation to refuse
    expect(read('percent', '12.5%')).toBe(0.125);
    expect(read('percent', 0.3)).toBe(0.3);
  });

  it('reads dates in common formats, Excel dates and serial numbers', () => {
    for (const text of ['2024-01-05', '2024/1/5', '2024.01.05', '2024年1月5日', '2024/1/5 0:00'])
      expect(read('date', text)).toBe('2024-01-05');
    expect(read('date', new Date(Date.UTC(2024, 0, 5)))).toBe('2024-01-05');
    expect(read('date', 45296)).toBe('2024-01-05');
    expect(read('date', '05/01/2024')).toBe('05/01/2024');
  });

  it('reads date-times, taking a time without an offset as UTC', () => {
    expect(read('datetime', '2024-03-01 08:30')).toBe('2024-03-01T08:30:00Z');
    expect(read('datetime', '2024/3/1 8:30:15.5+08:00')).toBe('2024-03-01T08:30:15.5+08:00');
    expect(read('datetime', '2024年3月1日 8时30分')).toBe('2024-03-01T08:30:00Z');
    expect(read('datetime', '2024年3月1日 8时30分15秒')).toBe('2024-03-01T08:30:15Z');
    expect(read('datetime', '2024-03-01')).toBe('2024-03-01T00:00:00Z');
  });

  it('reads booleans in Chinese and English', () => {
    for (const yes of ['true', 'TRUE', '是', 'yes', 'Y', '1', 1, true])
      expect(read('boolean', yes)).toBe(true);
    for (const no of ['false', '否', 'no', '0', 0, false]) expect(read('boolean', no)).toBe(false);
    expect(read('boolean', 'maybe')).toBe('maybe');
  });

  it('reads options by value or label, and lists split on ; , or 、', () => {
    const options = [
      { value: 'vip', label: '重要客户' },
      { value: 'a,b', label: 'AB' },
      { value: 'new' },
    ];
    expect(read('select', '重要客户', { options })).toBe('vip');
    expect(read('select', 'VIP', { options })).toBe('vip');
    expect(read('multiselect', '重要客户;new', { options })).toEqual(['vip', 'new']);
    expect(read('multiselect', 'vip, new', { options })).toEqual(['vip', 'new']);
    expect(read('multiselect', '重要客户、new', { options })).toEqual(['vip', 'new']);
    expect(read('multiselect', 'a,b', { options })).toEqual(['a,b']);
  });

  it('treats empty cells as absent and finds users by email', () => {
    expect(read('text', '   ')).toBeUndefined();
    expect(read('integer', null)).toBeUndefined();
    const reader = cellReaderFor(field('user'));
    const userIdsByEmail = new Map([['li@example.com', 'u-1']]);
    expect(reader('Li@Example.com', { userIdsByEmail })).toBe('u-1');
    expect(reader('x@example.com', { userIdsByEmail })).toBeInstanceOf(CellProblem);
  });
});

describe('matchColumns', () => {
  const entity = {
    key: 'customer',
    fields: [
      { key: 'name', name: '名称', type: 'text', required: true },
      { key: 'city', name: '城市', type: 'text' },
    ],
  } as unknown as Entity;
  const targets = (headers: string[], mapping?: Record<string, string | null>) =>
    matchColumns(headers, entity, mapping).map((column) =>
      column.kind === 'id' ? `${column.header}→id` : `${column.header}→${column.field.key}`,
    );

  it('matches by key or display name, id included; unnamed columns are skipped', () => {
    expect(targets(['ID', '名称', 'city', ''])).toEqual(['ID→id', '名称→name', 'city→city']);
  });

  it('refuses unknown columns, listing them, unless a mapping ignores them', () => {
    expect(detailOf(() => targets(['名称', '备注', 'x']))).toMatch(/备注, x/);
    expect(targets(['名称', '备注'], { 备注: null })).toEqual(['名称→name']);
  });

  it('with a mapping that names fields, imports only the columns it lists', () => {
    expect(targets(['Customer', 'Town', 'Extra'], { Customer: 'name', Town: 'city' })).toEqual([
      'Customer→name',
      'Town→city',
    ]);
  });

  it('refuses a mapping to nowhere, two columns for one field, and a missing required column', () => {
    expect(detailOf(() => targets(['名称'], { 名称: 'nope' }))).toMatch(/mapping/);
    expect(detailOf(() => targets(['名称', 'name']))).toMatch(/ambiguous/);
    expect(detailOf(() => targets(['城市']))).toMatch(/required field 名称 \(name\)/);
  });
});
