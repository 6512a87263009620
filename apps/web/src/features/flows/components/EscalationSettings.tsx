import { Segmented, Switch } from 'antd';
import { useTranslation } from 'react-i18next';
import { isObject, patchData, textValue } from '../utils/nodeData';
import { AssigneeInput } from './AssigneeInput';
import { DurationInput } from './DurationInput';
import { MessageFields } from './MessageFields';
import type { NodeSettingsProps } from './nodeSettingsProps';
import { Setting } from './Setting';

const FIRST_ESCALATION = { after: 'P1D', to: { reassign: { role: 'admin' } } };

/** What happens when a task is still open after a while: reassign it, or tell someone. */
export function EscalationSettings({ node, app, set, problemsOf }: NodeSettingsProps) {
  const { t } = useTranslation();
  const escalate = isObject(node.data.escalate) ? node.data.escalate : undefined;
  const to = escalate && isObject(escalate.to) ? escalate.to : {};
  const mode = 'notify' in to ? 'notify' : 'reassign';
  const setEscalate = (patch: Record<string, unknown>) =>
    set({ escalate: patchData(escalate ?? {}, patch) });
  const notify = isObject(to.notify) ? to.notify : {};

  return (
    <>
      <Setting
        label={t('flows.settings.escalate')}
        name="escalate"
        problems={problemsOf('escalate')}
      >
        <Switch
          id="flow-setting-escalate"
          data-testid="flow-setting-escalate"
          checked={escalate !== undefined}
          onChange={(on) => set({ escalate: on ? FIRST_ESCALATION : undefined })}
        />
      </Setting>
      {escalate && (
        <div className="fw-flow-subsettings">
          <Setting
            label={t('flows.settings.escalateAfter')}
            name="escalate-after"
            problems={problemsOf('escalate.after')}
          >
            <DurationInput
              name="escalate-after"
              value={textValue(escalate.after) || undefined}
              onChange={(after) => setEscalate({ after })}
            />
          </Setting>
          <Segmented<'reassign' | 'notify'>
            value={mode}
            onChange={(next) =>
              setEscalate({
                to:
                  next === 'reassign'
                    ? FIRST_ESCALATION.to
                    : {
                        notify: {
                          to: { role: 'admin' },
                          channel: 'in_app',
                          subject: t('flows.settings.overdueSubject'),
                          body: '',
                        },
                      },
              })
            }
            options={[
              { value: 'reassign', label: t('flows.settings.reassign') },
              { value: 'notify', label: t('flows.settings.notify') },
            ]}
            data-testid="flow-setting-escalate-mode"
            className="fw-block"
          />
          {mode === 'reassign' ? (
            <Setting
              label={t('flows.settings.reassignTo')}
              name="escalate-reassign"
              problems={problemsOf('escalate.to')}
            >
              <AssigneeInput
                name="escalate-reassign"
                value={to.reassign}
                onChange={(reassign) => setEscalate({ to: { reassign } })}
                app={app}
              />
            </Setting>
          ) : (
            <MessageFields
              prefix="escalate-"
              value={notify}
              onChange={(patch) => setEscalate({ to: { notify: patchData(notify, patch) } })}
              app={app}
              problemsOf={(setting) =>
                problemsOf(setting.replace('escalate-', 'escalate.to.notify.'))
              }
            />
          )}
        </div>
      )}
    </>
  );
}
