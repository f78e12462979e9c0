// Starts notification workers as separate processes (test/support/notify-runner.js, on the compiled dist/) and answers their counts.
import { spawn } from 'node:child_process';
import type { Config } from '../../src/config.js';
import { ensureBuilt } from './built-seminar.js';

const RUNNER = new URL('./notify-runner.js', import.meta.url).pathname;

/** Runs one job in a child process at `now`; resolves with the count it printed. */
export async function runInProcess(
  config: Readonly<Config>,
  job: 'announcements' | 'reminders' | 'digests' | 'drain',
  now: Date,
  env: Record<string, string> = {},
): Promise<number> {
  await ensureBuilt();
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [RUNNER, job], {
      env: {
        ...process.env,
        SEMINAR_DB: JSON.stringify(config.database),
        SEMINAR_NOW: now.toISOString(),
        ...env,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    child.stdout.on('data', (c: Buffer) => (out += c.toString()));
    child.stderr.on('data', (c: Buffer) => (err += c.toString()));
    child.on('error', reject);
    child.on('exit', (code) => {
      if (code !== 0) return reject(new Error(`notify-runner ${job} exited ${code}: ${err.slice(-2000)}`));
      resolve((JSON.parse(out.trim().split('\n').at(-1)!) as { count: number }).count);
    });
  });
}

/** Two processes doing the same job at once, as two server instances would; answers both counts. */
export function runTwice(
  config: Readonly<Config>,
  job: 'announcements' | 'reminders' | 'digests' | 'drain',
  now: Date,
  env: Record<string, string> = {},
): Promise<number[]> {
  return Promise.all([runInProcess(config, job, now, env), runInProcess(config, job, now, env)]);
}
