/**
 * The data of the records bench: the customer entity, random customers for the create load, a
 * set-based seed of many rows straight into the entity's table, and CSV rows for the import.
 * Names and cities are realistic Chinese ones from small lists; the 8 cities are spread evenly,
 * so each (上海 among them) holds about 1/8 of the rows.
 */

export const CITIES = ['上海', '北京', '广州', '深圳', '杭州', '成都', '南京', '武汉'];
export const FILTER_CITY = '上海';

const SURNAMES = [
  '王',
  '李',
  '张',
  '刘',
  '陈',
  '杨',
  '黄',
  '赵',
  '吴',
  '周',
  '徐',
  '孙',
  '马',
  '朱',
  '胡',
  '郭',
];
const GIVEN_NAMES = [
  '伟',
  '芳',
  '娜',
  '秀英',
  '敏',
  '静',
  '丽',
  '强',
  '磊',
  '军',
  '洋',
  '勇',
  '艳',
  '杰',
  '娟',
  '涛',
  '明',
  '超',
  '秀兰',
  '霞',
];

/** The columns the bench writes, in the order the raw-SQL baselines use. */
export const CUSTOMER_COLUMNS = ['name', 'city', 'amount', 'phone', 'level', 'signed_at'];

/** A customer entity with 6 fields, among them an indexed select (city) and a money field. */
export function customerEntity(key, { indexes } = {}) {
  return {
    key,
    name: '客户',
    fields: [
      { key: 'name', name: '姓名', type: 'text', required: true },
      {
        key: 'city',
        name: '城市',
        type: 'select',
        indexed: true,
        options: CITIES.map((city) => ({ value: city, label: city })),
      },
      { key: 'amount', name: '金额', type: 'money' },
      { key: 'phone', name: '电话', type: 'phone' },
      { key: 'level', name: '等级', type: 'integer' },
      { key: 'signed_at', name: '签约时间', type: 'datetime' },
    ],
    ...(indexes ? { indexes } : {}),
  };
}

const pick = (list) => list[Math.floor(Math.random() * list.length)];

/** One random customer as the API takes it. */
export function randomCustomer() {
  return {
    name: pick(SURNAMES) + pick(GIVEN_NAMES),
    city: pick(CITIES),
    amount: Math.round(Math.random() * 10_000_000) / 100,
    phone: `+86 13${String(Math.floor(Math.random() * 1e9)).padStart(9, '0')}`,
    level: 1 + Math.floor(Math.random() * 5),
    signed_at: new Date(Date.UTC(2024, 0, 1) + Math.floor(Math.random() * 7e10)).toISOString(),
  };
}

/** The same customer as a row of parameters in CUSTOMER_COLUMNS order. */
export const customerValues = (customer) => CUSTOMER_COLUMNS.map((key) => customer[key]);

const sqlArray = (values) => `ARRAY[${values.map((value) => `'${value}'`).join(', ')}]`;

/**
 * One INSERT … SELECT generate_series statement adding `count` customers to `table` (a quoted,
 * schema-qualified name). `hashint4` spreads the cities evenly and independently of the names;
 * amounts are random with 2 decimals; created_at steps back 1 ms per row, so the rows also have
 * distinct creation times as API-created ones would.
 */
export function seedStatement(table, count, userId) {
  return {
    text: `INSERT INTO ${table} (created_by, owner_id, name, city, amount, phone, level, signed_at, created_at, updated_at)
      SELECT $1::uuid, $1::uuid,
        (${sqlArray(SURNAMES)})[1 + g % ${SURNAMES.length}] || (${sqlArray(GIVEN_NAMES)})[1 + (g / ${SURNAMES.length}) % ${GIVEN_NAMES.length}],
        (${sqlArray(CITIES)})[1 + (hashint4(g) & 7)],
        round((random() * 100000)::numeric, 2),
        '+86 13' || lpad((hashint4(g + 1) & 1073741823)::text, 9, '0'),
        1 + g % 5,
        timestamptz '2024-01-01 00:00:00+00' + g * interval '1 minute',
        now() - g * interval '1 millisecond',
        now() - g * interval '1 millisecond'
      FROM generate_series(1, $2::int) AS g`,
    values: [userId, count],
  };
}

/** `count` random customers as CSV text (header = field keys); none of the values needs quoting. */
export function customersCsv(count) {
  const rows = Array.from({ length: count }, () => randomCustomer());
  const lines = [CUSTOMER_COLUMNS.join(',')];
  for (const row of rows) lines.push(customerValues(row).join(','));
  return { rows, text: `${lines.join('\n')}\n` };
}
