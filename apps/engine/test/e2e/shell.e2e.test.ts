import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Browser } from 'playwright-core';
import { launchBrowser, logIn, openPage, WEB_DIST } from '../support/browser.js';
import {
  ADMIN_EMAIL,
  ADMIN_PASSWORD,
  startTestEngine,
  type TestEngine,
} from '../support/test-engine.js';

let t: TestEngine;
let browser: Browser;
beforeAll(async () => {
  t = await startTestEngine({ FORMWORK_WEB_DIST: WEB_DIST });
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await t?.stop();
});

describe('logging in and the app shell', () => {
  it('an unknown visitor is sent to the login page, a wrong password is explained, the right one opens the shell', async () => {
    const page = await openPage(browser, t.url);
    await page.goto('/records');
    await page.waitForURL('**/login**');
    await page.getByTestId('login-email').fill(ADMIN_EMAIL);
    await page.getByTestId('login-password').fill('not-the-password');
    await page.getByTestId('login-submit').click();
    await page.getByText('Email or password is incorrect').waitFor();

    await page.getByTestId('login-password').fill(ADMIN_PASSWORD);
    await page.getByTestId('login-submit').click();
    await page.getByTestId('app-shell').waitFor();
    expect(new URL(page.url()).pathname).toBe('/records');
    const nav = page.getByTestId('nav');
    for (const item of ['Apps', 'Records', 'Tasks', 'Templates', 'Dashboards', 'Admin']) {
      await nav.getByText(item, { exact: true }).waitFor();
    }
    await expect(page.getByTestId('current-user').textContent()).resolves.toContain(
      'Administrator',
    );

    await nav.getByText('Tasks', { exact: true }).click();
    await page.waitForURL('**/tasks');
    await page.reload();
    await page.getByTestId('app-shell').waitFor();
    expect(new URL(page.url()).pathname).toBe('/tasks');
    await page.context().close();
  });

  it('switches the whole UI to Chinese and remembers the choice', async () => {
    const page = await openPage(browser, t.url);
    await page.goto('/login');
    await page.getByTestId('lang-switch').getByText('中文').click();
    await page.getByText('登录', { exact: true }).first().waitFor();
    await page.getByTestId('login-email').fill(ADMIN_EMAIL);
    await page.getByTestId('login-password').fill(ADMIN_PASSWORD);
    await page.getByTestId('login-submit').click();
    const nav = page.getByTestId('nav');
    for (const item of ['应用', '数据', '任务', '模板', '仪表盘', '管理']) {
      await nav.getByText(item, { exact: true }).waitFor();
    }
    await page.reload();
    await page.getByTestId('nav').getByText('应用', { exact: true }).waitFor();
    await page.context().close();
  });

  it('logging out ends the session', async () => {
    const page = await openPage(browser, t.url);
    await logIn(page, ADMIN_EMAIL, ADMIN_PASSWORD);
    await page.getByTestId('logout').click();
    await page.waitForURL('**/login**');
    await page.goto('/apps');
    await page.waitForURL('**/login**');
    await page.context().close();
  });
});

describe('user administration in the browser', () => {
  it('an admin creates a viewer, who can log in but cannot reach admin pages', async () => {
    const page = await openPage(browser, t.url);
    await logIn(page, ADMIN_EMAIL, ADMIN_PASSWORD);
    await page.getByTestId('nav').getByText('Admin', { exact: true }).click();
    await page.getByTestId('users-table').waitFor();

    await page.getByTestId('user-new').click();
    await page.getByTestId('user-email').fill('not-an-email');
    await page.getByTestId('user-name').fill('王芳');
    await page.getByTestId('user-password').fill('viewer-password');
    const roles = page.getByTestId('user-roles');
    const defaultStaffTag = roles
      .locator('[class*="selection-item"]', { hasText: 'Staff' })
      .locator('[class*="remove"]');
    if ((await defaultStaffTag.count()) > 0) await defaultStaffTag.click();
    await roles.click();
    await page.locator('.ant-select-item-option', { hasText: 'Viewer' }).click();
    await page.locator('.ant-modal-title').click(); // closes the roles dropdown
    await page.getByTestId('user-save').click();
    await page.getByText('Please enter a valid email address').waitFor();
    await page.getByTestId('user-email').fill('wang.fang@example.com');
    await page.getByTestId('user-save').click();
    const row = page.getByTestId('users-table').locator('tr', { hasText: 'wang.fang@example.com' });
    await row.waitFor();
    await expect(row.textContent()).resolves.toMatch(/王芳.*Viewer/);
    await expect(row.textContent()).resolves.not.toMatch(/Staff/);
    await page.context().close();

    const viewer = await openPage(browser, t.url);
    await logIn(viewer, 'wang.fang@example.com', 'viewer-password');
    await expect(
      viewer.getByTestId('nav').getByText('Admin', { exact: true }).count(),
    ).resolves.toBe(0);
    await viewer.goto('/admin/users');
    await viewer.getByTestId('forbidden').waitFor();
    await expect(viewer.getByTestId('users-table').count()).resolves.toBe(0);
    await viewer.context().close();
  });

  it('works on a phone-sized screen', async () => {
    const page = await openPage(browser, t.url, {
      viewport: { width: 390, height: 844 },
      isMobile: true,
      hasTouch: true,
    });
    await logIn(page, ADMIN_EMAIL, ADMIN_PASSWORD);
    const overflow = await page.evaluate<number>(
      'document.documentElement.scrollWidth - window.innerWidth',
    );
    expect(overflow).toBeLessThanOrEqual(0);
    await page.context().close();
  });
});
