#!/usr/bin/env node
// `pnpm start`: builds what is missing or out of date, then runs the engine (which serves the web app).
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const BUILT = [
  {
    sources: ['packages/definitions/src', 'packages/client/src', 'apps/engine/src'],
    output: 'apps/engine/dist/main.js',
  },
  {
    sources: [
      'packages/definitions/src',
      'packages/client/src',
      'apps/web/src',
      'apps/web/index.html',
    ],
    output: 'apps/web/dist/index.html',
  },
];

function newestModification(target) {
  const stat = statSync(target);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(
    0,
    ...readdirSync(target).map((name) => newestModification(path.join(target, name))),
  );
}

function isStale({ sources, output }) {
  const outputFile = path.join(root, output);
  if (!existsSync(outputFile)) return true;
  const builtAt = statSync(outputFile).mtimeMs;
  return sources.some(
    (source) =>
      existsSync(path.join(root, source)) && newestModification(path.join(root, source)) > builtAt,
  );
}

if (BUILT.some(isStale)) {
  console.log('Building Formwork…');
  const build = spawnSync('pnpm', ['build'], { cwd: root, stdio: 'inherit' });
  if (build.status !== 0) process.exit(build.status ?? 1);
}

// The engine handles SIGINT/SIGTERM itself (drains, then stops PostgreSQL); this wrapper only waits.
// A Ctrl-C in the terminal already reaches the engine (same process group), so only SIGTERM is passed on.
const engine = spawn(process.execPath, [path.join(root, 'apps/engine/dist/main.js')], {
  cwd: root,
  stdio: 'inherit',
});
process.on('SIGINT', () => {});
process.on('SIGTERM', () => engine.kill('SIGTERM'));
engine.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
