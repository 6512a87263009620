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

// An admin draws 新客户关怀 (start → mark the customer → a visit task for staff → end) by dragging
// from the palette and connecting handles, fixes what the canvas flags, and publishes it; a new
// customer starts it, staff complete the visit from their inbox, and the instance shows its path.
const STEP_TIMEOUT = 120_000;

const customer: EntityInput = {
  key: 'customer',
  name: '客户',
  fields: [
    { key: 'name', name: '名称', type: 'text', required: true },
    { key: 'stage', name: '阶段', type: 'text' },
    { key: 'score', name: '满意度', type: 'integer' },
  ],
};

let t: TestEngine;
let browser: Browser;
let admin: Page;
let staff: Page;
let staffUser: { id: string; email: string; password: string };
/** The customer the admin creates in the grid, and the instance it started. */
let created: EntityRecord;
let instanceId: string;

beforeAll(async () => {
  t = await startTestEngine({ FORMWORK_WEB_DIST: WEB_DIST });
  await t.admin.apps.create({ key: 'crm', name: '客户管理' });
  await t.admin.entities.put('crm', customer);
  await t.admin.forms.put('crm', 'visit', { name: '回访', entity: 'customer' });
  const { user, password } = await t.userWith(['staff']);
  staffUser = { id: user.id, email: user.email, password };
  browser = await launchBrowser();
  // Wide enough for the palette, the canvas and the side panel side by side.
  const viewport = { width: 1600, height: 1000 };
  admin = await openPage(browser, t.url, { viewport });
  admin.setDefaultTimeout(30_000);
  staff = await openPage(browser, t.url, { viewport });
  staff.setDefaultTimeout(30_000);
});
afterAll(async () => {
  await admin?.context().close();
  await staff?.context().close();
  await browser?.close();
  await t?.stop();
});

