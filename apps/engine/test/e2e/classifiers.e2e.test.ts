import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { EntityInput, EntityRecord } from '@formwork/definitions';
import type { Browser, Locator, Page } from 'playwright-core';
import { launchBrowser, logIn, openPage, WEB_DIST } from '../support/browser.js';
import {
  ADMIN_EMAIL,
  ADMIN_PASSWORD,
  startTestEngine,
  type TestEngine,
} from '../support/test-engine.js';

// An admin builds an ABC table in the editor by typing its cells, previews it, publishes it,
// runs it, and sees a customer's class and its explanation follow an edit of the amount.
const STEP_TIMEOUT = 120_000;

const customer: EntityInput = {
  key: 'customer',
  name: '客户',
  fields: [
    { key: 'name', name: '名称', type: 'text', required: true },
    { key: 'total_amount', name: '累计金额', type: 'money' },
    {
      key: 'tier',
      name: '等级',
      type: 'select',
      options: [{ value: 'A' }, { value: 'B' }, { value: 'C' }],
    },
  ],
};

let t: TestEngine;
let browser: Browser;
let page: Page;
const ids: Record<string, string> = {};
beforeAll(async () => {
  t = await startTestEngine({ FORMWORK_WEB_DIST: WEB_DIST });
  await t.admin.apps.create({ key: 'crm', name: '客户管理' });
  await t.admin.entities.put('crm', customer);
  for (const [name, amount] of [
    ['华东贸易', 6_000_000],
    ['北方制造', 2_000_000],
    ['小李商行', 500_000],
  ] as const) {
    const record: EntityRecord = await t.admin.records.create('crm', 'customer', {
      name,
      total_amount: amount,
    });
    ids[name] = record.id;
  }
  browser = await launchBrowser();
  page = await openPage(browser, t.url);
  page.setDefaultTimeout(15_000);
});
afterAll(async () => {
  await page?.context().close();
  await browser?.close();
  await t?.stop();
});

/** Waits until `read` gives `expected`, then checks it. */
async function eventually<T>(read: () => Promise<T>, expected: T, timeoutMs = 10_000) {
  const deadline = Date.now() + timeoutMs;
  let actual = await read();
  while (JSON.stringify(actual) !== JSON.stringify(expected) && Date.now() < deadline) {
    await page.waitForTimeout(100);
    actual = await read();
  }
  expect(actual).toEqual(expected);
}

const text = (locator: Locator) => async () => (await locator.textContent())?.trim() ?? '';

/** Types into the focused cell as a person would: replace what is there, then a key. */
async function typeCell(value: string, then: 'Tab' | 'Control+Enter' | null): Promise<void> {
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.type(value);
  if (then) await page.keyboard.press(then);
}

