import { NOTIFY_CHANNELS } from '@formwork/definitions';
import { Input, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import type { FlowAppData } from '../hooks/useFlowAppData';
import { PLACEHOLDER_EXAMPLE, textValue } from '../utils/nodeData';
import { AssigneeInput } from './AssigneeInput';
import { Setting, settingId } from './Setting';

interface MessageFieldsProps {
  /** Setting names are `<prefix>to`, `<prefix>channel`…; problems are looked up the same way. */
  prefix: string;
  value: Record<string, unknown>;
  onChange: (patch: Record<string, unknown>) => void;
  app: FlowAppData;
  problemsOf: (setting: string) => string[];
}

/** Who gets a message, how, and what it says (`{{record.name}}` placeholders). */
export function MessageFields({ prefix, value, onChange, app, problemsOf }: MessageFieldsProps) {
  const { t } = useTranslation();
  const name = (key: string) => `${prefix}${key}`;
  return (
    <>
      <Setting
        label={t('flows.settings.to')}
        name={name('to')}
        problems={problemsOf(name('to'))}
        required
      >
        <AssigneeInput
          name={name('to')}
          value={value.to}
          onChange={(to) => onChange({ to })}
          app={app}
          allowEmail
        />
      </Setting>
      <Setting
        label={t('flows.settings.channel')}
        name={name('channel')}
        problems={problemsOf(name('channel'))}
      >
        <Select
          id={settingId(name('channel'))}
          data-testid={settingId(name('channel'))}
          value={textValue(value.channel) || undefined}
          onChange={(channel: string) => onChange({ channel })}
          options={NOTIFY_CHANNELS.map((channel) => ({
            value: channel,
            label: t(`flows.settings.channels.${channel}`),
          }))}
        />
      </Setting>
      <Setting
        label={t('flows.settings.subject')}
        name={name('subject')}
        problems={problemsOf(name('subject'))}
        required
      >
        <Input
          id={settingId(name('subject'))}
          data-testid={settingId(name('subject'))}
          value={textValue(value.subject)}
          maxLength={200}
          onChange={(event) => onChange({ subject: event.target.value })}
        />
      </Setting>
      <Setting
        label={t('flows.settings.body')}
        name={name('body')}
        problems={problemsOf(name('body'))}
        hint={t('flows.settings.placeholderHint', { example: PLACEHOLDER_EXAMPLE })}
      >
        <Input.TextArea
          id={settingId(name('body'))}
          data-testid={settingId(name('body'))}
          value={textValue(value.body)}
          autoSize={{ minRows: 2, maxRows: 8 }}
          onChange={(event) => onChange({ body: event.target.value })}
        />
      </Setting>
    </>
  );
}
