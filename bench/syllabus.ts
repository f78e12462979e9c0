// Benchmark: import time of the demo syllabus (median and p95 of wall time, median CPU time, over 300 runs),
// printed as JSON when run alone.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseSyllabus } from '../src/syllabus/index.js';

const DEMO = fileURLToPath(new URL('../examples/cs598-genai-f24.md', import.meta.url));

function percentile(sorted: number[], p: number): number {
  const k = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[k]!;
}

export async function benchSyllabus(runs = 300): Promise<Record<string, number>> {
  const text = readFileSync(DEMO, 'utf8');
  for (let k = 0; k < 20; k++) parseSyllabus(text, { timeZone: 'America/Chicago' });
  const times: number[] = [];
  const cpu: number[] = [];
  for (let k = 0; k < runs; k++) {
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    const r = parseSyllabus(text, { timeZone: 'America/Chicago' });
    times.push(performance.now() - t0);
    const c = process.cpuUsage(c0);
    cpu.push((c.user + c.system) / 1000);
    if (!r.ok) throw new Error(r.error.message);
    if (k % 50 === 49) await new Promise((resolve) => setImmediate(resolve));
  }
  times.sort((a, b) => a - b);
  cpu.sort((a, b) => a - b);
  const round = (x: number) => Math.round(x * 1000) / 1000;
  return {
    importMedianMs: round(percentile(times, 50)),
    importP95Ms: round(percentile(times, 95)),
    // CPU time of the process per import: less sensitive to other work on a shared machine than wall time.
    importCpuMedianMs: round(percentile(cpu, 50)),
    importRuns: runs,
  };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  benchSyllabus()
    .then((r) => console.log(JSON.stringify(r)))
    .catch((e: unknown) => {
      console.error(e);
      process.exit(1);
    });
}
