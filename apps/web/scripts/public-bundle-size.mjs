#!/usr/bin/env node
// The JavaScript a customer's phone downloads for a public form: the module scripts and
// modulepreload links of dist/public.html, plus everything they import statically (from the Vite
// manifest), each gzipped. Prints { files: [{ file, bytes, gzipBytes }], totalGzipBytes } as JSON.
// Run `vite build` first. Usage: node scripts/public-bundle-size.mjs [distDir]
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const webRoot = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const distDir = path.resolve(process.argv[2] ?? path.join(webRoot, 'dist'));

function fail(message) {
  process.stderr.write(`${message}\n`);
  process.exit(1);
}

const htmlFile = path.join(distDir, 'public.html');
if (!existsSync(htmlFile)) fail(`${htmlFile} is missing: run \`vite build\` first.`);
const manifestFile = path.join(distDir, '.vite', 'manifest.json');
if (!existsSync(manifestFile)) fail(`${manifestFile} is missing: enable build.manifest.`);

const html = readFileSync(htmlFile, 'utf8');
const manifest = JSON.parse(readFileSync(manifestFile, 'utf8'));

/** The value of one attribute in a tag's source, if present. */
const attribute = (tag, name) => new RegExp(`\\s${name}=["']([^"']+)["']`, 'i').exec(tag)?.[1];

const tags = html.match(/<(script|link)\b[^>]*>/gi) ?? [];
const referenced = tags.flatMap((tag) => {
  if (/^<script/i.test(tag) && attribute(tag, 'type') === 'module') return [attribute(tag, 'src')];
  if (/^<link/i.test(tag) && attribute(tag, 'rel') === 'modulepreload')
    return [attribute(tag, 'href')];
  return [];
});

// Output file → its manifest entry, to follow static imports (dynamic ones load only when needed).
const entryByFile = new Map(Object.values(manifest).map((entry) => [entry.file, entry]));
const toDistPath = (url) => url.replace(/^\//, '').split(/[?#]/)[0];

const files = new Set();
const visit = (file) => {
  if (files.has(file)) return;
  files.add(file);
  for (const key of entryByFile.get(file)?.imports ?? []) {
    const imported = manifest[key]?.file;
    if (imported) visit(imported);
  }
};
for (const url of referenced) if (url && !/^[a-z]+:/i.test(url)) visit(toDistPath(url));

const measured = [...files].sort().map((file) => {
  const source = readFileSync(path.join(distDir, file));
  return { file, bytes: source.length, gzipBytes: gzipSync(source, { level: 9 }).length };
});
const totalGzipBytes = measured.reduce((sum, file) => sum + file.gzipBytes, 0);
process.stdout.write(`${JSON.stringify({ files: measured, totalGzipBytes }, null, 2)}\n`);
