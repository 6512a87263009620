import type { DataLossReport, EntityChangePlan } from '@formwork/definitions';
import { isApiError } from '../../../lib/apiErrors';

/** Where "review, then apply" stands. */
export type ReviewState =
  | { step: 'closed' }
  | { step: 'planning' }
  | { step: 'planned'; plan: EntityChangePlan }
  /** Someone else changed the entity since it was loaded. */
  | { step: 'stale' }
  /** The engine refused: the change would lose or corrupt data. */
  | { step: 'dataLoss'; detail: string; report: DataLossReport[] }
  | { step: 'failed'; message: string };

function isReport(value: unknown): value is DataLossReport[] {
  return Array.isArray(value) && value.every((row) => typeof row === 'object' && row !== null);
}

/** A 409's meaning: a data-loss report when it carries one, else a stale version. */
export function conflictState(error: unknown): ReviewState | null {
  if (!isApiError(error) || error.status !== 409) return null;
  const report = error.problem.report;
  if (isReport(report) && report.length > 0)
    return { step: 'dataLoss', detail: error.problem.detail, report };
  return { step: 'stale' };
}

/** A colour per kind of step, from the verb in its action name. */
export function stepColor(action: string): string {
  if (/archive|drop|remove|delete/.test(action)) return 'orange';
  if (/restore/.test(action)) return 'blue';
  if (/add|create|set/.test(action)) return 'green';
  if (/change|alter|rename|update|convert/.test(action)) return 'purple';
  return 'default';
}

/** Step kinds the engine plans (see the engine's plan-entity-change.ts). */
export const KNOWN_STEP_ACTIONS = [
  'create_table',
  'add_column',
  'restore_column',
  'archive_column',
  'change_type',
  'set_required',
  'drop_required',
  'add_unique',
  'drop_unique',
  'add_index',
  'drop_index',
  'remove_options',
  'add_composite_index',
  'drop_composite_index',
  'update_metadata',
] as const;
export type KnownStepAction = (typeof KNOWN_STEP_ACTIONS)[number];

export const isKnownStepAction = (action: string): action is KnownStepAction =>
  (KNOWN_STEP_ACTIONS as readonly string[]).includes(action);