/** Polls `read` until it gives `expected` (pages refetch and re-render), then checks it. */
async function eventually<T>(page: Page, read: () => Promise<T>, expected: T, timeoutMs = 15_000) {
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
 * (another select's list may still be closing); checks the choice took, and tries again if not.
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

/** Picks an option of an antd select that does not keep the choice (an "add…" picker). */
async function pick(page: Page, select: Locator, label: string): Promise<void> {
  await select.click();
  const list = await select.getByRole('combobox').getAttribute('aria-controls');
  await page
    .locator('.ant-select-dropdown')
    .filter({ has: page.locator(`[id="${list}"]`) })
    .locator(`.ant-select-item-option[title="${label}"]`)
    .click();
}

async function centreOf(locator: Locator): Promise<{ x: number; y: number }> {
  const box = await locator.boundingBox();
  if (!box) throw new Error(`${locator.toString()} is not on screen`);
  return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
}

/** Drags a palette item onto the canvas, at a fraction of the canvas's width and height. */
async function dropFromPalette(type: string, at: { x: number; y: number }): Promise<void> {
  const canvas = admin.getByTestId('flow-canvas');
  const box = await canvas.boundingBox();
  if (!box) throw new Error('the canvas is not on screen');
  await admin.getByTestId(`flow-palette-${type}`).dragTo(canvas, {
    targetPosition: { x: box.width * at.x, y: box.height * at.y },
  });
}

/** Drags with the mouse from one node's bottom handle to another's top handle. */
async function connect(source: string, target: string): Promise<void> {
  const from = await centreOf(admin.getByTestId(`flow-handle-${source}-out`));
  const to = await centreOf(admin.getByTestId(`flow-handle-${target}-in`));
  await admin.mouse.move(from.x, from.y);
  await admin.mouse.down();
  await admin.mouse.move((from.x + to.x) / 2, (from.y + to.y) / 2, { steps: 5 });
  await admin.mouse.move(to.x, to.y, { steps: 5 });
  await admin.mouse.up();
}

/** The codes of the problems listed for one node (read at once: the list changes as one edits). */
const problemsOf = (nodeId: string): Promise<string[]> =>
  admin
    .getByTestId('flow-problems')
    .locator(`[data-testid^="flow-problem-"][data-node-id="${nodeId}"]`)
    .evaluateAll((items: { getAttribute(name: string): string | null }[]) =>
      items.map((item) => item.getAttribute('data-code') ?? '').sort(),
    );

const stateOf = (root: Page | Locator, testId: string) =>
  root.getByTestId(testId).getAttribute('data-state');

describe('flows in the browser: draw, check, publish, run, complete the task, see the path', () => {
  it(
    'an admin creates the flow 新客户关怀, started when a customer is created',
    async () => {
      await logIn(admin, ADMIN_EMAIL, ADMIN_PASSWORD);
      await admin.goto('/apps/crm');
      const section = admin.getByTestId('flows-section');
      await section.getByTestId('flows-empty').waitFor();
      await section.getByTestId('flow-new').click();
      await admin.getByTestId('flow-create-name').fill('新客户关怀');
      await admin.getByTestId('flow-create-key').fill('care');
      await expect(admin.getByTestId('flow-create-trigger').textContent()).resolves.toContain(
        'Record created',
      );
      await admin.getByTestId('flow-create-save').click();
      await admin.waitForURL('**/apps/crm/flows/care');
      await admin.getByTestId('flow-editor').waitFor();
      await admin.getByTestId('flow-unpublished').waitFor();
      await admin.getByTestId('flow-node-start').waitFor();
      await admin.getByTestId('flow-node-end').waitFor();
      // The trigger as the engine saved it: record created on customer (the app's first entity).
      expect((await t.admin.flows.get('crm', 'care')).trigger).toEqual({
        type: 'record_created',
        entity: 'customer',
      });
    },
    STEP_TIMEOUT,
  );

  it(
    'draws start → update record → form task → end by dragging from the palette and connecting handles',
    async () => {
      // The new flow's start → end edge goes: the steps come in between. A straight edge has no
      // area of its own: click on its line, halfway, then Delete.
      const direct = admin.getByTestId('rf__edge-e_start_end');
      await direct.waitFor({ state: 'attached' });
      const top = await centreOf(admin.getByTestId('flow-handle-start-out'));
      const bottom = await centreOf(admin.getByTestId('flow-handle-end-in'));
      await admin.mouse.click((top.x + bottom.x) / 2, (top.y + bottom.y) / 2);
      await admin.getByTestId('flow-edge-settings').waitFor();
      await expect(
        admin.getByTestId('flow-edge-settings').getAttribute('data-edge-id'),
      ).resolves.toBe('e_start_end');
      await admin.keyboard.press('Delete');
      await direct.waitFor({ state: 'detached' });

      await dropFromPalette('update_record', { x: 0.2, y: 0.35 });
      const mark = admin.getByTestId('flow-node-update_record_1');
      await mark.waitFor();
      await dropFromPalette('form_task', { x: 0.8, y: 0.6 });
      const visit = admin.getByTestId('flow-node-form_task_1');
      await visit.waitFor();
      await expect(visit.getAttribute('data-node-type')).resolves.toBe('form_task');

      // Dangling: nothing leads to the new steps yet, and the canvas says so.
      await eventually(admin, () => problemsOf('update_record_1'), [
        'invalid_node_data', // it sets no field yet
        'no_outgoing_edge',
        'unreachable_node',
      ]);
      await expect(
        admin.getByTestId('flow-node-update_record_1').getAttribute('data-problems'),
      ).resolves.toBe('3');
      await expect(admin.getByTestId('flow-publish').isDisabled()).resolves.toBe(true);

      await connect('start', 'update_record_1');
      await admin.getByTestId('rf__edge-e_1').waitFor();
      await connect('update_record_1', 'form_task_1');
      await admin.getByTestId('rf__edge-e_2').waitFor();
      await connect('form_task_1', 'end');
      await admin.getByTestId('rf__edge-e_3').waitFor();
      await eventually(admin, () => problemsOf('update_record_1'), ['invalid_node_data']);

      // Drawn anyhow; "Arrange automatically" puts the steps one below the other, in order.
      await admin.getByTestId('flow-layout').click();
      const tops = () =>
        Promise.all(
          ['start', 'update_record_1', 'form_task_1', 'end'].map(
            async (id) => (await admin.getByTestId(`flow-node-${id}`).boundingBox())?.y ?? NaN,
          ),
        );
      const inOrder = async () => {
        const ys = await tops();
        return ys.every((y, i) => i === 0 || y > ys[i - 1]!);
      };
      await eventually(admin, inOrder, true);

      // Autosaved: the engine has the three connections.
      await eventually(admin, () => stateOf(admin, 'flow-save-state'), 'saved');
      const saved = await t.admin.flows.get('crm', 'care');
      expect(saved.graph.edges.map((edge) => [edge.source, edge.target]).sort()).toEqual(
        [
          ['start', 'update_record_1'],
          ['update_record_1', 'form_task_1'],
          ['form_task_1', 'end'],
        ].sort(),
      );
    },
    STEP_TIMEOUT,
  );

  it(
    'shows the task without assignee and form on the canvas, with Publish disabled',
    async () => {
      const visit = admin.getByTestId('flow-node-form_task_1');
      await eventually(admin, () => problemsOf('form_task_1'), [
        'form_task_without_form',
        'task_without_assignee',
      ]);
      await expect(visit.getAttribute('data-problems')).resolves.toBe('2');
      await expect(visit.getAttribute('class')).resolves.toContain('fw-flow-node-invalid');
      const badge = admin.getByTestId('flow-node-problems-form_task_1');
      await badge.hover();
      const tooltip = admin.getByRole('tooltip');
      await tooltip.getByText('Form task: choose who works this task.').waitFor();
      await tooltip.getByText('Form task: choose the form to fill in.').waitFor();

      const publish = admin.getByTestId('flow-publish');
      await expect(publish.isDisabled()).resolves.toBe(true);
      await expect(admin.getByTestId('flow-publish-reason').textContent()).resolves.toBe(
        'Fix 3 problems to publish',
      );
    },
    STEP_TIMEOUT,
  );

  it(
    'fixes them in the side panel: the step marks the customer, staff fill 回访',
    async () => {
      await admin.getByTestId('flow-node-update_record_1').click();
      const panel = admin.getByTestId('flow-node-settings');
      await expect(panel.getAttribute('data-node-id')).resolves.toBe('update_record_1');
      // "Set a field…" adds a row per field picked, and empties itself again.
      await pick(admin, panel.getByTestId('flow-setting-set-add'), '阶段 (stage)');
      await panel.getByTestId('flow-setting-set-row-stage').waitFor();
      await panel.getByTestId('flow-setting-set-value-stage').fill('新客户');

      await admin.getByTestId('flow-node-form_task_1').click();
      await eventually(admin, () => panel.getAttribute('data-node-id'), 'form_task_1');
      await panel.getByTestId('flow-setting-title').fill('首次回访');
      await choose(admin, panel.getByTestId('flow-setting-form'), '回访 (visit)');
      await eventually(admin, () => problemsOf('form_task_1'), ['task_without_assignee']);
      await choose(admin, panel.getByTestId('flow-setting-assignee'), 'Staff');
      // Due in two days (days is the unit offered first).
      await panel.getByTestId('flow-setting-due').fill('2');

      await admin.getByTestId('flow-problems-none').waitFor();
      await expect(
        admin.getByTestId('flow-node-form_task_1').getAttribute('data-problems'),
      ).resolves.toBe('0');
      await admin.getByTestId('flow-node-form_task_1').getByText('首次回访').waitFor();
      await admin.getByTestId('flow-publish-reason').waitFor({ state: 'detached' });
      await expect(admin.getByTestId('flow-publish').isEnabled()).resolves.toBe(true);
    },
    STEP_TIMEOUT,
  );

  it(
    'publishes version 1',
    async () => {
      await admin.getByTestId('flow-publish').click();
      const version = admin.getByTestId('flow-published-version');
      await version.waitFor();
      await expect(version.textContent()).resolves.toBe('Version 1');
      const [published] = (await t.admin.flows.versions('crm', 'care')).items;
      expect(published?.version).toBe(1);
      const task = published?.graph.nodes.find((node) => node.id === 'form_task_1');
      expect(task?.data).toMatchObject({
        title: '首次回访',
        form: 'visit',
        assignee: { role: 'staff' },
        due: 'P2D',
      });
      expect(published?.graph.nodes.find((node) => node.id === 'update_record_1')?.data).toEqual({
        set: { stage: '新客户' },
      });

      // Opened again, the editor shows the saved draft, published, with nothing to fix.
      await admin.reload();
      await admin.getByTestId('flow-node-form_task_1').getByText('首次回访').waitFor();
      await expect(admin.getByTestId('flow-published-version').textContent()).resolves.toBe(
        'Version 1',
      );
      await admin.getByTestId('flow-problems-none').waitFor();
      for (const edge of ['e_1', 'e_2', 'e_3'])
        await admin.getByTestId(`rf__edge-${edge}`).waitFor({ state: 'attached' });
    },
    STEP_TIMEOUT,
  );

  it(
    'a customer created in the records grid starts the flow, which waits for staff',
    async () => {
      await admin.goto('/apps/crm/entities/customer/records');
      await admin.getByTestId('records-empty').waitFor();
      await admin.getByTestId('record-new').click();
      const form = admin.getByTestId('record-form');
      await form.getByTestId('record-field-name').fill('王芳');
      await admin.getByTestId('record-save').click();
      await form.waitFor({ state: 'detached' });
      await admin.getByTestId('record-row').filter({ hasText: '王芳' }).waitFor();
      const { items } = await t.admin.records.list('crm', 'customer');
      expect(items).toHaveLength(1);
      created = items[0]!;

      // The flow's instances tab lists the new instance, waiting at the task.
      await admin.goto('/apps/crm/flows/care');
      await admin.getByTestId('flow-tab-instances').click();
      const row = admin.locator('[data-testid^="flow-instance-row-"]');
      await row.first().waitFor();
      await expect(row.count()).resolves.toBe(1);
      instanceId = (await row.getAttribute('data-testid'))!.replace('flow-instance-row-', '');
      // Refreshed every few seconds: the first step runs right after the record is created.
      await row.and(admin.locator('[data-status="waiting"]')).waitFor({ timeout: 60_000 });

      // Its page: done with the first step, waiting at the task for staff.
      await admin.getByTestId(`flow-instance-link-${instanceId}`).click();
      await admin.waitForURL(`**/flow-instances/${instanceId}`);
      const page = admin.getByTestId('instance-page');
      await expect(page.getByTestId('instance-status').getAttribute('data-status')).resolves.toBe(
        'waiting',
      );
      // The step's title once its version's graph is in (its id until then).
      const diagram = page.getByTestId('instance-diagram');
      await diagram.getByTestId('flow-node-end').waitFor();
      await expect(page.getByTestId('instance-current').textContent()).resolves.toBe('首次回访');
      const states = await Promise.all(
        ['start', 'update_record_1', 'form_task_1', 'end'].map((node) =>
          stateOf(diagram, `flow-node-${node}`),
        ),
      );
      expect(states).toEqual(['path', 'path', 'current', 'idle']);
      const edgeStates = await Promise.all(
        ['e_1', 'e_2', 'e_3'].map((edge) => stateOf(diagram, `rf__edge-${edge}`)),
      );
      expect(edgeStates).toEqual(['path', 'path', 'idle']);
    },
    STEP_TIMEOUT,
  );

  it(
    'staff open the task from their inbox, see the customer, fill 回访 and complete it',
    async () => {
      await logIn(staff, staffUser.email, staffUser.password);
      await staff.goto('/tasks');
      const page = staff.getByTestId('tasks-page');
      const row = page.locator('[data-testid^="task-row-"]');
      await row.first().waitFor();
      await expect(row.count()).resolves.toBe(1);
      await expect(row.getAttribute('data-kind')).resolves.toBe('form');
      await row.getByText('首次回访').waitFor();
      await row.getByText('王芳').waitFor();
      await expect(row.textContent()).resolves.not.toContain('No due date');
      await row.locator('[data-testid^="task-open-"]').click();

      const panel = staff.getByTestId('task-panel');
      await panel.waitFor();
      await panel.getByTestId('task-record').getByText('王芳').waitFor();
      const form = panel.getByTestId('task-form');
      // Prefilled from the record: the flow's first step set 阶段.
      await expect(form.locator('#task_stage').inputValue()).resolves.toBe('新客户');
      await form.locator('#task_score').fill('9');
      await form.getByTestId('form-submit').click();
      await panel.waitFor({ state: 'detached' });
      await page.getByTestId('tasks-empty').waitFor();

      expect((await t.admin.records.get('crm', 'customer', created.id)).score).toBe(9);
      const [task] = await t.sql<{ due_at: Date }>('SELECT due_at FROM formwork.tasks');
      expect(task!.due_at.getTime()).toBeGreaterThan(Date.now() + 47 * 3600_000);
    },
    STEP_TIMEOUT,
  );

  it(
    'the instance page the admin left open turns completed, with the whole path lit and its history',
    async () => {
      const page = admin.getByTestId('instance-page');
      // The page asks again while the instance runs: no reload.
      const status = page.locator('[data-testid="instance-status"][data-status="completed"]');
      await status.waitFor({ timeout: 60_000 });
      await expect(status.textContent()).resolves.toBe('Completed');

      const diagram = page.getByTestId('instance-diagram');
      await diagram.locator('[data-testid="flow-node-end"][data-state="path"]').waitFor();
      for (const node of ['start', 'update_record_1', 'form_task_1', 'end'])
        await expect(stateOf(diagram, `flow-node-${node}`)).resolves.toBe('path');
      for (const edge of ['e_1', 'e_2', 'e_3'])
        await expect(stateOf(diagram, `rf__edge-${edge}`)).resolves.toBe('path');
      await expect(page.getByTestId('instance-current').textContent()).resolves.toBe('—');

      const history = page.getByTestId('instance-history');
      const rows = history.locator('[data-testid^="instance-history-row-"]');
      const nodeIds = await Promise.all(
        (await rows.all()).map((row) => row.getAttribute('data-node-id')),
      );
      expect([...new Set(nodeIds)]).toEqual(['start', 'update_record_1', 'form_task_1', 'end']);
      const taskRow = rows.filter({ hasText: 'task_completed' });
      await expect(taskRow.count()).resolves.toBe(1);
      await expect(taskRow.getAttribute('data-node-id')).resolves.toBe('form_task_1');
      await taskRow.getByText(staffUser.id).waitFor();

      const record = await t.admin.records.get('crm', 'customer', created.id);
      expect(record).toMatchObject({ stage: '新客户', score: 9 });
    },
    STEP_TIMEOUT,
  );
});
