import type { FlowError } from './flow-errors.js';
import { outgoingOf, type GraphIndex } from './graph.js';

/** One level of nesting: the node sits in branch `branch` (edge order) of `splitId`. */
export interface BranchFrame {
  splitId: string;
  branch: number;
}

export interface ParallelStructure {
  /** The join that closes each well-formed split. */
  joinOf: Map<string, string>;
  /** The branches around each node reachable from the start; `[]` outside any split. */
  scopeOf: Map<string, readonly BranchFrame[]>;
  errors: FlowError[];
}

export const scopeKey = (scope: readonly BranchFrame[]): string =>
  scope.map((frame) => `${frame.splitId}#${frame.branch}`).join('/');

const END = '\u0000end';
const ESCAPE = '\u0000escape';
const BROKEN = '\u0000broken';

/**
 * Matches every parallel_split with the one parallel_join all its branches reach (nested splits
 * are skipped over through their own join), then places each node reachable from the start in
 * exactly one branch: an edge into or out of a branch other than through its join is an error.
 */
export function analyseParallels(
  index: GraphIndex,
  startId: string | undefined,
): ParallelStructure {
  const errors: FlowError[] = [];
  const joinOf = new Map<string, string>();
  const broken = new Set<string>();
  const resolving = new Set<string>();
  const reachedJoins = new Set<string>();
  const nameOf = (id: string) => {
    const label = index.nodes.get(id)?.data.label;
    return `"${typeof label === 'string' && label !== '' ? label : id}"`;
  };

  const walkBranch = (from: string, splitId: string): Set<string> => {
    const terminals = new Set<string>();
    const seen = new Set<string>();
    const pending = [from];
    while (pending.length > 0) {
      const id = pending.pop()!;
      if (seen.has(id)) continue;
      seen.add(id);
      const node = index.nodes.get(id);
      if (!node) continue;
      if (node.type === 'parallel_join') {
        terminals.add(id);
        reachedJoins.add(id);
        continue;
      }
      if (node.type === 'end') {
        terminals.add(END);
        continue;
      }
      let next = id;
      if (node.type === 'parallel_split') {
        if (id === splitId || resolving.has(id)) {
          terminals.add(ESCAPE);
          continue;
        }
        const inner = resolveSplit(id);
        if (inner === undefined) {
          terminals.add(BROKEN);
          continue;
        }
        next = inner;
      }
      for (const edge of outgoingOf(index, next)) pending.push(edge.target);
    }
    return terminals;
  };

  const fail = (splitId: string, message: string) => {
    broken.add(splitId);
    errors.push({
      code: 'split_branches_not_joined',
      nodeId: splitId,
      message: `${message} Every branch of a parallel split must end at the same parallel join.`,
    });
  };

  const resolveSplit = (splitId: string): string | undefined => {
    if (joinOf.has(splitId)) return joinOf.get(splitId);
    if (broken.has(splitId)) return undefined;
    const branches = outgoingOf(index, splitId);
    if (branches.length === 0) {
      broken.add(splitId);
      return undefined;
    }
    resolving.add(splitId);
    const terminals = branches.map((edge) => walkBranch(edge.target, splitId));
    resolving.delete(splitId);
    if (terminals.some((found) => found.has(BROKEN))) {
      broken.add(splitId);
      return undefined;
    }
    const joins = new Set(
      terminals.flatMap((found) => [...found].filter((id) => index.nodes.has(id))),
    );
    const firstBad = terminals.findIndex(
      (found) => found.has(END) || found.has(ESCAPE) || found.size !== 1,
    );
    if (firstBad === -1 && joins.size === 1) {
      const join = [...joins][0]!;
      joinOf.set(splitId, join);
      return join;
    }
    const branch = branches[Math.max(firstBad, 0)]!;
    const found = terminals[Math.max(firstBad, 0)]!;
    if (found.has(END))
      fail(splitId, `The branch to ${nameOf(branch.target)} reaches an end before any join.`);
    else if (found.has(ESCAPE))
      fail(
        splitId,
        `The branch to ${nameOf(branch.target)} leads back to this split before any join.`,
      );
    else if (found.size === 0)
      fail(splitId, `The branch to ${nameOf(branch.target)} never reaches a parallel join.`);
    else
      fail(splitId, `The branches end at different joins (${[...joins].map(nameOf).join(', ')}).`);
    return undefined;
  };

  for (const node of index.nodes.values()) {
    if (node.type === 'parallel_split') resolveSplit(node.id);
  }

  const splitOfJoin = new Map<string, string>();
  for (const [splitId, joinId] of [...joinOf].sort(
    ([a], [b]) => index.nodePosition.get(a)! - index.nodePosition.get(b)!,
  )) {
    const other = splitOfJoin.get(joinId);
    if (other === undefined) {
      splitOfJoin.set(joinId, splitId);
      continue;
    }
    joinOf.delete(splitId);
    fail(splitId, `Its join ${nameOf(joinId)} already closes the split ${nameOf(other)}.`);
  }

  for (const node of index.nodes.values()) {
    if (node.type !== 'parallel_join' || splitOfJoin.has(node.id) || reachedJoins.has(node.id))
      continue;
    errors.push({
      code: 'join_without_split',
      nodeId: node.id,
      message: 'This parallel join does not close any parallel split.',
    });
  }

  const scopeOf = assignScopes(index, startId, joinOf, splitOfJoin, errors);
  return { joinOf, scopeOf, errors };
}

function assignScopes(
  index: GraphIndex,
  startId: string | undefined,
  joinOf: Map<string, string>,
  splitOfJoin: Map<string, string>,
  errors: FlowError[],
): Map<string, readonly BranchFrame[]> {
  const scopeOf = new Map<string, readonly BranchFrame[]>();
  if (startId === undefined) return scopeOf;
  const crossed = new Set<string>();
  const cross = (nodeId: string, message: string) => {
    if (crossed.has(nodeId)) return;
    crossed.add(nodeId);
    errors.push({ code: 'branch_crossing', nodeId, message });
  };
  const pending: { id: string; scope: readonly BranchFrame[]; fromSplit?: boolean }[] = [
    { id: startId, scope: [] },
  ];
  while (pending.length > 0) {
    const { id, scope, fromSplit } = pending.pop()!;
    const node = index.nodes.get(id);
    if (!node) continue;
    if (node.type === 'parallel_join' && splitOfJoin.has(id) && !fromSplit) {
      const top = scope.at(-1);
      if (top && joinOf.get(top.splitId) === id) continue;
      cross(
        id,
        'An edge reaches this join from outside the branches of its parallel split: a join only closes its own split.',
      );
      continue;
    }
    const known = scopeOf.get(id);
    if (known) {
      if (scopeKey(known) !== scopeKey(scope))
        cross(
          id,
          'This node is reached from more than one branch (or from both inside and outside a parallel split): each node belongs to one branch.',
        );
      continue;
    }
    scopeOf.set(id, scope);
    const join = node.type === 'parallel_split' ? joinOf.get(id) : undefined;
    if (join === undefined) {
      for (const edge of outgoingOf(index, id)) pending.push({ id: edge.target, scope });
      continue;
    }
    pending.push({ id: join, scope, fromSplit: true });
    outgoingOf(index, id).forEach((edge, branch) =>
      pending.push({ id: edge.target, scope: [...scope, { splitId: id, branch }] }),
    );
  }
  return scopeOf;
}
