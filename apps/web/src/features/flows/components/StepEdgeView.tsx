import { BaseEdge, EdgeLabelRenderer, getSmoothStepPath, type EdgeProps } from '@xyflow/react';
import { memo } from 'react';
import type { StepEdge } from '../utils/canvasTypes';
import { ProblemBadge } from './ProblemBadge';

/** An edge: a rounded step line with its branch label (condition, default, outcome) and problems. */
export const StepEdgeView = memo(function StepEdgeView(props: EdgeProps<StepEdge>) {
  const { id, data, markerEnd, selected } = props;
  const [path, labelX, labelY] = getSmoothStepPath({
    sourceX: props.sourceX,
    sourceY: props.sourceY,
    sourcePosition: props.sourcePosition,
    targetX: props.targetX,
    targetY: props.targetY,
    targetPosition: props.targetPosition,
    borderRadius: 8,
  });
  const label = data?.label ?? '';
  const problems = data?.problems ?? [];
  const classes = [
    'fw-flow-edge',
    problems.length > 0 && 'fw-flow-edge-path-invalid',
    data?.state === 'path' && 'fw-flow-edge-path-taken',
    selected && 'fw-flow-edge-path-selected',
  ];
  return (
    <>
      <BaseEdge
        id={id}
        path={path}
        markerEnd={markerEnd}
        className={classes.filter(Boolean).join(' ')}
        interactionWidth={16}
      />
      {(label || problems.length > 0) && (
        <EdgeLabelRenderer>
          <div
            className={`fw-flow-edge-label${problems.length > 0 ? ' fw-flow-edge-label-invalid' : ''}`}
            style={{ transform: `translate(-50%, -50%) translate(${labelX}px, ${labelY}px)` }}
            data-testid={`flow-edge-label-${id}`}
          >
            {label && <span>{label}</span>}
            <ProblemBadge problems={problems} testId={`flow-edge-problems-${id}`} />
          </div>
        </EdgeLabelRenderer>
      )}
    </>
  );
});
