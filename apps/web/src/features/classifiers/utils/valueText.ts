import type { TFunction } from 'i18next';

/** A classification value as text; null (or the distribution key "null") as "(empty)". */
export function valueText(value: unknown, t: TFunction): string {
  if (value === null || value === undefined || value === 'null') return t('classifiers.noValue');
  if (Array.isArray(value)) return value.map((item) => valueText(item, t)).join(', ');
  if (typeof value === 'boolean') return value ? t('common.yes') : t('common.no');
  if (typeof value === 'string' || typeof value === 'number') return String(value);
  return JSON.stringify(value) ?? '';
}

/** "#2 big": a rule's row number (when it is in the table) and its id. */
export function ruleLabel(id: string, ruleIds: readonly string[]): string {
  const index = ruleIds.indexOf(id);
  return index >= 0 ? `#${index + 1} ${id}` : id;
}
