import { describe, expect, it } from '@jest/globals';
import { simulateFlow } from './index.js';
import {
  complaintHandlingFlow,
  customerOnboardingFlow,
  discountApprovalFlow,
  keyAccountCareFlow,
} from './fixtures/index.js';
import { line, node } from './test/build-flow.js';

const record = { name: '华东贸易', email: 'buyer@example.com', owner_id: 'u1' };

describe('simulateFlow', () => {
  it('follows a decision on what the classifier answered', () => {
    const result = simulateFlow(
      customerOnboardingFlow,
      { record },
      { steps: { classify: { record: { level: 'B' } } } },
    );
    expect(result.status).toBe('completed');
    expect(result.path).toEqual(['start', 'classify', 'by_level', 'welcome_email', 'end']);
    expect(result.steps).toContainEqual({
      kind: 'branch',
      nodeId: 'by_level',
      edgeId: 'e_level_b',
      target: 'welcome_email',
    });
    expect(result.steps).toContainEqual(
      expect.objectContaining({
        kind: 'step',
        nodeId: 'welcome_email',
        action: 'sendNotification',
      }),
    );
    expect(result.context.record.level).toBe('B');
  });

  it('stops where a task has no answer and says what it waits for', () => {
    const result = simulateFlow(
      customerOnboardingFlow,
      { record },
      { steps: { classify: { record: { level: 'A' } } } },
    );
    expect(result.status).toBe('waiting');
    expect(result.waitingAt).toEqual([{ nodeId: 'visit', for: 'task' }]);
    expect(result.steps.at(-2)).toEqual({
      kind: 'task_created',
      nodeId: 'visit',
      title: '客户经理回访',
      assignee: { field: 'owner_id' },
      due: 'P2D',
    });
    expect(result.steps.at(-1)).toEqual({
      kind: 'timer_scheduled',
      nodeId: 'visit',
      timer: 'escalation',
      duration: 'P2D',
    });
  });

  it('completes tasks with the given answers, escalating first when asked', () => {
    const result = simulateFlow(
      customerOnboardingFlow,
      { record },
      {
        steps: { classify: { record: { level: 'A' } } },
        tasks: { visit: { data: { summary: 'ok' } } },
        escalate: ['visit'],
      },
    );
    expect(result.status).toBe('completed');
    const kinds = result.steps
      .filter((step) => 'nodeId' in step && step.nodeId === 'visit')
      .map((step) => step.kind);
    expect(kinds).toEqual([
      'enter',
      'task_created',
      'timer_scheduled',
      'timer_fired',
      'escalated',
      'task_completed',
    ]);
    expect(result.context.tasks.visit).toEqual({ summary: 'ok' });
  });

  it('fires wait timers at once, unless told not to', () => {
    const waited = simulateFlow(
      customerOnboardingFlow,
      { record },
      { steps: { classify: { record: { level: 'C' } } } },
    );
    expect(waited.path).toEqual([
      'start',
      'classify',
      'by_level',
      'wait_week',
      'remind_owner',
      'end',
    ]);
    const held = simulateFlow(customerOnboardingFlow, { record }, { fireTimers: false });
    expect(held.status).toBe('waiting');
    expect(held.waitingAt).toEqual([{ nodeId: 'wait_week', for: 'timer' }]);
  });

  it('takes the approval branch the outcome names', () => {
    const approved = simulateFlow(
      discountApprovalFlow,
      { record: { discount_rate: 0.3 } },
      {
        tasks: { manager: { outcome: 'approve' }, director: { outcome: 'reject' } },
      },
    );
    expect(approved.path).toEqual([
      'start',
      'manager',
      'how_much',
      'director',
      'reject',
      'tell_rejected',
      'end_rejected',
    ]);
    expect(approved.context.record.status).toBe('rejected');
  });

  it('runs parallel branches and joins them', () => {
    const result = simulateFlow(
      keyAccountCareFlow,
      { record },
      { tasks: { call: { data: { satisfied: false } } } },
    );
    expect(result.status).toBe('completed');
    expect(result.path.slice(0, 5)).toEqual([
      'start',
      'split',
      'call',
      'gift_email',
      'service_plan',
    ]);
    expect(result.path.slice(-3)).toEqual(['join', 'mark_cared', 'end']);
    expect(result.path).toContain('alert_lead');
  });

  it('goes round a loop once per answer in a list', () => {
    const result = simulateFlow(
      complaintHandlingFlow,
      { record: { title: '发货延迟' } },
      {
        steps: { grade: { record: { severity: 'low' } } },
        tasks: {
          handle: [{ data: { resolution: '补发' } }, { data: { resolution: '退款' } }],
          follow_up: [{ data: { satisfied: false } }, { data: { satisfied: true } }],
        },
      },
    );
    expect(result.status).toBe('completed');
    expect(result.path.filter((id) => id === 'handle')).toHaveLength(2);
    expect(result.path).toContain('reopen');
    expect(result.context.tasks.handle).toEqual({ resolution: '退款' });
  });

  it('stops an endless loop of answers', () => {
    const result = simulateFlow(
      complaintHandlingFlow,
      { record: {} },
      {
        tasks: { handle: { data: { resolution: 'x' } }, follow_up: { data: { satisfied: false } } },
        maxSteps: 50,
      },
    );
    expect(result.status).toBe('stopped');
  });

  it('refuses an invalid flow with its errors', () => {
    const result = simulateFlow(line(node('w', 'wait', {})));
    expect(result.status).toBe('invalid');
    expect(result.errors[0]?.code).toBe('wait_without_time');
  });
});
