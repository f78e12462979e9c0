#!/usr/bin/env -S node --max-semi-space-size=32
// Entry point of the `seminar` command: runs the compiled JavaScript in dist/ (made by `npm run build`).
// The first line's Node flags are the server's own (bin/server-flags.js says why).
import { pathToFileURL } from 'node:url';
import { buildState, DIST_ENTRY } from './build-state.js';

const state = buildState();
if (state !== 'fresh') {
  process.stderr.write(
    state === 'missing'
      ? 'seminar: the compiled program (dist/) is missing: run `npm run build` first.\n'
      : 'seminar: the compiled program (dist/) is older than src/: run `npm run build` first.\n',
  );
  process.exit(1);
}
// The S3 client warns once per process on Node 20 about its releases of 2027; Seminar supports Node 20 and pins the
// client it ships, so the warning would only clutter every command's output.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
const { runCli } = await import(pathToFileURL(DIST_ENTRY).href);
// `serve` and `demo` keep the process alive through their server; the other commands end here.
process.exitCode = await runCli(process.argv.slice(2));
