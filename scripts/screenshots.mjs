#!/usr/bin/env node
// Takes the screenshots of docs/user-guide.md from a running Formwork engine.
//
//   node scripts/screenshots.mjs [url] [admin-email] [admin-password]
//
// or with FORMWORK_URL, FORMWORK_ADMIN_EMAIL and FORMWORK_ADMIN_PASSWORD in the environment
// (defaults: http://localhost:3000, admin@formwork.local, no password). Use a fresh, throwaway
// engine (its own FORMWORK_DATA_DIR): the script adds sample users (王芳, 李雷, 张伟, 陈静), logs
// them in and makes one failed login so that the tables and the audit log have something to show;
// at the end it locks 李雷 out with ten wrong passwords (for FORMWORK_LOGIN_WINDOW). Each run counts
// about a dozen failed logins against 127.0.0.1: more than four runs within one window lock the
// address out too (wait for the window to end, or use a fresh engine).
// Chromium is taken from FORMWORK_CHROMIUM (default /usr/bin/chromium); Chinese needs CJK fonts
// (e.g. apt-get install fonts-noto-cjk). Output: docs/screenshots/*.png.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(path.join(root, 'apps/engine/package.json'));
const { chromium } = require('playwright-core');

const [argUrl, argEmail, argPassword] = process.argv.slice(2);
const BASE_URL = (argUrl ?? process.env.FORMWORK_URL ?? 'http://localhost:3000').replace(/\/$/, '');
const ADMIN_EMAIL = argEmail ?? process.env.FORMWORK_ADMIN_EMAIL ?? 'admin@formwork.local';
const ADMIN_PASSWORD = argPassword ?? process.env.FORMWORK_ADMIN_PASSWORD;
const CHROMIUM = process.env.FORMWORK_CHROMIUM ?? '/usr/bin/chromium';
const OUT_DIR = path.join(root, 'docs/screenshots');

if (!ADMIN_PASSWORD) {
  console.error('Usage: node scripts/screenshots.mjs <url> <admin-email> <admin-password>');
  process.exit(2);
}

/** FORMWORK_SHOTS=crm (or admin) takes one group only; both by default. */
const GROUPS = new Set((process.env.FORMWORK_SHOTS ?? 'admin,crm').split(',').map((g) => g.trim()));

const DESKTOP = { width: 1280, height: 800 };
const PHONE = { width: 390, height: 844 };

/** Sample users: realistic for a Chinese customer-service team, one per role. */
const SAMPLE_PASSWORD = 'sample-password-1';
const SAMPLE_USERS = [
  { email: 'wang.fang@example.com', name: '王芳', roles: ['staff'] }, // 销售经理
  { email: 'li.lei@example.com', name: '李雷', roles: ['staff'] }, // 客服
  { email: 'zhang.wei@example.com', name: '张伟', roles: ['viewer'] },
  { email: 'chen.jing@example.com', name: '陈静', roles: ['builder'] },
];
const VIEWER = SAMPLE_USERS[2];

async function api(method, route, { token, body } = {}) {
  const response = await fetch(`${BASE_URL}${route}`, {
    method,
    headers: {
      ...(body ? { 'content-type': 'application/json' } : {}),
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    body: body ? JSON.stringify(body) : undefined,
  });
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : undefined };
}

async function login(email, password) {
  const { status, body } = await api('POST', '/api/auth/login', { body: { email, password } });
  if (status !== 200 && status !== 201) throw new Error(`Login as ${email} failed: HTTP ${status}`);
  return body.token;
}

/** Creates the sample users, or resets their name, roles and password when they exist. */
async function seedUsers(adminToken) {
  const { body: page } = await api('GET', '/api/users?limit=500', { token: adminToken });
  for (const user of SAMPLE_USERS) {
    const existing = page.items.find((item) => item.email === user.email);
    const result = existing
      ? await api('PATCH', `/api/users/${existing.id}`, {
          token: adminToken,
          body: { name: user.name, roles: user.roles, active: true, password: SAMPLE_PASSWORD },
        })
      : await api('POST', '/api/users', {
          token: adminToken,
          body: { ...user, password: SAMPLE_PASSWORD },
        });
    if (result.status >= 300) {
      throw new Error(
        `Could not save ${user.email}: HTTP ${result.status} ${JSON.stringify(result.body)}`,
      );
    }
  }
  // Some activity for "Last login" and the audit log: two logins and one mistyped password.
  await login('wang.fang@example.com', SAMPLE_PASSWORD);
  await login('chen.jing@example.com', SAMPLE_PASSWORD);
  await api('POST', '/api/auth/login', {
    body: { email: 'li.lei@example.com', password: 'wrong-password' },
  });
}

