import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Locator, Page } from 'playwright-core';
import { launchBrowser, logIn, openPage, WEB_DIST } from '../support/browser.js';
import {
  ADMIN_EMAIL,
  ADMIN_PASSWORD,
  startTestEngine,
  type TestEngine,
} from '../support/test-engine.js';

// One admin works through the whole story in one page, step by step, as a person would.
const STEP_TIMEOUT = 90_000;

let t: TestEngine;
let browser: Browser;
let page: Page;
let tempDir: string;
beforeAll(async () => {
  t = await startTestEngine({ FORMWORK_WEB_DIST: WEB_DIST });
  browser = await launchBrowser();
  page = await openPage(browser, t.url);
  page.setDefaultTimeout(15_000);
  tempDir = await mkdtemp(path.join(os.tmpdir(), 'formwork-e2e-'));
});
afterAll(async () => {
  await page?.context().close();
  await browser?.close();
  await t?.stop();
  if (tempDir) await rm(tempDir, { recursive: true, force: true });
});

/**
 * Opens an antd select, types to narrow its (virtual) list, and picks the option with this label.
 * Lists can re-render while they load or filter, so it checks the choice took and tries again if not.
 */
async function choose(select: Locator, label: string): Promise<void> {
  for (let attempt = 1; attempt <= 3; attempt += 1) {
    await select.click();
    await page.keyboard.type(label);
    const option = page
      .locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden)')
      .locator(`.ant-select-item-option[title="${label}"]`);
    await option.waitFor();
    await option.click();
    for (let wait = 0; wait < 20; wait += 1) {
      if ((await select.textContent())?.includes(label)) return;
      await page.waitForTimeout(50);
    }
  }
  throw new Error(`could not choose ${label}`);
}

const fieldRow = (position: number) => page.getByTestId(`field-row-${position}`);

/** The designer's field keys, in display order. */
async function fieldKeys(): Promise<(string | null)[]> {
  const rows = await page.getByTestId('field-list').locator('[data-field-key]').all();
  return Promise.all(rows.map((row) => row.getAttribute('data-field-key')));
}

async function describeField(
  position: number,
  key: string,
  name: string,
  type: string,
): Promise<void> {
  if (position > 0) await page.getByTestId('field-add').click();
  const row = fieldRow(position);
  await row.getByTestId('field-key').fill(key);
  await row.getByTestId('field-name').fill(name);
  if (type !== 'Text') await choose(row.getByTestId('field-type'), type);
}

/** Review changes, check the plan names these steps, apply, and wait for the saved entity. */
async function reviewAndApply(entity: string, expectedActions: RegExp[]): Promise<void> {
  await page.getByTestId('entity-review').click();
  const plan = page.getByTestId('plan-steps');
  const errors = page.getByTestId('designer-errors');
  await plan.or(errors).first().waitFor();
  if (await errors.isVisible())
    throw new Error(`the designer refused: ${await errors.textContent()}`);
  const text = await plan.textContent();
  for (const action of expectedActions) expect(text).toMatch(action);
  await page.getByTestId('entity-apply').click();
  await page.waitForURL(`**/apps/crm/entities/${entity}/design`);
  await page.getByTestId('change-plan').waitFor({ state: 'detached' });
  await expect(page.getByTestId('designer-dirty').count()).resolves.toBe(0);
}

/** The grid's rows, as the text of the given column's cells. */
async function column(key: string): Promise<string[]> {
  await page.locator('[data-testid="records-table"] .ant-spin-spinning').waitFor({
    state: 'detached',
  });
  return page.getByTestId('record-row').getByTestId(`cell-${key}`).allTextContents();
}

/** Waits until `read` gives `expected` (the grid refetches after each change), then checks it. */
async function eventually<T>(read: () => Promise<T>, expected: T, timeoutMs = 10_000) {
  const deadline = Date.now() + timeoutMs;
  let actual = await read();
  while (JSON.stringify(actual) !== JSON.stringify(expected) && Date.now() < deadline) {
    await page.waitForTimeout(100);
    actual = await read();
  }
  expect(actual).toEqual(expected);
}

const expectColumn = (key: string, values: string[]) => eventually(() => column(key), values);

async function addCustomer(name: string, city: string, amount: string): Promise<void> {
  await page.getByTestId('record-new').click();
  const form = page.getByTestId('record-form');
  await form.getByTestId('record-field-name').fill(name);
  await choose(form.getByTestId('record-field-city'), city);
  await form.getByTestId('record-field-total_amount').fill(amount);
  await page.getByTestId('record-save').click();
  await form.waitFor({ state: 'detached' });
}

