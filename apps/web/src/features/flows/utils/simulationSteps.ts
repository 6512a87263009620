import type { FlowNode } from '@formwork/definitions';
import type { SimulationStep, TaskChoice } from '@formwork/flows';
import type { TFunction } from 'i18next';
import { displayName } from './describeProblem';

/** A person's choice at a task, in the order they were made (a task in a loop gets one per visit). */
export interface MadeChoice {
  nodeId: string;
  choice: TaskChoice;
}

export function tasksOf(choices: readonly MadeChoice[]): Record<string, TaskChoice[]> {
  const tasks: Record<string, TaskChoice[]> = {};
  for (const { nodeId, choice } of choices) (tasks[nodeId] ??= []).push(choice);
  return tasks;
}

/** One line of the simulation's trace. */
export function stepText(
  step: SimulationStep,
  t: TFunction,
  nodes: ReadonlyMap<string, FlowNode>,
): string {
  const node = displayName(nodes.get(step.nodeId), step.nodeId, t);
  switch (step.kind) {
    case 'enter':
      return t('flows.simulate.steps.enter', { node });
    case 'branch':
      return t('flows.simulate.steps.branch', {
        node,
        target: displayName(nodes.get(step.target), step.target, t),
      });
    case 'task_created':
      return t('flows.simulate.steps.task_created', { node, title: step.title });
    case 'task_completed':
      return step.outcome
        ? t('flows.simulate.steps.task_decided', {
            node,
            outcome: t(`flows.edge.outcomes.${step.outcome as 'approve'}`),
          })
        : t('flows.simulate.steps.task_completed', { node });
    case 'timer_scheduled':
      return t('flows.simulate.steps.timer_scheduled', {
        node,
        when: step.duration ?? step.until ?? '',
      });
    case 'timer_fired':
      return t('flows.simulate.steps.timer_fired', { node });
    case 'escalated':
      return t('flows.simulate.steps.escalated', { node });
    case 'step':
      return t('flows.simulate.steps.step', { node, action: step.action });
    case 'step_completed':
      return t('flows.simulate.steps.step_completed', { node });
  }
}
