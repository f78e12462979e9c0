// bin/seminar.js runs the compiled dist/: without it, or when src/ changed since the build, it says to run `npm run build`.
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { makeTempDir, type TempDir } from '../support/temp-dir.js';
import { ROOT } from './run-cli.js';

/** A copy of bin/ in a scratch project with one source file, so that dist/ can be removed and aged freely. */
function scratchProject(dir: string): void {
  mkdirSync(join(dir, 'bin'));
  for (const file of ['seminar.js', 'build-state.js'])
    copyFileSync(join(ROOT, 'bin', file), join(dir, 'bin', file));
  writeFileSync(join(dir, 'package.json'), '{ "type": "module" }\n');
  mkdirSync(join(dir, 'src', 'cli'), { recursive: true });
  writeFileSync(join(dir, 'src', 'cli', 'main.ts'), 'export {};\n');
}

function writeDist(dir: string): string {
  mkdirSync(join(dir, 'dist', 'cli'), { recursive: true });
  const entry = join(dir, 'dist', 'cli', 'main.js');
  writeFileSync(
    entry,
    'export async function runCli(argv) { process.stdout.write(`ran ${argv.join(" ")}\\n`); return 3; }\n',
  );
  return entry;
}

function runBin(dir: string) {
  return spawnSync(process.execPath, [join(dir, 'bin', 'seminar.js'), '--help'], { encoding: 'utf8' });
}

describe('bin/seminar.js and the build', () => {
  let temp: TempDir | null = null;
  afterEach(() => temp?.remove());

  it('says to run `npm run build` when dist/ is missing, and runs nothing', () => {
    temp = makeTempDir();
    scratchProject(temp.path);
    const result = runBin(temp.path);
    expect(result.status).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toBe(
      'seminar: the compiled program (dist/) is missing: run `npm run build` first.\n',
    );
  });

  it('says to run `npm run build` when a source changed after the build, then runs dist/ once rebuilt', () => {
    temp = makeTempDir();
    scratchProject(temp.path);
    const entry = writeDist(temp.path);
    const source = join(temp.path, 'src', 'cli', 'main.ts');
    const built = new Date(Date.now() - 60_000);
    utimesSync(entry, built, built);
    const edited = new Date(built.getTime() + 1_000);
    utimesSync(source, edited, edited);
    const stale = runBin(temp.path);
    expect(stale.status).toBe(1);
    expect(stale.stdout).toBe('');
    expect(stale.stderr).toBe(
      'seminar: the compiled program (dist/) is older than src/: run `npm run build` first.\n',
    );

    const rebuilt = new Date(edited.getTime() + 1_000);
    utimesSync(entry, rebuilt, rebuilt);
    const fresh = runBin(temp.path);
    expect(fresh.stderr).toBe('');
    expect(fresh.stdout).toBe('ran --help\n');
    expect(fresh.status).toBe(3);
  });
});
