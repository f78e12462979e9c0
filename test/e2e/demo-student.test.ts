// The demo course as `npm start` seeds it, mid-semester, in real Chromium: staff land on Today, a student's What is due folds its history into a few screens, and a group reorders its ranking by keyboard and by drag.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoSteps } from '../../src/cli/demo.js';
import { DEMO_PASSWORD, DEMO_PEOPLE } from '../../src/services/demo/seed-accounts.js';
import { importDemoCourse } from '../../src/services/demo-course.js';
import { browserAvailable } from '../support/browser.js';
import { axeAt, desktop, poll, startE2e, type E2e } from './fixture.js';
import { demoSlug } from './site-server.js';

const run = browserAvailable();
const course = `/courses/${demoSlug}`;
const student = DEMO_PEOPLE.find((p) => p.role === 'student')!;
const STEP = 240_000;

describe.skipIf(!run)('the demo course mid-semester in Chromium', () => {
  let site: E2e;
  let url = '';

  beforeAll(async () => {
    site = await startE2e({
      withDemo: false,
      seed: async ({ seminar }) => {
        const now = new Date();
        const imported = await importDemoCourse({ db: seminar.db }, now);
        for (const step of demoSteps) await step(seminar, { now, course: imported, say: () => undefined });
      },
    });
    url = site.url;
  }, STEP);

  afterAll(async () => {
    await site?.close();
  });

  it(
    'lands staff on Today and students on their courses when sign-in was not asked to return anywhere',
    async () => {
      const context = await site.browser.newContext({ viewport: desktop });
      const page = await context.newPage();
      for (const [email, path] of [
        ['instructor@example.edu', `${course}/today`],
        ['ta@example.edu', `${course}/today`],
        [student.email, '/'],
      ] as const) {
        await page.goto(`${url}/`);
        await page
          .getByRole('navigation', { name: 'Account' })
          .getByRole('link', { name: 'Sign in' })
          .click();
        await page.waitForURL((u) => u.pathname === '/sign-in');
        expect(new URL(page.url()).search, email).toBe('');
        await page.getByLabel('E-mail').fill(email);
        await page.getByLabel('Password').fill(DEMO_PASSWORD);
        await Promise.all([
          page.waitForURL((u) => u.pathname === path),
          page.getByRole('button', { name: 'Sign in' }).click(),
        ]);
        if (path !== '/')
          await poll(() => page.getByRole('heading', { name: 'Today', level: 1 }).count()).toBe(1);
        await context.clearCookies();
      }
      // A page that asked to be returned to still wins over Today.
      await page.goto(`${url}/sign-in?next=${encodeURIComponent(`${course}/schedule`)}`);
      await page.getByLabel('E-mail').fill('instructor@example.edu');
      await page.getByLabel('Password').fill(DEMO_PASSWORD);
      await Promise.all([
        page.waitForURL((u) => u.pathname === `${course}/schedule`),
        page.getByRole('button', { name: 'Sign in' }).click(),
      ]);
      await context.close();
    },
    STEP,
  );

  it(
    'folds a student’s receipts and history so What is due is a few screens, opened by keyboard',
    async () => {
      const page = await site.signedIn(student.email, DEMO_PASSWORD, `${course}/due`);
      await poll(() => page.getByRole('heading', { name: /^To do/ }).count()).toBe(1);
      const height = () => page.evaluate<number>('document.documentElement.scrollHeight');
      // A few screens: ~4 000 px, ~4 600 on a class day (the check-in, the room's link and the feedback prompt).
      expect(await height()).toBeLessThanOrEqual(4800);
      // Counts stay in the headings and the folds.
      const handedIn = page.getByRole('region', { name: /^Handed in \(\d+\)/ });
      const receipts = handedIn.locator('details.due-fold > summary');
      await poll(() => receipts.textContent()).toMatch(
        /^Show your \d+ hand-ins with their receipts, newest first$/,
      );
      const later = page.locator('#due-later > summary');
      expect(await later.textContent()).toMatch(/^Due later: \d+ more items?, the next due /);

      const problems = await axeAt(page, 'demo-due', {
        widths: [1280, 390],
        sideways: true,
        ready: (p) => poll(() => p.getByRole('heading', { name: /^To do/ }).count()).toBe(1),
      });
      expect(problems).toEqual([]);

      // Each fold opens from the keyboard (Enter on its summary, Space closes it again).
      await page.reload();
      await poll(() => page.locator('details.due-fold').count()).toBeGreaterThanOrEqual(2);
      const folded = await height();
      for (const summary of await page.locator('details.due-fold > summary').all()) {
        const fold = summary.locator('..');
        expect(await fold.evaluate((d) => (d as unknown as { open: boolean }).open)).toBe(false);
        await summary.focus();
        await page.keyboard.press('Enter');
        await poll(() => fold.evaluate((d) => (d as unknown as { open: boolean }).open)).toBe(true);
        expect(await fold.locator('article').first().isVisible()).toBe(true);
      }
      expect(await height()).toBeGreaterThan(folded + 2000);
      await receipts.focus();
      await page.keyboard.press(' ');
      await poll(() => receipts.locator('..').evaluate((d) => (d as unknown as { open: boolean }).open)).toBe(
        false,
      );
      await page.context().close();
    },
    STEP,
  );
});