async function shoot(page, name) {
  await page.waitForLoadState('networkidle');
  // Let antd's enter animations (modals, drawers, tabs) settle.
  await page.waitForTimeout(400);
  // No hover highlight on the button just clicked.
  await page.mouse.move(1, page.viewportSize().height - 1);
  await page.screenshot({ path: path.join(OUT_DIR, name), animations: 'disabled', caret: 'hide' });
  console.log(`docs/screenshots/${name}`);
}

async function logIn(page, email, password) {
  await page.goto('/login');
  await page.getByTestId('login-email').fill(email);
  await page.getByTestId('login-password').fill(password);
  await page.getByTestId('login-submit').click();
  await page.getByTestId('app-shell').waitFor();
}

async function switchLanguage(page, label) {
  await page.getByTestId('lang-switch').getByText(label, { exact: true }).click();
  await page.locator(`html[lang="${label === '中文' ? 'zh-CN' : 'en'}"]`).waitFor();
}

async function newPage(browser, viewport) {
  const context = await browser.newContext({
    baseURL: BASE_URL,
    viewport,
    deviceScaleFactor: 1,
    locale: 'en-US',
    timezoneId: 'Asia/Shanghai',
    isMobile: viewport.width < 768,
    hasTouch: viewport.width < 768,
  });
  return context.newPage();
}

/** The sample CRM of the entity designer and records screenshots: app crm (客户管理). */
const CUSTOMER = {
  key: 'customer',
  name: '客户',
  fields: [
    { key: 'name', name: '名称', type: 'text', required: true },
    {
      key: 'city',
      name: '城市',
      type: 'select',
      options: ['北京', '上海', '广州', '深圳'].map((value) => ({ value })),
    },
    {
      key: 'level',
      name: '客户等级',
      type: 'select',
      options: ['A', 'B', 'C'].map((value) => ({ value })),
    },
    { key: 'total_amount', name: '累计金额', type: 'money' },
    { key: 'phone', name: '电话', type: 'phone' },
  ],
};
const ORDER = {
  key: 'order',
  name: '订单',
  fields: [
    { key: 'amount', name: '金额', type: 'money', required: true },
    { key: 'customer', name: '客户', type: 'relation', target: 'customer' },
    { key: 'ordered_at', name: '下单时间', type: 'datetime' },
  ],
};
const CUSTOMERS = [
  ['上海华东贸易有限公司', '上海', 'A', 286500, '021-62345678'],
  ['北京中关村科技发展有限公司', '北京', 'A', 412300.5, '010-82561234'],
  ['广州天河商贸有限公司', '广州', 'B', 98200, '020-38765432'],
  ['深圳前海数码科技有限公司', '深圳', 'A', 356800, '0755-86543210'],
  ['上海浦东物流有限公司', '上海', 'B', 124600, '021-58901234'],
  ['北京朝阳文化传媒有限公司', '北京', 'C', 18900, '010-65432198'],
  ['上海静安餐饮管理有限公司', '上海', 'C', 36750.8, '021-62781234'],
  ['广州白云医药有限公司', '广州', 'A', 267400, '020-86123456'],
  ['深圳南山电子有限公司', '深圳', 'B', 143200, '0755-26781234'],
  ['上海徐汇教育咨询有限公司', '上海', 'B', 75300, '021-64321987'],
  ['北京海淀软件有限公司', '北京', 'B', 156000, '010-62789012'],
  ['杭州西湖茶业有限公司', null, 'C', 12800, '0571-87654321'],
  ['上海闵行机械制造有限公司', '上海', 'A', 198450, '021-54123678'],
  ['深圳宝安服装有限公司', '深圳', 'C', 26300, '0755-27654321'],
  ['广州番禺家具有限公司', '广州', 'B', 88900, '020-84567890'],
];

/** Deletes and recreates the app crm with its two entities, 15 customers and a few orders. */
async function seedCrm(token) {
  const fail = (what, result) => {
    throw new Error(`${what}: HTTP ${result.status} ${JSON.stringify(result.body)}`);
  };
  const call = async (method, route, body, what) => {
    const result = await api(method, route, { token, body });
    if (result.status >= 300) fail(what, result);
    return result.body;
  };
  const existing = await api('GET', '/api/apps/crm', { token });
  if (existing.status === 200)
    await call('DELETE', '/api/apps/crm?confirm=crm', undefined, 'Delete crm');
  await call(
    'POST',
    '/api/apps',
    { key: 'crm', name: '客户管理', description: '客户、订单与回访' },
    'Create crm',
  );
  await call('PUT', '/api/apps/crm/entities/customer', CUSTOMER, 'Create customer');
  await call('PUT', '/api/apps/crm/entities/order', ORDER, 'Create order');
  const ids = {};
  for (const [name, city, level, total_amount, phone] of CUSTOMERS) {
    const record = await call(
      'POST',
      '/api/apps/crm/entities/customer/records',
      { name, city, level, total_amount, phone },
      `Create ${name}`,
    );
    ids[name] = record.id;
  }
  const orders = [
    ['上海华东贸易有限公司', 56000, '2024-03-05T10:20:00+08:00'],
    ['上海华东贸易有限公司', 12800, '2024-04-18T15:05:00+08:00'],
    ['北京中关村科技发展有限公司', 98000, '2024-03-12T09:30:00+08:00'],
    ['深圳前海数码科技有限公司', 43500, '2024-05-02T14:00:00+08:00'],
    ['上海浦东物流有限公司', 8650.5, '2024-05-20T11:45:00+08:00'],
  ];
  for (const [customer, amount, ordered_at] of orders) {
    await call(
      'POST',
      '/api/apps/crm/entities/order/records',
      { amount, customer: ids[customer], ordered_at },
      'Create order',
    );
  }
  return ids;
}

