import { afterAll, describe, expect, it } from '@jest/globals';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { formatTckReport, runTck, type TckReport } from './run-tck.js';

const repositoryRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../..');
/** The shared conformance folder beside the repository, else the byte-identical copy vendored here. */
const tckDirectory = [
  path.resolve(repositoryRoot, '../shared/conformance/dmn-tck'),
  path.resolve(repositoryRoot, 'packages/rules/conformance/dmn-tck'),
].find((candidate) => fs.existsSync(path.join(candidate, 'cases.json')))!;

function loadReport(): TckReport {
  if (!tckDirectory || !fs.existsSync(path.join(tckDirectory, 'cases.json')))
    throw new Error(
      `The DMN TCK subset is missing: expected ${tckDirectory}/cases.json (see packages/rules README)`,
    );
  return runTck({
    readFile: (relative) => fs.readFileSync(path.join(tckDirectory, relative), 'utf8'),
  });
}

describe('DMN TCK decision-table subset', () => {
  const report = loadReport();

  afterAll(() => {
    process.stdout.write(formatTckReport(report));
  });

  it('counts all 98 result nodes, skipping exactly the listed ones', () => {
    expect(report.totals.total).toBe(98);
    expect(report.totals.skipped).toBe(43);
    expect(report.upstreamCommit).toMatch(/^[0-9a-f]{40}$/);
  });

  it.each(
    report.nodes
      .filter((node) => node.status !== 'skipped')
      .map((node) => [`${node.folder} ${node.testCase} ${node.resultNode}`, node] as const),
  )('%s passes', (_name, node) => {
    expect(node.reason ?? '').toBe('');
    expect(node.status).toBe('passed');
  });

  it('passes every extended node it runs', () => {
    expect(
      report.nodes.filter((node) => node.extended === 'failed').map((node) => node.reason),
    ).toEqual([]);
  });
});
