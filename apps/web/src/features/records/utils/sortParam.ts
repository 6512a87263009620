import type { SortOrder } from 'antd/es/table/interface';

/** The first key of a `sort` parameter (`-total_amount,name`) as antd's column sort state. */
export function sortOrderOf(sort: string | undefined, field: string): SortOrder {
  const first = sort?.split(',')[0]?.trim();
  if (!first) return null;
  if (first === field) return 'ascend';
  if (first === `-${field}`) return 'descend';
  return null;
}

/** antd's column sort state as a `sort` parameter; undefined to use the engine's order. */
export function sortParamOf(field: string, order: SortOrder | undefined): string | undefined {
  if (order === 'ascend') return field;
  if (order === 'descend') return `-${field}`;
  return undefined;
}
