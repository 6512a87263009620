import { Handle, Position, type NodeProps } from '@xyflow/react';
import { memo } from 'react';
import type { StepNode } from '../utils/canvasTypes';
import { hasInput, hasOutput, NODE_GROUP } from '../utils/nodeCatalog';
import { isNodeType } from '@formwork/definitions';
import { NodeTypeIcon } from './NodeTypeIcon';
import { ProblemBadge } from './ProblemBadge';

/** One node on the canvas: its type's icon and colour, title, one line of detail, handles, problems. */
export const StepNodeView = memo(function StepNodeView({
  id,
  data,
  selected,
}: NodeProps<StepNode>) {
  const { kind, title, detail, problems, state, readOnly } = data;
  const group = isNodeType(kind) ? NODE_GROUP[kind] : 'unknown';
  const classes = [
    'fw-flow-node',
    `fw-flow-node-${group}`,
    problems.length > 0 && 'fw-flow-node-invalid',
    state && `fw-flow-node-${state}`,
    selected && 'fw-flow-node-selected',
  ];
  return (
    <div
      className={classes.filter(Boolean).join(' ')}
      data-testid={`flow-node-${id}`}
      data-node-type={kind}
      data-state={state ?? 'idle'}
      data-problems={problems.length}
      data-selected={selected ? 'true' : 'false'}
    >
      {hasInput(kind) && (
        <Handle
          type="target"
          position={Position.Top}
          isConnectable={!readOnly}
          className="fw-flow-handle"
          data-testid={`flow-handle-${id}-in`}
        />
      )}
      <span className="fw-flow-node-icon">
        <NodeTypeIcon type={kind} />
      </span>
      <span className="fw-flow-node-text">
        <span className="fw-flow-node-title">{title}</span>
        {detail && <span className="fw-flow-node-detail">{detail}</span>}
      </span>
      <ProblemBadge problems={problems} testId={`flow-node-problems-${id}`} />
      {hasOutput(kind) && (
        <Handle
          type="source"
          position={Position.Bottom}
          isConnectable={!readOnly}
          className="fw-flow-handle"
          data-testid={`flow-handle-${id}-out`}
        />
      )}
    </div>
  );
});
