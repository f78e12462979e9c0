// Hand-ins in real Chromium: a question before class hidden from classmates, the presenter sees all after the deadline, slides with a receipt, a late summary at zero, the roll.
import { cpSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AxeBuilder } from '@axe-core/playwright';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { loadConfig } from '../../src/config.js';
import { createSeminar, listenSeminar, type Seminar } from '../../src/main.js';
import { browserAvailable, launchBrowser, type LaunchedBrowser } from '../support/browser.js';
import { makePdf } from '../files/build.js';
import { PASSWORD } from '../http/auth-client.js';
import { buildWorkWorld, SLUG } from '../http/work-helpers.js';
import { assertWebBuilt, webDist } from './site-server.js';

const run = browserAvailable();
const screens = '.tmp/screens';
const course = `/courses/${SLUG}`;
const poll = (read: () => Promise<number>) => expect.poll(read, { timeout: 30_000, interval: 200 });
const STEP = 120_000;

describe.skipIf(!run)('hand-ins in Chromium', () => {
  let seminar: Seminar;
  let url = '';
  let dataDir = '';
  let chrome: LaunchedBrowser;
  let browser: Browser;
  // The server's clock: the day before the Aug 28 class, 07:00 in Chicago.
  let now = new Date('2024-08-27T12:00:00Z');
  // Signing in happens at the real time: the browser drops a session cookie whose expiry lies in 2024.
  let realTime = false;

  beforeAll(async () => {
    assertWebBuilt();
    dataDir = mkdtempSync(join(tmpdir(), 'seminar-e2e-work-'));
    const webDir = join(dataDir, 'web');
    cpSync(webDist, webDir, { recursive: true });
    const config = loadConfig({ DATA_DIR: dataDir, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'silent' });
    seminar = await createSeminar(config, { webDir, clock: () => (realTime ? new Date() : now) });
    await buildWorkWorld(seminar.db, now);
    url = (await listenSeminar(seminar)).url;
    chrome = await launchBrowser();
    browser = chrome.browser;
    mkdirSync(screens, { recursive: true });
  }, STEP);

  afterAll(async () => {
    await chrome?.close();
    await seminar?.close();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  async function signedIn(name: string): Promise<Page> {
    const page = await (await browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
    // Signing in happens at the real time: the browser drops a session cookie whose expiry lies in 2024.
    realTime = true;
    try {
      await page.goto(`${url}/sign-in?next=${encodeURIComponent(course)}`);
      await page.getByLabel('E-mail').fill(`${name}@example.edu`);
      await page.getByLabel('Password').fill(PASSWORD);
      await Promise.all([
        page.waitForURL((u) => !u.pathname.startsWith('/sign-in')),
        page.getByRole('button', { name: 'Sign in' }).click(),
      ]);
    } finally {
      realTime = false;
    }
    return page;
  }

  const problems: string[] = [];
  async function axe(page: Page, name: string): Promise<void> {
    await page.screenshot({ path: `${screens}/work-${name}.png`, fullPage: true });
    const result = await new AxeBuilder({ page }).analyze();
    problems.push(...result.violations.map((v) => `${name}: ${v.id} (${v.nodes.length}×) ${v.help}`));
  }

  async function handInQuestion(page: Page, text: string) {
    await page.goto(`${url}${course}/due`);
    const card = page.getByRole('article', { name: /Question — Wed, Aug 28/ });
    await poll(() => card.count()).toBe(1);
    await card.getByLabel(/Your question about “Attention Is All You Need”/).fill(text);
    await card.getByLabel(/I have read and follow/).check();
    await card.getByRole('button', { name: 'Hand in' }).click();
    await poll(() => page.getByRole('article', { name: /Question — Wed, Aug 28/ }).getByRole('group', { name: /Receipt, version 1/ }).count()).toBe(1);
  }

  let ada: Page;
  let ben: Page;
  let cat: Page;

  it(
    'takes a student’s question before class and hides classmates’ questions from her',
    async () => {
      ben = await signedIn('ben');
      await handInQuestion(ben, 'Why does attention scale quadratically with context length?');
      await axe(ben, 'due');
      cat = await signedIn('cat');
      await handInQuestion(cat, 'What would sparse attention change for training cost?');
      await cat.goto(`${url}${course}/questions?date=2024-08-28`);
      await poll(() => cat.getByText('What would sparse attention change for training cost?').count()).toBe(
        1,
      );
      expect(await cat.getByText('Why does attention scale quadratically').count()).toBe(0);
      await expect.poll(() => cat.getByText(/classmates’ questions stay hidden/).count()).toBe(1);
      await axe(cat, 'questions-own');
    },
    STEP,
  );

  it(
    'lets the presenting group upload slides and shows the receipt',
    async () => {
      ada = await signedIn('ada');
      await ada.goto(`${url}${course}/questions?date=2024-08-28`);
      await poll(() => ada.getByText(/once the deadline passes/).count()).toBe(1);
      expect(await ada.getByText('Why does attention scale quadratically').count()).toBe(0);
      await ada.goto(`${url}${course}/due`);
      const card = ada.getByRole('article', { name: /Presentation slides — Wed, Aug 28/ });
      await card
        .getByLabel('File')
        .setInputFiles({
          name: 'attention-slides.pdf',
          mimeType: 'application/pdf',
          buffer: await makePdf(4),
        });
      await card.getByLabel(/I have read and follow/).check();
      await card.getByRole('button', { name: 'Hand in' }).click();
      await poll(() => ada.getByRole('group', { name: /Receipt, version 1/ }).count()).toBe(1);
      await poll(() => ada.getByText(/attention-slides\.pdf \(4 pages\)/).count()).toBe(1);
      await axe(ada, 'due-receipt');
    },
    STEP,
  );

  it(
    'shows the presenter every question, grouped by reading, once the deadline has passed',
    async () => {
      now = new Date('2024-08-28T15:00:00Z'); // 10:00 in Chicago, half an hour into the class
      await ada.goto(`${url}${course}/questions?date=2024-08-28`);
      await poll(() =>
        ada.getByText('Why does attention scale quadratically with context length?').count(),
      ).toBe(1);
      await poll(() => ada.getByText('What would sparse attention change for training cost?').count()).toBe(
        1,
      );
      expect(await ada.getByRole('heading', { name: 'Attention Is All You Need' }).count()).toBe(1);
      await axe(ada, 'questions-all');
    },
    STEP,
  );

  it(
    'keeps a late summary and shows that it scores zero',
    async () => {
      now = new Date('2024-08-29T17:00:00Z'); // 1 h 15 min past the summary deadline
      await cat.goto(`${url}${course}/due`);
      const card = cat.getByRole('article', { name: /Lecture summary — Wed, Aug 28/ });
      await card
        .getByLabel('Write it here (Markdown)')
        .fill('# Summary\n\nThe problem is the quadratic cost of attention.');
      await card.getByRole('button', { name: 'Hand in' }).click();
      await poll(() => cat.getByText(/late — kept, scores zero/).count()).toBeGreaterThan(0);
      await cat.reload();
      const after = cat.getByRole('article', { name: /Lecture summary — Wed, Aug 28/ });
      await poll(() => after.getByText('Late — scores zero').count()).toBe(1);
      await axe(cat, 'due-late-zero');
    },
    STEP,
  );

  it(
    'lets staff take the roll from the keyboard',
    async () => {
      const ta = await signedIn('ta');
      await ta.goto(`${url}${course}/attendance?date=2024-08-28`);
      const firstRow = ta.locator('tbody tr').first();
      await poll(() => firstRow.count()).toBe(1);
      await firstRow.focus();
      await ta.keyboard.press('p'); // Ada present, moves to Ben
      await poll(() => ta.getByText(/1 present, 0 absent/).count()).toBe(1);
      await ta.keyboard.press('a'); // Ben absent
      await poll(() => ta.getByText(/1 present, 1 absent/).count()).toBe(1);
      await ta.keyboard.press('e'); // Cat excused
      await poll(() => ta.getByText(/1 present, 1 absent, 1 excused/).count()).toBe(1);
      await ta.getByRole('button', { name: 'Show a check-in code' }).click();
      await poll(() => ta.locator('.check-in-code').count()).toBe(1);
      await axe(ta, 'roll');
      await ta.goto(`${url}${course}/work?date=2024-08-28`);
      await poll(() => ta.getByText('Download every hand-in of this class (zip)').count()).toBe(1);
      await poll(() => ta.getByText(/Late \(zero\)/).count()).toBeGreaterThan(0);
      await axe(ta, 'staff-work');
    },
    STEP,
  );

  it('has no axe violations on the hand-in pages', () => {
    expect(problems).toEqual([]);
  });
});
