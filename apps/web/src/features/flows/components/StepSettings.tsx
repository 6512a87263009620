import { WEBHOOK_METHODS } from '@formwork/definitions';
import { Input, Segmented, Select } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PLACEHOLDER_EXAMPLE, textValue } from '../utils/nodeData';
import { DurationInput } from './DurationInput';
import { MessageFields } from './MessageFields';
import type { NodeSettingsProps } from './nodeSettingsProps';
import { Setting, settingId } from './Setting';

const DATE_TYPES = new Set(['date', 'datetime']);

/** wait: a duration, or until the date in a record field. */
export function WaitSettings({ node, app, set, problemsOf }: NodeSettingsProps) {
  const { t } = useTranslation();
  const mode = node.data.until !== undefined ? 'until' : 'duration';
  const dateFields = (app.triggerEntity?.fields ?? []).filter(
    (field) => DATE_TYPES.has(field.type) && !field.archived,
  );
  return (
    <>
      <Segmented<'duration' | 'until'>
        value={mode}
        onChange={(next) =>
          set(
            next === 'duration'
              ? { duration: 'P1D', until: undefined }
              : { duration: undefined, until: '' },
          )
        }
        options={[
          { value: 'duration', label: t('flows.settings.waitFor') },
          { value: 'until', label: t('flows.settings.waitUntil') },
        ]}
        data-testid="flow-setting-wait-mode"
        className="fw-block"
      />
      {mode === 'duration' ? (
        <Setting
          label={t('flows.settings.duration')}
          name="duration"
          problems={problemsOf('duration')}
        >
          <DurationInput
            name="duration"
            value={textValue(node.data.duration) || undefined}
            onChange={(duration) => set({ duration })}
          />
        </Setting>
      ) : (
        <Setting
          label={t('flows.settings.until')}
          name="until"
          problems={problemsOf('until')}
          hint={dateFields.length === 0 ? t('flows.settings.noDateFields') : undefined}
        >
          <Select
            id={settingId('until')}
            data-testid={settingId('until')}
            value={textValue(node.data.until) || undefined}
            onChange={(until: string) => set({ until })}
            options={dateFields.map((field) => ({
              value: `record.${field.key}`,
              label: `${field.name} (${field.key})`,
            }))}
          />
        </Setting>
      )}
    </>
  );
}

/** classify / subflow: one classifier or flow of the app. */
export function ReferenceSettings({ node, app, set, problemsOf }: NodeSettingsProps) {
  const { t } = useTranslation();
  const key = node.type === 'classify' ? 'classifier' : 'flow';
  const options =
    key === 'classifier'
      ? app.classifiers.map((c) => ({ value: c.key, label: `${c.name} (${c.key})` }))
      : app.flows
          .filter((f) => f.key !== app.flowKey)
          .map((f) => ({ value: f.key, label: `${f.name} (${f.key})` }));
  return (
    <Setting label={t(`flows.settings.${key}`)} name={key} problems={problemsOf(key)} required>
      <Select
        id={settingId(key)}
        data-testid={settingId(key)}
        value={textValue(node.data[key]) || undefined}
        onChange={(value: string) => set({ [key]: value })}
        options={options}
        notFoundContent={t(`flows.settings.no_${key}s`)}
      />
    </Setting>
  );
}

export function NotifySettings({ node, app, set, problemsOf }: NodeSettingsProps) {
  return (
    <MessageFields prefix="" value={node.data} onChange={set} app={app} problemsOf={problemsOf} />
  );
}

/** webhook: where to call, how, and an optional JSON body. */
export function WebhookSettings({ node, set, problemsOf }: NodeSettingsProps) {
  const { t } = useTranslation();
  const [bodyText, setBodyText] = useState(() =>
    node.data.body === undefined ? '' : JSON.stringify(node.data.body, null, 2),
  );
  const [bodyError, setBodyError] = useState(false);
  const onBody = (text: string) => {
    setBodyText(text);
    if (!text.trim()) {
      setBodyError(false);
      return set({ body: undefined });
    }
    try {
      set({ body: JSON.parse(text) as unknown });
      setBodyError(false);
    } catch {
      setBodyError(true);
    }
  };
  return (
    <>
      <Setting label={t('flows.settings.url')} name="url" problems={problemsOf('url')} required>
        <Input
          id={settingId('url')}
          data-testid={settingId('url')}
          type="url"
          value={textValue(node.data.url)}
          placeholder="https://"
          onChange={(event) => set({ url: event.target.value.trim() })}
        />
      </Setting>
      <Setting label={t('flows.settings.method')} name="method" problems={problemsOf('method')}>
        <Select
          id={settingId('method')}
          data-testid={settingId('method')}
          value={textValue(node.data.method) || undefined}
          onChange={(method: string) => set({ method })}
          options={WEBHOOK_METHODS.map((method) => ({ value: method, label: method }))}
        />
      </Setting>
      <Setting
        label={t('flows.settings.webhookBody')}
        name="body"
        problems={bodyError ? [t('flows.settings.invalidJson')] : problemsOf('body')}
        hint={t('flows.settings.placeholderHint', { example: PLACEHOLDER_EXAMPLE })}
      >
        <Input.TextArea
          id={settingId('body')}
          data-testid={settingId('body')}
          className="fw-json"
          value={bodyText}
          autoSize={{ minRows: 3, maxRows: 10 }}
          onChange={(event) => onBody(event.target.value)}
        />
      </Setting>
    </>
  );
}
