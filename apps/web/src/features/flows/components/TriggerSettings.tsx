import { TRIGGER_TYPES, type TriggerType } from '@formwork/definitions';
import { AutoComplete, Input, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import type { FlowAppData } from '../hooks/useFlowAppData';
import type { TriggerDraft } from '../utils/flowDraft';
import { patchData, textValue } from '../utils/nodeData';
import { firstTrigger, WEEKLY_CRON } from '../utils/triggerDefaults';
import { Setting, settingId } from './Setting';

interface TriggerSettingsProps {
  trigger: TriggerDraft;
  app: FlowAppData;
  onChange: (trigger: TriggerDraft) => void;
  problemsOf: (setting: string) => string[];
}

/** What starts the flow: by hand, a record created or changed, a class change, a form, a schedule. */
export function TriggerSettings({ trigger, app, onChange, problemsOf }: TriggerSettingsProps) {
  const { t } = useTranslation();
  const change = (patch: Record<string, unknown>) =>
    onChange(patchData(trigger, patch) as TriggerDraft);
  const select = (key: string, options: { value: string; label: string }[], extra: object = {}) => (
    <Select
      id={settingId(`trigger-${key}`)}
      data-testid={settingId(`trigger-${key}`)}
      value={textValue(trigger[key]) || undefined}
      onChange={(value?: string) => change({ [key]: value })}
      options={options}
      {...extra}
    />
  );
  const entities = app.entities.map((entity) => ({
    value: entity.key,
    label: `${entity.name} (${entity.key})`,
  }));
  const entity = app.entities.find((candidate) => candidate.key === trigger.entity);
  const classifier = app.classifiers.find((candidate) => candidate.key === trigger.classifier);
  const classField = app.triggerEntity?.fields.find(
    (field) => field.key === classifier?.outputs[0]?.field,
  );
  const classOptions = (classField?.options ?? []).map((option) => ({
    value: option.value,
    label: option.label || option.value,
  }));
  const setting = (key: string, label: string, control: React.ReactNode, hint?: string) => (
    <Setting key={key} label={label} name={`trigger-${key}`} problems={problemsOf(key)} hint={hint}>
      {control}
    </Setting>
  );

  return (
    <div data-testid="flow-trigger-settings">
      {setting(
        'type',
        t('flows.trigger.type'),
        <Select<TriggerType>
          id={settingId('trigger-type')}
          data-testid={settingId('trigger-type')}
          value={trigger.type}
          onChange={(type) => onChange(firstTrigger(type, app))}
          options={TRIGGER_TYPES.map((type) => ({
            value: type,
            label: t(`flows.trigger.types.${type}`),
          }))}
        />,
      )}
      {(trigger.type === 'record_created' || trigger.type === 'record_updated') &&
        setting('entity', t('flows.trigger.entity'), select('entity', entities))}
      {(trigger.type === 'manual' || trigger.type === 'schedule') &&
        setting(
          'entity',
          t('flows.trigger.optionalEntity'),
          select('entity', entities, { allowClear: true }),
          t(`flows.trigger.entityHint_${trigger.type}`),
        )}
      {trigger.type === 'record_updated' &&
        entity &&
        setting(
          'fields',
          t('flows.trigger.fields'),
          <Select<string[]>
            id={settingId('trigger-fields')}
            data-testid={settingId('trigger-fields')}
            mode="multiple"
            allowClear
            value={Array.isArray(trigger.fields) ? (trigger.fields as string[]) : []}
            onChange={(fields) => change({ fields: fields.length > 0 ? fields : undefined })}
            options={entity.fields
              .filter((f) => !f.archived)
              .map((f) => ({ value: f.key, label: f.name }))}
            placeholder={t('flows.trigger.anyField')}
          />,
        )}
      {trigger.type === 'classification_changed' && (
        <>
          {setting(
            'classifier',
            t('flows.trigger.classifier'),
            select(
              'classifier',
              app.classifiers.map((c) => ({ value: c.key, label: `${c.name} (${c.key})` })),
            ),
          )}
          {(['from', 'to'] as const).map((key) =>
            setting(
              key,
              t(`flows.trigger.${key}`),
              <AutoComplete
                id={settingId(`trigger-${key}`)}
                data-testid={settingId(`trigger-${key}`)}
                value={textValue(trigger[key])}
                options={classOptions}
                onChange={(value: string) => change({ [key]: value || undefined })}
                placeholder={t('flows.trigger.anyClass')}
              />,
            ),
          )}
        </>
      )}
      {trigger.type === 'form_submitted' &&
        setting(
          'form',
          t('flows.trigger.form'),
          select(
            'form',
            app.forms.map((f) => ({ value: f.key, label: `${f.name} (${f.key})` })),
          ),
        )}
      {trigger.type === 'schedule' &&
        setting(
          'cron',
          t('flows.trigger.cron'),
          <Input
            id={settingId('trigger-cron')}
            data-testid={settingId('trigger-cron')}
            value={textValue(trigger.cron)}
            onChange={(event) => change({ cron: event.target.value })}
            placeholder={WEEKLY_CRON}
            className="fw-json"
          />,
          t('flows.trigger.cronHint'),
        )}
    </div>
  );
}