describe('designing a CRM and working its records in the browser', () => {
  it(
    'creates the app 客户管理 with key crm, explaining a bad key',
    async () => {
      await logIn(page, ADMIN_EMAIL, ADMIN_PASSWORD);
      await page.getByTestId('nav').getByText('Apps', { exact: true }).click();
      await page.getByTestId('apps-empty').waitFor();
      await page.getByTestId('app-new').click();
      await page.getByTestId('app-name').fill('客户管理');
      await page.getByTestId('app-key').fill('1-CRM');
      await page.getByTestId('app-save').click();
      await page.getByText('Use a lowercase letter first').waitFor();
      await page.getByTestId('app-key').fill('crm');
      await page.getByTestId('app-description').fill('客户、订单与回访');
      await page.getByTestId('app-save').click();
      await page.waitForURL('**/apps/crm');
      await page.getByTestId('entities-empty').waitFor();
      await expect(page.locator('h1').textContent()).resolves.toBe('客户管理');
    },
    STEP_TIMEOUT,
  );

  it(
    'designs the entity customer (客户): name, city select, total_amount money',
    async () => {
      await page.getByTestId('entity-new').click();
      await page.waitForURL('**/apps/crm/entities/new');
      await page.getByTestId('entity-key').fill('customer');
      await page.getByTestId('entity-name').fill('客户');
      await describeField(0, 'name', '名称', 'Text');
      await fieldRow(0).getByTestId('field-required').click();
      await describeField(1, 'total_amount', '累计金额', 'Money');
      await describeField(2, 'city', '城市', 'Single choice');
      const options = fieldRow(2).getByTestId('field-option-value');
      await options.nth(0).fill('北京');
      await fieldRow(2).getByTestId('field-option-add').click();
      await options.nth(1).fill('上海');
      await options.nth(1).press('Enter'); // Enter adds the next option too
      await options.nth(2).fill('广州');

      // Keyboard-accessible reordering: city moves above total_amount.
      await fieldRow(2).getByTestId('field-up').click();
      await expect(fieldRow(1).getAttribute('data-field-key')).resolves.toBe('city');

      // A reserved key is explained next to its field before anything is sent.
      await describeField(3, 'id', '编号', 'Text');
      await page.getByTestId('entity-review').click();
      await fieldRow(3).getByText('id is reserved for a system field').waitFor();
      await page.getByTestId('designer-errors').waitFor();
      await fieldRow(3).getByTestId('field-remove').click();

      await reviewAndApply('customer', [/Create table/, /name/, /city/, /total_amount/]);
      await eventually(fieldKeys, ['name', 'city', 'total_amount']);
    },
    STEP_TIMEOUT,
  );

  it(
    'designs the entity order (订单): amount money, customer relation → customer',
    async () => {
      await page.getByRole('link', { name: '客户管理' }).click();
      await page.waitForURL('**/apps/crm');
      await page.getByTestId('entity-row-customer').waitFor();
      await page.getByTestId('entity-new').click();
      await page.getByTestId('entity-key').fill('order');
      await page.getByTestId('entity-name').fill('订单');
      await describeField(0, 'amount', '金额', 'Money');
      await describeField(1, 'customer', '客户', 'Relation');
      await fieldRow(1).getByTestId('field-target').waitFor();
      await choose(fieldRow(1).getByTestId('field-target'), '客户 (customer)');
      await reviewAndApply('order', [/Create table/, /amount/, /customer/]);
    },
    STEP_TIMEOUT,
  );

  it(
    'adds three customers through the form and shows money with two decimals',
    async () => {
      await page.goto('/records');
      await page.getByTestId('records-entity-crm-customer').click();
      await page.waitForURL('**/apps/crm/entities/customer/records');
      await page.getByTestId('records-empty').waitFor();

      // Required fields are explained next to the field.
      await page.getByTestId('record-new').click();
      await page.getByTestId('record-save').click();
      await page.getByText('Please fill in 名称').waitFor();
      await page.getByTestId('record-cancel').click();
      await page.getByTestId('record-form').waitFor({ state: 'detached' });

      await addCustomer('张三', '北京', '1200.5');
      await addCustomer('李四', '上海', '300');
      await addCustomer('王五', '上海', '8000');
      await eventually(async () => (await column('name')).sort(), ['张三', '李四', '王五'].sort());
      const zhang = page.getByTestId('record-row').filter({ hasText: '张三' });
      await expect(zhang.getByTestId('cell-total_amount').textContent()).resolves.toBe('1,200.50');
      await expect(zhang.getByTestId('cell-city').textContent()).resolves.toBe('北京');
    },
    STEP_TIMEOUT,
  );

  it(
    'filters on city = 上海 and sorts by total_amount by clicking the header',
    async () => {
      const selectedNav = page.getByTestId('nav').locator('.ant-menu-item-selected');
      await expect(selectedNav.textContent()).resolves.toContain('Records');
      await page.getByTestId('filter-toggle').click();
      await page.getByTestId('filter-add').click();
      const condition = page.getByTestId('filter-condition-0');
      await condition.getByTestId('filter-field').locator('input').fill('city');
      await page.keyboard.press('Escape');
      await expect(condition.getByTestId('filter-op').textContent()).resolves.toContain('equals');
      await choose(condition.getByTestId('filter-value'), '上海');
      await page.getByTestId('filter-apply').click();
      await page.waitForURL(/filter=/);
      await eventually(async () => (await column('name')).sort(), ['李四', '王五'].sort());

      await page.locator('thead').getByTestId('column-total_amount').click();
      await page.waitForURL(/sort=total_amount/);
      await expectColumn('name', ['李四', '王五']);
      await page.locator('thead').getByTestId('column-total_amount').click();
      await page.waitForURL(/sort=-total_amount/);
      await expectColumn('name', ['王五', '李四']);
      await expectColumn('total_amount', ['8,000.00', '300.00']);
    },
    STEP_TIMEOUT,
  );

  it(
    'opens a record, edits it, and sees the change in its history',
    async () => {
      await page
        .getByTestId('record-row')
        .filter({ hasText: '李四' })
        .getByTestId('record-open')
        .click();
      const drawer = page.getByTestId('record-detail');
      await drawer.waitFor();
      await drawer.getByTestId('record-edit').click();
      await drawer.getByTestId('record-field-total_amount').fill('350');
      await drawer.getByTestId('record-update').click();
      await drawer.getByTestId('detail-total_amount').getByText('350.00').waitFor();
      await drawer.getByTestId('record-tab-history').click();
      const latest = drawer.getByTestId('history-entry').first();
      await latest.waitFor();
      await expect(latest.textContent()).resolves.toMatch(/Updated.*累计金额.*300\.00.*350\.00/);
      await page.keyboard.press('Escape');
      await drawer.waitFor({ state: 'detached' });
      await expectColumn('total_amount', ['8,000.00', '350.00']);
    },
    STEP_TIMEOUT,
  );

  it(
    'imports a CSV with one bad row: good rows land, the bad one is reported by row and field',
    async () => {
      const csv = path.join(tempDir, 'customers.csv');
      await writeFile(
        csv,
        '\uFEFFname,city,total_amount\n赵六,广州,5000\n钱七,北京,not-a-number\n孙八,上海,42.5\n',
      );
      await page.getByTestId('import-open').click();
      const modal = page.getByTestId('import-modal');
      await modal.locator('input[type="file"]').setInputFiles(csv);
      const preview = modal.getByTestId('import-preview');
      await preview.getByText('钱七').waitFor();
      await page.getByTestId('import-submit').click();
      const result = modal.getByTestId('import-result');
      await result.waitFor();
      await expect(result.getByTestId('import-created').textContent()).resolves.toContain('2');
      const badRow = result.getByTestId('import-error-row-2');
      await badRow.waitFor();
      await expect(badRow.textContent()).resolves.toMatch(/累计金额/);
      await page.getByTestId('import-done').click();
      await modal.waitFor({ state: 'detached' });

      // The grid still shows 上海 only, sorted by amount, descending: 孙八 joined.
      await expectColumn('name', ['王五', '李四', '孙八']);
    },
    STEP_TIMEOUT,
  );

  it(
    'exports the filtered, sorted view as CSV',
    async () => {
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.getByTestId('export-csv').click(),
      ]);
      const file = await download.path();
      const text = (await readFile(file, 'utf8')).replace(/^\uFEFF/, '');
      // Columns are named by display name (import matches them back), after the id.
      const [header = '', ...rows] = text.trim().split(/\r?\n/);
      const columns = header.split(',');
      expect(columns).toEqual(['id', '名称', '城市', '累计金额']);
      const cells = rows.map((row) => row.split(','));
      expect(cells.map((cell) => cell[1])).toEqual(['王五', '李四', '孙八']);
      expect(cells.map((cell) => cell[2])).toEqual(['上海', '上海', '上海']);
      expect(cells.map((cell) => Number(cell[3]))).toEqual([8000, 350, 42.5]);
      expect(text).not.toContain('张三');
      expect(text).not.toContain('钱七');
    },
    STEP_TIMEOUT,
  );

  it(
    'links an order to a customer and shows it under "pointing here"',
    async () => {
      await page.goto('/apps/crm/entities/order/records');
      await page.getByTestId('record-new').click();
      const form = page.getByTestId('record-form');
      await form.getByTestId('record-field-amount').fill('99.9');
      const customer = form.getByTestId('record-field-customer');
      await customer.click();
      await page.keyboard.type('王五');
      // The picker searches the server after a short pause: wait until only the match is listed,
      // so the click lands on the final option, not one that is about to be replaced.
      const options = page.locator(
        '.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option',
      );
      for (let tries = 0; tries < 100 && (await options.count()) !== 1; tries += 1) {
        await page.waitForTimeout(50);
      }
      await options.filter({ hasText: '王五' }).click();
      await customer.getByText('王五').waitFor();
      // Click elsewhere in the dialog, as a person would, so no dropdown covers the save button.
      await page.locator('.ant-modal-title').click();
      await page
        .locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden)')
        .waitFor({ state: 'hidden' });
      await page.getByTestId('record-save').click();
      await form.waitFor({ state: 'detached' });
      const row = page.getByTestId('record-row').first();
      await expect(row.getByTestId('cell-customer').textContent()).resolves.toBe('王五');

      // Follow the relation to the customer, and back through "pointing here".
      await row.getByTestId('cell-customer').getByTestId('relation-link').click();
      await page.waitForURL('**/apps/crm/entities/customer/records?record=*');
      const drawer = page.getByTestId('record-detail');
      await drawer.getByTestId('record-tab-related').click();
      const related = drawer.getByTestId('related-order-customer');
      await related.getByText('99.90').waitFor();
    },
    STEP_TIMEOUT,
  );

  it(
    'refuses a schema change that would lose data, and places field errors on their rows',
    async () => {
      await page.goto('/apps/crm/entities/customer/design');
      const city = page.getByTestId('field-list').locator('[data-field-key="city"]');
      await city.getByTestId('field-unique').click();
      await page.getByTestId('entity-review').click();
      const report = page.getByTestId('data-loss-report');
      await report.waitFor();
      await expect(report.textContent()).resolves.toMatch(/city.*Has duplicate values/);
      await expect(page.getByTestId('entity-apply').isDisabled()).resolves.toBe(true);
      await page.getByTestId('plan-cancel').click();
      await city.getByTestId('field-unique').click();
      await expect(page.getByTestId('designer-dirty').count()).resolves.toBe(0);

      // The engine's field errors land on the row they point at (/fields/3/default).
      await describeField(3, 'level', '等级', 'Single choice');
      await fieldRow(3).getByTestId('field-option-value').fill('A');
      await fieldRow(3).getByTestId('field-more').click();
      await choose(fieldRow(3).getByTestId('field-default'), 'A');
      await fieldRow(3).getByTestId('field-option-value').fill('B');
      await page.getByTestId('entity-review').click();
      await fieldRow(3).getByTestId('field-error').waitFor();
      await page.getByTestId('change-plan').waitFor({ state: 'detached' });
      await expect(fieldRow(3).getByTestId('field-error').textContent()).resolves.toMatch(/B/);
      await fieldRow(3).getByTestId('field-remove').click();
      await expect(page.getByTestId('designer-dirty').count()).resolves.toBe(0);
    },
    STEP_TIMEOUT,
  );

  it(
    'shows a viewer the records read-only, and no designer',
    async () => {
      const { user, password } = await t.userWith(['viewer']);
      const viewer = await openPage(browser, t.url);
      viewer.setDefaultTimeout(15_000);
      try {
        await logIn(viewer, user.email, password);
        await viewer.goto('/apps/crm');
        await viewer.getByTestId('entity-row-customer').waitFor();
        for (const testId of ['entity-new', 'app-delete', 'entity-design-customer'])
          await expect(viewer.getByTestId(testId).count()).resolves.toBe(0);
        await viewer.getByTestId('entity-records-customer').click();
        await viewer.getByTestId('record-row').first().waitFor();
        for (const testId of ['record-new', 'import-open', 'records-design'])
          await expect(viewer.getByTestId(testId).count()).resolves.toBe(0);
        await viewer.getByTestId('export-csv').waitFor();
        await viewer.getByTestId('record-open').first().click();
        await viewer.getByTestId('record-detail').waitFor();
        await expect(viewer.getByTestId('record-edit').count()).resolves.toBe(0);
        await expect(viewer.getByTestId('record-delete').count()).resolves.toBe(0);
        await viewer.goto('/apps/crm/entities/customer/design');
        await viewer.getByTestId('forbidden').waitFor();
      } finally {
        await viewer.context().close();
      }
    },
    STEP_TIMEOUT,
  );

  it(
    'deletes the app only after its key is typed',
    async () => {
      await page.goto('/apps/crm');
      await page.getByTestId('app-delete').click();
      await expect(page.getByTestId('confirm-delete').isDisabled()).resolves.toBe(true);
      await page.getByTestId('confirm-key').fill('crm');
      await page.getByTestId('confirm-delete').click();
      await page.waitForURL('**/apps');
      await page.getByTestId('apps-empty').waitFor();
    },
    STEP_TIMEOUT,
  );
});
