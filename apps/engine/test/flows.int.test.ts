import http from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { FormworkClient } from '@formwork/client';
import type { FlowInput, FlowInstance, FlowTask } from '@formwork/definitions';
import { refusal } from './support/refusal.js';
import { startSmtpSink, type SmtpSink } from './support/smtp-sink.js';
import { startTestEngine, type TestEngine } from './support/test-engine.js';

let t: TestEngine;
let smtp: SmtpSink;
let staff: FormworkClient;
let otherStaff: FormworkClient;
let hook: {
  url: string;
  calls: { headers: http.IncomingHttpHeaders; body: string }[];
  fail: boolean;
  close(): Promise<void>;
};

async function startHookServer(): Promise<typeof hook> {
  const calls: typeof hook.calls = [];
  const state = { fail: false };
  const server = http.createServer((request, response) => {
    let body = '';
    request.on('data', (chunk: Buffer) => (body += chunk.toString()));
    request.on('end', () => {
      calls.push({ headers: request.headers, body });
      response.statusCode = state.fail ? 500 : 200;
      response.end('{}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  return {
    url: `http://127.0.0.1:${port}/hook`,
    calls,
    get fail() {
      return state.fail;
    },
    set fail(value: boolean) {
      state.fail = value;
    },
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

beforeAll(async () => {
  smtp = await startSmtpSink();
  hook = await startHookServer();
  t = await startTestEngine({
    FORMWORK_SMTP_URL: `smtp://127.0.0.1:${smtp.port}`,
    FORMWORK_WEBHOOK_ALLOWED_HOSTS: '127.0.0.1',
    FORMWORK_DELIVERY_RETRIES: '1',
  });
  staff = (await t.userWith(['staff'])).client;
  otherStaff = (await t.userWith(['viewer'])).client;
  await t.admin.apps.create({ key: 'crm', name: '客户管理' });
  await t.admin.entities.put('crm', {
    key: 'customer',
    name: '客户',
    fields: [
      { key: 'name', name: '名称', type: 'text' },
      { key: 'email', name: '邮箱', type: 'email' },
      { key: 'stage', name: '阶段', type: 'text' },
      { key: 'score', name: '满意度', type: 'integer' },
    ],
  });
  await t.admin.forms.put('crm', 'visit', { name: '回访', entity: 'customer' });
});
afterAll(async () => {
  await t.stop();
  await smtp.close();
  await hook.close();
});

async function eventually<T>(
  read: () => Promise<T>,
  done: (value: T) => boolean,
  timeoutMs = 15_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (done(value)) return value;
    if (Date.now() > deadline)
      throw new Error(`gave up waiting; last value ${JSON.stringify(value)}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

const careFlow = (webhookUrl: string): FlowInput => ({
  name: '新客户关怀',
  trigger: { type: 'record_created', entity: 'customer' },
  graph: {
    nodes: [
      { id: 'start', type: 'start', data: {} },
      { id: 'mark', type: 'update_record', data: { set: { stage: '新客户' } } },
      {
        id: 'visit',
        type: 'form_task',
        data: {
          title: '首次回访 {{record.name}}',
          form: 'visit',
          assignee: { role: 'staff' },
          due: 'P2D',
        },
      },
      { id: 'happy', type: 'decision', data: {} },
      {
        id: 'thanks',
        type: 'notify',
        data: {
          to: { email: 'care@example.com' },
          channel: 'email',
          subject: '感谢 {{record.name}}',
          body: '满意度 {{record.score}}',
        },
      },
      {
        id: 'alert',
        type: 'webhook',
        data: { url: webhookUrl, method: 'POST', body: { customer: '{{record.name}}' } },
      },
      { id: 'end', type: 'end', data: {} },
    ],
    edges: [
      { id: 'e1', source: 'start', target: 'mark' },
      { id: 'e2', source: 'mark', target: 'visit' },
      { id: 'e3', source: 'visit', target: 'happy' },
      {
        id: 'e4',
        source: 'happy',
        target: 'thanks',
        data: { condition: { field: 'record.score', op: 'gte', value: 8 } },
      },
      { id: 'e5', source: 'happy', target: 'alert', data: { default: true } },
      { id: 'e6', source: 'thanks', target: 'end' },
      { id: 'e7', source: 'alert', target: 'end' },
    ],
  },
});

const instancesOf = async (flow: string) => (await t.admin.flows.instances('crm', flow)).items;

async function instanceFor(flow: string, recordId: string): Promise<FlowInstance> {
  const [instance] = await eventually(
    async () => (await instancesOf(flow)).filter((item) => item.recordId === recordId),
    (items) => items.length > 0,
  );
  return instance!;
}

async function openTask(client: FormworkClient, instanceId: string): Promise<FlowTask> {
  const tasks = await eventually(
    async () => (await client.flows.tasks()).filter((task) => task.instanceId === instanceId),
    (items) => items.length > 0,
  );
  return tasks[0]!;
}

describe('drafts and publishing', () => {
  it('saves an invalid draft with its problems on the nodes, and refuses to publish it', async () => {
    const broken = careFlow(hook.url);
    broken.graph.nodes = broken.graph.nodes.map((node) =>
      node.id === 'visit' ? { ...node, data: { title: '回访', form: 'visit' } } : node,
    );
    const saved = await t.admin.flows.put('crm', 'care', broken);
    expect(saved.valid).toBe(false);
    expect(saved.errors).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ code: 'task_without_assignee', nodeId: 'visit' }),
      ]),
    );
    const problem = await refusal(t.admin.flows.publish('crm', 'care'));
    expect(problem.status).toBe(422);
    expect((await t.admin.flows.get('crm', 'care')).publishedVersion).toBeNull();
  });

  it('publishes the fixed draft as version 1; a stale revision is a 409', async () => {
    const current = await t.admin.flows.get('crm', 'care');
    const saved = await t.admin.flows.put('crm', 'care', careFlow(hook.url), {
      expectedRevision: current.draftRevision,
    });
    expect(saved.errors).toEqual([]);
    expect(saved).toMatchObject({ valid: true, errors: [] });
    expect(
      (await refusal(t.admin.flows.put('crm', 'care', careFlow(hook.url), { expectedRevision: 1 })))
        .status,
    ).toBe(409);
    expect(await t.admin.flows.publish('crm', 'care')).toEqual({ version: 1 });
    expect((await t.admin.flows.versions('crm', 'care')).items.map((item) => item.version)).toEqual(
      [1],
    );
  });

  it('refuses a webhook to the engine itself and a non-http URL', async () => {
    const flow = careFlow('ftp://example.com/x');
    const saved = await t.admin.flows.put('crm', 'bad_hook', flow);
    expect(saved.errors).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ code: 'invalid_webhook_url', nodeId: 'alert' }),
      ]),
    );
  });
});

describe('running', () => {
  it('starts on a created record, waits for the task, and completes through the decision', async () => {
    const customer = await t.admin.records.create('crm', 'customer', {
      name: '王芳',
      email: 'wang@example.com',
    });
    const instance = await instanceFor('care', customer.id);
    const waiting = await eventually(
      () => t.admin.flows.instance(instance.id),
      (item) => item.status === 'waiting',
    );
    expect(waiting.current).toEqual(['visit']);
    expect((await t.admin.records.get('crm', 'customer', customer.id)).stage).toBe('新客户');

    const task = await openTask(staff, instance.id);
    expect(task).toMatchObject({
      title: '首次回访 王芳',
      form: 'visit',
      recordId: customer.id,
    });
    expect(Date.parse(task.dueAt!)).toBeGreaterThan(Date.now() + 47 * 3600_000);

    const invalid = await refusal(staff.flows.completeTask(task.id, { data: { score: 'ten' } }));
    expect(invalid.status).toBe(422);
    expect(invalid.problem.errors?.map((error) => error.path)).toContain('/data/score');
    expect(
      (await refusal(otherStaff.flows.completeTask(task.id, { data: { score: 9 } }))).status,
    ).toBe(403);

    await staff.flows.completeTask(task.id, { data: { score: 9 } });
    expect((await refusal(staff.flows.completeTask(task.id, { data: { score: 9 } }))).status).toBe(
      409,
    );
    const done = await eventually(
      () => t.admin.flows.instance(instance.id),
      (item) => item.status === 'completed',
    );
    expect(
      done.history.filter((entry) => entry.event === 'entered').map((entry) => entry.nodeId),
    ).toEqual(['start', 'mark', 'visit', 'happy', 'thanks', 'end']);
    expect(done.history.find((entry) => entry.event === 'task_completed')).toMatchObject({
      nodeId: 'visit',
      data: { score: 9 },
    });
    // The form's shared field went onto the record; the flow's own write did not start it again.
    expect((await t.admin.records.get('crm', 'customer', customer.id)).score).toBe(9);
    expect(
      (await instancesOf('care')).filter((item) => item.recordId === customer.id),
    ).toHaveLength(1);

    const [mail] = await smtp.waitFor(1);
    expect(mail!.data).toContain('Idempotency-Key');
    expect(mail!.to[0]).toContain('care@example.com');
  });

  it('calls the webhook with an Idempotency-Key, and reports a failed delivery honestly', async () => {
    const customer = await t.admin.records.create('crm', 'customer', { name: '李强' });
    const instance = await instanceFor('care', customer.id);
    await staff.flows.completeTask((await openTask(staff, instance.id)).id, { data: { score: 3 } });
    const done = await eventually(
      () => t.admin.flows.instance(instance.id),
      (item) => item.status === 'completed',
    );
    expect(done.context.tasks.alert).toEqual({ status: 200 });
    const call = hook.calls.find((item) => item.body.includes('李强'));
    expect(call?.headers['idempotency-key']).toBeTruthy();

    hook.fail = true;
    const unlucky = await t.admin.records.create('crm', 'customer', { name: '赵敏' });
    const failing = await instanceFor('care', unlucky.id);
    await staff.flows.completeTask((await openTask(staff, failing.id)).id, { data: { score: 1 } });
    const failed = await eventually(
      () => t.admin.flows.instance(failing.id),
      (item) => item.status === 'failed',
      60_000,
    );
    expect(failed.error).toMatchObject({
      nodeId: 'alert',
      message: expect.stringContaining('500'),
    });
    hook.fail = false;
    await t.admin.flows.retry(failing.id);
    await eventually(
      () => t.admin.flows.instance(failing.id),
      (item) => item.status === 'completed',
    );
  }, 90_000);

  it('wakes a wait on time, and a cancelled instance ignores its pending timer', async () => {
    await t.admin.flows.put('crm', 'pause', {
      name: '等待',
      trigger: { type: 'manual', entity: 'customer' },
      graph: {
        nodes: [
          { id: 'start', type: 'start', data: {} },
          { id: 'wait', type: 'wait', data: { duration: 'PT1S' } },
          { id: 'mark', type: 'update_record', data: { set: { stage: '已等待' } } },
          { id: 'end', type: 'end', data: {} },
        ],
        edges: [
          { id: 'a', source: 'start', target: 'wait' },
          { id: 'b', source: 'wait', target: 'mark' },
          { id: 'c', source: 'mark', target: 'end' },
        ],
      },
    });
    await t.admin.flows.publish('crm', 'pause');
    const customer = await t.admin.records.create('crm', 'customer', { name: '周杰' });
    const started = await t.admin.flows.start('crm', 'pause', { recordId: customer.id });
    expect(started).toMatchObject({ status: 'waiting', current: ['wait'] });
    await eventually(
      () => t.admin.flows.instance(started.id),
      (item) => item.status === 'completed',
      20_000,
    );
    expect((await t.admin.records.get('crm', 'customer', customer.id)).stage).toBe('已等待');

    const other = await t.admin.records.create('crm', 'customer', { name: '孙丽', stage: '原样' });
    const cancelled = await t.admin.flows.cancel(
      (await t.admin.flows.start('crm', 'pause', { recordId: other.id })).id,
    );
    expect(cancelled.status).toBe('cancelled');
    await new Promise((resolve) => setTimeout(resolve, 2_500));
    expect((await t.admin.flows.instance(cancelled.id)).status).toBe('cancelled');
    expect((await t.admin.records.get('crm', 'customer', other.id)).stage).not.toBe('已等待');
  }, 40_000);

  it('refuses to start an unpublished flow and a record of another entity', async () => {
    expect((await refusal(t.admin.flows.start('crm', 'bad_hook'))).status).toBe(409);
    const problem = await refusal(
      t.admin.flows.start('crm', 'pause', { recordId: '00000000-0000-4000-8000-000000000000' }),
    );
    expect(problem.status).toBe(422);
  });

  it('shows the operations view', async () => {
    const operations = await t.admin.flows.operations();
    expect(operations.instances.completed).toBeGreaterThanOrEqual(3);
    expect(operations.instances.cancelled).toBeGreaterThanOrEqual(1);
  });
});
