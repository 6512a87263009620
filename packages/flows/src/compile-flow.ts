import {
  flowInputSchema,
  type FlowEdge,
  type FlowNode,
  type NodeType,
} from '@formwork/definitions';
import type { FlowError, FlowValidationContext } from './flow-errors.js';
import { indexGraph, outgoingOf, type GraphIndex } from './graph.js';
import {
  JOINED_STATE,
  STEP_ACTIONS,
  type ActionRef,
  type EffectActionName,
  type EffectActionParams,
  type FlowMachineConfig,
  type FlowStateConfig,
  type FlowTransitionConfig,
} from './machine-types.js';
import { analyseParallels, scopeKey, type BranchFrame } from './parallel-structure.js';
import { validateFlow } from './validate-flow.js';

export type CompileFlowResult =
  { config: FlowMachineConfig; errors: [] } | { config: null; errors: FlowError[] };

const action = <Name extends EffectActionName | 'storeTaskResult' | 'storeStepResult'>(
  type: Name,
  params: Name extends EffectActionName ? EffectActionParams[Name] : { nodeId: string },
): ActionRef => ({ type, params: { ...params } });

/** Node data without what only the editor reads (label, description), for action params. */
function settingsOf(node: FlowNode): Record<string, unknown> {
  const { label: _label, description: _description, ...settings } = node.data;
  return settings;
}

interface Compiler {
  index: GraphIndex;
  joinOf: Map<string, string>;
  byScope: Map<string, FlowNode[]>;
}

/** Where an edge leads from inside `scope`: a sibling state, or the branch's end when it reaches the join. */
function targetOf(compiler: Compiler, edge: FlowEdge, scope: readonly BranchFrame[]): string {
  const top = scope.at(-1);
  return top && compiler.joinOf.get(top.splitId) === edge.target ? JOINED_STATE : edge.target;
}

function nextOf(compiler: Compiler, node: FlowNode, scope: readonly BranchFrame[]): string {
  return targetOf(compiler, outgoingOf(compiler.index, node.id)[0]!, scope);
}

function branchTo(
  compiler: Compiler,
  node: FlowNode,
  edge: FlowEdge,
  scope: readonly BranchFrame[],
) {
  const target = targetOf(compiler, edge, scope);
  return {
    target,
    actions: [action('chooseBranch', { nodeId: node.id, edgeId: edge.id, target: edge.target })],
  };
}

function compileDecision(
  compiler: Compiler,
  node: FlowNode,
  scope: readonly BranchFrame[],
): FlowTransitionConfig[] {
  const edges = outgoingOf(compiler.index, node.id);
  const conditional = edges.filter((edge) => edge.data?.default !== true);
  const fallback = edges.find((edge) => edge.data?.default === true)!;
  return [
    ...conditional.map((edge) => ({
      guard: {
        type: 'condition' as const,
        params: { filter: edge.data?.condition, nodeId: node.id, edgeId: edge.id },
      },
      ...branchTo(compiler, node, edge, scope),
    })),
    branchTo(compiler, node, fallback, scope),
  ];
}

function compileTask(
  compiler: Compiler,
  node: FlowNode,
  scope: readonly BranchFrame[],
): FlowStateConfig {
  const data = settingsOf(node) as {
    title: string;
    form?: string;
    assignee: unknown;
    due?: string;
    escalate?: { after: string; to: unknown };
  };
  const isApproval = node.type === 'approval';
  const entry = [
    action('createTask', {
      nodeId: node.id,
      kind: isApproval ? 'approval' : 'form',
      title: data.title,
      assignee: data.assignee,
      ...(data.form === undefined ? {} : { form: data.form }),
      ...(data.due === undefined ? {} : { due: data.due }),
      ...(isApproval ? { outcomes: ['approve', 'reject'] } : {}),
    }),
  ];
  const state: FlowStateConfig = { entry, on: {} };
  if (data.escalate) {
    entry.push(
      action('scheduleTimer', {
        nodeId: node.id,
        timer: 'escalation',
        duration: data.escalate.after,
      }),
    );
    state.exit = [action('cancelTimers', { nodeId: node.id })];
    state.on!.TIMER_FIRED = [
      {
        guard: { type: 'eventForNode', params: { nodeId: node.id, timer: 'escalation' } },
        actions: [action('escalateTask', { nodeId: node.id, to: data.escalate.to })],
      },
    ];
  }
  const store = action('storeTaskResult', { nodeId: node.id });
  state.on!.TASK_COMPLETED = isApproval
    ? outgoingOf(compiler.index, node.id).map((edge) => {
        const branch = branchTo(compiler, node, edge, scope);
        return {
          guard: {
            type: 'eventForNode',
            params: { nodeId: node.id, outcome: String(edge.data?.outcome) },
          },
          target: branch.target,
          actions: [store, ...branch.actions],
        };
      })
    : [
        {
          guard: { type: 'eventForNode', params: { nodeId: node.id } },
          target: nextOf(compiler, node, scope),
          actions: [store],
        },
      ];
  return state;
}

