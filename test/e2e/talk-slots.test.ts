// Presentation days in real Chromium: staff place a group by keyboard-friendly controls, spread the rest, publish; the group's student sees the day on My roles; axe at 1280 and 375 px.
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AxeBuilder } from '@axe-core/playwright';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { loadConfig } from '../../src/config.js';
import { createSeminar, listenSeminar, type Seminar } from '../../src/main.js';
import { importSyllabus } from '../../src/services/import-syllabus.js';
import { DEMO_PASSWORD, seedDemoAccounts } from '../../src/services/demo/seed-accounts.js';
import { seedGroups } from '../../src/services/demo/seed-groups.js';
import { listCourseMembers, listGroups } from '../../src/storage/repositories/groups.js';
import { findUserById } from '../../src/storage/repositories/users.js';
import { browserAvailable, launchBrowser, type LaunchedBrowser } from '../support/browser.js';
import { assertWebBuilt, demoSlug, demoZone, midSemesterStart, webDist } from './site-server.js';

const run = browserAvailable();
const screens = '.tmp/screens';
const course = `/courses/${demoSlug}`;
/** The machine is shared: give each page up to 30 s to show what it should. */
const poll = (read: () => Promise<number>) => expect.poll(read, { timeout: 30_000, interval: 200 });
const STEP = 240_000;

describe.skipIf(!run)('presentation days in Chromium', () => {
  let seminar: Seminar;
  let url = '';
  let dataDir = '';
  let chrome: LaunchedBrowser;
  let browser: Browser;
  /** E-mail of a member of Group 1. */
  let memberOfGroup1 = '';

  beforeAll(async () => {
    assertWebBuilt();
    dataDir = mkdtempSync(join(tmpdir(), 'seminar-e2e-slots-'));
    const webDir = join(dataDir, 'web');
    cpSync(webDist, webDir, { recursive: true });
    const config = loadConfig({ DATA_DIR: dataDir, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'silent' });
    seminar = await createSeminar(config, { webDir });
    const imported = await importSyllabus(
      { db: seminar.db },
      { source: readFileSync('examples/cs598-genai-f24.md'), slug: demoSlug, timeZone: demoZone, shiftTo: midSemesterStart() },
    );
    await seedDemoAccounts(seminar.db, new Date(), imported.stored.id);
    // The twelve demo students in four groups (roles assigned); no group is on a presentation day yet.
    await seedGroups({ db: seminar.db }, demoSlug, 2024);
    const group1 = (await listGroups(seminar.db, imported.stored.id)).find((g) => g.name === 'Group 1')!;
    const member = (await listCourseMembers(seminar.db, imported.stored.id)).find((m) => m.group_id === group1.id)!;
    memberOfGroup1 = (await findUserById(seminar.db, member.user_id))!.email;
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

  async function signedIn(email: string): Promise<Page> {
    const page = await (await browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
    await page.goto(`${url}/sign-in?next=${encodeURIComponent(course)}`);
    await page.getByLabel('E-mail').fill(email);
    await page.getByLabel('Password').fill(DEMO_PASSWORD);
    await Promise.all([page.waitForURL((u) => !u.pathname.startsWith('/sign-in')), page.getByRole('button', { name: 'Sign in' }).click()]);
    return page;
  }

  /** Screenshots and axe findings at desktop and phone width (of one part of the page when `within` is given). */
  async function axeBothWidths(page: Page, name: string, within?: string): Promise<string[]> {
    const found: string[] = [];
    for (const width of [1280, 375]) {
      await page.setViewportSize({ width, height: width === 375 ? 812 : 900 });
      if (within) await page.locator(within).screenshot({ path: `${screens}/talk-slots-${name}-${width}.png` });
      else await page.screenshot({ path: `${screens}/talk-slots-${name}-${width}.png`, fullPage: true });
      const builder = new AxeBuilder({ page });
      const result = await (within ? builder.include(within) : builder).analyze();
      found.push(...result.violations.map((v) => `${name} @${width}: ${v.id} (${v.nodes.length}×) ${v.help}`));
    }
    await page.setViewportSize({ width: 1280, height: 900 });
    return found;
  }

  const problems: string[] = [];
  let prof: Page;

  it(
    'lets staff put Group 1 on the second day with a select and a button, spread the others evenly, and publish',
    async () => {
      prof = await signedIn('instructor@example.edu');
      await prof.goto(`${url}${course}/assignment`);
      const section = prof.locator('section[aria-labelledby="talk-slots"]');
      await poll(() => section.getByText('Groups without a day (4)').count()).toBe(1);
      problems.push(...(await axeBothWidths(prof, 'staff-empty', 'section[aria-labelledby="talk-slots"]')));

      await section.getByLabel('Day for Group 1').selectOption({ index: 1 });
      await section.getByRole('button', { name: 'Place Group 1' }).click();
      await poll(() => section.getByText(/^Group 1: .* saved\./).count()).toBe(1);
      await poll(() => section.getByText('Groups without a day (3)').count()).toBe(1);

      await section.getByRole('button', { name: 'Spread groups evenly' }).click();
      await poll(() => section.getByText(/Preview below: 3 groups would change day/).count()).toBe(1);
      problems.push(...(await axeBothWidths(prof, 'staff-preview', 'section[aria-labelledby="talk-slots"]')));
      await section.getByRole('button', { name: 'Apply this spread' }).click();
      await poll(() => section.getByText(/Spread applied: 4 groups placed/).count()).toBe(1);
      await poll(() => section.getByText('Every group has a day and the days are balanced.').count()).toBe(1);

      // The second day now reads Group 1 (placed by hand, first) then the group dealt to it.
      const days = section.locator('.slot-day');
      await poll(() => days.nth(1).locator('.talk').count()).toBe(2);
      expect(await days.nth(1).locator('.talk').first().locator('strong').textContent()).toBe('Group 1');

      // Keyboard only: Group 4 moves earlier on its day with Enter on the focused button.
      const later = days.nth(1).getByRole('button', { name: /^Move Group \d earlier$/ }).last();
      await later.focus();
      await prof.keyboard.press('Enter');
      await poll(() => section.getByText(/^Group \d: .* saved\./).count()).toBe(1);
      await poll(async () => ((await days.nth(1).locator('.talk').first().locator('strong').textContent()) === 'Group 1' ? 0 : 1)).toBe(1);

      await section.getByRole('button', { name: 'Publish days' }).click();
      await poll(() => section.getByText(/Presentation days published/).count()).toBe(1);
      problems.push(...(await axeBothWidths(prof, 'staff-published', 'section[aria-labelledby="talk-slots"]')));
    },
    STEP,
  );

  it(
    "shows Group 1's student their day and place on My roles, and the slides on What is due",
    async () => {
      const student = await signedIn(memberOfGroup1);
      await student.goto(`${url}${course}/my-roles`);
      await poll(() => student.getByText(/^Your group presents on \w{3} \w{3} \d{1,2}, 2nd of 2\.$/).count()).toBeGreaterThan(0);
      await poll(() => student.getByText(/Slides due:/).count()).toBeGreaterThan(0);
      problems.push(...(await axeBothWidths(student, 'student')));
      // "What is due" lists the slides of the mid-semester presentation for the group's day.
      await student.goto(`${url}${course}/due`);
      await poll(() => student.getByText('Mid-semester presentation').count()).toBeGreaterThan(0);
    },
    STEP,
  );

  it('has no axe violations on the staff section and the student page at 1280 and 375 px', () => {
    expect(problems).toEqual([]);
  });
});
