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
// The groups forms, classifiers and flows recreate crm too, and add through the API client the
// entity 客户回访, the fields and form of 首次回访 and the draft of the flow 新客户关怀; the survey
// 客户回访, the ABC table and the flow's fix and publication are done in the UI. Run flows once
// per engine: the engine keeps compiled flow versions by app, key and version, so a recreated
// 新客户关怀 would run the previous one's steps there.
// Chromium is taken from FORMWORK_CHROMIUM (default /usr/bin/chromium); Chinese needs CJK fonts
// (e.g. apt-get install fonts-noto-cjk). Output: docs/screenshots/*.png.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(path.join(root, 'apps/engine/package.json'));
const { chromium } = require('playwright-core');
/** The typed API client (packages/client), for seeding what clicking would make slow. */
const { FormworkClient } = await import(pathToFileURL(require.resolve('@formwork/client')).href);

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

/** FORMWORK_SHOTS=crm,forms (any of admin, crm, forms, classifiers, flows) takes those groups only. */
const GROUPS = new Set(
  (process.env.FORMWORK_SHOTS ?? 'admin,crm,forms,classifiers,flows')
    .split(',')
    .map((group) => group.trim()),
);

const DESKTOP = { width: 1280, height: 800 };
const PHONE = { width: 390, height: 844 };
/** The flow editor: palette, canvas and side panel side by side. */
const WIDE = { width: 1440, height: 960 };

/** Sample users: realistic for a Chinese customer-service team, one per role. */
const SAMPLE_PASSWORD = 'sample-password-1';
const SAMPLE_USERS = [
  { email: 'wang.fang@example.com', name: '王芳', roles: ['staff'] }, // 销售经理
  { email: 'li.lei@example.com', name: '李雷', roles: ['staff'] }, // 客服
  { email: 'zhang.wei@example.com', name: '张伟', roles: ['viewer'] },
  { email: 'chen.jing@example.com', name: '陈静', roles: ['builder'] },
];
const STAFF = SAMPLE_USERS[0];
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
async function saveSampleUsers(adminToken) {
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
}

/** The sample users, with some activity for "Last login" and the audit log. */
async function seedUsers(adminToken) {
  await saveSampleUsers(adminToken);
  // Two logins and one mistyped password.
  await login('wang.fang@example.com', SAMPLE_PASSWORD);
  await login('chen.jing@example.com', SAMPLE_PASSWORD);
  await api('POST', '/api/auth/login', {
    body: { email: 'li.lei@example.com', password: 'wrong-password' },
  });
}

/**
 * Saves a screenshot of the page once it is still. `fullPage` grows the window to the page's
 * height for that shot (so that the navigation runs down the whole side), then restores it.
 */
