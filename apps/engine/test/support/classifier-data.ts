// In-memory counterparts of the classifier SQL, for tests: the inputs of every customer computed
// from the seeded rows, exactly as the compiled statement defines them.
import { randomUUID } from 'node:crypto';
import type { ClassifierDefinition, EntityInput } from '@formwork/definitions';
import type { SqlSchemaInfo } from '@formwork/rules';
import { quoteIdentifier, tableOf } from '../../src/entities/physical-names.js';

export const customerEntity: EntityInput = {
  key: 'customer',
  name: '客户',
  fields: [
    { key: 'name', name: '名称', type: 'text' },
    {
      key: 'city',
      name: '城市',
      type: 'select',
      options: [{ value: '北京' }, { value: '上海' }, { value: '广州' }],
    },
    { key: 'total_amount', name: '累计金额', type: 'money' },
    {
      key: 'tier',
      name: '等级',
      type: 'select',
      options: [{ value: 'A' }, { value: 'B' }, { value: 'C' }],
    },
    { key: 'points', name: '积分', type: 'integer' },
    { key: 'vip', name: 'VIP', type: 'boolean' },
    { key: 'segment', name: '分群', type: 'text' },
    { key: 'rfm_score', name: 'RFM', type: 'integer' },
    {
      key: 'lifecycle',
      name: '生命周期',
      type: 'select',
      options: [{ value: 'active' }, { value: 'lapsing' }, { value: 'lost' }],
    },
  ],
};

export const orderEntity: EntityInput = {
  key: 'order',
  name: '订单',
  fields: [
    { key: 'customer', name: '客户', type: 'relation', target: 'customer' },
    { key: 'amount', name: '金额', type: 'money' },
    {
      key: 'status',
      name: '状态',
      type: 'select',
      options: [{ value: 'paid' }, { value: 'refunded' }],
    },
    { key: 'ordered_at', name: '下单时间', type: 'datetime' },
  ],
};

export const fieldsOf = (entity: EntityInput) =>
  entity.fields.map((field) => ({ key: field.key, type: field.type, options: field.options }));

export function schemaInfoOf(app: string, entities: EntityInput[]): SqlSchemaInfo {
  return {
    entities: Object.fromEntries(
      entities.map((entity) => [
        entity.key,
        {
          table: tableOf(app, entity.key),
          fields: Object.fromEntries(
            entity.fields.map((field) => [
              field.key,
              {
                column: quoteIdentifier(field.key),
                type: field.type,
                options: field.options?.map((option) => option.value),
                target: field.target,
              },
            ]),
          ),
        },
      ]),
    ),
  };
}

export interface SeedCustomer {
  id: string;
  name: string;
  city: string | null;
  /** Cents, or null. */
  total: number | null;
  deleted: boolean;
}
export interface SeedOrder {
  id: string;
  customer: string;
  /** Cents, or null. */
  amount: number | null;
  status: 'paid' | 'refunded';
  /** Days before AS_OF (negative: in the future). */
  daysAgo: number;
  deleted: boolean;
}

export const AS_OF = '2024-06-30T00:00:00.000Z';
export const cents = (value: number | null) =>
  value === null
    ? null
    : `${value < 0 ? '-' : ''}${Math.floor(Math.abs(value) / 100)}.${String(Math.abs(value) % 100).padStart(2, '0')}`;
export const orderedAt = (daysAgo: number) =>
  new Date(Date.parse(AS_OF) - daysAgo * 86_400_000 - 3_600_000).toISOString();

type Sql = (text: string, values?: unknown[]) => Promise<unknown[]>;

export async function seed(sql: Sql, customers: SeedCustomer[], orders: SeedOrder[]) {
  await sql(`TRUNCATE ${tableOf('crm', 'order')}, ${tableOf('crm', 'customer')}`);
  await sql(
    `INSERT INTO ${tableOf('crm', 'customer')} (id, name, city, total_amount, deleted_at)
     SELECT * FROM unnest($1::uuid[], $2::text[], $3::text[], $4::numeric[], $5::timestamptz[])`,
    [
      customers.map((c) => c.id),
      customers.map((c) => c.name),
      customers.map((c) => c.city),
      customers.map((c) => cents(c.total)),
      customers.map((c) => (c.deleted ? AS_OF : null)),
    ],
  );
  await sql(
    `INSERT INTO ${tableOf('crm', 'order')} (id, customer, amount, status, ordered_at, deleted_at)
     SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::numeric[], $4::text[], $5::timestamptz[], $6::timestamptz[])`,
    [
      orders.map((o) => o.id),
      orders.map((o) => o.customer),
      orders.map((o) => cents(o.amount)),
      orders.map((o) => o.status),
      orders.map((o) => orderedAt(o.daysAgo)),
      orders.map((o) => (o.deleted ? AS_OF : null)),
    ],
  );
}

export const newId = () => randomUUID();

/** Ranks as the compiled SQL does: nulls have no rank, ties are peers. */
function rankAll(
  values: (number | string | null)[],
  compare: (a: number | string, b: number | string) => number,
): { rank: number[]; count: number; sortedIndexes: number[] } {
  const indexes = values.flatMap((value, index) => (value === null ? [] : [index]));
  indexes.sort((a, b) => compare(values[a]!, values[b]!));
  const rank: number[] = values.map(() => 0);
  indexes.forEach((index, position) => {
    const previous = indexes[position - 1];
    rank[index] =
      previous !== undefined && compare(values[previous]!, values[index]!) === 0
        ? rank[previous]!
        : position + 1;
  });
  return { rank, count: indexes.length, sortedIndexes: indexes };
}

