import type { FlowEdge, FlowNode } from '@formwork/definitions';
import type { FlowDraft, TriggerDraft, XY } from './flowDraft';

/** Every edit of the editor is one of these: each is one undo step (or merges into the last). */
export type DraftCommand =
  | { type: 'addNode'; node: FlowNode; from?: FlowEdge }
  | { type: 'moveNodes'; positions: Record<string, XY> }
  | { type: 'remove'; nodeIds: readonly string[]; edgeIds: readonly string[] }
  | { type: 'connect'; edge: FlowEdge }
  | { type: 'setNodeData'; id: string; data: Record<string, unknown> }
  | { type: 'setEdgeData'; id: string; data: Record<string, unknown> | undefined }
  | { type: 'setTrigger'; trigger: TriggerDraft }
  | { type: 'setName'; name: string }
  | { type: 'setDescription'; description: string };

const replaceWhere = <T extends { id: string }>(items: T[], id: string, change: (item: T) => T) =>
  items.map((item) => (item.id === id ? change(item) : item));

/** Applies one command; what it does not touch keeps its identity (memoised nodes stay put). */
export function applyCommand(draft: FlowDraft, command: DraftCommand): FlowDraft {
  switch (command.type) {
    case 'addNode':
      return {
        ...draft,
        nodes: [...draft.nodes, command.node],
        edges: command.from ? [...draft.edges, command.from] : draft.edges,
      };
    case 'moveNodes': {
      const { positions } = command;
      let moved = false;
      const nodes = draft.nodes.map((node) => {
        const position = positions[node.id];
        if (!position || (position.x === node.position?.x && position.y === node.position.y))
          return node;
        moved = true;
        return { ...node, position };
      });
      return moved ? { ...draft, nodes } : draft;
    }
    case 'remove': {
      const nodeIds = new Set(command.nodeIds);
      const edgeIds = new Set(command.edgeIds);
      return {
        ...draft,
        nodes: draft.nodes.filter((node) => !nodeIds.has(node.id)),
        edges: draft.edges.filter(
          (edge) => !edgeIds.has(edge.id) && !nodeIds.has(edge.source) && !nodeIds.has(edge.target),
        ),
      };
    }
    case 'connect':
      return { ...draft, edges: [...draft.edges, command.edge] };
    case 'setNodeData':
      return {
        ...draft,
        nodes: replaceWhere(draft.nodes, command.id, (node) => ({ ...node, data: command.data })),
      };
    case 'setEdgeData':
      return {
        ...draft,
        edges: replaceWhere(draft.edges, command.id, (edge) => {
          const { data: _old, ...rest } = edge;
          return command.data && Object.keys(command.data).length > 0
            ? { ...rest, data: command.data }
            : rest;
        }),
      };
    case 'setTrigger':
      return { ...draft, trigger: command.trigger };
    case 'setName':
      return { ...draft, name: command.name };
    case 'setDescription':
      return { ...draft, description: command.description };
  }
}

/** The draft with its undo and redo stacks. */
export interface DraftHistory {
  past: FlowDraft[];
  present: FlowDraft;
  future: FlowDraft[];
  /** Edits with the same key in a row (typing in one field, one drag) make one undo step. */
  mergeKey: string | null;
}

export type HistoryAction =
  | { type: 'do'; command: DraftCommand; mergeKey?: string }
  | { type: 'undo' }
  | { type: 'redo' }
  /** Ends a run of merged edits: the next edit is a step of its own. */
  | { type: 'seal' }
  /** Takes a draft from elsewhere (the server's), forgetting the stacks. */
  | { type: 'reset'; draft: FlowDraft };

const UNDO_LIMIT = 200;

export const initialHistory = (draft: FlowDraft): DraftHistory => ({
  past: [],
  present: draft,
  future: [],
  mergeKey: null,
});

export function historyReducer(state: DraftHistory, action: HistoryAction): DraftHistory {
  switch (action.type) {
    case 'do': {
      const next = applyCommand(state.present, action.command);
      if (next === state.present) return state;
      const merge = action.mergeKey !== undefined && action.mergeKey === state.mergeKey;
      return {
        past: merge ? state.past : [...state.past, state.present].slice(-UNDO_LIMIT),
        present: next,
        future: [],
        mergeKey: action.mergeKey ?? null,
      };
    }
    case 'undo': {
      const previous = state.past.at(-1);
      if (!previous) return state;
      return {
        past: state.past.slice(0, -1),
        present: previous,
        future: [state.present, ...state.future],
        mergeKey: null,
      };
    }
    case 'redo': {
      const [next, ...rest] = state.future;
      if (!next) return state;
      return { past: [...state.past, state.present], present: next, future: rest, mergeKey: null };
    }
    case 'seal':
      return state.mergeKey === null ? state : { ...state, mergeKey: null };
    case 'reset':
      return initialHistory(action.draft);
  }
}
