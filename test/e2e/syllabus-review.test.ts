// The import review in Chromium: an instructor pastes a syllabus, makes a misread reading required, merges two classes, saves,
// and the schedule shows it; the administrator creates a new course through the same review; axe clean at 1280 and 390 px.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { DEMO_PASSWORD, seedDemoAccounts } from '../../src/services/demo/seed-accounts.js';
import { browserAvailable } from '../support/browser.js';
import { fixturePath, readText } from '../syllabus/helpers.js';
import { axeAt, type E2e, poll, snap, startE2e } from './fixture.js';
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
      // The form starts again from the two fixes this save kept.
      await poll(() =>
        page.getByText('2 fixes from the last import will be applied again where they still fit.').count(),
      ).toBe(1);
      expect(await page.getByLabel('Markdown of the syllabus').inputValue()).toBe('');
      // The demo's other classes are gone: saving says so, folded under the notice.
      const changes = page.locator('details.import-changes');
      await changes.locator('summary').click();
      expect(await changes.innerText()).toMatch(/no longer in the schedule: it was removed/);
      await page.getByRole('link', { name: 'See the schedule' }).click();
      await page.waitForURL((u) => u.pathname.endsWith('/schedule'));
      const paperC = page.locator('li.reading', { hasText: 'Paper C' });
      await poll(() => paperC.count()).toBe(1);
      expect(await paperC.locator('.badge-required').count()).toBe(1);
      await snap(page, '.tmp/screens/syllabus-review-schedule.png', true);

      // A later version without a schedule is refused; saving what was read keeps the course's three classes.
      await page.goto(`${site.url}/courses/${demoSlug}/syllabus`);
      await page.getByLabel('Markdown of the syllabus').fill(readText(fixturePath('refused-no-schedule.md')));
      await page.getByRole('button', { name: 'Read syllabus' }).click();
      await poll(() => page.locator('.review-refusal').textContent()).toContain(
        'the course keeps the classes it has',
      );
      await page.getByRole('button', { name: 'Save what was read' }).click();
      await poll(() => page.getByRole('status').first().textContent()).toContain(
        'Saved Topics in Modern History: 3 classes',
      );
      expect(await page.getByRole('status').first().textContent()).toContain(
        '2 fixes kept for the next import',
      );
      // The course's header shows the title just saved, without a reload.
      await poll(() => page.locator('.course-header .course-title').innerText()).toBe(
        'Topics in Modern History',
      );
      await page.locator('details.import-changes summary').click();
      expect(await page.locator('details.import-changes').innerText()).toContain(
        'keeps its 3 classes as they were',
      );
      expect(
        await axeAt(page, 'syllabus-import-partial-saved', { widths: [1280, 390], sideways: true }),
      ).toEqual([]);
      await page.goto(`${site.url}/courses/${demoSlug}/schedule`);
      await poll(() => page.locator('li.reading', { hasText: 'Paper C' }).count()).toBe(1);
      await page.context().close();
    },
  );

  it(
    'lets the administrator create a new course through the review, a taken address said beside its field',
    { timeout: 180_000 },
    async () => {
      const page = await (await browser.newContext()).newPage();
      await site.signIn(page, 'admin@example.edu', DEMO_PASSWORD, '/admin');
      await page.getByRole('link', { name: 'Create a course' }).click();
      await page.waitForURL((u) => u.pathname === '/admin/new-course');
      await page.getByLabel('Markdown of the syllabus').waitFor();
      expect(await axeAt(page, 'admin-new-course-empty', { widths: [1280, 390], sideways: true })).toEqual(
        [],
      );

      // An address the server will not fetch: said, and nothing else changes.
      await page.getByLabel('From an address').check();
      await page.getByLabel('Address of the raw Markdown file').fill('ftp://example.edu/syllabus.md');
      await page.getByRole('button', { name: 'Fetch and read' }).click();
      await poll(() => page.locator('.form-error').textContent()).toContain('Only http and https');
      expect(
        await axeAt(page, 'admin-new-course-read-error', { widths: [1280, 390], sideways: true }),
      ).toEqual([]);

      await page.getByLabel('Paste Markdown').check();
      await page.getByLabel('Course address (slug)').fill(demoSlug);
      await page.getByLabel('Markdown of the syllabus').fill(readText(fixturePath('review-v1.md')));
      await page.getByRole('button', { name: 'Read syllabus' }).click();
      // Paper C was read as optional: make it required before the course exists.
      const sep5 = page.getByTestId('meeting-2024-09-05');
      await poll(() => sep5.textContent()).toContain('Paper C');
      await sep5.locator('li', { hasText: 'Paper C' }).getByRole('button', { name: 'Make required' }).click();
      await poll(() => sep5.locator('.badge-required').count()).toBe(1);
      await poll(() => page.getByRole('list', { name: 'Your fixes' }).locator('li').count()).toBe(1);
      expect(await axeAt(page, 'admin-new-course-review', { widths: [1280, 390], sideways: true })).toEqual(
        [],
      );

      // The demo course's address is taken: said beside the field, the review kept.
      await page.getByRole('button', { name: 'Create the course' }).click();
      const slug = page.getByLabel('Course address (slug)');
      await poll(() => slug.getAttribute('aria-invalid')).toBe('true');
      expect(await page.locator('#slug-error').textContent()).toContain('already exists');
      await poll(() => page.evaluate<string | undefined>('document.activeElement?.id')).toBe('slug');
      expect(await page.getByTestId('meeting-2024-09-05').count()).toBe(1);
      expect(
        await axeAt(page, 'admin-new-course-slug-taken', { widths: [1280, 390], sideways: true }),
      ).toEqual([]);

      await slug.fill('cs500-reading');
      await page.getByLabel('Instructor e-mail (optional)').fill('new.prof@example.edu');
      await page.getByLabel('Instructor name (optional)').fill('New Prof');
      await page.getByRole('button', { name: 'Create the course' }).click();
      const done = page.locator('.created-course');
      await poll(() => done.textContent()).toContain('Created Reading Systems');
      expect(await done.textContent()).toContain('an invitation to choose a password was e-mailed');
      expect(await axeAt(page, 'admin-new-course-created', { widths: [1280, 390], sideways: true })).toEqual(
        [],
      );

      // The fix is kept with the course: its instructor's next import starts from it.
      const kept = await page.evaluate<{ fixes: unknown[] }>(
        "fetch('/api/courses/cs500-reading/syllabus/fixes').then((r) => r.json())",
      );
      expect(kept.fixes).toEqual([
        { kind: 'required', date: '2024-09-05', reading: 'Paper C', required: true },
      ]);

      // The public schedule (no one signed in) shows the fix.
      const visitor = await (await browser.newContext()).newPage();
      await visitor.goto(`${site.url}/courses/cs500-reading/schedule`);
      const paperC = visitor.locator('li.reading', { hasText: 'Paper C' });
      await poll(() => paperC.count()).toBe(1);
      expect(await paperC.locator('.badge-required').count()).toBe(1);
      await visitor.context().close();

      // A syllabus without a schedule is refused; the administrator may still create the course without classes.
      await page.getByRole('button', { name: 'Create another course' }).click();
      await page.getByLabel('Course address (slug)').fill('hist100');
      await page.getByLabel('Markdown of the syllabus').fill(readText(fixturePath('refused-no-schedule.md')));
      await page.getByRole('button', { name: 'Read syllabus' }).click();
      await poll(() => page.locator('.review-refusal').textContent()).toContain('No schedule was found');
      expect(await axeAt(page, 'admin-new-course-refused', { widths: [1280, 390], sideways: true })).toEqual(
        [],
      );
      await page.getByRole('button', { name: 'Create it without classes' }).click();
      await poll(() => done.textContent()).toContain('Created Topics in Modern History');
      expect(await done.textContent()).toContain('without classes');
      await page.context().close();
    },
  );
});
