import type { Classifier, Entity, Flow, Form } from '@formwork/definitions';
import type { FlowValidationContext } from '@formwork/flows';
import { useMemo } from 'react';
import { useClassifiers } from '../../classifiers/hooks/useClassifiers';
import { useEntities } from '../../entities/hooks/useEntities';
import { formFieldKeys } from '../../forms/utils/formLayout';
import { useForms } from '../../forms/hooks/useForms';
import type { TriggerDraft } from '../utils/flowDraft';
import { useFlows } from './useFlows';

/** What a flow of an app can refer to: its entities, forms, classifiers and other flows. */
export interface FlowAppData {
  app: string;
  flowKey: string;
  entities: Entity[];
  forms: Form[];
  classifiers: Classifier[];
  flows: Flow[];
  /** The entity of the record an instance runs for, as far as the trigger says. */
  triggerEntity: Entity | undefined;
  validation: FlowValidationContext;
}

/** The entity a trigger's record belongs to (a form's entity, a classifier's entity). */
export function triggerEntityKey(
  trigger: TriggerDraft,
  forms: readonly Form[],
  classifiers: readonly Classifier[],
): string | undefined {
  switch (trigger.type) {
    case 'form_submitted':
      return forms.find((form) => form.key === trigger.form)?.entity ?? undefined;
    case 'classification_changed':
      return classifiers.find((classifier) => classifier.key === trigger.classifier)?.entity;
    default:
      return typeof trigger.entity === 'string' ? trigger.entity : undefined;
  }
}

/** Loads the app's definitions and builds validateFlow's context; a part still loading is left out. */
export function useFlowAppData(app: string, flowKey: string, trigger: TriggerDraft) {
  const entities = useEntities(app);
  const forms = useForms(app);
  const classifiers = useClassifiers(app);
  const flows = useFlows(app);
  const triggerKey = triggerEntityKey(trigger, forms.data ?? [], classifiers.data ?? []);

  const data = useMemo((): FlowAppData => {
    const triggerEntity = entities.data?.find((entity) => entity.key === triggerKey);
    const validation: FlowValidationContext = {
      flowKey,
      engineOrigins: [window.location.origin],
      ...(triggerEntity && {
        recordFields: triggerEntity.fields.filter((field) => !field.archived).map((f) => f.key),
      }),
      ...(entities.data && { entities: entities.data.map((entity) => entity.key) }),
      ...(forms.data && {
        forms: Object.fromEntries(forms.data.map((form) => [form.key, formFieldKeys(form.schema)])),
      }),
      ...(classifiers.data && { classifiers: classifiers.data.map((c) => c.key) }),
      ...(flows.data && { flows: flows.data.map((flow) => flow.key) }),
    };
    return {
      app,
      flowKey,
      entities: entities.data ?? [],
      forms: forms.data ?? [],
      classifiers: classifiers.data ?? [],
      flows: flows.data ?? [],
      triggerEntity,
      validation,
    };
  }, [app, flowKey, triggerKey, entities.data, forms.data, classifiers.data, flows.data]);

  const failed = [entities, forms, classifiers, flows].find((query) => query.isError);
  return { data, error: failed?.error, retry: () => void failed?.refetch() };
}
