// Other courses' syllabi on the public course site in real Chromium: schedule, grading and policies render, without a
// page error, for a European course, a bulleted schedule, and a syllabus full of hostile strings (nothing runs).
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { loadConfig } from '../../src/config.js';
import { createSeminar, listenSeminar, type Seminar } from '../../src/main.js';
import { importSyllabus } from '../../src/services/import-syllabus.js';
import { browserAvailable, launchBrowser, type LaunchedBrowser } from '../support/browser.js';
import { assertWebBuilt, webDist } from '../e2e/site-server.js';
import { HOSTILE_STRINGS } from './strings.js';

/** A syllabus whose titles, readings, notes, weights and policies are hostile strings (the short ones). */
function hostileSyllabus(): string {
  const short = HOSTILE_STRINGS.filter(
    (s) => s.value.length < 200 && ![...s.value].some((c) => c.charCodeAt(0) < 9),
  ).map((s) => s.value.replace(/[\r\n|]/g, ' '));
  const rows = short
    .slice(0, 20)
    .map((s, k) => `| Sept ${k + 2} | **${s}**<br>[${s}](https://example.org/${k}.pdf) (Required)<br>${s} |`);
  return [
    `# CS 666: ${short[30]} <script>window.__pwned = 1</script> (Fall 2024)`,
    '',
    '**Lectures**: Room <img src=x onerror="window.__pwned=2">, MW 9:30-10:45 AM',
    '',
    '## Schedule',
    '',
    '| Date | Readings |',
    '| --- | --- |',
    ...rows,
    '',
    '## Grading',
    '',
    ...short.slice(20, 24).map((s) => `- ${s}: 25%`),
    '',
    '## Policies',
    '',
    ...short.map(
      (s) => `${s} [link](javascript:window.__pwned=3) <iframe src="javascript:window.__pwned=4"></iframe>`,
    ),
  ].join('\n');
}

const run = browserAvailable();

describe.skipIf(!run)('course sites of other syllabi in Chromium', { timeout: 120_000 }, () => {
  let seminar: Seminar;
  let url: string;
  let dataDir: string;
  let chrome: LaunchedBrowser;
  let browser: Browser;

  beforeAll(async () => {
    assertWebBuilt();
    dataDir = mkdtempSync(join(tmpdir(), 'seminar-shapes-'));
    const config = loadConfig({ DATA_DIR: dataDir, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'silent' });
    const webDir = join(dataDir, 'web');
    cpSync(webDist, webDir, { recursive: true });
    seminar = await createSeminar(config, { webDir });
    const deps = { db: seminar.db };
    await importSyllabus(deps, {
      source: readFileSync('test/fixtures/syllabi/europe-tuth-dst.md'),
      slug: 'inf-4410',
      timeZone: 'Europe/Amsterdam',
    });
    await importSyllabus(deps, {
      source: readFileSync('test/fixtures/syllabi/bulleted-schedule.md'),
      slug: 'phil-350',
      timeZone: 'America/Chicago',
    });
    await importSyllabus(deps, {
      source: Buffer.from(hostileSyllabus()),
      slug: 'cs-666',
      timeZone: 'America/Chicago',
    });
    url = (await listenSeminar(seminar)).url;
    chrome = await launchBrowser();
    browser = chrome.browser;
  }, 180_000);
  afterAll(async () => {
    await chrome?.close();
    await seminar?.close();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  const pages: Array<[slug: string, path: string, expected: RegExp]> = [
    ['inf-4410', 'schedule', /Paxos Made Simple/],
    ['inf-4410', 'grading', /Weekly critiques/],
    ['inf-4410', 'policies', /Late work loses 10 pts per day/],
    ['phil-350', 'schedule', /Dualism/],
    ['phil-350', 'grading', /Term paper/],
    ['phil-350', 'policies', /Academic integrity/],
    ['cs-666', '', /CS 666/],
    ['cs-666', 'schedule', /OR '1'='1/],
    ['cs-666', 'grading', /25/],
    ['cs-666', 'policies', /etc\/passwd/],
  ];

  it.each(pages)(
    'renders /courses/%s/%s without a page error, and no injected script runs',
    async (slug, path, expected) => {
      const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
      const page = await context.newPage();
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(e.message));
      page.on('console', (m) => {
        if (m.type() === 'error') errors.push(m.text());
      });
      page.on('dialog', (d) => {
        errors.push(`dialog: ${d.message()}`);
        void d.dismiss();
      });
      const res = await page.goto(`${url}/courses/${slug}${path ? `/${path}` : ''}`, {
        waitUntil: 'networkidle',
      });
      expect(res?.status()).toBe(200);
      await page.locator('main h1, main h2').first().waitFor({ timeout: 30_000 });
      expect(await page.locator('main').innerText()).toMatch(expected);
      expect(
        await page.evaluate(() => (globalThis as unknown as { __pwned?: number }).__pwned ?? null),
      ).toBeNull();
      // Images that failed to load (the hostile <img src=x>) log console errors only if they were rendered as images.
      expect(errors.filter((e) => !/Content Security Policy|Failed to load resource/.test(e))).toEqual([]);
      if (slug === 'cs-666' && path === 'schedule')
        await page.screenshot({ path: '/tmp/hostile-schedule.png', fullPage: false });
      if (slug === 'phil-350' && path === 'schedule')
        await page.screenshot({ path: '/tmp/phil-schedule.png', fullPage: false });
      await context.close();
    },
  );
});
