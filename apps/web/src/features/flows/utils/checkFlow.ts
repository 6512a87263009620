import { validateFlow, type FlowError, type FlowValidationContext } from '@formwork/flows';
import { draftToInput, type FlowDraft } from './flowDraft';

/** validateFlow's findings, indexed for the canvas. */
export interface FlowProblems {
  errors: FlowError[];
  byNode: ReadonlyMap<string, FlowError[]>;
  byEdge: ReadonlyMap<string, FlowError[]>;
  /** Problems of the trigger or the name (shown in the flow settings). */
  settings: FlowError[];
}

const isSettingsPath = (path: string | undefined) =>
  path === '/name' || path?.startsWith('/trigger') === true;

/**
 * Checks the draft as the engine will. A shape error of the name or trigger makes validateFlow
 * stop before the graph: the graph is then checked again with a stand-in trigger, so that the
 * canvas keeps showing its own problems while the admin fills in the trigger.
 */
export function checkFlow(draft: FlowDraft, context: FlowValidationContext): FlowProblems {
  const input = draftToInput(draft);
  let errors = validateFlow(input, context).errors;
  const shape = errors.filter((error) => error.code === 'invalid_flow');
  if (shape.length > 0 && shape.every((error) => isSettingsPath(error.path))) {
    const graph = validateFlow(
      { ...input, name: input.name || '-', trigger: { type: 'manual' } },
      context,
    );
    errors = [...shape, ...graph.errors];
  }
  const byNode = new Map<string, FlowError[]>();
  const byEdge = new Map<string, FlowError[]>();
  const settings: FlowError[] = [];
  for (const error of errors) {
    if (error.edgeId !== undefined) push(byEdge, error.edgeId, error);
    if (error.nodeId !== undefined && error.edgeId === undefined) push(byNode, error.nodeId, error);
    if (error.nodeId === undefined && error.edgeId === undefined) settings.push(error);
  }
  return { errors, byNode, byEdge, settings };
}

function push(map: Map<string, FlowError[]>, key: string, error: FlowError) {
  const list = map.get(key);
  if (list) list.push(error);
  else map.set(key, [error]);
}
