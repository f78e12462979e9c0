// The server's Node flags (bin/server-flags.js) are the same wherever a server starts: bin/seminar.js's first line,
// package.json's start and serve scripts; and the first line really hands them to Node when the file is run itself.
import { execFileSync } from 'node:child_process';
import { chmodSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { SERVER_NODE_FLAGS } from '../../bin/server-flags.js';
import { makeTempDir, type TempDir } from '../support/temp-dir.js';
import { ROOT } from './run-cli.js';

const firstLine = () => readFileSync(join(ROOT, 'bin', 'seminar.js'), 'utf8').split('\n')[0]!;

describe('the server’s Node flags', () => {
  let temp: TempDir | null = null;
  afterEach(() => temp?.remove());

  it('are on bin/seminar.js’s first line and in the start and serve scripts', () => {
    expect(SERVER_NODE_FLAGS.length).toBeGreaterThan(0);
    expect(firstLine()).toBe(`#!/usr/bin/env -S node ${SERVER_NODE_FLAGS.join(' ')}`);
    const scripts = (
      JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> }
    ).scripts;
    const node = `node ${SERVER_NODE_FLAGS.join(' ')} bin/seminar.js`;
    expect(scripts.start).toContain(`${node} demo`);
    expect(scripts.serve).toBe(`${node} serve`);
  });

  it('reach Node when the file is run as a program (as `seminar` and `npx seminar` run it)', () => {
    temp = makeTempDir();
    const script = join(temp.path, 'flags.js');
    writeFileSync(script, `${firstLine()}\nprocess.stdout.write(JSON.stringify(process.execArgv));\n`);
    chmodSync(script, 0o755);
    const execArgv = JSON.parse(execFileSync(script, { encoding: 'utf8' })) as string[];
    expect(execArgv).toEqual(SERVER_NODE_FLAGS);
  });
});
