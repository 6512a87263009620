import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Checkbox, Input, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ClassifierEditorState } from '../hooks/useClassifierEditor';

const SCHEDULE = 'schedule:';
const DEFAULT_CRON = '0 3 * * *';

/** on_change and manual as switches, schedules as cron lines. */
export function TriggersEditor({ state }: { state: ClassifierEditorState }) {
  const { t } = useTranslation();
  const { draft, dispatch } = state;
  const triggers = draft.triggers;
  const hasMeasure = draft.inputs.some((input) => 'measure' in input.source);
  const set = (next: string[]) => dispatch({ type: 'setTriggers', triggers: next });
  const toggle = (trigger: string, on: boolean) =>
    set(on ? [...triggers, trigger] : triggers.filter((other) => other !== trigger));
  const schedules = triggers
    .map((trigger, index) => ({ trigger, index }))
    .filter(({ trigger }) => trigger.startsWith(SCHEDULE));

  return (
    <div data-testid="classifier-triggers">
      <Space wrap>
        <Checkbox
          checked={triggers.includes('on_change')}
          disabled={hasMeasure && !triggers.includes('on_change')}
          onChange={(event) => toggle('on_change', event.target.checked)}
          data-testid="classifier-trigger-on-change"
        >
          {t('classifiers.triggers.onChange')}
        </Checkbox>
        <Checkbox
          checked={triggers.includes('manual')}
          onChange={(event) => toggle('manual', event.target.checked)}
          data-testid="classifier-trigger-manual"
        >
          {t('classifiers.triggers.manual')}
        </Checkbox>
      </Space>
      {hasMeasure && (
        <Typography.Text type="secondary" className="fw-hint">
          {t('classifiers.triggers.measuresNoOnChange')}
        </Typography.Text>
      )}
      {schedules.map(({ trigger, index }, position) => (
        <Space.Compact key={index} className="fw-gap-top fw-full-width">
          <Input
            prefix={t('classifiers.triggers.cron')}
            aria-label={t('classifiers.triggers.cronLabel', { number: position + 1 })}
            value={trigger.slice(SCHEDULE.length)}
            onChange={(event) =>
              set(
                triggers.map((other, at) => (at === index ? SCHEDULE + event.target.value : other)),
              )
            }
            placeholder={DEFAULT_CRON}
            data-testid={`classifier-trigger-cron-${position}`}
          />
          <Button
            icon={<DeleteOutlined aria-hidden />}
            aria-label={t('classifiers.triggers.removeSchedule')}
            onClick={() => set(triggers.filter((_other, at) => at !== index))}
          />
        </Space.Compact>
      ))}
      <Button
        size="small"
        type="link"
        icon={<PlusOutlined aria-hidden />}
        onClick={() => set([...triggers, SCHEDULE + DEFAULT_CRON])}
        data-testid="classifier-trigger-add-schedule"
      >
        {t('classifiers.triggers.addSchedule')}
      </Button>
    </div>
  );
}
