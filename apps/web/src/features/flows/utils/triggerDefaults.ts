import type { TriggerType } from '@formwork/definitions';
import type { FlowAppData } from '../hooks/useFlowAppData';
import type { TriggerDraft } from './flowDraft';

/** Every Monday at 9:00. */
export const WEEKLY_CRON = '0 9 * * 1';

/** A new trigger of a type, filled with the app's first entity, form or classifier. */
export function firstTrigger(
  type: TriggerType,
  app: Pick<FlowAppData, 'entities' | 'forms' | 'classifiers'>,
): TriggerDraft {
  const entity = app.entities[0]?.key;
  switch (type) {
    case 'record_created':
    case 'record_updated':
      return { type, entity };
    case 'classification_changed':
      return { type, classifier: app.classifiers[0]?.key };
    case 'form_submitted':
      return { type, form: app.forms[0]?.key };
    case 'schedule':
      return { type, cron: WEEKLY_CRON, ...(entity && { entity }) };
    case 'manual':
      return { type, ...(entity && { entity }) };
  }
}