const ascending = (a: number | string, b: number | string) =>
  typeof a === 'number' && typeof b === 'number' ? a - b : a < b ? -1 : a > b ? 1 : 0;

/** PERCENT_RANK, NTILE (peers take the tile of the first of them) and cume_share, in memory. */
export function measureOf(
  measure: 'percent_rank' | 'ntile' | 'cume_share',
  values: (number | null)[],
  options: { n?: number; order?: 'asc' | 'desc' } = {},
): (number | null)[] {
  const asc = measure === 'cume_share' ? options.order === 'asc' : options.order !== 'desc';
  const compare = (a: number | string, b: number | string) => (asc ? 1 : -1) * ascending(a, b);
  const { rank, count, sortedIndexes } = rankAll(values, compare);
  if (measure === 'percent_rank')
    return values.map((value, index) =>
      value === null ? null : count > 1 ? (rank[index]! - 1) / (count - 1) : 0,
    );
  if (measure === 'ntile') {
    const n = options.n ?? 4;
    const tileOfRow = (row: number) => {
      const size = Math.floor(count / n);
      const extra = count % n;
      return row < extra * (size + 1)
        ? Math.floor(row / (size + 1)) + 1
        : extra + Math.floor((row - extra * (size + 1)) / size) + 1;
    };
    return values.map((value, index) => (value === null ? null : tileOfRow(rank[index]! - 1)));
  }
  const total = sortedIndexes.reduce((sum, index) => sum + values[index]!, 0);
  return values.map((value) => {
    if (value === null || total === 0) return null;
    const held = sortedIndexes
      .filter((index) => compare(values[index]!, value) <= 0)
      .reduce((sum, index) => sum + values[index]!, 0);
    return Number(cents(held)) / Number(cents(total));
  });
}

/** The inputs of one live customer, in cents for money (null when there is none). */
export function inputsInMemory(
  classifier: ClassifierDefinition,
  customers: SeedCustomer[],
  orders: SeedOrder[],
): Map<string, Record<string, unknown>> {
  const live = customers.filter((customer) => !customer.deleted);
  const raw = new Map<string, (number | string | null)[]>();
  for (const input of classifier.inputs) {
    const { source } = input;
    if ('measure' in source) continue;
    if ('aggregate' in source) {
      raw.set(
        input.key,
        live.map((customer) => {
          const related = orders.filter(
            (order) =>
              !order.deleted &&
              order.customer === customer.id &&
              (source.where === undefined ||
                order.status === (source.where as { value: string }).value) &&
              (source.window === undefined ||
                (order.daysAgo >= 0 &&
                  order.daysAgo * 86_400_000 + 3_600_000 <=
                    Number(source.window.slice(1, -1)) * 86_400_000)),
          );
          if (source.aggregate === 'count') return related.length;
          const amounts = related.flatMap((order) => (order.amount === null ? [] : [order.amount]));
          if (source.field === 'ordered_at') {
            const days = related.map((order) => order.daysAgo);
            return days.length === 0 ? null : Date.parse(orderedAt(Math.min(...days)));
          }
          if (amounts.length === 0) return null;
          if (source.aggregate === 'sum') return amounts.reduce((a, b) => a + b, 0);
          if (source.aggregate === 'max') return Math.max(...amounts);
          if (source.aggregate === 'min') return Math.min(...amounts);
          throw new Error(`no in-memory ${source.aggregate}`);
        }),
      );
    } else if (source.field === 'total_amount')
      raw.set(
        input.key,
        live.map((customer) => customer.total),
      );
    else if (source.field === 'city')
      raw.set(
        input.key,
        live.map((customer) => customer.city),
      );
    else throw new Error(`no in-memory field ${source.field}`);
  }
  const isMoney = (key: string) => {
    const source = classifier.inputs.find((input) => input.key === key)?.source;
    return (
      source !== undefined &&
      (('field' in source && source.field === 'total_amount' && !('aggregate' in source)) ||
        ('aggregate' in source && source.aggregate !== 'count' && source.field === 'amount'))
    );
  };
  const values = new Map<string, unknown[]>();
  const isInstant = (key: string) => {
    const source = classifier.inputs.find((input) => input.key === key)?.source;
    return source !== undefined && 'aggregate' in source && source.field === 'ordered_at';
  };
  for (const [key, list] of raw)
    values.set(
      key,
      isMoney(key)
        ? list.map((v) => cents(v as number | null))
        : isInstant(key)
          ? list.map((v) => (v === null ? null : new Date(v).toISOString()))
          : list,
    );
  for (const input of classifier.inputs) {
    const { source } = input;
    if (!('measure' in source)) continue;
    const of = raw.get(source.of)! as (number | null)[];
    values.set(input.key, measureOf(source.measure, of, source));
  }
  return new Map(
    live.map((customer, index) => [
      customer.id,
      Object.fromEntries(
        classifier.inputs.map((input) => [input.key, values.get(input.key)![index]]),
      ),
    ]),
  );
}
