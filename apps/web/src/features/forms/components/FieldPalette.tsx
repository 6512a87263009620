import { PlusOutlined } from '@ant-design/icons';
import type { Entity } from '@formwork/definitions';
import { Button, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { FormDesignerState } from '../hooks/useFormDesigner';
import { positionOf } from '../utils/designReducer';
import { startFieldDrag } from '../utils/dragData';

interface FieldPaletteProps {
  state: FormDesignerState;
  entity: Entity;
  onAdded: (key: string) => void;
}

/** The entity's fields that are not on the form yet: click (or Enter) adds, or drag onto a group. */
export function FieldPalette({ state, entity, onAdded }: FieldPaletteProps) {
  const { t } = useTranslation();
  const available = entity.fields.filter(
    (field) => !field.archived && positionOf(state.draft, field.key) === undefined,
  );
  return (
    <section aria-labelledby="form-designer-palette" data-testid="form-designer-palette">
      <Typography.Title level={3} id="form-designer-palette" className="fw-section-title">
        {t('forms.designer.available', { entity: entity.name })}
      </Typography.Title>
      <Typography.Paragraph type="secondary">
        {available.length > 0 ? t('forms.designer.availableHint') : t('forms.designer.allPlaced')}
      </Typography.Paragraph>
      <div className="fw-palette">
        {available.map((field) => (
          <Button
            key={field.key}
            size="small"
            icon={<PlusOutlined aria-hidden />}
            draggable
            onDragStart={(event) => startFieldDrag(event, field.key)}
            onClick={() => {
              state.dispatch({ type: 'addField', key: field.key });
              onAdded(field.key);
            }}
            aria-label={t('forms.designer.addField', { name: field.name })}
            data-testid={`form-designer-add-${field.key}`}
          >
            {field.name}
          </Button>
        ))}
      </div>
    </section>
  );
}
