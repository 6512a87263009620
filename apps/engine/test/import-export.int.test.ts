import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { FormworkClient } from '@formwork/client';
import type { EntityInput, EntityRecord, ImportResult } from '@formwork/definitions';
import ExcelJS from 'exceljs';
import { refusal } from './support/refusal.js';
import { parseCsv } from '../src/records/csv.js';
import {
  ADMIN_EMAIL,
  ADMIN_PASSWORD,
  startTestEngine,
  type TestEngine,
} from './support/test-engine.js';

const MAX_IMPORT_BYTES = 2 * 1024 * 1024;

let t: TestEngine;
let adminToken: string;
beforeAll(async () => {
  t = await startTestEngine({ FORMWORK_IMPORT_MAX_BYTES: String(MAX_IMPORT_BYTES) });
  adminToken = (await t.anonymous().auth.login({ email: ADMIN_EMAIL, password: ADMIN_PASSWORD }))
    .token;
  await t.admin.apps.create({ key: 'crm', name: '客户管理' });
  await t.admin.entities.put('crm', customer);
  await t.admin.entities.put('crm', order);
});
afterAll(() => t.stop());

const customerFields: EntityInput['fields'] = [
  { key: 'name', name: '名称', type: 'text', required: true },
  {
    key: 'city',
    name: '城市',
    type: 'select',
    options: [
      { value: 'bj', label: '北京' },
      { value: 'sh', label: '上海' },
      { value: 'gz', label: '广州' },
    ],
  },
  { key: 'total_amount', name: '累计金额', type: 'money' },
  { key: 'email', name: '邮箱', type: 'email', unique: true },
  { key: 'since', name: '签约日期', type: 'date' },
  { key: 'active', name: '有效', type: 'boolean' },
  {
    key: 'tags',
    name: '标签',
    type: 'multiselect',
    options: [
      { value: 'vip', label: '重要客户' },
      { value: 'new', label: '新客户' },
    ],
  },
  { key: 'level', name: '等级', type: 'integer' },
  { key: 'share', name: '占比', type: 'percent' },
  { key: 'last_visit', name: '最近拜访', type: 'datetime' },
];
const customer: EntityInput = { key: 'customer', name: '客户', fields: customerFields };

const order: EntityInput = {
  key: 'order',
  name: '订单',
  fields: [
    { key: 'amount', name: '金额', type: 'money', required: true },
    { key: 'customer', name: '客户', type: 'relation', target: 'customer' },
    { key: 'ordered_at', name: '下单时间', type: 'datetime' },
  ],
};

const recordsPath = (entity: string) => `/api/apps/crm/entities/${entity}/records`;

const count = async (table: string) =>
  (
    await t.sql<{ n: number }>(
      `SELECT count(*)::int AS n FROM app_crm."${table}" WHERE deleted_at IS NULL`,
    )
  )[0]!.n;

async function importCsv(csv: string, entity = 'customer', client: FormworkClient = t.admin) {
  return (await client.records.importCsv('crm', entity, csv)) as ImportResult;
}

async function importBytes(
  bytes: Uint8Array,
  contentType = 'text/csv',
  entity = 'customer',
): Promise<Response> {
  return fetch(`${t.url}${recordsPath(entity)}/import`, {
    method: 'POST',
    headers: { authorization: `Bearer ${adminToken}`, 'content-type': contentType },
    body: bytes,
  });
}

async function download(
  entity: string,
  format: 'csv' | 'xlsx',
  query: Parameters<FormworkClient['records']['exportUrl']>[3] = {},
): Promise<Response> {
  const url = t.admin.records.exportUrl('crm', entity, format, query);
  return fetch(url.startsWith('http') ? url : `${t.url}${url}`, {
    headers: { authorization: `Bearer ${adminToken}` },
  });
}

async function byName(name: string, entity = 'customer'): Promise<EntityRecord> {
  const page = await t.admin.records.list('crm', entity, {
    filter: { field: 'name', op: 'eq', value: name },
  });
  expect(page.items).toHaveLength(1);
  return page.items[0]!;
}