function compileNode(
  compiler: Compiler,
  node: FlowNode,
  scope: readonly BranchFrame[],
): FlowStateConfig {
  const type = node.type as NodeType;
  const enter = action('enterNode', { nodeId: node.id, type });
  const base: FlowStateConfig = { meta: { nodeId: node.id, type } };
  if (typeof node.data.label === 'string') base.description = node.data.label;
  const withEntry = (state: FlowStateConfig): FlowStateConfig => ({
    ...base,
    ...state,
    entry: [enter, ...(state.entry ?? [])],
  });
  const forNode = { type: 'eventForNode' as const, params: { nodeId: node.id } };
  switch (type) {
    case 'start':
    case 'parallel_join':
      return withEntry({ always: [{ target: nextOf(compiler, node, scope) }] });
    case 'end':
      return withEntry({ type: 'final' });
    case 'decision':
      return withEntry({ always: compileDecision(compiler, node, scope) });
    case 'form_task':
    case 'approval':
      return withEntry(compileTask(compiler, node, scope));
    case 'wait': {
      const { duration, until } = node.data as { duration?: string; until?: string };
      return withEntry({
        entry: [
          action('scheduleTimer', {
            nodeId: node.id,
            timer: 'wait',
            ...(duration === undefined ? {} : { duration }),
            ...(until === undefined ? {} : { until }),
          }),
        ],
        on: {
          TIMER_FIRED: [
            {
              guard: { type: 'eventForNode', params: { nodeId: node.id, timer: 'wait' } },
              target: nextOf(compiler, node, scope),
            },
          ],
        },
      });
    }
    case 'update_record':
    case 'create_record':
    case 'classify':
    case 'notify':
    case 'webhook':
    case 'subflow':
      return withEntry({
        entry: [{ type: STEP_ACTIONS[type], params: { nodeId: node.id, ...settingsOf(node) } }],
        on: {
          STEP_COMPLETED: [
            {
              guard: forNode,
              target: nextOf(compiler, node, scope),
              actions: [action('storeStepResult', { nodeId: node.id })],
            },
          ],
        },
      });
    case 'parallel_split':
      return withEntry({
        type: 'parallel',
        states: Object.fromEntries(
          outgoingOf(compiler.index, node.id).map((edge, index) => {
            const inner = [...scope, { splitId: node.id, branch: index }];
            return [
              `branch_${index}`,
              {
                meta: { branch: { splitId: node.id, index, edgeId: edge.id } },
                initial: targetOf(compiler, edge, inner),
                states: { ...compileScope(compiler, inner), [JOINED_STATE]: { type: 'final' } },
              } satisfies FlowStateConfig,
            ];
          }),
        ),
        onDone: { target: compiler.joinOf.get(node.id)! },
      });
  }
}

function compileScope(
  compiler: Compiler,
  scope: readonly BranchFrame[],
): Record<string, FlowStateConfig> {
  const nodes = compiler.byScope.get(scopeKey(scope)) ?? [];
  return Object.fromEntries(nodes.map((node) => [node.id, compileNode(compiler, node, scope)]));
}

/**
 * Compiles a valid flow to an XState v5 machine config that is plain JSON: one state per node,
 * actions and guards referenced by name with their params (see README.md for the names). An
 * invalid flow compiles to nothing and answers the validator's errors.
 */
export function compileFlow(flow: unknown, context?: FlowValidationContext): CompileFlowResult {
  const { valid, errors } = validateFlow(flow, context);
  if (!valid) return { config: null, errors };
  const definition = flowInputSchema.parse(flow);
  const index = indexGraph(definition.graph);
  const start = definition.graph.nodes.find((node) => node.type === 'start')!;
  const { joinOf, scopeOf } = analyseParallels(index, start.id);
  const byScope = new Map<string, FlowNode[]>();
  for (const node of index.nodes.values()) {
    const key = scopeKey(scopeOf.get(node.id) ?? []);
    byScope.set(key, [...(byScope.get(key) ?? []), node]);
  }
  const config: FlowMachineConfig = {
    id: 'flow',
    initial: start.id,
    states: compileScope({ index, joinOf, byScope }, []),
  };
  return { config: JSON.parse(JSON.stringify(config)) as FlowMachineConfig, errors: [] };
}
