// Whether dist/ (the compiled server and CLI, made by `npm run build`) is there and newer than src/.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('..', import.meta.url));
export const DIST_ENTRY = join(ROOT, 'dist', 'cli', 'main.js');

/** Every TypeScript source under `dir`. */
export function sourceFiles(dir) {
  const out = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...sourceFiles(path));
    else if (entry.name.endsWith('.ts')) out.push(path);
  }
  return out;
}

/** The newest modification time (ms) of the TypeScript sources under `dir`, or 0 when there are none. */
function newestSource(dir) {
  return sourceFiles(dir).reduce((newest, path) => Math.max(newest, statSync(path).mtimeMs), 0);
}

/**
 * 'missing' without dist/, 'stale' when a file of src/ changed after the last build, else 'fresh'.
 * An install without src/ (only dist/ shipped) is always fresh.
 */
export function buildState() {
  if (!existsSync(DIST_ENTRY)) return 'missing';
  const src = join(ROOT, 'src');
  if (!existsSync(src)) return 'fresh';
  return newestSource(src) > statSync(DIST_ENTRY).mtimeMs ? 'stale' : 'fresh';
}
