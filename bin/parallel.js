#!/usr/bin/env node
// Runs npm scripts at the same time and prints each one's output whole when it ends,
// so the checks before the test suite take as long as the slowest, not their sum.
// Usage: node bin/parallel.js format:check typecheck lint ...; exits non-zero if any failed.
import { Buffer } from 'node:buffer';
import { spawn } from 'node:child_process';

const args = process.argv.slice(2);
const liveAt = args.indexOf('--live');
const live = liveAt >= 0 ? args[liveAt + 1] : undefined;
const scripts = liveAt >= 0 ? args.filter((_, i) => i !== liveAt && i !== liveAt + 1) : args;
if (scripts.length === 0 || (liveAt >= 0 && !live)) {
  console.error('usage: node bin/parallel.js [--live SCRIPT] SCRIPT...');
  process.exit(2);
}

const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

function run(script, streamed = false) {
  return new Promise((resolve) => {
    const started = Date.now();
    const child = spawn(npm, ['run', '--silent', script], {
      stdio: ['ignore', streamed ? 'inherit' : 'pipe', streamed ? 'inherit' : 'pipe'],
    });
    const chunks = [];
    child.stdout?.on('data', (c) => chunks.push(c));
    child.stderr?.on('data', (c) => chunks.push(c));
    child.on('error', (error) => resolve({ script, code: 1, output: String(error), seconds: 0 }));
    child.on('close', (code) => {
      resolve({
        script,
        code: code ?? 1,
        output: Buffer.concat(chunks).toString(),
        seconds: (Date.now() - started) / 1000,
      });
    });
  });
}

const results = await Promise.all([
  ...(live ? [run(live, true)] : []),
  ...scripts.map((script) =>
    run(script).then((result) => {
      const status = result.code === 0 ? 'ok' : `failed (exit ${result.code})`;
      process.stdout.write(
        `\n> ${result.script}: ${status} in ${result.seconds.toFixed(1)} s\n${result.output}`,
      );
      return result;
    }),
  ),
]);
const failed = results.filter((r) => r.code !== 0).map((r) => r.script);
if (failed.length > 0) {
  console.error(`\nfailed: ${failed.join(', ')}`);
  process.exit(1);
}
