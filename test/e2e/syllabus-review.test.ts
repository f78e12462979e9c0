// The import review in Chromium: an instructor pastes a syllabus, makes a misread reading required, merges two classes, saves, and the schedule shows it; axe clean at 1280 and 390 px.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { DEMO_PASSWORD, seedDemoAccounts } from '../../src/services/demo/seed-accounts.js';
import { browserAvailable } from '../support/browser.js';
import { fixturePath, readText } from '../syllabus/helpers.js';
import { axeAt, poll, startE2e, type E2e } from './fixture.js';
import { demoSlug } from './site-server.js';

const run = browserAvailable();

describe.skipIf(!run)('Syllabus import review in Chromium', () => {
  let site: E2e;
  let browser: Browser;

  beforeAll(async () => {
    site = await startE2e({
      seed: async ({ seminar, demoCourseId }) => {
        await seedDemoAccounts(seminar.db, new Date(), demoCourseId!);
      },
    });
    ({ browser } = site);
  });
  afterAll(async () => {
    await site?.close();
  });

  it(
    'reads a pasted syllabus beside its source, takes two fixes, saves, and the schedule shows them',
    { timeout: 180_000 },
    async () => {
      const page = await (await browser.newContext()).newPage();
      await site.signIn(page, 'instructor@example.edu', DEMO_PASSWORD, `/courses/${demoSlug}/syllabus`);
      await page.getByLabel('Markdown of the syllabus').fill(readText(fixturePath('review-v1.md')));
      await page.getByRole('button', { name: 'Read syllabus' }).click();

      // Paper C was read as optional (the syllabus has no legend): make it required.
      const sep5 = page.getByTestId('meeting-2024-09-05');
      await poll(() => sep5.textContent()).toContain('Paper C');
      expect(await sep5.locator('.badge-optional').count()).toBe(1);
      await sep5.locator('li', { hasText: 'Paper C' }).getByRole('button', { name: 'Make required' }).click();
      await poll(() => sep5.locator('.badge-required').count()).toBe(1);

      // The class of Sep 5 is really the second half of Sep 3's: merge it.
      await sep5.getByText('Fix this class').click();
      await sep5.getByRole('button', { name: 'Merge into' }).click();
      await poll(() => page.getByTestId('meeting-2024-09-05').count()).toBe(0);
      const sep3 = page.getByTestId('meeting-2024-09-03');
      await poll(() => sep3.textContent()).toContain('Paper C');
      expect(await sep3.locator('li', { hasText: 'Paper C' }).locator('.badge-required').count()).toBe(1);
      const fixes = page.getByRole('list', { name: 'Your fixes' });
      await poll(() => fixes.locator('li').count()).toBe(2);
      // The source is beside the classes, line numbers and the zone warning at its line.
      await poll(() => page.locator('#src-1 .source-warning').textContent()).toContain('names no time zone');

      const problems = await axeAt(page, 'syllabus-review', { widths: [1280, 390], sideways: true });
      expect(problems).toEqual([]);

      await page.getByRole('button', { name: 'Save course' }).click();
      await poll(() => page.getByRole('status').first().textContent()).toContain(
        'Saved Reading Systems: 3 classes',
      );
      await page.getByRole('link', { name: 'See the schedule' }).click();
      await page.waitForURL((u) => u.pathname.endsWith('/schedule'));
      const paperC = page.locator('li.reading', { hasText: 'Paper C' });
      await poll(() => paperC.count()).toBe(1);
      expect(await paperC.locator('.badge-required').count()).toBe(1);
      await page.screenshot({ path: '.tmp/screens/syllabus-review-schedule.png', fullPage: true });
      await page.context().close();
    },
  );
});