async function shoot(page, name, { fullPage = false } = {}) {
  await page.waitForLoadState('networkidle');
  // No "… saved" toast left over from the step before.
  await page.locator('.ant-message-notice').first().waitFor({ state: 'detached', timeout: 10_000 });
  const viewport = page.viewportSize();
  if (fullPage) {
    const height = await page.evaluate(() => globalThis.document.documentElement.scrollHeight);
    if (height > viewport.height) await page.setViewportSize({ ...viewport, height });
  }
  // Let antd's enter animations (modals, drawers, tabs) settle.
  await page.waitForTimeout(400);
  // No hover highlight on the button just clicked.
  await page.mouse.move(1, page.viewportSize().height - 1);
  await page.screenshot({ path: path.join(OUT_DIR, name), animations: 'disabled', caret: 'hide' });
  if (fullPage) await page.setViewportSize(viewport);
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

async function newPage(browser, viewport, { locale = 'en-US' } = {}) {
  const context = await browser.newContext({
    baseURL: BASE_URL,
    viewport,
    deviceScaleFactor: 1,
    locale,
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

/**
 * Opens an antd select and picks the option with this label in the list this select controls
 * (another select's list may still be closing); tries again until the select shows the choice.
 * With `search`, types it first (a relation searches the records on the server).
 */
async function choose(page, select, label, { search } = {}) {
  const open = select.locator('[role="combobox"][aria-expanded="true"][aria-controls]');
  for (let attempt = 1; attempt <= 3; attempt += 1) {
    try {
      await select.click();
      if (search) await page.keyboard.type(search);
      // The list's id is set once it has opened.
      await open.waitFor({ timeout: 3_000 });
      const list = await open.getAttribute('aria-controls');
      await page
        .locator('.ant-select-dropdown')
        .filter({ has: page.locator(`[id="${list}"]`) })
        .locator(`.ant-select-item-option[title="${label}"]`)
        .click({ timeout: 5_000 });
    } catch {
      // It re-rendered while opening: close what may be open, and try again.
      await page.keyboard.press('Escape');
      continue;
    }
    for (let wait = 0; wait < 20; wait += 1) {
      if ((await select.textContent())?.includes(label)) return;
      await page.waitForTimeout(50);
    }
  }
  throw new Error(`Could not choose ${label}`);
}

/** The antd select around the RJSF input with this id. */
const selectOf = (page, id) => page.locator('.ant-select').filter({ has: page.locator(`#${id}`) });

/** The API client as the administrator. */
const adminClient = (token) => new FormworkClient({ baseUrl: BASE_URL }).useToken(token);

/** 客户回访: one call or visit to a customer, what the survey form fills in. */
const VISIT = {
  key: 'visit',
  name: '客户回访',
  fields: [
    { key: 'contact', name: '联系人', type: 'text', required: true },
    // Not required: the public page cannot pick a record (a customer link sets it).
    { key: 'customer', name: '客户', type: 'relation', target: 'customer' },
    { key: 'email', name: '联系邮箱', type: 'email' },
    { key: 'visit_date', name: '回访日期', type: 'date' },
    {
      key: 'kind',
      name: '回访类型',
      type: 'select',
      options: [
        { value: 'routine', label: '日常回访' },
        { value: 'complaint', label: '投诉' },
        { value: 'suggestion', label: '建议' },
      ],
    },
    { key: 'details', name: '投诉详情', type: 'longtext' },
    { key: 'score', name: '满意度', type: 'integer' },
  ],
};

/** The sample CRM plus the entity 客户回访 with two visits already on record. */
async function seedVisits(token) {
  const ids = await seedCrm(token);
  const client = adminClient(token);
  await client.entities.put('crm', VISIT);
  for (const [customer, contact, visit_date, kind, score] of [
    ['北京中关村科技发展有限公司', '周总', '2024-05-28', 'routine', 9],
    ['广州天河商贸有限公司', '陈小姐', '2024-05-30', 'suggestion', 7],
  ]) {
    await client.records.create('crm', 'visit', {
      customer: ids[customer],
      contact,
      visit_date,
      kind,
      score,
    });
  }
  return ids;
}

/** Designs the survey 客户回访 in the designer, fills it in as staff, shares it, answers it on a phone. */
async function shootForms(browser, token) {
  await seedVisits(token);
  await saveSampleUsers(token);

  const page = await newPage(browser, DESKTOP);
  page.setDefaultTimeout(15_000);
  await logIn(page, ADMIN_EMAIL, ADMIN_PASSWORD);

  // New form: over 客户回访, named 客户回访, key survey.
  await page.goto('/apps/crm');
  await page.getByTestId('forms-section').getByTestId('forms-empty').waitFor();
  await page.getByTestId('form-new').click();
  await choose(page, page.getByTestId('form-create-entity'), '客户回访 (visit)');
  await page.getByTestId('form-create-name').fill('客户回访');
  await page.getByTestId('form-create-key').fill('survey');
  await shoot(page, 'form-new-en.png');
  await page.getByTestId('form-create-save').click();
  await page.waitForURL('**/apps/crm/forms/survey/design');
  await page.getByTestId('form-designer-field-score').waitFor();

  // Two sections: 基本信息 and 回访评价; the last three fields move down with Alt+↓.
  await page.getByTestId('form-designer-layout').getByText('Sections').click();
  await page.getByTestId('form-group-title-main').fill('基本信息');
  await page.getByTestId('form-group-add').click();
  await page.getByTestId('form-group-title-group_2').fill('回访评价');
  const second = page
    .getByRole('region', { name: 'On the form' })
    .getByTestId('form-group-group_2');
  for (const [key, name] of [
    ['score', '满意度'],
    ['details', '投诉详情'],
    ['kind', '回访类型'],
  ]) {
    await page
      .getByTestId(`form-designer-field-${key}`)
      .getByRole('button', { name: `Edit ${name}` })
      .focus();
    await page.keyboard.press('Alt+ArrowDown');
    await second.getByTestId(`form-designer-field-${key}`).waitFor();
  }

  // 满意度 as NPS 0–10; 投诉详情 shown only when 回访类型 is 投诉.
  const settings = page.getByTestId('form-field-settings');
  const preview = page.getByTestId('form-preview');
  await page.getByTestId('form-designer-field-score').getByRole('button').first().click();
  await choose(page, settings.getByTestId('field-setting-widget'), 'NPS 0–10');
  await preview.getByTestId('nps-preview_score').waitFor();
  await page.getByTestId('form-designer-field-details').getByRole('button').first().click();
  await settings.getByTestId('field-setting-show-when-add').click();
  await choose(page, settings.getByTestId('field-setting-show-when-field'), '回访类型');
  await choose(page, settings.getByTestId('field-setting-show-when-value'), '投诉');
  await page.getByTestId('form-designer-field-details').getByText('Conditional').waitFor();
  await settings.getByTestId('field-setting-placeholder').fill('何时、何地、发生了什么');
  // The preview follows: 投诉详情 appears once 投诉 is chosen.
  await choose(page, selectOf(page, 'preview_kind'), '投诉');
  await preview.locator('#preview_details').waitFor();
  await page.getByTestId('form-designer-save').click();
  await page.getByTestId('form-designer-dirty').waitFor({ state: 'detached' });
  await shoot(page, 'form-designer-en.png', { fullPage: true });

  // Publish: the Share tab, in Chinese.
  await page.getByRole('tab', { name: 'Share' }).click();
  const share = page.getByTestId('form-share-panel');
  await share.getByTestId('form-share-public').click();
  await share.getByTestId('form-share-save-first').waitFor();
  await page.getByTestId('form-designer-save').click();
  await page.getByTestId('form-designer-dirty').waitFor({ state: 'detached' });
  await share.getByTestId('form-share-qr').waitFor();
  const link = await share.getByTestId('form-share-link').inputValue();
  await switchLanguage(page, '中文');
  await shoot(page, 'form-share-zh.png');
  await switchLanguage(page, 'English');

  // A second form of 客户回访, so that "Fill form" in the grid offers a choice.
  await adminClient(token).forms.put('crm', 'quick_visit', {
    name: '电话快速回访',
    entity: 'visit',
  });
  await page.context().close();

  // Staff (王芳) fill the survey in: a mistyped email is explained under its field.
  const staff = await newPage(browser, DESKTOP);
  staff.setDefaultTimeout(15_000);
  await logIn(staff, STAFF.email, SAMPLE_PASSWORD);
  await staff.goto('/apps/crm');
  await staff.getByTestId('form-fill-survey').click();
  await staff.waitForURL('**/apps/crm/forms/survey/fill');
  const form = staff.getByTestId('form-fill');
  await choose(staff, selectOf(staff, 'root_customer'), '上海华东贸易有限公司', {
    search: '华东',
  });
  await form.locator('#root_contact').fill('刘经理');
  await form.locator('#root_email').fill('liu.jingli#huadong-trade.com');
  await form.locator('#root_visit_date').fill('2024-06-03');
  await form.locator('#root_visit_date').press('Enter');
  await choose(staff, selectOf(staff, 'root_kind'), '投诉');
  await form
    .locator('#root_details')
    .fill('6月1日送货晚了两天，仓库临时加班卸货，希望以后提前通知。');
  await form.getByTestId('nps-root_score').getByRole('radio', { name: '4' }).click();
  await form.getByTestId('form-submit').click();
  await form.locator('.ant-form-item-explain-error').first().waitFor();
  await shoot(staff, 'form-fill-error-en.png', { fullPage: true });
  await form.locator('#root_email').fill('liu.jingli@huadong-trade.com');
  await form.getByTestId('form-submit').click();
  await staff.getByTestId('form-fill-success').waitFor();

  // "Fill form" in the records grid of 客户回访: on a row, it edits that visit through a form.
  await staff.goto('/apps/crm/entities/visit/records?sort=-visit_date');
  await staff.getByTestId('record-row').nth(2).waitFor();
  await staff
    .getByTestId('record-row')
    .filter({ hasText: '刘经理' })
    .getByTestId('record-fill-form')
    .click();
  await staff.getByTestId('record-fill-form-quick_visit').waitFor();
  await shoot(staff, 'records-fill-form-en.png');
  await staff.context().close();

  // The public link on a phone, in Chinese: 投诉详情 appears as 投诉 is chosen.
  const phone = await newPage(browser, PHONE, { locale: 'zh-CN' });
  phone.setDefaultTimeout(15_000);
  await phone.goto(link);
  await phone.getByRole('heading', { name: '客户回访', level: 1 }).waitFor();
  await phone.locator('#root_contact').fill('孙女士');
  await phone.locator('#root_kind').selectOption({ label: '投诉' });
  await phone.locator('#root_details').waitFor();
  await phone.locator('#root_details').fill('客服电话等了很久才接通。');
  await phone.locator('label[for="root_score-6"]').tap();
  await phone
    .locator('legend', { hasText: '回访评价' })
    .evaluate((legend) => legend.scrollIntoView());
  await shoot(phone, 'form-public-phone.png');
  await phone.context().close();
}

/** Replaces what a focused input holds by typing, as a person would. */
async function retype(page, input, value) {
  await input.click();
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.type(value);
}

/**
 * ABC 客户分级: the "ABC by amount" preset fitted to 客户 (累计金额 in, 客户等级 out), its
 * thresholds retyped for this business, preview, publish, run, and a customer's explanation.
 */
async function shootClassifiers(browser, token) {
  const ids = await seedCrm(token);
  const page = await newPage(browser, DESKTOP);
  page.setDefaultTimeout(15_000);
  await logIn(page, ADMIN_EMAIL, ADMIN_PASSWORD);
  await page.goto('/apps/crm');
  await page.getByTestId('classifiers-empty').waitFor();
  await page.getByTestId('classifier-new').click();
  await page.getByTestId('classifier-create-name').fill('ABC 客户分级');
  await page.getByTestId('classifier-create-key').fill('abc');
  await page.getByTestId('classifier-create-save').click();
  await page.waitForURL('**/apps/crm/classifiers/abc?**');
  await page.getByTestId('classifier-unpublished').waitFor();

  // The preset, fitted: total_amount is the money field, 客户等级 (level) the select of A/B/C.
  await page.getByTestId('classifier-presets').click();
  await page.getByTestId('classifier-preset-abc_amount').click();
  const cell = (row, column) => page.getByTestId(`rule-when-${row}-${column}`);
  await page
    .getByTestId('classifier-output-0')
    .and(page.locator('[data-output-field="level"]'))
    .waitFor();
  const onChange = page.getByTestId('classifier-trigger-on-change');
  if (!(await onChange.isChecked())) await onChange.click();

  // The preset's thresholds (5,000,000 and 1,000,000) are for bigger accounts: 150,000 and 50,000
  // here. A threshold typed in 万 is flagged as it is typed.
  await retype(page, cell(0, 0), '>= 15万');
  await page.getByTestId('rule-error-when-0-0').waitFor();
  await retype(page, cell(1, 0), '[50000..150000)');
  await retype(page, cell(2, 0), '< 50000');
  for (const [row, text] of [
    '重点客户：专属客服，每月回访',
    '主要客户：每季度回访',
    '普通客户',
  ].entries())
    await page.getByTestId(`rule-description-${row}`).fill(text);
  await cell(0, 0).click();
  await shoot(page, 'classifier-editor-en.png', { fullPage: true });
  await retype(page, cell(0, 0), '>= 150000');
  await page.getByTestId('rule-error-when-0-0').waitFor({ state: 'detached' });

  // Preview the unsaved table over the 15 customers: the distribution, and who moves.
  await page.getByTestId('classifier-preview').click();
  const result = page.getByTestId('classifier-preview-result');
  await result.getByTestId('preview-transition').first().waitFor();
  await result.evaluate((card) => card.scrollIntoView());
  await shoot(page, 'classifier-preview-en.png');

  // Publish, then run it over every customer.
  await page.getByTestId('classifier-publish').click();
  await page.getByTestId('classifier-version').getByText('Version 1').waitFor();
  await page.getByTestId('classifier-run').click();
  await page.getByTestId('classifier-run-done').waitFor({ timeout: 60_000 });
  await page.getByTestId('classifier-run-panel').evaluate((card) => card.scrollIntoView());
  await switchLanguage(page, '中文');
  await shoot(page, 'classifier-run-zh.png');
  await switchLanguage(page, 'English');

  // 北京海淀软件有限公司 moved from B to A: its Classification tab says which rule and why.
  await page.goto(`/apps/crm/entities/customer/records?record=${ids['北京海淀软件有限公司']}`);
  const drawer = page.getByTestId('record-detail');
  await drawer.getByTestId('record-tab-explain').click();
  await drawer.getByTestId('explain-abc').getByTestId('explain-rule').waitFor();
  await shoot(page, 'record-classification-en.png');
  await page.context().close();
}

/** Customers gain 客户阶段 and 满意度 for the flow; 首次回访 is the form its task opens. */
const CARE_FIELDS = [
  {
    key: 'stage',
    name: '客户阶段',
    type: 'select',
    options: ['新客户', '已回访', '需跟进'].map((value) => ({ value })),
  },
  { key: 'satisfaction', name: '满意度', type: 'integer' },
  { key: 'visit_note', name: '回访记录', type: 'longtext' },
];
const FIRST_VISIT_FORM = {
  name: '首次回访',
  entity: 'customer',
  design: {
    layout: 'single',
    groups: [
      {
        id: 'main',
        title: '',
        fields: [
          { key: 'satisfaction', widget: 'nps', required: true, label: '客户对首单服务的满意度' },
          { key: 'visit_note', placeholder: '客户的反馈、下一步安排' },
        ],
      },
    ],
  },
};

/**
 * 新客户关怀: a new customer is marked 新客户, staff call them within two days (首次回访), then
 * a satisfied customer is marked 已回访 and an unhappy one goes to the sales manager. The visit
 * task has no assignee yet: the editor flags it, and the screenshots show it being fixed.
 */
function careFlow(managerId) {
  const at = (column, row) => ({ x: 260 * column, y: 130 * row });
  return {
    name: '新客户关怀',
    description: '新客户建档后两天内完成首次回访，不满意的转销售经理跟进',
    trigger: { type: 'record_created', entity: 'customer' },
    graph: {
      nodes: [
        { id: 'start', type: 'start', data: { label: '新客户建档' }, position: at(1, 0) },
        {
          id: 'mark',
          type: 'update_record',
          data: { label: '标记为新客户', set: { stage: '新客户' } },
          position: at(1, 1),
        },
        {
          id: 'visit',
          type: 'form_task',
          data: { title: '首次回访', form: 'first_visit', due: 'P2D' },
          position: at(1, 2),
        },
        { id: 'happy', type: 'decision', data: { label: '满意度 ≥ 8？' }, position: at(1, 3) },
        {
          id: 'done',
          type: 'update_record',
          data: { label: '标记为已回访', set: { stage: '已回访' } },
          position: at(0, 4),
        },
        {
          id: 'alert',
          type: 'notify',
          data: {
            label: '通知销售经理',
            to: { user: managerId },
            channel: 'in_app',
            subject: '请跟进 {{record.name}}',
            body: '首次回访满意度 {{record.satisfaction}}：{{record.visit_note}}',
          },
          position: at(2, 4),
        },
        {
          id: 'follow',
          type: 'update_record',
          data: { label: '标记为需跟进', set: { stage: '需跟进' } },
          position: at(2, 5),
        },
        { id: 'end', type: 'end', data: { label: '结束' }, position: at(1, 6) },
      ],
      edges: [
        { id: 'e1', source: 'start', target: 'mark' },
        { id: 'e2', source: 'mark', target: 'visit' },
        { id: 'e3', source: 'visit', target: 'happy' },
        {
          id: 'e4',
          source: 'happy',
          target: 'done',
          data: {
            label: '满意',
            condition: { field: 'record.satisfaction', op: 'gte', value: 8 },
          },
        },
        { id: 'e5', source: 'happy', target: 'alert', data: { label: '其他', default: true } },
        { id: 'e6', source: 'alert', target: 'follow' },
        { id: 'e7', source: 'done', target: 'end' },
        { id: 'e8', source: 'follow', target: 'end' },
      ],
    },
  };
}

/** Polls `read` until `done` holds for what it gives. */
async function eventually(read, done, what, timeoutMs = 20_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (done(value)) return value;
    if (Date.now() > deadline) throw new Error(`Gave up waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

/** The flow editor (a problem, then published), the inbox with a task open, an instance's path. */
async function shootFlows(browser, token) {
  await seedCrm(token);
  await saveSampleUsers(token);
  const client = adminClient(token);
  const customer = await client.entities.get('crm', 'customer');
  await client.entities.put(
    'crm',
    { key: 'customer', name: customer.name, fields: [...CUSTOMER.fields, ...CARE_FIELDS] },
    { expectedVersion: customer.version },
  );
  await client.forms.put('crm', 'first_visit', FIRST_VISIT_FORM);
  const { items: users } = await client.users.list({ limit: 500 });
  const manager = users.find((user) => user.email === STAFF.email);
  await client.flows.put('crm', 'care', careFlow(manager.id));

  // The editor: the visit task is flagged on the canvas; selected, the side panel says why.
  const page = await newPage(browser, WIDE);
  page.setDefaultTimeout(15_000);
  await logIn(page, ADMIN_EMAIL, ADMIN_PASSWORD);
  await page.goto('/apps/crm/flows/care');
  const visit = page.getByTestId('flow-node-visit');
  await visit.and(page.locator('[data-problems="1"]')).waitFor();
  await visit.click();
  const panel = page.getByTestId('flow-node-settings');
  await panel.and(page.locator('[data-node-id="visit"]')).waitFor();
  // The assignee setting carries the problem under it.
  await panel.locator('.fw-flow-setting.ant-form-item-has-error').first().waitFor();
  await shoot(page, 'flow-editor-en.png');

  // Fixed in the panel (the task goes to staff), saved by itself, then published.
  await choose(page, panel.getByTestId('flow-setting-assignee'), 'Staff');
  await page.getByTestId('flow-problems-none').waitFor();
  await page.getByTestId('flow-save-state').and(page.locator('[data-state="saved"]')).waitFor();
  await page.getByTestId('flow-publish').click();
  await page.getByTestId('flow-published-version').waitFor();
  await page.getByTestId('flow-canvas').click({ position: { x: 20, y: 20 } }); // nothing selected
  await page.getByTestId('flow-settings').waitFor();
  await page.evaluate(() => globalThis.scrollTo(0, 0));
  await switchLanguage(page, '中文');
  await shoot(page, 'flow-published-zh.png');
  await switchLanguage(page, 'English');

  // Three new customers start the flow: each waits for its first visit.
  const created = [];
  for (const [name, city, phone] of [
    ['北京望京健康科技有限公司', '北京', '010-64781234'],
    ['上海长宁广告有限公司', '上海', '021-62198765'],
    ['广州黄埔新材料有限公司', '广州', '020-82231456'],
  ]) {
    created.push(await client.records.create('crm', 'customer', { name, city, phone }));
  }
  const staffClient = new FormworkClient({ baseUrl: BASE_URL }).useToken(
    await login(STAFF.email, SAMPLE_PASSWORD),
  );
  const tasks = await eventually(
    () => staffClient.flows.tasks(),
    (items) => created.every((record) => items.some((task) => task.recordId === record.id)),
    'the three visit tasks',
  );
  const task = tasks.find((item) => item.recordId === created[0].id);

  // 王芳's inbox, in Chinese, with the first visit open and answered.
  const staff = await newPage(browser, DESKTOP);
  staff.setDefaultTimeout(15_000);
  await logIn(staff, STAFF.email, SAMPLE_PASSWORD);
  await switchLanguage(staff, '中文');
  await staff.goto(`/tasks?task=${task.id}`);
  const drawer = staff.getByTestId('task-panel');
  const form = drawer.getByTestId('task-form');
  await form.getByTestId('nps-task_satisfaction').getByRole('radio', { name: '9' }).click();
  await form.locator('#task_visit_note').fill('首单已到货，对安装服务很满意，下月考虑追加订单。');
  await shoot(staff, 'tasks-inbox-zh.png');
  await form.getByTestId('form-submit').click();
  await drawer.waitFor({ state: 'detached' });
  await staff.context().close();

  // The instance: the path it took lit on its version's diagram, and its history.
  await eventually(
    () => client.flows.instance(task.instanceId),
    (instance) => instance.status === 'completed',
    'the instance to complete',
  );
  await page.goto(`/flow-instances/${task.instanceId}`);
  await page
    .getByTestId('instance-status')
    .and(page.locator('[data-status="completed"]'))
    .waitFor();
  await page.getByTestId('instance-diagram').getByTestId('flow-node-end').waitFor();
  await shoot(page, 'flow-instance-en.png');
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
    if (GROUPS.has('forms')) await shootForms(browser, adminToken);
    if (GROUPS.has('classifiers')) await shootClassifiers(browser, adminToken);
    if (GROUPS.has('flows')) await shootFlows(browser, adminToken);
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