/** Apps, the entity designer and the records grid of the sample CRM. */
async function shootCrm(browser, token) {
  const ids = await seedCrm(token);
  // One edit for the history tab: 上海浦东物流 moved up a level after a big order.
  const patched = await api(
    'PATCH',
    `/api/apps/crm/entities/customer/records/${ids['上海浦东物流有限公司']}`,
    {
      token,
      body: { level: 'A', total_amount: 133250.5 },
    },
  );
  if (patched.status !== 200) throw new Error(`Could not edit a customer: HTTP ${patched.status}`);

  const page = await newPage(browser, DESKTOP);
  page.setDefaultTimeout(15_000);
  await logIn(page, ADMIN_EMAIL, ADMIN_PASSWORD);
  await page.goto('/apps');
  await page.getByTestId('app-card-crm').waitFor();
  await shoot(page, 'apps-list-en.png');

  // The designer in Chinese.
  await page.goto('/apps/crm/entities/customer/design');
  await page.getByTestId('field-row-4').waitFor();
  await switchLanguage(page, '中文');
  await shoot(page, 'entity-designer-zh.png');
  await switchLanguage(page, 'English');

  // Add a field and review: the change plan.
  await page.getByTestId('field-add').click();
  const added = page.getByTestId('field-row-5');
  await added.getByTestId('field-key').fill('email');
  await added.getByTestId('field-name').fill('邮箱');
  await added.getByTestId('field-type').click();
  await page.keyboard.type('Email');
  await page
    .locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden)')
    .locator('.ant-select-item-option[title="Email"]')
    .click();
  await added.getByTestId('field-indexed').click();
  await page.getByTestId('entity-review').click();
  await page.getByTestId('plan-steps').waitFor();
  await shoot(page, 'entity-change-plan-en.png');
  await page.getByTestId('plan-cancel').click();
  await page.getByTestId('change-plan').waitFor({ state: 'detached' });
  await added.getByTestId('field-remove').click();

  // Making city unique while several customers share a city: refused, with the data-loss report.
  const city = page.getByTestId('field-list').locator('[data-field-key="city"]');
  await city.getByTestId('field-unique').click();
  await page.getByTestId('entity-review').click();
  await page.getByTestId('data-loss-report').waitFor();
  await shoot(page, 'entity-data-loss-en.png');
  await page.getByTestId('plan-cancel').click();
  await city.getByTestId('field-unique').click();

  // The grid: city = 上海, by amount (descending), with its filter builder.
  const filter = JSON.stringify({ field: 'city', op: 'eq', value: '上海' });
  const grid = `/apps/crm/entities/customer/records?filter=${encodeURIComponent(filter)}&sort=-total_amount`;
  await page.goto(grid);
  await page.getByTestId('record-row').first().waitFor();
  await page.getByTestId('filter-builder').waitFor(); // open by itself when a filter is set
  await shoot(page, 'records-grid-en.png');

  // A record's history after the edit above.
  await page
    .getByTestId('record-row')
    .filter({ hasText: '上海浦东物流有限公司' })
    .getByTestId('record-open')
    .click();
  const drawer = page.getByTestId('record-detail');
  await drawer.getByTestId('record-tab-history').click();
  await drawer.getByTestId('history-entry').first().waitFor();
  await shoot(page, 'record-drawer-history-en.png');
  await page.keyboard.press('Escape');
  await drawer.waitFor({ state: 'detached' });

  // Import a CSV with Chinese headers, a thousands separator and one bad amount.
  const csvDir = mkdtempSync(path.join(os.tmpdir(), 'formwork-shots-'));
  const csv = path.join(csvDir, '客户导入.csv');
  writeFileSync(
    csv,
    '\uFEFF名称,城市,客户等级,累计金额,电话\n' +
      '上海长宁广告有限公司,上海,B,"12,800.00",021-62198765\n' +
      '北京东城律师事务所,北京,A,"56,000",010-65123498\n' +
      '广州越秀酒店管理有限公司,广州,C,十万,020-83345678\n' +
      '深圳福田投资咨询有限公司,深圳,B,7500.5,0755-83216547\n',
  );
  try {
    await page.getByTestId('import-open').click();
    const modal = page.getByTestId('import-modal');
    await modal.locator('input[type="file"]').setInputFiles(csv);
    await modal.getByTestId('import-preview').getByText('广州越秀酒店管理有限公司').waitFor();
    await page.getByTestId('import-submit').click();
    await modal.getByTestId('import-result').waitFor();
    await shoot(page, 'records-import-en.png');
    await page.getByTestId('import-done').click();
    await modal.waitFor({ state: 'detached' });
  } finally {
    rmSync(csvDir, { recursive: true, force: true });
  }
  await page.context().close();
}

