// Benchmark: start-up of the `seminar` command as a user runs it (node bin/seminar.js over the compiled dist/):
// `seminar --help` and `seminar import <demo syllabus> --json`, against plain `node -e 0`. Wall time of
// uninstrumented runs (median, min), CPU time and peak memory of runs that report them at exit.
import { execFileSync, spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { buildState } from '../bin/build-state.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const DEMO = 'examples/cs598-genai-f24.md';
/** Targets on a quiet machine (issue: start-up). */
const TARGET_MS = { help: 250, importJson: 500 };
/** Prints the process's CPU time and peak memory on stderr as it exits. */
const REPORT_AT_EXIT =
  'data:text/javascript,process.on("exit",()=>{const u=process.resourceUsage();' +
  'process.stderr.write("\\nSTARTUP "+JSON.stringify({cpuMs:(u.userCPUTime+u.systemCPUTime)/1000,maxRssKb:u.maxRSS})+"\\n")})';

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor((sorted.length - 1) / 2)]!;
}

const round = (x: number) => Math.round(x * 10) / 10;

function run(args: string[], instrumented: boolean): { wallMs: number; cpuMs?: number; maxRssMb?: number } {
  const nodeArgs = instrumented ? ['--import', REPORT_AT_EXIT, ...args] : args;
  const t0 = performance.now();
  const result = spawnSync(process.execPath, nodeArgs, {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/tmp', LOG_LEVEL: 'silent' },
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  const wallMs = performance.now() - t0;
  if (result.status !== 0)
    throw new Error(`node ${args.join(' ')} exited ${result.status}: ${result.stderr}`);
  if (!instrumented) return { wallMs };
  const line = /STARTUP (\{.*\})/.exec(result.stderr);
  if (!line) throw new Error(`node ${args.join(' ')} reported no usage`);
  const usage = JSON.parse(line[1]!) as { cpuMs: number; maxRssKb: number };
  return { wallMs, cpuMs: usage.cpuMs, maxRssMb: usage.maxRssKb / 1024 };
}

function measure(args: string[], runs: number) {
  run(args, false); // warm the file cache
  const wall = Array.from({ length: runs }, () => run(args, false).wallMs);
  const usage = Array.from({ length: Math.max(3, Math.floor(runs / 3)) }, () => run(args, true));
  return {
    wallMedianMs: round(median(wall)),
    wallMinMs: round(Math.min(...wall)),
    cpuMedianMs: round(median(usage.map((u) => u.cpuMs!))),
    maxRssMb: round(median(usage.map((u) => u.maxRssMb!))),
  };
}

export async function benchStartup(runs = 10): Promise<Record<string, unknown>> {
  if (buildState() !== 'fresh') execFileSync('npm', ['run', 'build'], { cwd: ROOT, stdio: 'ignore' });
  const node = measure(['-e', '0'], runs);
  const help = measure(['bin/seminar.js', '--help'], runs);
  const importJson = measure(['bin/seminar.js', 'import', DEMO, '--json'], runs);
  return {
    nodeBaseline: node,
    help: { ...help, targetMs: TARGET_MS.help, withinTarget: help.wallMedianMs < TARGET_MS.help },
    importJson: {
      ...importJson,
      targetMs: TARGET_MS.importJson,
      withinTarget: importJson.wallMedianMs < TARGET_MS.importJson,
    },
    runs,
  };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  process.stdout.write(JSON.stringify(await benchStartup(), null, 2) + '\n');
}
