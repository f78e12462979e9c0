// The `seminar` command runs the compiled dist/: suites that spawn it build it first when src/ changed since.
import { execFile } from 'node:child_process';
import { mkdirSync, rmdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { buildState, ROOT } from '../../bin/build-state.js';

const LOCK = join(ROOT, '.tmp', 'build.lock');
/** A lock older than this was left by a killed run. */
const STALE_LOCK_MS = 5 * 60_000;

let built: Promise<void> | null = null;

/** Runs `npm run build` once per test process when dist/ is missing or older than src/ (one build at a time across processes). */
export function ensureBuilt(): Promise<void> {
  built ??= buildOnce();
  return built;
}

async function buildOnce(): Promise<void> {
  if (buildState() === 'fresh') return;
  mkdirSync(join(ROOT, '.tmp'), { recursive: true });
  for (;;) {
    try {
      mkdirSync(LOCK);
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const since = statSync(LOCK, { throwIfNoEntry: false });
      if (since && Date.now() - since.mtimeMs > STALE_LOCK_MS) rmdirSync(LOCK);
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }
  try {
    // Another process may have built it while this one waited.
    if (buildState() !== 'fresh') await promisify(execFile)('npm', ['run', 'build'], { cwd: ROOT });
  } finally {
    rmdirSync(LOCK);
  }
}
