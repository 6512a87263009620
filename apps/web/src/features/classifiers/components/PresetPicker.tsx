import { AppstoreAddOutlined, DownOutlined } from '@ant-design/icons';
import type { Entity } from '@formwork/definitions';
import { App as AntApp, Button, Dropdown } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ClassifierEditorState } from '../hooks/useClassifierEditor';
import { adaptPreset, PRESET_KEYS, type PresetKey } from '../utils/adaptPreset';
import { draftTableOf } from '../utils/classifierDraft';

interface PresetPickerProps {
  state: ClassifierEditorState;
  entities: Entity[];
}

/** "Start from a preset": ABC, Pareto, VIP, RFM, lifecycle — fitted to the chosen entity. */
export function PresetPicker({ state, entities }: PresetPickerProps) {
  const { t } = useTranslation();
  const { modal } = AntApp.useApp();
  const { draft, dispatch } = state;

  const apply = (key: PresetKey) => {
    const table = draftTableOf(adaptPreset(key, draft.entity, entities));
    const replace = () => {
      dispatch({ type: 'replaceTable', table });
      if (!draft.name.trim())
        dispatch({ type: 'setName', name: t(`classifiers.presets.${key}.name`) });
      // Ranks move with every record's change: such tables are scheduled or run, not on_change.
      if (table.inputs.some((input) => 'measure' in input.source))
        dispatch({
          type: 'setTriggers',
          triggers: draft.triggers.filter((trigger) => trigger !== 'on_change'),
        });
    };
    if (draft.inputs.length + draft.outputs.length + draft.rules.length === 0) return replace();
    modal.confirm({
      title: t('classifiers.presets.replaceTitle', { name: t(`classifiers.presets.${key}.name`) }),
      content: t('classifiers.presets.replaceText'),
      okText: t('classifiers.presets.replace'),
      okButtonProps: { 'data-testid': 'classifier-preset-confirm' },
      cancelText: t('common.cancel'),
      onOk: replace,
    });
  };

  return (
    <Dropdown
      disabled={!draft.entity}
      trigger={['click']}
      menu={{
        items: PRESET_KEYS.map((key) => ({
          key,
          label: (
            <span data-testid={`classifier-preset-${key}`}>
              <strong>{t(`classifiers.presets.${key}.name`)}</strong>
              <br />
              <small>{t(`classifiers.presets.${key}.description`)}</small>
            </span>
          ),
        })),
        onClick: ({ key }) => apply(key as PresetKey),
      }}
    >
      <Button
        size="small"
        icon={<AppstoreAddOutlined aria-hidden />}
        data-testid="classifier-presets"
      >
        {t('classifiers.presets.start')} <DownOutlined aria-hidden />
      </Button>
    </Dropdown>
  );
}
