#!/usr/bin/env node
// `npm run build`: compiles src/ into dist/ file by file (no bundling), with source maps. Types are checked by
// `npm run typecheck` (tsc over src, tests and benches); the build only strips them, which tsconfig's
// isolatedModules and verbatimModuleSyntax make safe, and takes a second where a second full tsc took a minute.
import { readdirSync, rmSync } from 'node:fs';
import { join, relative } from 'node:path';
import { build } from 'esbuild';
import { ROOT } from './build-state.js';

const src = join(ROOT, 'src');
const dist = join(ROOT, 'dist');

/** Every TypeScript source under `dir` (declaration files have no code). */
function sources(dir) {
  const out = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...sources(path));
    else if (entry.name.endsWith('.ts') && !entry.name.endsWith('.d.ts')) out.push(path);
  }
  return out;
}

rmSync(dist, { recursive: true, force: true });
const entryPoints = sources(src);
const result = await build({
  entryPoints,
  outdir: dist,
  outbase: src,
  bundle: false,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  sourcemap: true,
  tsconfig: join(ROOT, 'tsconfig.json'),
  logLevel: 'warning',
});
if (result.errors.length > 0) process.exit(1);
process.stdout.write(
  `build: ${entryPoints.length} files from ${relative(ROOT, src)}/ into ${relative(ROOT, dist)}/\n`,
);
