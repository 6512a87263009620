import { Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { isObject, textValue } from '../utils/nodeData';
import { FieldValuesEditor } from './FieldValuesEditor';
import type { NodeSettingsProps } from './nodeSettingsProps';
import { Setting, settingId } from './Setting';

/** update_record: values written onto the flow's record. */
export function UpdateRecordSettings({ node, app, set, problemsOf }: NodeSettingsProps) {
  const { t } = useTranslation();
  return (
    <Setting
      label={t('flows.settings.set')}
      name="set"
      problems={problemsOf('set')}
      hint={app.triggerEntity ? undefined : t('flows.settings.noTriggerEntity')}
    >
      <FieldValuesEditor
        name="set"
        app={app.app}
        entity={app.triggerEntity}
        value={isObject(node.data.set) ? node.data.set : {}}
        onChange={(value) => set({ set: value })}
      />
    </Setting>
  );
}

/** create_record: a record of some entity with these values. */
export function CreateRecordSettings({ node, app, set, problemsOf }: NodeSettingsProps) {
  const { t } = useTranslation();
  const entityKey = textValue(node.data.entity);
  const entity = app.entities.find((candidate) => candidate.key === entityKey);
  return (
    <>
      <Setting
        label={t('flows.settings.entity')}
        name="entity"
        problems={problemsOf('entity')}
        required
      >
        <Select
          id={settingId('entity')}
          data-testid={settingId('entity')}
          value={entityKey || undefined}
          onChange={(next: string) => set({ entity: next, values: {} })}
          options={app.entities.map((option) => ({
            value: option.key,
            label: `${option.name} (${option.key})`,
          }))}
        />
      </Setting>
      {entity && (
        <Setting label={t('flows.settings.values')} name="values" problems={problemsOf('values')}>
          <FieldValuesEditor
            name="values"
            app={app.app}
            entity={entity}
            value={isObject(node.data.values) ? node.data.values : {}}
            onChange={(values) => set({ values })}
          />
        </Setting>
      )}
    </>
  );
}
