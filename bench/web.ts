// Web client figures: Lighthouse performance and accessibility of the server-rendered course home and schedule pages (real
// server), the schedule's JS bytes gzipped and its first response gzipped.
import { existsSync } from 'node:fs';
import { loadavg } from 'node:os';
import { gzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';
import lighthouse from 'lighthouse';
import * as chromeLauncher from 'chrome-launcher';
import { loadConfig } from '../src/config.js';
import { chromiumArgs, launchBrowser } from '../test/support/browser.js';

const demoSlug = 'cs598-genai-f24';
const webDist = fileURLToPath(new URL('../web/dist', import.meta.url));
const schedulePath = `/courses/${demoSlug}/schedule`;
const homePath = `/courses/${demoSlug}`;
const runs = 3;

/** Builds web/dist when it is missing, with the same config `npm run build:web` uses. */
async function ensureBuilt(): Promise<void> {
  if (existsSync(`${webDist}/index.html`)) return;
  const { build } = await import('vite');
  await build({
    configFile: fileURLToPath(new URL('../web/vite.config.ts', import.meta.url)),
    logLevel: 'warn',
  });
}

/** Sum of the gzip sizes of every script the page loads (as Chromium fetched them), and their count. */
async function scheduleScripts(url: string): Promise<{ gzipBytes: number; rawBytes: number; count: number }> {
  const chrome = await launchBrowser(loadConfig());
  try {
    const context = await chrome.browser.newContext();
    const page = await context.newPage();
    const bodies: Array<Promise<Buffer>> = [];
    page.on('response', (response) => {
      if (response.request().resourceType() === 'script') bodies.push(response.body());
    });
    await page.goto(url + schedulePath, { waitUntil: 'networkidle' });
    await page.locator('#next-class').waitFor();
    const scripts = await Promise.all(bodies);
    await context.close();
    return {
      gzipBytes: scripts.reduce((sum, b) => sum + gzipSync(b, { level: 9 }).length, 0),
      rawBytes: scripts.reduce((sum, b) => sum + b.length, 0),
      count: scripts.length,
    };
  } finally {
    await chrome.close();
  }
}

/** Bytes of the schedule's first response (the server-rendered HTML with its embedded course), gzipped as the server sends it. */
async function firstResponseGzipBytes(url: string): Promise<number> {
  const html = await (await fetch(url + schedulePath)).text();
  return gzipSync(html, { level: 6 }).length;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? NaN;
}

/** Lighthouse 12 scores of the page at `path`; `desktop` uses Lighthouse's desktop preset, otherwise its default (mobile, simulated slow 4G). */
async function lighthouseScores(
  url: string,
  path: string,
  desktop: boolean,
): Promise<{
  performance: number;
  accessibility: number;
  lcpMs: number;
  tbtMs: number;
  benchmarkIndex: number;
}> {
  const config = loadConfig();
  const chrome = await chromeLauncher.launch({
    chromePath: config.chromePath,
    chromeFlags: chromiumArgs.map((f) => (f === '--headless' ? '--headless=new' : f)),
  });
  try {
    const preset = desktop ? (await import('lighthouse/core/config/desktop-config.js')).default : undefined;
    const result = await lighthouse(
      url + path,
      {
        port: chrome.port,
        output: 'json',
        logLevel: 'error',
        onlyCategories: ['performance', 'accessibility'],
      },
      preset,
    );
    if (!result) throw new Error('Lighthouse returned no result');
    const { categories, audits } = result.lhr;
    return {
      performance: categories.performance?.score ?? NaN,
      accessibility: categories.accessibility?.score ?? NaN,
      lcpMs: Math.round(audits['largest-contentful-paint']?.numericValue ?? NaN),
      tbtMs: Math.round(audits['total-blocking-time']?.numericValue ?? NaN),
      // Lighthouse's own CPU speed probe: low values (a busy machine) inflate TBT and lower the score.
      benchmarkIndex: Math.round(result.lhr.environment.benchmarkIndex),
    };
  } finally {
    chrome.kill();
  }
}

/** Figures of the schedule page at `url` (a running Seminar with the demo course). */
export async function measureWeb(url: string): Promise<Record<string, number>> {
  const load = loadavg()[0] ?? NaN;
  const js = await scheduleScripts(url);
  const firstResponse = await firstResponseGzipBytes(url);
  const mobile = [];
  const home = [];
  for (let i = 0; i < runs; i++) {
    mobile.push(await lighthouseScores(url, schedulePath, false));
    home.push(await lighthouseScores(url, homePath, false));
  }
  const desk = await lighthouseScores(url, schedulePath, true);
  return {
    lighthousePerformance: median(mobile.map((r) => r.performance)),
    lighthouseAccessibility: median(mobile.map((r) => r.accessibility)),
    lighthouseLcpMs: median(mobile.map((r) => r.lcpMs)),
    lighthouseTbtMs: median(mobile.map((r) => r.tbtMs)),
    lighthouseRuns: runs,
    homeLighthousePerformance: median(home.map((r) => r.performance)),
    homeLighthouseAccessibility: median(home.map((r) => r.accessibility)),
    homeLighthouseLcpMs: median(home.map((r) => r.lcpMs)),
    homeLighthouseTbtMs: median(home.map((r) => r.tbtMs)),
    lighthouseBenchmarkIndex: median(mobile.map((r) => r.benchmarkIndex)),
    machineLoadAverage1m: Math.round(load * 100) / 100,
    lighthouseDesktopPerformance: desk.performance,
    scheduleJsGzipBytes: js.gzipBytes,
    scheduleJsRawBytes: js.rawBytes,
    scheduleJsFiles: js.count,
    scheduleFirstResponseGzipBytes: firstResponse,
  };
}

/** Figures of the schedule page, served by the real server with the demo course mid-semester. */
export async function benchWeb(): Promise<Record<string, number>> {
  await ensureBuilt();
  // Imported here so measureWeb can run against any server without loading ours.
  const { startSiteServer } = await import('../test/e2e/site-server.js');
  const server = await startSiteServer();
  try {
    return await measureWeb(server.url);
  } finally {
    await server.close();
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  process.stdout.write(JSON.stringify(await benchWeb(), null, 2) + '\n');
}
