import type { Entity, Field } from '@formwork/definitions';
import { csvCell } from './csv.js';

/**
 * Values as exported files show them: readable by people (option labels, "12.5%", lists
 * joined with ";") and readable again by the importer, which takes every form used here.
 */

const TEXTUAL = new Set([
  'text',
  'longtext',
  'email',
  'phone',
  'url',
  'file',
  'select',
  'multiselect',
]);
const LIST_SEPARATORS = /[;；、,，\n]/;

/** The column headers: "id", then each field's display name ("名称 (name)" where a name is ambiguous). */
export function exportHeaders(entity: Entity): string[] {
  const keys = new Set(entity.fields.map((field) => field.key));
  const nameCounts = new Map<string, number>();
  for (const field of entity.fields) {
    const name = field.name.trim().toLowerCase();
    nameCounts.set(name, (nameCounts.get(name) ?? 0) + 1);
  }
  return [
    'id',
    ...entity.fields.map((field) => {
      const name = field.name.trim();
      const ambiguous =
        nameCounts.get(name.toLowerCase())! > 1 ||
        name.toLowerCase() === 'id' ||
        (keys.has(name) && name !== field.key);
      return ambiguous ? `${name} (${field.key})` : name;
    }),
  ];
}

/** Option value → what the file shows: the label, unless it could be read back as another option. */
function optionDisplay(field: Field): Map<string, string> {
  const options = field.options ?? [];
  const values = new Set(options.map((option) => option.value));
  const labelCounts = new Map<string, number>();
  for (const option of options)
    if (option.label) labelCounts.set(option.label, (labelCounts.get(option.label) ?? 0) + 1);
  const list = field.type === 'multiselect';
  return new Map(
    options.map((option) => {
      const label = option.label?.trim();
      const usable =
        label &&
        labelCounts.get(option.label!) === 1 &&
        (!values.has(label) || label === option.value) &&
        !(list && LIST_SEPARATORS.test(label));
      return [option.value, usable ? label : option.value];
    }),
  );
}

export type ExcelValue = string | number | boolean | Date | null;

export interface ExportColumn {
  header: string;
  field?: Field;
  csv: (value: unknown) => string;
  excel: (value: unknown) => ExcelValue;
  /** Excel number format of the column. */
  numFmt?: string;
}

const trimZeroMilliseconds = (text: string) => text.replace(/\.000Z$/, 'Z');

function percentText(value: number): string {
  return `${Number((value * 100).toPrecision(15))}%`;
}

function columnFor(field: Field, header: string): ExportColumn {
  const blank = (value: unknown) => value === null || value === undefined || value === '';
  const guard = TEXTUAL.has(field.type);
  const text = (format: (value: unknown) => string) => (value: unknown) =>
    blank(value) ? '' : csvCell(format(value), { guardFormula: guard });
  const excel = (format: (value: unknown) => ExcelValue) => (value: unknown) =>
    blank(value) ? null : format(value);
  switch (field.type) {
    case 'integer':
    case 'number':
      return { header, field, csv: text(String), excel: excel(Number) };
    case 'money':
      return {
        header,
        field,
        csv: text((value) => Number(value).toFixed(2)),
        excel: excel(Number),
        numFmt: '#,##0.00',
      };
    case 'percent':
      return {
        header,
        field,
        csv: text((value) => percentText(Number(value))),
        excel: excel(Number),
        numFmt: '0.##%',
      };
    case 'boolean':
      return {
        header,
        field,
        csv: text((value) => (value ? 'true' : 'false')),
        excel: excel(Boolean),
      };
    case 'date':
      return {
        header,
        field,
        csv: text(String),
        excel: excel((value) => new Date(`${String(value)}T00:00:00Z`)),
        numFmt: 'yyyy-mm-dd',
      };
    case 'datetime':
      return {
        header,
        field,
        csv: text((value) => trimZeroMilliseconds(String(value))),
        excel: excel((value) => new Date(String(value))),
        numFmt: 'yyyy-mm-dd hh:mm:ss',
      };
    case 'select': {
      const display = optionDisplay(field);
      const show = (value: unknown) => display.get(String(value)) ?? String(value);
      return { header, field, csv: text(show), excel: excel(show) };
    }
    case 'multiselect': {
      const display = optionDisplay(field);
      const show = (value: unknown) =>
        (Array.isArray(value) ? value : [value])
          .map((item) => display.get(String(item)) ?? String(item))
          .join(';');
      return { header, field, csv: text(show), excel: excel(show) };
    }
    default: {
      const show = (value: unknown) => (typeof value === 'string' ? value : JSON.stringify(value));
      return { header, field, csv: text(show), excel: excel(show) };
    }
  }
}

export function exportColumns(entity: Entity): ExportColumn[] {
  const headers = exportHeaders(entity);
  return [
    { header: 'id', csv: (value) => String(value), excel: (value) => String(value) },
    ...entity.fields.map((field, index) => columnFor(field, headers[index + 1]!)),
  ];
}

export const columnKey = (column: ExportColumn) => column.field?.key ?? 'id';
