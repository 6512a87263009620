import type { Filter, InputSource } from '@formwork/definitions';
import type { TFunction } from 'i18next';

/** A short line under a column header: "sum(order.amount) · P365D", "ntile 5 of revenue". */
export function describeSource(source: InputSource, t: TFunction): string {
  if ('measure' in source) {
    const order = source.order === 'desc' ? ` ↓` : '';
    const n = source.measure === 'ntile' ? ` ${source.n ?? 5}` : '';
    return `${t(`classifiers.measures.${source.measure}`)}${n}(${source.of})${order}`;
  }
  if ('aggregate' in source) {
    const what = source.field ? `${source.entity}.${source.field}` : source.entity;
    const window = source.window ? ` · ${source.window}` : '';
    const where = source.where ? ` · ${t('classifiers.columns.aggregate.filtered')}` : '';
    return `${source.aggregate}(${what})${window}${where}`;
  }
  return source.field;
}

/** `status eq "paid"` for one condition; the JSON of anything more nested. */
export function describeFilter(filter: Filter): string {
  if ('field' in filter && 'op' in filter)
    return `${filter.field} ${filter.op} ${JSON.stringify(filter.value ?? null)}`;
  return JSON.stringify(filter);
}
