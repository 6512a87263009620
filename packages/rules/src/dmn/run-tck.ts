import type { FeelValue } from '../feel/values.js';
import { evaluateDecision } from './evaluate-decision.js';
import { importDmn } from './import-dmn.js';
import { describeValue, readTckValue, TCK_NAMESPACE, tckValuesEqual } from './tck-values.js';
import { attribute, childNamed, childrenNamed, parseXml } from './xml.js';

/** Extension feature tags of the TCK subset that this engine implements. */
export const SUPPORTED_TCK_EXTENSIONS = [
  'unary-test-variable-operand',
  'type-time',
  'type-years-and-months-duration',
  'output-entry-string-concatenation',
] as const;

export interface TckSkip {
  test_case: string;
  result_node: string;
  features: string[];
  reason: string;
}
export interface TckCase {
  folder: string;
  model_file: string;
  test_file: string;
  result_nodes: number;
  result_nodes_in_subset: number;
  skip: TckSkip[];
}

export type TckStatus = 'passed' | 'failed' | 'skipped';
export interface TckNodeResult {
  folder: string;
  testCase: string;
  resultNode: string;
  status: TckStatus;
  /** For a skipped node run because its features are all implemented: how that run went. */
  extended?: 'passed' | 'failed';
  /** Why it failed, or the skip reason. */
  reason?: string;
  features?: string[];
}
export interface TckCounts {
  passed: number;
  failed: number;
  skipped: number;
}
export interface TckReport {
  upstreamCommit: string;
  /** Extension tags enabled: skip entries whose tags are all here were run as "extended". */
  extensions: string[];
  nodes: TckNodeResult[];
  cases: (TckCounts & { folder: string; extendedPassed: number; extendedFailed: number })[];
  totals: TckCounts & { total: number };
  extended: { run: number; passed: number; failed: number };
  testCases: { total: number; passed: number };
}

export interface RunTckOptions {
  /** Reads a file of the TCK folder by its path relative to that folder ('cases.json', 'cases/…'). */
  readFile: (relativePath: string) => string;
  /** Extension tags to run skip entries for; default: every supported one. [] = strict subset only. */
  extensions?: readonly string[];
}

const NS: ReadonlySet<string> = new Set([TCK_NAMESPACE]);

interface NodeOutcome {
  ok: boolean;
  reason?: string;
}

function runCase(
  entry: TckCase,
  options: RunTckOptions,
  extensions: ReadonlySet<string>,
): TckNodeResult[] {
  const folder = entry.folder;
  const results: TckNodeResult[] = [];
  const model = (() => {
    try {
      return importDmn(options.readFile(`cases/${folder}/${entry.model_file}`));
    } catch (error) {
      return { model: undefined, errors: [{ element: '', message: String(error) }], warnings: [] };
    }
  })();
  const parsed = parseXml(options.readFile(`cases/${folder}/${entry.test_file}`));
  if ('error' in parsed)
    throw new Error(`${folder}: the test file does not parse: ${parsed.error}`);
  for (const testCase of childrenNamed(parsed.root, 'testCase', NS)) {
    const id = attribute(testCase, 'id') ?? '';
    const inputs: Record<string, FeelValue> = {};
    let inputProblem: string | undefined;
    for (const node of childrenNamed(testCase, 'inputNode', NS)) {
      try {
        inputs[attribute(node, 'name') ?? ''] = readTckValue(node);
      } catch (error) {
        inputProblem = `input ${attribute(node, 'name') ?? ''}: ${String(error)}`;
      }
    }
    for (const node of childrenNamed(testCase, 'resultNode', NS)) {
      const name = attribute(node, 'name') ?? '';
      const skip = entry.skip.find(
        (candidate) => candidate.test_case === id && candidate.result_node === name,
      );
      const run = (): NodeOutcome => {
        if (!model.model)
          return {
            ok: false,
            reason: `the model does not load: ${model.errors[0]?.message ?? ''}`,
          };
        if (inputProblem) return { ok: false, reason: inputProblem };
        const wantsError = attribute(node, 'errorResult') === 'true';
        try {
          const expected = readTckValue(childNamed(node, 'expected', NS) ?? node);
          const result = evaluateDecision(model.model, name, inputs);
          if (wantsError)
            return result.errors.length > 0
              ? { ok: true }
              : { ok: false, reason: 'expected an error' };
          if (result.errors.length > 0)
            return { ok: false, reason: result.errors.map((error) => error.message).join('; ') };
          if (tckValuesEqual(expected, result.value)) return { ok: true };
          return {
            ok: false,
            reason: `expected ${describeValue(expected)}, got ${describeValue(result.value)}`,
          };
        } catch (error) {
          return { ok: false, reason: `exception: ${String(error)}` };
        }
      };
      const base = { folder, testCase: id, resultNode: name };
      if (!skip) {
        const outcome = run();
        results.push({
          ...base,
          status: outcome.ok ? 'passed' : 'failed',
          ...(outcome.reason ? { reason: outcome.reason } : {}),
        });
        continue;
      }
      const skipped: TckNodeResult = {
        ...base,
        status: 'skipped',
        reason: skip.reason,
        features: skip.features,
      };
      if (skip.features.every((feature) => extensions.has(feature))) {
        const outcome = run();
        skipped.extended = outcome.ok ? 'passed' : 'failed';
        if (!outcome.ok)
          skipped.reason = `${skip.reason} — extended run failed: ${outcome.reason ?? ''}`;
      }
      results.push(skipped);
    }
  }
  return results;
}