describe('classification rules in the browser', () => {
  it(
    'opens a new classifier over customer from the app page',
    async () => {
      await logIn(page, ADMIN_EMAIL, ADMIN_PASSWORD);
      await page.goto('/apps/crm');
      await page.getByTestId('classifiers-empty').waitFor();
      await page.getByTestId('classifier-new').click();
      await page.getByTestId('classifier-create-name').fill('客户ABC分级');
      await page.getByTestId('classifier-create-key').fill('abc');
      await page.getByTestId('classifier-create-save').click();
      await page.waitForURL('**/apps/crm/classifiers/abc?**');
      await page.getByTestId('classifier-unpublished').waitFor();
      await page.getByTestId('rules-no-columns').waitFor();
    },
    STEP_TIMEOUT,
  );

  it(
    'adds the columns: total_amount in, tier out, and runs on change',
    async () => {
      await page.getByTestId('classifier-input-add').click();
      await expect(
        page.getByTestId('classifier-input-0').getAttribute('data-input-key'),
      ).resolves.toBe('total_amount');
      await page.getByTestId('classifier-output-add').click();
      await expect(
        page.getByTestId('classifier-output-0').getAttribute('data-output-field'),
      ).resolves.toBe('tier');
      await page.getByTestId('classifier-trigger-on-change').click();
      await page.getByTestId('rules-empty').waitFor();
    },
    STEP_TIMEOUT,
  );

  it(
    'types three rules with the keyboard; each cell is checked as it is typed',
    async () => {
      await page.getByTestId('rule-add').click();
      await page.getByTestId('rule-when-0-0').click();
      await typeCell('>= "x"', null);
      await page
        .getByTestId('rule-error-when-0-0')
        .getByText('"x" is text, but total_amount is a number')
        .waitFor();
      await typeCell('>= 5000000', 'Tab');
      await typeCell('"A"', 'Control+Enter');
      // The second rule overlaps the first at exactly 5,000,000 ([..] includes its end).
      await typeCell('[1000000..5000000]', 'Tab');
      await typeCell('"B"', 'Control+Enter');
      await typeCell('< 1000000', 'Tab');
      await typeCell('"D"', null);
      await page
        .getByTestId('rule-error-then-2-0')
        .getByText('"D" is not an allowed value of tier')
        .waitFor();
      await typeCell('"C"', null);
      await page.getByTestId('rule-error-then-2-0').waitFor({ state: 'detached' });
      await page.getByTestId('rule-row-error-1').getByText('both match').waitFor();

      await page.getByTestId('rule-when-1-0').fill('[1000000..5000000)');
      await page.getByTestId('rule-row-error-1').waitFor({ state: 'detached' });
      await page.getByTestId('rule-description-0').fill('大客户');
      await expect(page.getByTestId('rules-grid').locator('tbody tr').count()).resolves.toBe(3);
    },
    STEP_TIMEOUT,
  );

  it(
    'previews the unsaved table: three customers, one per class',
    async () => {
      await page.getByTestId('classifier-preview').click();
      const result = page.getByTestId('classifier-preview-result');
      await result.waitFor();
      await expect(text(result.getByTestId('preview-total'))()).resolves.toMatch(/3$/);
      for (const value of ['A', 'B', 'C'])
        await expect(
          result
            .getByTestId('preview-distribution-tier')
            .getByTestId(`preview-value-${value}`)
            .getByTestId('preview-value-count')
            .textContent(),
        ).resolves.toBe('1');
      await result.getByTestId('preview-transition').first().waitFor();
    },
    STEP_TIMEOUT,
  );

  it(
    'publishes, then runs it now: every customer gets a class',
    async () => {
      await page.getByTestId('classifier-publish').click();
      await page.getByTestId('classifier-version').getByText('Version 1').waitFor();
      await page.getByTestId('classifier-run').click();
      await page.getByTestId('classifier-run-done').waitFor({ timeout: 60_000 });
      const tiers = async () =>
        (await t.admin.records.list('crm', 'customer', { sort: 'name' })).items
          .map((record) => `${String(record.name)}:${String(record.tier)}`)
          .sort();
      await eventually(tiers, ['北方制造:B', '华东贸易:A', '小李商行:C'].sort());
      const stored = await t.admin.classifiers.get('crm', 'abc');
      expect(stored.rules.map((rule) => rule.description ?? null)).toEqual(['大客户', null, null]);
    },
    STEP_TIMEOUT,
  );

  it(
    'moves 北方制造 across 5,000,000: its class and explanation change',
    async () => {
      const stored = await t.admin.classifiers.get('crm', 'abc');
      const [ruleA, ruleB] = stored.rules.map((rule) => rule.id);
      const id = ids['北方制造'] ?? '';
      await page.goto(`/apps/crm/entities/customer/records?record=${id}`);
      const drawer = page.getByTestId('record-detail');
      await drawer.waitFor();
      await eventually(text(drawer.getByTestId('detail-tier')), 'B');
      await drawer.getByTestId('record-tab-explain').click();
      const explanation = drawer.getByTestId('explain-abc');
      await eventually(text(explanation.getByTestId('explain-output-tier')), 'B');
      await expect(
        explanation.getByTestId('explain-rule').getAttribute('data-rule-id'),
      ).resolves.toBe(ruleB);
      await expect(text(explanation.getByTestId('explain-input-total_amount'))()).resolves.toMatch(
        /^2,?000,?000/,
      );

      await drawer.getByTestId('record-tab-details').click();
      await drawer.getByTestId('record-edit').click();
      await drawer.getByTestId('record-field-total_amount').fill('5000000');
      await drawer.getByTestId('record-update').click();
      await eventually(text(drawer.getByTestId('detail-tier')), 'A');
      await drawer.getByTestId('record-tab-explain').click();
      await eventually(text(explanation.getByTestId('explain-output-tier')), 'A');
      await expect(
        explanation.getByTestId('explain-rule').getAttribute('data-rule-id'),
      ).resolves.toBe(ruleA);
      await explanation.getByText('大客户').waitFor();
      await expect(text(explanation.getByTestId('explain-input-total_amount'))()).resolves.toMatch(
        /^5,?000,?000/,
      );
    },
    STEP_TIMEOUT,
  );
});
