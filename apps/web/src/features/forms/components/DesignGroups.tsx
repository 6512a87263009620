import { PlusOutlined } from '@ant-design/icons';
import type { Entity } from '@formwork/definitions';
import { Button, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { fieldErrorsOf, type FormDesignerState } from '../hooks/useFormDesigner';
import { designReducer, newGroupId, positionOf, type FieldPosition } from '../utils/designReducer';
import { DesignFieldRow, designFieldButtonId } from './DesignFieldRow';
import { DesignGroupCard } from './DesignGroupCard';

interface DesignGroupsProps {
  state: FormDesignerState;
  entity: Entity;
  selected: string | null;
  onSelect: (key: string | null) => void;
}

/** Keeps the keyboard on a field that moved (moving across groups mounts it anew). */
const focusField = (key: string) =>
  requestAnimationFrame(() => document.getElementById(designFieldButtonId(key))?.focus());

/** The groups of the form (sections or steps) and the fields in them. */
export function DesignGroups({ state, entity, selected, onSelect }: DesignGroupsProps) {
  const { t } = useTranslation();
  const { draft, dispatch } = state;
  const [announcement, setAnnouncement] = useState('');
  const titled = draft.layout !== 'single';
  const fieldsByKey = new Map(entity.fields.map((field) => [field.key, field]));

  const place = (key: string, to: FieldPosition) => {
    const placed = positionOf(draft, key) !== undefined;
    dispatch(placed ? { type: 'moveField', key, to } : { type: 'addField', key, to });
    onSelect(key);
  };

  const move = (key: string, step: -1 | 1) => {
    const action = { type: 'moveFieldBy', key, step } as const;
    const at = positionOf(designReducer(draft, action), key);
    dispatch(action);
    focusField(key);
    if (!at) return;
    const group = draft.groups[at.group];
    setAnnouncement(
      t('forms.designer.movedTo', {
        name: fieldsByKey.get(key)?.name ?? key,
        position: at.index + 1,
        group: group?.title || t('forms.designer.groupTitle', { number: at.group + 1 }),
      }),
    );
  };

  return (
    <section aria-labelledby="form-designer-groups">
      <Typography.Title level={3} id="form-designer-groups" className="fw-section-title">
        {t('forms.designer.groups')}
      </Typography.Title>
      <Typography.Paragraph type="secondary">
        {t('forms.designer.keyboardHint')}
      </Typography.Paragraph>
      {draft.groups.map((group, groupIndex) => (
        <DesignGroupCard
          key={group.id}
          group={group}
          number={groupIndex + 1}
          titled={titled}
          canRemove={draft.groups.length > 1}
          errors={[
            ...(state.compileErrors.byGroup[group.id] ?? []),
            ...(state.serverErrors?.byGroup[group.id] ?? []),
          ]}
          entity={entity}
          onRename={(title) => dispatch({ type: 'renameGroup', id: group.id, title })}
          onRemove={() => dispatch({ type: 'removeGroup', id: group.id })}
          onDropAtEnd={(key) => place(key, { group: groupIndex, index: group.fields.length })}
        >
          {group.fields.map((design, index) => (
            <DesignFieldRow
              key={design.key}
              design={design}
              field={fieldsByKey.get(design.key)}
              selected={selected === design.key}
              errors={fieldErrorsOf(state, design.key)}
              canMoveUp={index > 0 || groupIndex > 0}
              canMoveDown={index < group.fields.length - 1 || groupIndex < draft.groups.length - 1}
              onSelect={() => onSelect(design.key)}
              onMove={(step) => move(design.key, step)}
              onRemove={() => {
                dispatch({ type: 'removeField', key: design.key });
                if (selected === design.key) onSelect(null);
              }}
              onDropBefore={(key) => place(key, { group: groupIndex, index })}
            />
          ))}
        </DesignGroupCard>
      ))}
      {titled && (
        <Button
          icon={<PlusOutlined aria-hidden />}
          onClick={() => dispatch({ type: 'addGroup', id: newGroupId(draft), title: '' })}
          data-testid="form-group-add"
        >
          {draft.layout === 'steps' ? t('forms.designer.addStep') : t('forms.designer.addGroup')}
        </Button>
      )}
      <div className="fw-visually-hidden" aria-live="polite">
        {announcement}
      </div>
    </section>
  );
}
