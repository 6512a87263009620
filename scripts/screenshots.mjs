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
import { mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
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

async function main() {
  mkdirSync(OUT_DIR, { recursive: true });
  await seedUsers(await login(ADMIN_EMAIL, ADMIN_PASSWORD));

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
  } finally {
    await browser.close();
  }
}

await main();
