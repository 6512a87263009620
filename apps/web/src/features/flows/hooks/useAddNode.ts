import type { FlowEdge, NodeType } from '@formwork/definitions';
import { useReactFlow } from '@xyflow/react';
import { useCallback, useEffect, useRef, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import { newEdge } from '../utils/edgeDefaults';
import { idsOf, nextId, type XY } from '../utils/flowDraft';
import { LAYOUT } from '../utils/layoutGraph';
import { defaultNodeData, hasInput, hasOutput } from '../utils/nodeCatalog';
import type { FlowEditorState } from './useFlowEditor';

/** About half a node: a dropped node is centred on the pointer. */
const NODE_OFFSET = { x: 90, y: 24 };
const BRANCHING = new Set(['decision', 'approval', 'parallel_split']);

/**
 * Adds a node of a type. Dropped: where it was dropped. Clicked in the palette: below the
 * selected node and connected from it (when it may lead somewhere else), or in the middle of
 * the view — so that a flow can be drawn with the keyboard alone.
 */
export function useAddNode(state: FlowEditorState, canvas: RefObject<HTMLElement | null>) {
  const { t } = useTranslation();
  const flow = useReactFlow();
  // The latest state, read when adding: the callback stays the same, so the palette does not
  // render again on every edit.
  const latest = useRef(state);
  useEffect(() => {
    latest.current = state;
  });

  return useCallback(
    (type: NodeType, dropped?: XY) => {
      const { draft, selection, run, select } = latest.current;
      const id = nextId(type, idsOf(draft.nodes));
      const [selectedId] = selection.nodes.size === 1 ? [...selection.nodes] : [];
      const from = dropped ? undefined : draft.nodes.find((node) => node.id === selectedId);
      const mayLead =
        from !== undefined &&
        hasOutput(from.type) &&
        hasInput(type) &&
        (BRANCHING.has(from.type) || !draft.edges.some((edge) => edge.source === from.id));
      let position: XY;
      if (dropped) position = { x: dropped.x - NODE_OFFSET.x, y: dropped.y - NODE_OFFSET.y };
      else if (from?.position)
        position = { x: from.position.x, y: from.position.y + LAYOUT.rowHeight };
      else {
        const box = canvas.current?.getBoundingClientRect();
        const centre = flow.screenToFlowPosition({
          x: (box?.left ?? 0) + (box?.width ?? 0) / 2,
          y: (box?.top ?? 0) + (box?.height ?? 0) / 2,
        });
        // Successive clicks fan out instead of stacking exactly.
        const shift = (draft.nodes.length % 5) * 24;
        position = { x: centre.x - NODE_OFFSET.x + shift, y: centre.y - NODE_OFFSET.y + shift };
      }
      const edge: FlowEdge | undefined = mayLead ? newEdge(from, id, draft.edges) : undefined;
      run({
        type: 'addNode',
        node: { id, type, data: defaultNodeData(type, t(`flows.nodeTypes.${type}`)), position },
        from: edge,
      });
      select([id]);
    },
    [canvas, flow, t],
  );
}