/** Runs the DMN TCK subset as its README prescribes, counting result nodes. */
export function runTck(options: RunTckOptions): TckReport {
  const cases = JSON.parse(options.readFile('cases.json')) as TckCase[];
  const readme = options.readFile('README.md');
  const upstreamCommit = /Upstream commit: `([0-9a-f]{40})`/.exec(readme)?.[1] ?? 'unknown';
  const extensions = [...(options.extensions ?? SUPPORTED_TCK_EXTENSIONS)];
  const enabled = new Set(extensions);
  const nodes = cases.flatMap((entry) => runCase(entry, options, enabled));
  const count = (list: TckNodeResult[], status: TckStatus) =>
    list.filter((node) => node.status === status).length;
  const caseSummaries = cases.map((entry) => {
    const own = nodes.filter((node) => node.folder === entry.folder);
    return {
      folder: entry.folder,
      passed: count(own, 'passed'),
      failed: count(own, 'failed'),
      skipped: count(own, 'skipped'),
      extendedPassed: own.filter((node) => node.extended === 'passed').length,
      extendedFailed: own.filter((node) => node.extended === 'failed').length,
    };
  });
  const inSubset = new Map<string, boolean>();
  for (const node of nodes) {
    if (node.status === 'skipped') continue;
    const key = `${node.folder}/${node.testCase}`;
    inSubset.set(key, (inSubset.get(key) ?? true) && node.status === 'passed');
  }
  const extendedNodes = nodes.filter((node) => node.extended !== undefined);
  return {
    upstreamCommit,
    extensions,
    nodes,
    cases: caseSummaries,
    totals: {
      passed: count(nodes, 'passed'),
      failed: count(nodes, 'failed'),
      skipped: count(nodes, 'skipped'),
      total: nodes.length,
    },
    extended: {
      run: extendedNodes.length,
      passed: extendedNodes.filter((node) => node.extended === 'passed').length,
      failed: extendedNodes.filter((node) => node.extended === 'failed').length,
    },
    testCases: { total: inSubset.size, passed: [...inSubset.values()].filter(Boolean).length },
  };
}

/** The report as a plain-text table, for a terminal or a CI log. */
export function formatTckReport(report: TckReport): string {
  const width = Math.max(...report.cases.map((entry) => entry.folder.length), 'case'.length);
  const row = (cells: (string | number)[]) =>
    cells
      .map((cell, index) => (index === 0 ? String(cell).padEnd(width) : String(cell).padStart(9)))
      .join('  ');
  const lines = [
    `DMN TCK decision-table subset (upstream dmn-tck/tck ${report.upstreamCommit})`,
    row(['case', 'passed', 'failed', 'skipped', 'ext.pass', 'ext.fail']),
    ...report.cases.map((entry) =>
      row([
        entry.folder,
        entry.passed,
        entry.failed,
        entry.skipped,
        entry.extendedPassed,
        entry.extendedFailed,
      ]),
    ),
    row([
      'total',
      report.totals.passed,
      report.totals.failed,
      report.totals.skipped,
      report.extended.passed,
      report.extended.failed,
    ]),
    `result nodes: ${report.totals.passed} passed / ${report.totals.failed} failed / ${report.totals.skipped} skipped = ${report.totals.total}` +
      ` (strict subset); test cases fully passed: ${report.testCases.passed} of ${report.testCases.total}`,
    `extended (${report.extensions.join(', ') || 'none'}): ${report.extended.passed} of ${report.extended.run} skipped nodes pass` +
      ' — counted as skipped above, so strict figures stay comparable',
  ];
  for (const node of report.nodes.filter(
    (entry) => entry.status === 'failed' || entry.extended === 'failed',
  ))
    lines.push(`FAILED ${node.folder} ${node.testCase} ${node.resultNode}: ${node.reason ?? ''}`);
  for (const node of report.nodes.filter(
    (entry) => entry.status === 'skipped' && entry.extended === undefined,
  ))
    lines.push(
      `skipped ${node.folder} ${node.testCase} ${node.resultNode} [${(node.features ?? []).join(', ')}]: ${node.reason ?? ''}`,
    );
  return lines.join('\n') + '\n';
}
