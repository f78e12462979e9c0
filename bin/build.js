#!/usr/bin/env node
// `npm run build`: compiles src/ into dist/ file by file (no bundling), with source maps. Types are checked by
// `npm run typecheck` (tsc over src, tests and benches); the build only strips them, which tsconfig's
// isolatedModules and verbatimModuleSyntax make safe, and takes a second where a second full tsc took a minute.
import { rmSync } from 'node:fs';
import { join, relative } from 'node:path';
import { build } from 'esbuild';
import { ROOT, sourceFiles } from './build-state.js';

const src = join(ROOT, 'src');
const dist = join(ROOT, 'dist');

rmSync(dist, { recursive: true, force: true });
// Declaration files have no code.
const entryPoints = sourceFiles(src).filter((path) => !path.endsWith('.d.ts'));
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
