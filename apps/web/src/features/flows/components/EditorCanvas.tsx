import type { NodeType } from '@formwork/definitions';
import {
  Background,
  Controls,
  MiniMap,
  ReactFlow,
  useReactFlow,
  type Connection,
  type EdgeChange,
  type NodeChange,
  type OnDelete,
} from '@xyflow/react';
import '@xyflow/react/dist/style.css';
import { useCallback, useMemo, useRef, useState, type DragEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useCanvasElements } from '../hooks/useCanvasElements';
import type { FlowEditorState } from '../hooks/useFlowEditor';
import { useMeasuredSizes } from '../hooks/useMeasuredSizes';
import type { Selection, StepEdge, StepNode } from '../utils/canvasTypes';
import { draggedNodeType, isNodeDrag } from '../utils/dragData';
import { canConnect, newEdge } from '../utils/edgeDefaults';
import type { XY } from '../utils/flowDraft';
import {
  EDGE_DEFAULTS,
  EDGE_VIEWS,
  FIT_VIEW_OPTIONS,
  NODE_VIEWS,
  VISIBLE_ONLY_ABOVE,
} from './canvasConfig';

interface EditorCanvasProps {
  state: FlowEditorState;
  onDropNode: (type: NodeType, at: XY) => void;
}

const DELETE_KEYS = ['Delete', 'Backspace'];
/** A small flow fits in view: the minimap only helps with large ones. */
const MINIMAP_ABOVE = 40;

/** Applies React Flow's select changes to our selection (kept outside the undo history). */
function selectionAfter(
  current: Selection,
  changes: readonly (NodeChange<StepNode> | EdgeChange<StepEdge>)[],
  kind: 'nodes' | 'edges',
): Selection {
  const picks = changes.flatMap((change) => (change.type === 'select' ? [change] : []));
  if (picks.length === 0) return current;
  const next = new Set(current[kind]);
  for (const change of picks) {
    if (change.selected) next.add(change.id);
    else next.delete(change.id);
  }
  return { ...current, [kind]: next };
}

/** The editable canvas: drop from the palette, drag, connect, select, delete. */
export function EditorCanvas({ state, onDropNode }: EditorCanvasProps) {
  const { t } = useTranslation();
  const { draft, run, seal, setSelection } = state;
  const flow = useReactFlow();
  const { sizes, onSizeChanges } = useMeasuredSizes();
  // Positions of the nodes being dragged: kept here while the pointer moves (only the canvas
  // renders), written to the draft as one undo step when the drag ends.
  const [dragged, setDragged] = useState<Record<string, XY> | null>(null);
  const draggedNow = useRef<Record<string, XY> | null>(null);
  const showDragged = useCallback((positions: Record<string, XY> | null) => {
    draggedNow.current = positions;
    setDragged(positions);
  }, []);
  const shownNodes = useMemo(
    () =>
      dragged
        ? draft.nodes.map((node) =>
            dragged[node.id] ? { ...node, position: dragged[node.id] } : node,
          )
        : draft.nodes,
    [draft.nodes, dragged],
  );
  const { nodes, edges } = useCanvasElements({
    nodes: shownNodes,
    edges: draft.edges,
    selection: state.selection,
    problems: state.problems,
    highlight: state.highlight,
    measured: sizes,
  });
  // A run of arrow-key moves is one undo step.
  const moveRun = useRef(0);

  const onNodesChange = useCallback(
    (changes: NodeChange<StepNode>[]) => {
      onSizeChanges(changes);
      const moving: Record<string, XY> = {};
      const placed: Record<string, XY> = {};
      for (const change of changes)
        if (change.type === 'position' && change.position)
          (change.dragging ? moving : placed)[change.id] = change.position;
      if (Object.keys(moving).length > 0) showDragged({ ...draggedNow.current, ...moving });
      if (Object.keys(placed).length > 0) {
        const positions = { ...draggedNow.current, ...placed };
        run({ type: 'moveNodes', positions }, `move:${moveRun.current}`);
        showDragged(null);
      }
      setSelection((current) => selectionAfter(current, changes, 'nodes'));
    },
    [onSizeChanges, run, setSelection, showDragged],
  );

  const onDragStop = useCallback(() => {
    // The drag's last positions, unless a final change already wrote them.
    if (draggedNow.current) run({ type: 'moveNodes', positions: draggedNow.current });
    showDragged(null);
    moveRun.current += 1;
    seal();
  }, [run, seal, showDragged]);

  const onEdgesChange = useCallback(
    (changes: EdgeChange<StepEdge>[]) =>
      setSelection((current) => selectionAfter(current, changes, 'edges')),
    [setSelection],
  );

  const onConnect = useCallback(
    (connection: Connection) => {
      const source = draft.nodes.find((node) => node.id === connection.source);
      if (!source || !canConnect(draft.edges, connection.source, connection.target)) return;
      run({ type: 'connect', edge: newEdge(source, connection.target, draft.edges, connection) });
    },
    [draft.nodes, draft.edges, run],
  );

  const isValidConnection = useCallback(
    (connection: Connection | StepEdge) =>
      canConnect(draft.edges, connection.source, connection.target),
    [draft.edges],
  );

  const onDelete: OnDelete<StepNode, StepEdge> = useCallback(
    ({ nodes: removed, edges: removedEdges }) =>
      run({
        type: 'remove',
        nodeIds: removed.map((node) => node.id),
        edgeIds: removedEdges.map((edge) => edge.id),
      }),
    [run],
  );

  const onDragOver = (event: DragEvent) => {
    if (!isNodeDrag(event)) return;
    event.preventDefault();
    event.dataTransfer.dropEffect = 'copy';
  };
  const onDrop = (event: DragEvent) => {
    const type = draggedNodeType(event);
    if (!type) return;
    event.preventDefault();
    onDropNode(type, flow.screenToFlowPosition({ x: event.clientX, y: event.clientY }));
  };

  return (
    <div
      className="fw-flow-canvas"
      data-testid="flow-canvas"
      onDragOver={onDragOver}
      onDrop={onDrop}
      aria-label={t('flows.editor.canvas')}
    >
      <ReactFlow<StepNode, StepEdge>
        nodes={nodes}
        edges={edges}
        nodeTypes={NODE_VIEWS}
        edgeTypes={EDGE_VIEWS}
        defaultEdgeOptions={EDGE_DEFAULTS}
        onNodesChange={onNodesChange}
        onEdgesChange={onEdgesChange}
        onNodeDragStop={onDragStop}
        onConnect={onConnect}
        isValidConnection={isValidConnection}
        onDelete={onDelete}
        deleteKeyCode={DELETE_KEYS}
        fitView
        fitViewOptions={FIT_VIEW_OPTIONS}
        minZoom={0.1}
        onlyRenderVisibleElements={nodes.length > VISIBLE_ONLY_ABOVE}
      >
        <Background />
        <Controls />
        {nodes.length > MINIMAP_ABOVE && <MiniMap pannable zoomable />}
      </ReactFlow>
    </div>
  );
}
