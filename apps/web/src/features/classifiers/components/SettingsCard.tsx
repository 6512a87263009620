import { HIT_POLICIES, type Entity, type HitPolicy } from '@formwork/definitions';
import { Card, Form, Input, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ClassifierEditorState } from '../hooks/useClassifierEditor';
import { TriggersEditor } from './TriggersEditor';

interface SettingsCardProps {
  state: ClassifierEditorState;
  entities: Entity[];
}

const help = (messages: string[] | undefined) =>
  messages && messages.length > 0
    ? { validateStatus: 'error' as const, help: messages.join('; ') }
    : {};

/** Name, entity (fixed once published), hit policy and triggers. */
export function SettingsCard({ state, entities }: SettingsCardProps) {
  const { t } = useTranslation();
  const { draft, dispatch, errors } = state;
  const published = state.classifier !== null;

  return (
    <Card size="small" className="fw-block" title={t('classifiers.settings.title')}>
      <Form layout="vertical" component="div" className="fw-classifier-settings">
        <Form.Item
          label={t('classifiers.settings.name')}
          htmlFor="classifier-name"
          required
          {...help(errors.settings.name)}
        >
          <Input
            id="classifier-name"
            value={draft.name}
            maxLength={200}
            onChange={(event) => dispatch({ type: 'setName', name: event.target.value })}
            data-testid="classifier-name"
          />
        </Form.Item>
        <Form.Item
          label={t('classifiers.settings.entity')}
          htmlFor="classifier-entity"
          extra={published ? t('classifiers.settings.entityFixed') : undefined}
          {...help(errors.settings.entity)}
        >
          <Select
            id="classifier-entity"
            value={draft.entity || undefined}
            disabled={published}
            placeholder={t('classifiers.settings.entityPlaceholder')}
            options={entities.map((entity) => ({
              value: entity.key,
              label: `${entity.name} (${entity.key})`,
            }))}
            onChange={(entity: string) => dispatch({ type: 'setEntity', entity })}
            data-testid="classifier-entity"
          />
        </Form.Item>
        <Form.Item
          label={t('classifiers.settings.hitPolicy')}
          htmlFor="classifier-hit-policy"
          extra={t(`classifiers.hitPolicyHint.${draft.hitPolicy}`)}
          {...help(errors.settings.hitPolicy)}
        >
          <Select<HitPolicy>
            id="classifier-hit-policy"
            value={draft.hitPolicy}
            options={HIT_POLICIES.map((policy) => ({
              value: policy,
              label: t(`classifiers.hitPolicy.${policy}`),
            }))}
            onChange={(hitPolicy) => dispatch({ type: 'setHitPolicy', hitPolicy })}
            data-testid="classifier-hit-policy"
          />
        </Form.Item>
        <Form.Item label={t('classifiers.settings.triggers')} {...help(errors.settings.triggers)}>
          <TriggersEditor state={state} />
        </Form.Item>
      </Form>
    </Card>
  );
}