describe('records import', () => {
  it('imports Chinese headers and values, thousands separators, mixed date formats, labels', async () => {
    const csv = [
      '\uFEFF名称,城市,累计金额,邮箱,签约日期,有效,标签,等级,占比,最近拜访',
      '甲公司,北京,"1,234,567.50",jia@example.com,2024-01-05,是,重要客户;新客户,"1,200",12.5%,2024-03-01 08:30',
      '乙公司,上海,"￥2,000",yi@example.com,2024/1/6,否,vip,3,0.25,2024-03-01T08:30:00+08:00',
      '丙公司,gz,15.5,bing@example.com,2024年1月7日,true,新客户、重要客户,,,',
      '丁公司,广州,0,ding@example.com,2024.01.08,0,,7,,2024年3月2日 9:05:30',
    ].join('\r\n');
    const result = await importCsv(csv);
    expect(result).toEqual({ created: 4, updated: 0, failed: [] });

    const jia = await byName('甲公司');
    expect(jia).toMatchObject({
      city: 'bj',
      total_amount: 1234567.5,
      email: 'jia@example.com',
      since: '2024-01-05',
      active: true,
      tags: ['vip', 'new'],
      level: 1200,
      share: 0.125,
      last_visit: '2024-03-01T08:30:00.000Z',
    });
    expect(jia.created_by).toBe(jia.owner_id);
    expect(await byName('乙公司')).toMatchObject({
      city: 'sh',
      total_amount: 2000,
      since: '2024-01-06',
      active: false,
      tags: ['vip'],
      last_visit: '2024-03-01T00:30:00.000Z',
    });
    expect(await byName('丙公司')).toMatchObject({
      city: 'gz',
      since: '2024-01-07',
      tags: ['new', 'vip'],
      level: null,
      share: null,
    });
    expect(await byName('丁公司')).toMatchObject({
      since: '2024-01-08',
      active: false,
      tags: null,
      last_visit: '2024-03-02T09:05:30.000Z',
    });

    // One outbox event for the whole import, and history rows marked import.
    const events = await t.sql<{ payload: unknown }>(
      `SELECT payload FROM formwork.events WHERE type = 'records_imported'`,
    );
    expect(events).toEqual([{ payload: { created: 4, updated: 0, failed: 0, count: 4 } }]);
    const history = await t.admin.records.history('crm', 'customer', jia.id);
    expect(history.items).toEqual([
      expect.objectContaining({
        action: 'import',
        before: null,
        after: expect.objectContaining({ id: jia.id, name: '甲公司', created_at: jia.created_at }),
      }),
    ]);
  });

  it('reports bad rows with their row number and path while the valid rows land', async () => {
    const before = await count('customer');
    const csv = [
      'name,total_amount,email,since',
      '戊公司,100,wu@example.com,2024-02-01',
      '己公司,一百,ji@example.com,2024-02-01',
      ',200,geng@example.com,2024-02-01',
      '庚公司,300,not-an-email,2024-02-30',
      '辛公司,400,xin@example.com,2024-02-02',
    ].join('\n');
    const result = await importCsv(csv);
    expect(result.created).toBe(2);
    expect(result.failed).toEqual([
      { row: 2, errors: [{ path: '/total_amount', message: 'must be a number' }] },
      { row: 3, errors: [{ path: '/name', message: 'is required' }] },
      {
        row: 4,
        errors: expect.arrayContaining([
          { path: '/email', message: 'must be an email address' },
          { path: '/since', message: 'is not a real date' },
        ]) as unknown,
      },
    ]);
    expect(await count('customer')).toBe(before + 2);
  });

  it('fails a ragged row with a clear error and imports the others', async () => {
    const result = await importCsv(
      ['name,email', '壬公司,ren@example.com', '癸公司,gui@example.com,extra', '子公司'].join('\n'),
    );
    expect(result.created).toBe(1);
    expect(result.failed).toEqual([
      { row: 2, errors: [{ path: '', message: 'has 3 cells but the header has 2 columns' }] },
      { row: 3, errors: [{ path: '', message: 'has 1 cell but the header has 2 columns' }] },
    ]);
  });

  it('fails duplicate unique values, within the file and against existing records', async () => {
    const result = await importCsv(
      [
        'name,email',
        '丑公司,jia@example.com',
        '寅公司,chou@example.com',
        '卯公司,chou@example.com',
      ].join('\n'),
    );
    expect(result.created).toBe(1);
    expect(result.failed).toEqual([
      { row: 1, errors: [{ path: '/email', message: 'is already used by another record' }] },
      { row: 3, errors: [{ path: '/email', message: 'is already used by another record' }] },
    ]);
  });

  it('refuses broken encoding with a 400 problem and writes nothing; GB18030 is read', async () => {
    const before = await count('customer');
    const broken = Buffer.concat([
      Buffer.from('名称,邮箱\n好公司,hao@example.com\n', 'utf8'),
      Buffer.from([0xff, 0xfe, 0x41, 0x0a]),
    ]);
    const response = await importBytes(broken);
    expect(response.status).toBe(400);
    expect(response.headers.get('content-type')).toContain('application/problem+json');
    const problem = (await response.json()) as { detail: string };
    expect(problem.detail).toMatch(/not valid UTF-8.*line 3/);
    expect(await count('customer')).toBe(before);

    // "名称,城市\n甲乙公司,北京\n" as Excel on Chinese Windows saves it (GBK).
    const gbk = Buffer.from([
      0xc3, 0xfb, 0xb3, 0xc6, 0x2c, 0xb3, 0xc7, 0xca, 0xd0, 0x0a, 0xbc, 0xd7, 0xd2, 0xd2, 0xb9,
      0xab, 0xcb, 0xbe, 0x2c, 0xb1, 0xb1, 0xbe, 0xa9, 0x0a,
    ]);
    const decoded = await importBytes(gbk);
    expect(decoded.status).toBe(200);
    expect(await decoded.json()).toEqual({ created: 1, updated: 0, failed: [] });
    expect((await byName('甲乙公司')).city).toBe('bj');
  });

  it('refuses unknown columns unless the mapping ignores them; a mapping renames columns', async () => {
    const csv = ['名称,备注,Mail', '辰公司,x,chen@example.com'].join('\n');
    const unknown = await refusal(t.admin.records.importCsv('crm', 'customer', csv));
    expect(unknown.status).toBe(400);
    expect(unknown.problem.detail).toContain('备注, Mail');
    const form = new FormData();
    form.append('file', new Blob([csv], { type: 'text/csv' }), 'customers.csv');
    form.append('mapping', JSON.stringify({ 备注: null, Mail: 'email', 名称: 'name' }));
    const mapped = await t.admin.http.request<ImportResult>(
      'POST',
      `${recordsPath('customer')}/import`,
      {
        rawBody: form,
      },
    );
    expect(mapped).toEqual({ created: 1, updated: 0, failed: [] });
    expect((await byName('辰公司')).email).toBe('chen@example.com');
  });

  it('answers 413 for a file over FORMWORK_IMPORT_MAX_BYTES, though bigger than the JSON limit is fine', async () => {
    const row = `巳公司,${'x'.repeat(200)}\n`;
    const big = `名称,邮箱\n${row.repeat(Math.ceil((MAX_IMPORT_BYTES + 1000) / row.length))}`;
    const raw = await importBytes(Buffer.from(big));
    expect(raw.status).toBe(413);
    expect(raw.headers.get('content-type')).toContain('application/problem+json');
    const multipart = await refusal(
      t.admin.records.importFile('crm', 'customer', new Blob([big]), 'big.csv'),
    );
    expect(multipart.status).toBe(413);
    expect(multipart.problem.detail).toContain('FORMWORK_IMPORT_MAX_BYTES');
  });

  it('updates the record named by an id column (PATCH semantics) and fails unknown ids', async () => {
    const jia = await byName('甲公司');
    const missing = '00000000-0000-4000-8000-000000000000';
    const result = await importCsv(
      ['id,累计金额,等级', `${jia.id},"9,999.99",`, `${missing},1,1`, `not-a-uuid,1,1`].join('\n'),
    );
    expect(result).toEqual({
      created: 0,
      updated: 1,
      failed: [
        { row: 2, errors: [{ path: '/id', message: `there is no record ${missing} in customer` }] },
        { row: 3, errors: [{ path: '/id', message: 'must be a record id (uuid)' }] },
      ],
    });
    const after = await t.admin.records.get('crm', 'customer', jia.id);
    expect(after).toMatchObject({
      total_amount: 9999.99,
      level: 1200,
      name: '甲公司',
      version: jia.version + 1,
    });
    const history = await t.admin.records.history('crm', 'customer', jia.id);
    expect(history.items[0]).toMatchObject({
      action: 'import',
      before: expect.objectContaining({ total_amount: 1234567.5 }),
      after: expect.objectContaining({ total_amount: 9999.99 }),
    });
  });

  it('checks relation ids in batches', async () => {
    const jia = await byName('甲公司');
    const result = await importCsv(
      [
        '金额,客户,下单时间',
        `"1,000.00",${jia.id},2024-05-01 10:00:00`,
        `20,00000000-0000-4000-8000-000000000001,`,
      ].join('\n'),
      'order',
    );
    expect(result).toEqual({
      created: 1,
      updated: 0,
      failed: [{ row: 2, errors: [{ path: '/customer', message: 'is not a record of customer' }] }],
    });
  });

  it('requires the create permission', async () => {
    const { client: viewer } = await userWithRole('viewer');
    const denied = await refusal(viewer.records.importCsv('crm', 'customer', 'name\n午公司'));
    expect(denied.status).toBe(403);
  });

  it('runs an import of more than 10,000 rows as a job (202) that only its starter can read', async () => {
    const rows = ['名称,邮箱,累计金额,签约日期,备注说明'];
    for (let index = 1; index <= 12_000; index += 1)
      rows.push(
        `批量客户${index},bulk${index}@example.com,"${(index * 1000).toLocaleString('en-US')}.25",2024/${(index % 12) + 1}/${(index % 28) + 1},${'说明'.repeat(8)}`,
      );
    rows[5000] = '批量客户坏,bad-email,1,2024-01-01,x';
    const csv = rows.join('\n');
    expect(Buffer.byteLength(csv)).toBeGreaterThan(1024 * 1024); // over the JSON body limit
    expect(Buffer.byteLength(csv)).toBeLessThan(MAX_IMPORT_BYTES);
    const form = new FormData();
    form.append('file', new Blob([csv], { type: 'text/csv' }), 'bulk.csv');
    form.append(
      'mapping',
      JSON.stringify({ 名称: 'name', 邮箱: 'email', 累计金额: 'total_amount', 签约日期: 'since' }),
    );
    const response = await fetch(`${t.url}${recordsPath('customer')}/import`, {
      method: 'POST',
      headers: { authorization: `Bearer ${adminToken}` },
      body: form,
    });
    expect(response.status).toBe(202);
    const { jobId } = (await response.json()) as { jobId: string };

    const { client: staff } = await userWithRole('staff');
    const hidden = await refusal(staff.http.request('GET', `/api/jobs/${jobId}`));
    expect(hidden.status).toBe(404);

    let job: { status: string; progress: number; result: ImportResult | null } | undefined;
    for (let attempt = 0; attempt < 600; attempt += 1) {
      job = await t.admin.http.request('GET', `/api/jobs/${jobId}`);
      if (job!.status === 'completed' || job!.status === 'failed') break;
      expect(job!.progress).toBeGreaterThanOrEqual(0);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(job).toMatchObject({ status: 'completed', progress: 1 });
    expect(job!.result).toEqual({
      created: 11_999,
      updated: 0,
      failed: [{ row: 5000, errors: [{ path: '/email', message: 'must be an email address' }] }],
    });
    const [landed] = await t.sql<{ n: number }>(
      `SELECT count(*)::int AS n FROM app_crm.customer WHERE name LIKE '批量客户%'`,
    );
    expect(landed!.n).toBe(11_999);
    expect(await byName('批量客户12000')).toMatchObject({
      total_amount: 12_000_000.25,
      since: '2024-01-17',
    });
    const [history] = await t.sql<{ n: number }>(
      `SELECT count(*)::int AS n FROM formwork.record_history WHERE action = 'import' AND after->>'name' LIKE '批量客户%'`,
    );
    expect(history!.n).toBe(11_999);
  });
});

const userWithRole = (role: 'viewer' | 'staff') => t.userWith([role]);

describe('records export', () => {
  beforeAll(async () => {
    await t.admin.entities.put('crm', {
      key: 'product',
      name: '产品',
      fields: [
        { key: 'name', name: '名称', type: 'text', required: true },
        { key: 'price', name: '价格', type: 'money' },
        {
          key: 'kind',
          name: '类别',
          type: 'select',
          options: [
            { value: 'a', label: '甲类' },
            { value: 'b', label: '乙类' },
          ],
        },
        {
          key: 'labels',
          name: '标签',
          type: 'multiselect',
          options: [
            { value: 'hot', label: '热销' },
            { value: 'new', label: '新品' },
          ],
        },
        { key: 'released', name: '上市日期', type: 'date' },
        { key: 'updated', name: '更新时间', type: 'datetime' },
        { key: 'stocked', name: '有货', type: 'boolean' },
        { key: 'discount', name: '折扣', type: 'percent' },
        { key: 'note', name: '备注', type: 'longtext' },
      ],
    });
    const result = await importCsv(
      [
        '名称,价格,类别,标签,上市日期,更新时间,有货,折扣,备注',
        '茶杯,"1,280.00",甲类,热销;新品,2023-12-01,2024-01-02 03:04:05,是,15%,"第一行\n第二行, 含逗号"',
        '茶壶,99.5,乙类,新品,2023/11/30,,否,,=1+1',
        '茶盘,500,甲类,,2024年2月1日,2024-02-01T00:00:00Z,true,5%,',
        '茶叶,20,乙类,热销,,,,,',
      ].join('\n'),
      'product',
    );
    expect(result).toEqual({ created: 4, updated: 0, failed: [] });
    const teapot = await byName('茶叶', 'product');
    await t.admin.records.delete('crm', 'product', teapot.id);
  });

  it('streams CSV (UTF-8 BOM, display names) that respects filter and sort and skips deleted records', async () => {
    const response = await download('product', 'csv', {
      filter: { field: 'kind', op: 'in', value: ['a', 'b'] },
      sort: '-price',
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(response.headers.get('content-disposition')).toBe('attachment; filename="product.csv"');
    const bytes = Buffer.from(await response.arrayBuffer());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const [header, ...rows] = parseCsv(bytes.subarray(3).toString('utf8').trimEnd());
    expect(header).toEqual([
      'id',
      '名称',
      '价格',
      '类别',
      '标签',
      '上市日期',
      '更新时间',
      '有货',
      '折扣',
      '备注',
    ]);
    expect(rows.map((row) => row[1])).toEqual(['茶杯', '茶盘', '茶壶']);
    expect(rows[0]!.slice(1)).toEqual([
      '茶杯',
      '1280.00',
      '甲类',
      '热销;新品',
      '2023-12-01',
      '2024-01-02T03:04:05Z',
      'true',
      '15%',
      '第一行\n第二行, 含逗号',
    ]);
    expect(rows[2]![9]).toBe("'=1+1"); // a formula is not run when Excel opens the file

    const filtered = await download('product', 'csv', {
      filter: { field: 'price', op: 'lt', value: 600 },
      sort: 'name',
    });
    const [, ...cheap] = parseCsv((await filtered.text()).replace(/^\uFEFF/, '').trimEnd());
    expect(cheap.map((row) => row[1]).sort()).toEqual(['茶壶', '茶盘'].sort());

    const bad = await download('product', 'pdf' as 'csv');
    expect(bad.status).toBe(400);
    expect(bad.headers.get('content-type')).toContain('application/problem+json');
    const badSort = await download('product', 'csv', { sort: 'nope' });
    expect(badSort.status).toBe(400);
  });

  it('round-trips XLSX: export, then import into a fresh entity', async () => {
    const response = await download('product', 'xlsx', { sort: 'name' });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-disposition')).toBe('attachment; filename="product.xlsx"');
    const xlsx = Buffer.from(await response.arrayBuffer());
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsx as unknown as ArrayBuffer);
    expect(workbook.worksheets[0]!.getRow(1).getCell(2).value).toBe('名称');
    expect(workbook.worksheets[0]!.rowCount).toBe(4);

    const source = await t.admin.entities.get('crm', 'product');
    await t.admin.entities.put('crm', {
      key: 'product_copy',
      name: '产品副本',
      fields: source.fields,
    });
    const imported = (await t.admin.records.importFile(
      'crm',
      'product_copy',
      new Blob([xlsx]),
      'product.xlsx',
      { id: null } as unknown as Record<string, string>,
    )) as ImportResult;
    expect(imported).toEqual({ created: 3, updated: 0, failed: [] });
    const strip = ({
      id: _id,
      version: _v,
      created_at: _c,
      updated_at: _u,
      ...rest
    }: EntityRecord) => rest;
    const original = (await t.admin.records.list('crm', 'product', { sort: 'name' })).items.map(
      strip,
    );
    const copy = (await t.admin.records.list('crm', 'product_copy', { sort: 'name' })).items.map(
      strip,
    );
    expect(copy).toEqual(original);
    expect(copy.find((record) => record.name === '茶杯')).toMatchObject({
      labels: ['hot', 'new'],
      discount: 0.15,
      released: '2023-12-01',
      updated: '2024-01-02T03:04:05.000Z',
      note: '第一行\n第二行, 含逗号',
    });
  });

  it('exports an empty entity as a header row only', async () => {
    await t.admin.entities.put('crm', {
      key: 'empty_one',
      name: 'Empty',
      fields: [{ key: 'title', name: 'Title', type: 'text' }],
    });
    const response = await download('empty_one', 'csv');
    expect(response.status).toBe(200);
    expect(Buffer.from(await response.arrayBuffer()).toString('utf8')).toBe('\uFEFFid,Title\r\n');
  });
});
