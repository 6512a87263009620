import { Input, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { FlowEditorState } from '../hooks/useFlowEditor';
import { Setting, settingId } from './Setting';
import { TriggerSettings } from './TriggerSettings';

interface FlowSettingsProps {
  state: FlowEditorState;
  problemsOf: (setting: string) => string[];
}

/** With nothing selected: the flow's name, description and trigger. */
export function FlowSettings({ state, problemsOf }: FlowSettingsProps) {
  const { t } = useTranslation();
  const { draft, run } = state;
  return (
    <div data-testid="flow-settings">
      <Typography.Title level={3} className="fw-flow-panel-title">
        {t('flows.settings.flowTitle')}
      </Typography.Title>
      <Typography.Paragraph type="secondary" className="fw-flow-hint">
        {t('flows.settings.selectHint')}
      </Typography.Paragraph>
      <Setting label={t('flows.name')} name="name" problems={problemsOf('name')} required>
        <Input
          id={settingId('name')}
          data-testid={settingId('name')}
          value={draft.name}
          maxLength={200}
          onChange={(event) => run({ type: 'setName', name: event.target.value }, 'name')}
        />
      </Setting>
      <Setting label={t('flows.description')} name="description">
        <Input.TextArea
          id={settingId('description')}
          data-testid={settingId('description')}
          value={draft.description ?? ''}
          maxLength={2000}
          autoSize={{ minRows: 2, maxRows: 6 }}
          onChange={(event) =>
            run({ type: 'setDescription', description: event.target.value }, 'description')
          }
        />
      </Setting>
      <TriggerSettings
        trigger={draft.trigger}
        app={state.appData}
        onChange={(trigger) => run({ type: 'setTrigger', trigger }, 'trigger')}
        problemsOf={problemsOf}
      />
    </div>
  );
}
