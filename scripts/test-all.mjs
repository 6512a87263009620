#!/usr/bin/env node
// Runs every test suite of the workspace and ends with one line of totals:
// "N passed, N failed, N skipped". Exits non-zero when anything failed.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const JEST_PROJECTS = ['packages/definitions', 'packages/rules', 'packages/flows', 'apps/engine'];

function run(command, args, options = {}) {
  const result = spawnSync(command, args, { stdio: 'inherit', cwd: root, ...options });
  return result.status ?? 1;
}

function runJest(project, reportFile, extraArgs) {
  const jest = path.join(root, project, 'node_modules/jest/bin/jest.js');
  const env = {
    ...process.env,
    NODE_OPTIONS:
      `${process.env.NODE_OPTIONS ?? ''} --experimental-vm-modules --no-warnings=ExperimentalWarning`.trim(),
  };
  const status = run(
    process.execPath,
    [jest, '--json', `--outputFile=${reportFile}`, ...extraArgs],
    { cwd: path.join(root, project), env },
  );
  try {
    const report = JSON.parse(readFileSync(reportFile, 'utf8'));
    return {
      status,
      passed: report.numPassedTests,
      // A suite that fails to load has no failed tests of its own; count it once.
      failed: report.numFailedTests + report.numRuntimeErrorTestSuites,
      skipped: report.numPendingTests + report.numTodoTests,
    };
  } catch {
    return { status: status || 1, passed: 0, failed: 1, skipped: 0 };
  }
}

if (process.env.FORMWORK_SKIP_BUILD !== '1') {
  // Browser tests drive the built web app and the embedded-PostgreSQL test runs the built engine.
  if (run('pnpm', ['build']) !== 0) {
    console.log('0 passed, 1 failed');
    process.exit(1);
  }
}

const reportDir = mkdtempSync(path.join(os.tmpdir(), 'formwork-test-report-'));
const totals = { passed: 0, failed: 0, skipped: 0 };
let anyRunnerFailed = false;
for (const project of JEST_PROJECTS) {
  console.log(`\n▶ ${project}`);
  const result = runJest(
    project,
    path.join(reportDir, `${project.replace('/', '-')}.json`),
    process.argv.slice(2),
  );
  totals.passed += result.passed;
  totals.failed += result.failed;
  totals.skipped += result.skipped;
  anyRunnerFailed ||= result.status !== 0;
}
rmSync(reportDir, { recursive: true, force: true });

if (anyRunnerFailed && totals.failed === 0) totals.failed = 1;
console.log(`\n${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
process.exit(totals.failed > 0 ? 1 : 0);
