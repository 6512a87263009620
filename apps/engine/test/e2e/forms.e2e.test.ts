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

// An admin designs a satisfaction survey, staff fill it in, a customer answers it on a phone.
const STEP_TIMEOUT = 120_000;

const visit: EntityInput = {
  key: 'visit',
  name: '客户回访',
  fields: [
    { key: 'contact', name: '联系人', type: 'text', required: true },
    {
      key: 'kind',
      name: '类型',
      type: 'select',
      options: [
        { value: 'consult', label: '咨询' },
        { value: 'complaint', label: '投诉' },
      ],
    },
    { key: 'details', name: '投诉详情', type: 'longtext' },
    { key: 'score', name: '满意度', type: 'integer' },
    { key: 'visit_date', name: '回访日期', type: 'date' },
    { key: 'email', name: '邮箱', type: 'email' },
  ],
};

let t: TestEngine;
let browser: Browser;
let admin: Page;
let staff: Page;
beforeAll(async () => {
  t = await startTestEngine({ FORMWORK_WEB_DIST: WEB_DIST });
  await t.admin.apps.create({ key: 'service', name: '售后服务' });
  await t.admin.entities.put('service', visit);
  browser = await launchBrowser();
  admin = await openPage(browser, t.url);
  admin.setDefaultTimeout(30_000);
});
afterAll(async () => {
  await admin?.context().close();
  await staff?.context().close();
  await browser?.close();
  await t?.stop();
});

/** The records of visit, oldest first, read through the API. */
async function visits(): Promise<EntityRecord[]> {
  const { items } = await t.admin.records.list('service', 'visit', { sort: 'created_at' });
  return items;
}

/** Polls `read` until it gives `expected` (pages refetch and re-render), then checks it. */
async function eventually<T>(page: Page, read: () => Promise<T>, expected: T, timeoutMs = 10_000) {
  const deadline = Date.now() + timeoutMs;
  let actual = await read();
  while (JSON.stringify(actual) !== JSON.stringify(expected) && Date.now() < deadline) {
    await page.waitForTimeout(100);
    actual = await read();
  }
  expect(actual).toEqual(expected);
}

/**
 * Opens an antd select and picks the option with this label, in the list this select controls
 * (another select's list may still be closing). Lists re-render while they open, so it checks the
 * choice took and tries again if not.
 */
async function choose(page: Page, select: Locator, label: string): Promise<void> {
  for (let attempt = 1; attempt <= 3; attempt += 1) {
    await select.click();
    const list = await select.getByRole('combobox').getAttribute('aria-controls');
    const option = page
      .locator('.ant-select-dropdown')
      .filter({ has: page.locator(`[id="${list}"]`) })
      .locator(`.ant-select-item-option[title="${label}"]`);
    await option.click();
    for (let wait = 0; wait < 20; wait += 1) {
      if ((await select.textContent())?.includes(label)) return;
      await page.waitForTimeout(50);
    }
  }
  throw new Error(`could not choose ${label}`);
}

/** The antd select around the RJSF input with this id. */
const selectOf = (page: Page, id: string) =>
  page.locator('.ant-select').filter({ has: page.locator(`#${id}`) });

/** The RJSF field (label, input, errors) of the input with this id: the innermost form item. */
const fieldOf = (page: Page, id: string) =>
  page.locator('.ant-form-item:not(:has(.ant-form-item))').filter({ has: page.locator(`#${id}`) });

