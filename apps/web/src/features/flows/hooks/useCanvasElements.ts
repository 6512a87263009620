import type { FlowEdge, FlowNode } from '@formwork/definitions';
import type { FlowError } from '@formwork/flows';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import {
  NO_SELECTION,
  type Highlight,
  type Selection,
  type Size,
  type StepEdge,
  type StepNode,
} from '../utils/canvasTypes';
import { describeProblem } from '../utils/describeProblem';
import { memoBy, type MemoCache } from '../utils/memoBy';
import { edgeLabel, nodeDetail, nodeTitle } from '../utils/nodeSummary';

interface CanvasInput {
  nodes: readonly FlowNode[];
  edges: readonly FlowEdge[];
  selection?: Selection;
  problems?: { byNode: ReadonlyMap<string, FlowError[]>; byEdge: ReadonlyMap<string, FlowError[]> };
  highlight?: Highlight | null;
  measured?: ReadonlyMap<string, Size>;
  readOnly?: boolean;
}

const nodeCache: MemoCache<StepNode> = new WeakMap();
const edgeCache: MemoCache<StepEdge> = new WeakMap();
const NONE: readonly string[] = [];
const NO_SIZES: ReadonlyMap<string, Size> = new Map();

/** Translated problems per node or edge id. */
function useMessages(
  errors: ReadonlyMap<string, FlowError[]> | undefined,
  nodes: readonly FlowNode[],
): ReadonlyMap<string, readonly string[]> {
  const { t } = useTranslation();
  return useMemo(() => {
    const byId = new Map(nodes.map((node) => [node.id, node]));
    const messages = new Map<string, readonly string[]>();
    for (const [id, list] of errors ?? [])
      messages.set(
        id,
        list.map((error) => describeProblem(error, t, byId)),
      );
    return messages;
  }, [errors, nodes, t]);
}

/**
 * React Flow's nodes and edges for a graph. Each is rebuilt only when what it shows changed, so
 * React Flow and the memoised node components skip the rest (a 300-node flow stays responsive).
 */
export function useCanvasElements(input: CanvasInput): { nodes: StepNode[]; edges: StepEdge[] } {
  const { t, i18n } = useTranslation();
  const selection = input.selection ?? NO_SELECTION;
  const measured = input.measured ?? NO_SIZES;
  const readOnly = input.readOnly ?? false;
  const nodeMessages = useMessages(input.problems?.byNode, input.nodes);
  const edgeMessages = useMessages(input.problems?.byEdge, input.nodes);
  const language = i18n.language;

  const nodes = input.nodes.map((node) => {
    const problems = nodeMessages.get(node.id) ?? NONE;
    const selected = selection.nodes.has(node.id);
    const state = input.highlight?.nodes.get(node.id);
    const size = measured.get(node.id);
    const deps = [selected, state, size, language, readOnly, problems.join('\n')];
    return memoBy(nodeCache, node, deps, () => ({
      id: node.id,
      type: 'step' as const,
      position: node.position ?? { x: 0, y: 0 },
      selected,
      draggable: !readOnly,
      connectable: !readOnly,
      deletable: !readOnly,
      ...(size && { measured: size }),
      data: {
        kind: node.type,
        title: nodeTitle(node, t),
        detail: nodeDetail(node, t),
        problems,
        state,
        readOnly,
      },
    }));
  });

  const edges = input.edges.map((edge) => {
    const problems = edgeMessages.get(edge.id) ?? NONE;
    const selected = selection.edges.has(edge.id);
    const state = input.highlight?.edges.has(edge.id) ? ('path' as const) : undefined;
    const deps = [selected, state, language, readOnly, problems.join('\n')];
    return memoBy(edgeCache, edge, deps, () => ({
      id: edge.id,
      type: 'step' as const,
      source: edge.source,
      target: edge.target,
      selected,
      deletable: !readOnly,
      className: problems.length > 0 ? 'fw-flow-edge-invalid' : undefined,
      data: { label: edgeLabel(edge, t), problems, state },
      domAttributes: {
        'data-state': state ?? 'idle',
        'data-problems': String(problems.length),
      } as StepEdge['domAttributes'],
    }));
  });

  return { nodes, edges };
}
