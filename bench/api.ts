// Benchmark of the course API: GET /api/courses/:slug at 100 connections (autocannon) against a real server process, and
// beside it, in the same run, a bare Fastify process answering a body of the same size (what the machine allows).
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import { spawnServer } from './hand-ins.js';
import { loadConfig } from '../src/config.js';
import { createSeminar } from '../src/main.js';
import { DEMO_SLUG, importDemoCourse } from '../src/services/demo-course.js';

interface Started {
  url: string;
  pid: number;
  stop(): void;
}

/** Runs `args` under Node and resolves once it prints "running at URL" (bench/hand-ins.ts's way of starting one). */
async function startProcess(args: string[], env: Record<string, string>): Promise<Started> {
  const { child, url } = await spawnServer(args, env);
  return { url, pid: child.pid!, stop: () => child.kill('SIGTERM') };
}

/** Starts `seminar serve` on a free port in its own process (as in production) and resolves its URL. */
function startServer(dataDir: string): Promise<Started> {
  return startProcess(['bin/seminar.js', 'serve'], {
    DATA_DIR: dataDir,
    PORT: '0',
    HOST: '127.0.0.1',
    LOG_LEVEL: 'warn',
  });
}

/** CPU time (ms, user + system) a process has used so far, from /proc (Linux); null elsewhere. */
function cpuMs(pid: number): number | null {
  const file = `/proc/${pid}/stat`;
  if (!existsSync(file)) return null;
  // Fields after the command name: state is field 3, utime 14, stime 15 (clock ticks, 100 per second).
  const fields = readFileSync(file, 'utf8').split(') ')[1]!.split(' ');
  return (Number(fields[11]) + Number(fields[12])) * 10;
}

/**
 * A bare Fastify app in its own process: one route answering a JSON body of `bytes` bytes (a Buffer, as the course
 * route sends its cached body), no hooks, no plugins. Resolves its URL.
 */
function startBareServer(bytes: number): Promise<Started> {
  const code = `
    import Fastify from 'fastify';
    const body = Buffer.from(JSON.stringify({ pad: 'x'.repeat(Math.max(0, ${bytes} - 10)) }));
    const app = Fastify();
    app.get('/bare', async (_request, reply) => reply.type('application/json; charset=utf-8').send(body));
    const url = await app.listen({ port: 0, host: '127.0.0.1' });
    process.stdout.write('running at ' + url + '\\n');
  `;
  return startProcess(['--input-type=module', '-e', code], {});
}

async function load(url: string, seconds: number): Promise<autocannon.Result> {
  return autocannon({ url, connections: 100, duration: seconds, pipelining: 1 });
}

/** p50/p99 latency (ms) and requests per second of GET /api/courses/:slug with the demo course. */
export async function benchApi(seconds = 10): Promise<Record<string, number>> {
  const dataDir = mkdtempSync(join(tmpdir(), 'seminar-bench-'));
  try {
    const config = loadConfig({ DATA_DIR: dataDir, LOG_LEVEL: 'silent' });
    const seminar = await createSeminar(config);
    await importDemoCourse({ db: seminar.db });
    await seminar.close();
    const server = await startServer(dataDir);
    try {
      const url = `${server.url}/api/courses/${DEMO_SLUG}`;
      await load(url, 2); // warm-up: JIT, caches
      const cpuBefore = cpuMs(server.pid);
      const result = await load(url, seconds);
      const cpuAfter = cpuMs(server.pid);
      if (result.requests.total === 0) throw new Error('no request was answered');
      const courseBytes = Math.round(result.throughput.average / Math.max(1, result.requests.average));
      const bodyBytes = (await (await fetch(url)).arrayBuffer()).byteLength;
      // The same machine, the same moment, the same body size: what Fastify itself answers (the course route's ceiling).
      const bare = await startBareServer(bodyBytes);
      let bareResult: autocannon.Result;
      let bareCpu: number | null = null;
      try {
        await load(`${bare.url}/bare`, 2);
        const before = cpuMs(bare.pid);
        bareResult = await load(`${bare.url}/bare`, seconds);
        const after = cpuMs(bare.pid);
        if (before !== null && after !== null)
          bareCpu = Math.round(((after - before) * 1000) / Math.max(1, bareResult.requests.total));
      } finally {
        bare.stop();
      }
      const bareRps = Math.round(bareResult.requests.average);
      return {
        courseDetailP50Ms: result.latency.p50,
        courseDetailP99Ms: result.latency.p99,
        courseDetailRps: Math.round(result.requests.average),
        // Server CPU per request: what bounds throughput on an idle core, whatever else runs here.
        ...(cpuBefore !== null && cpuAfter !== null
          ? {
              serverCpuUsPerRequest: Math.round(
                ((cpuAfter - cpuBefore) * 1000) / Math.max(1, result.requests.total),
              ),
            }
          : {}),
        courseDetailBytes: courseBytes,
        courseDetailBodyBytes: bodyBytes,
        bareFastifyRps: bareRps,
        bareFastifyP50Ms: bareResult.latency.p50,
        ...(bareCpu !== null ? { bareFastifyCpuUsPerRequest: bareCpu } : {}),
        // The target is at least 0.5: the cached course read at half the speed of Fastify answering the same bytes.
        courseDetailShareOfBare: Math.round((result.requests.average / Math.max(1, bareRps)) * 100) / 100,
        // Timeouts and non-2xx answers are counted, not hidden.
        errors: result.errors + result.non2xx,
        connections: 100,
        seconds,
        // Other work on the machine skews these figures; the 1-minute load average says how much.
        loadAverage1m: Math.round(loadavg()[0]! * 10) / 10,
      };
    } finally {
      server.stop();
    }
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  process.stdout.write(JSON.stringify(await benchApi(), null, 2) + '\n');
}