async function main() {
  mkdirSync(OUT_DIR, { recursive: true });
  const adminToken = await login(ADMIN_EMAIL, ADMIN_PASSWORD);
  if (GROUPS.has('admin')) await seedUsers(adminToken);

  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  try {
    if (GROUPS.has('admin')) await shootAdmin(browser);
    if (GROUPS.has('crm')) await shootCrm(browser, adminToken);
  } finally {
    await browser.close();
  }
}

/** Login, shell, users, audit log, phone and throttling: the admin screenshots. */
async function shootAdmin(browser) {
  // The viewer first, so that the audit log shows their login.
  const viewer = await newPage(browser, DESKTOP);
  await logIn(viewer, VIEWER.email, SAMPLE_PASSWORD);
  await viewer.goto('/admin/users');
  await viewer.getByTestId('forbidden').waitFor();
  await shoot(viewer, 'forbidden-en.png');
  await viewer.context().close();

  const admin = await newPage(browser, DESKTOP);
  await admin.goto('/login');
  await admin.getByTestId('login-form').waitFor();
  await shoot(admin, 'login-en.png');
  await switchLanguage(admin, '中文');
  await shoot(admin, 'login-zh.png');
  await switchLanguage(admin, 'English');

  await logIn(admin, ADMIN_EMAIL, ADMIN_PASSWORD);
  await admin.waitForURL('**/apps');
  await shoot(admin, 'shell-apps-en.png');

  await admin.getByTestId('nav').getByText('Admin', { exact: true }).click();
  await admin.getByTestId('users-table').locator('tbody tr').nth(SAMPLE_USERS.length).waitFor();
  await switchLanguage(admin, '中文');
  await shoot(admin, 'admin-users-zh.png');
  await switchLanguage(admin, 'English');

  await admin.getByTestId('user-new').click();
  await admin.getByTestId('user-email').fill('zhao.min#example.com');
  await admin.getByTestId('user-name').fill('赵敏');
  await admin.getByTestId('user-password').fill('welcome-2024');
  await admin.getByRole('dialog').getByRole('button', { name: 'Create' }).click();
  await admin.getByText('Please enter a valid email address').waitFor();
  await shoot(admin, 'admin-new-user-en.png');
  await admin.getByRole('dialog').getByRole('button', { name: 'Cancel' }).click();
  await admin.getByRole('dialog').waitFor({ state: 'hidden' });

  await admin.getByTestId('admin-tab-audit').click();
  const auditRows = admin.getByTestId('audit-table').locator('tbody tr.ant-table-row');
  await auditRows.first().waitFor();
  // Expand the newest user.create entry to show its before/after.
  const created = auditRows.filter({ hasText: 'user.create' }).first();
  await created.getByRole('button').first().click();
  await admin.locator('.ant-table-expanded-row').first().waitFor();
  await admin.evaluate(() => globalThis.scrollTo(0, 0)); // expanding may have scrolled the row into view
  await shoot(admin, 'admin-audit-en.png');
  await admin.context().close();

  const phone = await newPage(browser, PHONE);
  await logIn(phone, ADMIN_EMAIL, ADMIN_PASSWORD);
  await phone.getByTestId('nav-toggle').click();
  await phone.getByTestId('nav').waitFor();
  await shoot(phone, 'mobile-shell.png');
  await phone.context().close();

  // Last, as it floods the audit log: ten wrong passwords lock the account for the window.
  for (let attempt = 0; attempt < 10; attempt += 1) {
    const { status } = await api('POST', '/api/auth/login', {
      body: { email: 'li.lei@example.com', password: 'wrong-password' },
    });
    if (status === 429) break;
  }
  const locked = await newPage(browser, DESKTOP);
  await locked.goto('/login');
  await locked.getByTestId('login-email').fill('li.lei@example.com');
  await locked.getByTestId('login-password').fill(SAMPLE_PASSWORD);
  await locked.getByTestId('login-submit').click();
  await locked.getByText('Too many login attempts').waitFor();
  await shoot(locked, 'login-throttled-en.png');
  await locked.context().close();
}

await main();
