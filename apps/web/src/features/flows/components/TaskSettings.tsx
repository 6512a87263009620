import { Input, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { textValue } from '../utils/nodeData';
import { AssigneeInput } from './AssigneeInput';
import { DurationInput } from './DurationInput';
import { EscalationSettings } from './EscalationSettings';
import type { NodeSettingsProps } from './nodeSettingsProps';
import { Setting, settingId } from './Setting';

/** A form task or an approval: title, form, who works it, due time, escalation. */
export function TaskSettings(props: NodeSettingsProps) {
  const { node, app, set, problemsOf } = props;
  const { t } = useTranslation();
  const isApproval = node.type === 'approval';
  const forms = app.forms.map((form) => ({ value: form.key, label: `${form.name} (${form.key})` }));

  return (
    <>
      <Setting
        label={t('flows.settings.title')}
        name="title"
        problems={problemsOf('title')}
        required
      >
        <Input
          id={settingId('title')}
          data-testid={settingId('title')}
          value={textValue(node.data.title)}
          maxLength={200}
          onChange={(event) => set({ title: event.target.value })}
        />
      </Setting>
      <Setting
        label={isApproval ? t('flows.settings.approvalForm') : t('flows.settings.form')}
        name="form"
        problems={problemsOf('form')}
        required={!isApproval}
        hint={forms.length === 0 ? t('flows.settings.noForms') : undefined}
      >
        <Select
          id={settingId('form')}
          data-testid={settingId('form')}
          value={textValue(node.data.form) || undefined}
          allowClear={isApproval}
          placeholder={t('flows.settings.pickForm')}
          onChange={(form?: string) => set({ form })}
          options={forms}
        />
      </Setting>
      <Setting
        label={t('flows.settings.assignee')}
        name="assignee"
        problems={problemsOf('assignee')}
        required
      >
        <AssigneeInput
          name="assignee"
          value={node.data.assignee}
          onChange={(assignee) => set({ assignee })}
          app={app}
        />
      </Setting>
      <Setting
        label={t('flows.settings.due')}
        name="due"
        problems={problemsOf('due')}
        hint={t('flows.settings.dueHint')}
      >
        <DurationInput
          name="due"
          value={textValue(node.data.due) || undefined}
          onChange={(due) => set({ due })}
        />
      </Setting>
      <EscalationSettings {...props} />
    </>
  );
}