describe('forms in the browser: design, fill in as staff, answer the public link on a phone', () => {
  it(
    'an admin creates the form 客户回访 over visit and it opens in the designer',
    async () => {
      await logIn(admin, ADMIN_EMAIL, ADMIN_PASSWORD);
      await admin.goto('/apps/service');
      const section = admin.getByTestId('forms-section');
      await section.getByTestId('forms-empty').waitFor();
      await admin.getByTestId('form-new').click();
      await expect(admin.getByTestId('form-create-entity').textContent()).resolves.toContain(
        '客户回访',
      );
      await admin.getByTestId('form-create-name').fill('客户回访');
      await admin.getByTestId('form-create-key').fill('survey');
      await admin.getByTestId('form-create-save').click();
      await admin.waitForURL('**/apps/service/forms/survey/design');
      await admin.getByTestId('form-designer').waitFor();
      for (const key of visit.fields.map((field) => field.key))
        await admin.getByTestId(`form-designer-field-${key}`).waitFor();
    },
    STEP_TIMEOUT,
  );

  it(
    'groups the fields into two sections, by dragging a field and with the keyboard',
    async () => {
      await admin.getByTestId('form-designer-layout').getByText('Sections').click();
      await admin.getByTestId('form-group-title-main').fill('基本信息');
      await admin.getByTestId('form-group-add').click();
      await admin.getByTestId('form-group-title-group_2').fill('回访评价');

      // The group cards of the designer (the preview renders the same groups).
      const onTheForm = admin.getByRole('region', { name: 'On the form' });
      const second = onTheForm.getByTestId('form-group-group_2');
      await admin.getByTestId('form-designer-field-score').dragTo(second);
      await second.getByTestId('form-designer-field-score').waitFor();
      // visit_date goes before score: dropped on a row, a field lands before it.
      await admin
        .getByTestId('form-designer-field-visit_date')
        .dragTo(second.getByTestId('form-designer-field-score'));
      await second.getByTestId('form-designer-field-visit_date').waitFor();

      // email follows by keyboard: Alt+↓ past the end of its group enters the next group.
      const emailButton = admin
        .getByTestId('form-designer-field-email')
        .getByRole('button', { name: 'Edit 邮箱' });
      await emailButton.focus();
      await admin.keyboard.press('Alt+ArrowDown');
      await second.getByTestId('form-designer-field-email').waitFor();

      const keysIn = async (group: Locator) => {
        const rows = await group.locator('[data-testid^="form-designer-field-"]').all();
        const ids = await Promise.all(rows.map((row) => row.getAttribute('data-testid')));
        return ids.map((id) => id?.replace('form-designer-field-', ''));
      };
      await eventually(admin, () => keysIn(onTheForm.getByTestId('form-group-main')), [
        'contact',
        'kind',
        'details',
      ]);
      await eventually(admin, () => keysIn(second), ['email', 'visit_date', 'score']);

      // The preview shows the two sections with their titles.
      const preview = admin.getByTestId('form-preview');
      await preview.getByTestId('form-group-main').getByText('基本信息').waitFor();
      await preview.getByTestId('form-group-group_2').getByText('回访评价').waitFor();
      await preview.getByTestId('form-group-group_2').locator('#preview_score').waitFor();
    },
    STEP_TIMEOUT,
  );

  it(
    'scores 满意度 as NPS 0–10 and shows 投诉详情 only when 类型 is 投诉, live in the preview',
    async () => {
      await admin.getByTestId('form-designer-field-score').getByRole('button').first().click();
      const settings = admin.getByTestId('form-field-settings');
      await choose(admin, settings.getByTestId('field-setting-widget'), 'NPS 0–10');
      const preview = admin.getByTestId('form-preview');
      await preview.getByTestId('nps-preview_score').getByRole('radio', { name: '10' }).waitFor();

      await admin.getByTestId('form-designer-field-details').getByRole('button').first().click();
      await settings.getByTestId('field-setting-show-when-add').click();
      await choose(admin, settings.getByTestId('field-setting-show-when-field'), '类型');
      await expect(
        settings.getByTestId('field-setting-show-when-op').textContent(),
      ).resolves.toContain('is');
      await choose(admin, settings.getByTestId('field-setting-show-when-value'), '投诉');
      await admin.getByTestId('form-designer-field-details').getByText('Conditional').waitFor();

      const details = preview.locator('#preview_details');
      await details.waitFor({ state: 'detached' });
      await choose(admin, selectOf(admin, 'preview_kind'), '投诉');
      await details.waitFor();
      await choose(admin, selectOf(admin, 'preview_kind'), '咨询');
      await details.waitFor({ state: 'detached' });

      await admin.getByTestId('form-designer-save').click();
      await admin.getByTestId('form-designer-dirty').waitFor({ state: 'detached' });
      const saved = await t.admin.forms.get('service', 'survey');
      expect(saved.design?.groups.map((group) => group.title)).toEqual(['基本信息', '回访评价']);
      expect(saved.design?.groups[0]?.fields.find((f) => f.key === 'details')?.showWhen).toEqual({
        field: 'kind',
        op: 'eq',
        value: 'complaint',
      });
    },
    STEP_TIMEOUT,
  );

  it(
    'staff fill the form in: a bad email is explained next to the field, the fixed answer is saved',
    async () => {
      const { user, password } = await t.userWith(['staff']);
      staff = await openPage(browser, t.url);
      staff.setDefaultTimeout(30_000);
      await logIn(staff, user.email, password);
      await staff.goto('/apps/service');
      await staff.getByTestId('form-row-survey').waitFor();
      await expect(staff.getByTestId('form-design-survey').count()).resolves.toBe(0);
      await staff.getByTestId('form-fill-survey').click();
      await staff.waitForURL('**/apps/service/forms/survey/fill');
      const form = staff.getByTestId('form-fill');
      await form.getByTestId('form-group-main').getByText('基本信息').waitFor();

      await form.locator('#root_contact').fill('张三');
      await expect(form.locator('#root_details').count()).resolves.toBe(0);
      await choose(staff, selectOf(staff, 'root_kind'), '投诉');
      await form.locator('#root_details').fill('安装师傅迟到了两个小时');
      await form.locator('#root_email').fill('zhangsan.example.com');
      await form.locator('#root_visit_date').fill('2025-03-15');
      await form.locator('#root_visit_date').press('Enter');
      await form.getByTestId('nps-root_score').getByRole('radio', { name: '3' }).click();
      await form.getByTestId('form-submit').click();

      const email = fieldOf(staff, 'root_email');
      await email.getByText('is not a valid email address').waitFor();
      await expect(
        fieldOf(staff, 'root_contact').locator('.ant-form-item-explain-error').count(),
      ).resolves.toBe(0);
      expect(await visits()).toEqual([]);

      await form.locator('#root_email').fill('zhangsan@example.com');
      await form.getByTestId('form-submit').click();
      await staff.getByTestId('form-fill-success').waitFor();
      const [saved] = await visits();
      expect(saved).toMatchObject({
        contact: '张三',
        kind: 'complaint',
        details: '安装师傅迟到了两个小时',
        email: 'zhangsan@example.com',
        visit_date: '2025-03-15',
        score: 3,
      });

      // The record is in the grid, opened from the success page.
      await staff.getByRole('link', { name: 'Open the record' }).click();
      await staff.waitForURL(`**/apps/service/entities/visit/records?record=${saved?.id}`);
      const row = staff.getByTestId('record-row').filter({ hasText: '张三' });
      await expect(row.getByTestId('cell-kind').textContent()).resolves.toBe('投诉');
      await expect(row.getByTestId('cell-score').textContent()).resolves.toBe('3');
      await staff.getByTestId('record-detail').getByText('zhangsan@example.com').waitFor();
    },
    STEP_TIMEOUT,
  );

  it(
    'staff open the form from the records grid: "Fill form" for a new record, and for a row',
    async () => {
      await staff.keyboard.press('Escape');
      await staff.getByTestId('record-detail').waitFor({ state: 'detached' });
      await staff.getByTestId('records-fill-form').click();
      await staff.waitForURL((url) => url.pathname === '/apps/service/forms/survey/fill');
      expect(new URL(staff.url()).search).toBe('');
      await expect(staff.locator('#root_contact').inputValue()).resolves.toBe('');
      await staff.goBack();

      const [first] = await visits();
      const row = staff.getByTestId('record-row').filter({ hasText: '张三' });
      await row.getByTestId('record-fill-form').click();
      await staff.waitForURL(`**/apps/service/forms/survey/fill?record=${first?.id}`);
      await staff.getByRole('heading', { name: 'Edit through 客户回访' }).waitFor();
      const form = staff.getByTestId('form-fill');
      await expect(form.locator('#root_contact').inputValue()).resolves.toBe('张三');
      await expect(form.locator('#root_details').inputValue()).resolves.toBe(
        '安装师傅迟到了两个小时',
      );
      const score = form.getByTestId('nps-root_score');
      await expect(
        score.getByRole('radio', { name: '3' }).getAttribute('aria-checked'),
      ).resolves.toBe('true');
      await score.getByRole('radio', { name: '8' }).click();
      await form.getByTestId('form-submit').click();
      await staff.getByTestId('form-fill-success').waitFor();
      await expect(staff.getByTestId('form-fill-another').count()).resolves.toBe(0);

      const after = await visits();
      expect(after).toHaveLength(1);
      expect(after[0]).toMatchObject({ id: first?.id, contact: '张三', score: 8 });
      await staff.getByRole('link', { name: 'Open the record' }).click();
      const cell = staff
        .getByTestId('record-row')
        .filter({ hasText: '张三' })
        .getByTestId('cell-score');
      await eventually(staff, () => cell.textContent(), '8');
    },
    STEP_TIMEOUT,
  );

  it(
    'the admin publishes the form and a customer answers the share link on a phone',
    async () => {
      await admin.getByRole('tab', { name: 'Share' }).click();
      const share = admin.getByTestId('form-share-panel');
      await share.getByTestId('form-share-public').click();
      await share.getByTestId('form-share-save-first').waitFor();
      await admin.getByTestId('form-designer-save').click();
      await admin.getByTestId('form-designer-dirty').waitFor({ state: 'detached' });
      const link = await share.getByTestId('form-share-link').inputValue();
      await share.getByTestId('form-share-qr').waitFor();
      expect(link).toMatch(/\/f\/[^/]+$/);

      const phone = await openPage(browser, t.url, {
        viewport: { width: 390, height: 844 },
        isMobile: true,
        hasTouch: true,
        locale: 'zh-CN',
      });
      phone.setDefaultTimeout(30_000);
      try {
        await phone.goto(link);
        await phone.getByRole('heading', { name: '客户回访', level: 1 }).waitFor();
        await phone.locator('legend', { hasText: '基本信息' }).waitFor();
        await phone.locator('legend', { hasText: '回访评价' }).waitFor();

        // 投诉详情 follows 类型 here too; the required 联系人 is explained when left empty.
        const details = phone.locator('#root_details');
        await expect(details.count()).resolves.toBe(0);
        await phone.locator('#root_kind').selectOption({ label: '投诉' });
        await details.waitFor();
        await phone.locator('#root_kind').selectOption({ label: '咨询' });
        await details.waitFor({ state: 'detached' });
        await phone.locator('#root_email').fill('lisi@example.com');
        await phone.locator('#root_visit_date').fill('2025-03-20');
        await phone.locator('label[for="root_score-9"]').tap();
        await expect(phone.locator('#root_score-9').isChecked()).resolves.toBe(true);
        await phone.getByRole('button', { name: '提交' }).tap();
        const contact = phone.locator('.fw-field').filter({ has: phone.locator('#root_contact') });
        await contact.getByText('请填写此项。').waitFor();
        await phone.locator('#root_contact:focus').waitFor();
        expect(await visits()).toHaveLength(1);

        await phone.locator('#root_contact').fill('李四');
        await phone.getByRole('button', { name: '提交' }).tap();
        await phone.getByRole('heading', { name: '感谢您的提交！' }).waitFor();
        await phone.getByText('我们已收到您的回复。').waitFor();
      } finally {
        await phone.context().close();
      }

      const records = await visits();
      expect(records).toHaveLength(2);
      expect(records[1]).toMatchObject({
        contact: '李四',
        kind: 'consult',
        details: null,
        email: 'lisi@example.com',
        visit_date: '2025-03-20',
        score: 9,
      });
    },
    STEP_TIMEOUT,
  );

  it(
    'with a second form of visit, "Fill form" offers both, by mouse and by keyboard',
    async () => {
      await admin.goto('/apps/service');
      await admin.getByTestId('form-new').click();
      await admin.getByTestId('form-create-name').fill('Quick visit');
      await expect(admin.getByTestId('form-create-key').inputValue()).resolves.toBe('quick_visit');
      await admin.getByTestId('form-create-save').click();
      await admin.waitForURL('**/apps/service/forms/quick_visit/design');

      await staff.goto('/apps/service/entities/visit/records');
      await staff.getByTestId('records-fill-form').click();
      await staff.getByTestId('records-fill-form-quick_visit').click();
      await staff.waitForURL((url) => url.pathname === '/apps/service/forms/quick_visit/fill');
      await staff.goBack();

      const [first] = await visits();
      const row = staff.getByTestId('record-row').filter({ hasText: '张三' });
      await row.getByTestId('record-fill-form').focus();
      await staff.keyboard.press('Enter');
      // The menu takes the focus: the arrow keys move through the forms, Enter opens one.
      const active = staff.locator('.ant-dropdown-menu-item-active');
      await active.getByText('客户回访').waitFor();
      await staff.keyboard.press('ArrowDown');
      await active.getByText('Quick visit').waitFor();
      await staff.keyboard.press('ArrowUp');
      await active.getByText('客户回访').waitFor();
      await staff.keyboard.press('Enter');
      await staff.waitForURL(`**/apps/service/forms/survey/fill?record=${first?.id}`);
    },
    STEP_TIMEOUT,
  );
});
