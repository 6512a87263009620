import type { NodeType } from '@formwork/definitions';
import { Button, Typography } from 'antd';
import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import { startNodeDrag } from '../utils/dragData';
import { PALETTE_GROUPS, paletteTypes } from '../utils/nodeCatalog';
import { NodeTypeIcon } from './NodeTypeIcon';

/**
 * Every node type: drag one onto the canvas, or click it (Enter) to add it — below the selected
 * node and connected from it, or in the middle of the view.
 */
export const NodePalette = memo(function NodePalette({
  onAdd,
}: {
  onAdd: (type: NodeType) => void;
}) {
  const { t } = useTranslation();
  return (
    <nav
      className="fw-flow-palette"
      aria-labelledby="flow-palette-title"
      data-testid="flow-palette"
    >
      <Typography.Title level={3} id="flow-palette-title" className="fw-flow-panel-title">
        {t('flows.palette.title')}
      </Typography.Title>
      <Typography.Paragraph type="secondary" className="fw-flow-hint">
        {t('flows.palette.hint')}
      </Typography.Paragraph>
      {PALETTE_GROUPS.map((group) => (
        <div
          key={group}
          className="fw-flow-palette-group"
          role="group"
          aria-label={t(`flows.groups.${group}`)}
        >
          <Typography.Text type="secondary" className="fw-flow-palette-group-title">
            {t(`flows.groups.${group}`)}
          </Typography.Text>
          {paletteTypes(group).map((type) => {
            return (
              <Button
                key={type}
                block
                size="small"
                className={`fw-flow-palette-item fw-flow-node-${group}`}
                icon={<NodeTypeIcon type={type} />}
                draggable
                onDragStart={(event) => startNodeDrag(event, type)}
                onClick={() => onAdd(type)}
                aria-label={t('flows.palette.add', { type: t(`flows.nodeTypes.${type}`) })}
                data-testid={`flow-palette-${type}`}
              >
                {t(`flows.nodeTypes.${type}`)}
              </Button>
            );
          })}
        </div>
      ))}
    </nav>
  );
});
