// Editing a class in Chromium: a TA adds a reading, moves the class to the next day (times labelled with the course's
// zone), then asks to cancel it: the screen lists the roles and the hand-in it holds and cancels only when confirmed.
// Then a unit is added and a class put in it, an office hour and a policy edited, and the public pages show them.
// Axe at 1280 and 390 px at each step.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { BlobStore } from '../../src/files/blob-store.js';
import { loadWorkCourse } from '../../src/services/work/context.js';
import { submitWork } from '../../src/services/work/submit.js';
import { loadCourse } from '../../src/storage/repositories/course-reader.js';
import { browserAvailable } from '../support/browser.js';
import { PASSWORD } from '../http/auth-client.js';
import { buildWorkWorld, SLUG, type WorkWorld } from '../http/work-helpers.js';
import { axeAt, poll, startE2e, type E2e } from './fixture.js';

const run = browserAvailable();
const course = `/courses/${SLUG}`;
const STEP = 180_000;

describe.skipIf(!run)('editing a class in Chromium', () => {
  let site: E2e;
  let world: WorkWorld;
  const start = new Date('2024-08-20T15:00:00Z');

  beforeAll(async () => {
    site = await startE2e({
      withDemo: false,
      now: start,
      seed: async ({ seminar }) => (world = await buildWorkWorld(seminar.db, start)),
    });
    // Ada's question for the class of Aug 28 is in.
    const deps = {
      db: site.seminar.db,
      files: new BlobStore(site.config.filesDir),
      mailer: null,
      clock: () => start,
      publicUrl: site.url,
    };
    const work = await loadWorkCourse(deps, SLUG, { userId: world.ids.ada, isAdmin: false });
    await submitWork(deps, work, {
      deliverableKey: 'question',
      meetingDate: '2024-08-28',
      readingIndex: 0,
      text: 'Why does attention scale?',
      file: null,
      acknowledgePolicy: true,
      now: start,
    });
  }, STEP);

  afterAll(async () => {
    await site?.close();
  });

  const problems: string[] = [];
  const check = async (page: Page, name: string) =>
    problems.push(...(await axeAt(page, `course-edit-${name}`, { widths: [1280, 390], sideways: true })));
  let ta: Page;

  it(
    'adds a reading to a class, and moves the class to the next day at its own hours',
    async () => {
      ta = await site.signedIn('ta@example.edu', PASSWORD, course);
      await ta.goto(`${site.url}${course}/edit`);
      await poll(() => ta.getByRole('heading', { name: 'Edit the course' }).count()).toBe(1);
      await poll(() => ta.getByText(/Times are in America\/Chicago \(CDT\)/).count()).toBe(1);
      await check(ta, 'list');

      await ta.getByRole('button', { name: 'Edit: Wed, Aug 28' }).click();
      const panel = ta.locator('.edit-panel');
      const before = await panel.getByLabel(/^Reading \d+ title$/).count();
      await panel.getByRole('button', { name: 'Add a reading' }).click();
      await panel.getByLabel(`Reading ${before + 1} title`).fill('Attention is all you need');
      await panel.getByLabel('Link (https://…)').nth(before).fill('https://arxiv.org/abs/1706.03762');
      await check(ta, 'class-open');
      await panel.getByRole('button', { name: 'Save readings' }).click();
      await poll(() =>
        ta.getByRole('status').filter({ hasText: 'Saved: set the readings of Wed, Aug 28' }).count(),
      ).toBe(1);

      await ta.getByRole('button', { name: 'Edit: Wed, Aug 28' }).click();
      await panel.getByLabel('Day', { exact: true }).fill('2024-08-29');
      await panel.getByLabel('Starts (America/Chicago (CDT))').fill('14:00');
      await panel.getByLabel('Ends (America/Chicago (CDT))').fill('15:15');
      await panel.getByRole('button', { name: 'Save day, time and unit' }).click();
      await poll(() =>
        ta
          .getByRole('status')
          .filter({ hasText: /Saved: moved the class .*Thu, Aug 29, 14:00–15:15/ })
          .count(),
      ).toBe(1);
      await poll(() => ta.getByText('Thu, Aug 29 · 14:00–15:15').count()).toBe(1);
      const stored = (await loadCourse(site.seminar.db, SLUG))!;
      const moved = stored.meetings.find((m) => m.id === world.meetingId('2024-08-28'))!;
      expect(moved.date).toBe('2024-08-29');
      expect(moved.readings.at(-1)).toMatchObject({
        title: 'Attention is all you need',
        url: 'https://arxiv.org/abs/1706.03762',
      });
      // The schedule, reached inside the app (no reload), shows the class where it moved, with its new reading.
      await ta
        .getByRole('navigation', { name: 'Course pages' })
        .getByRole('link', { name: 'Schedule' })
        .click();
      await ta.waitForURL((u) => u.pathname.endsWith('/schedule'));
      const aug29 = ta.locator('article.meeting', { hasText: 'Attention is all you need' });
      await poll(() => aug29.count()).toBe(1);
      expect(await aug29.innerText()).toMatch(/Thu, Aug 29/);
      await ta.goBack();
      await poll(() => ta.getByRole('button', { name: 'Edit: Thu, Aug 29' }).count()).toBe(1);
    },
    STEP,
  );

  it(
    'refuses a move onto a day that has a class, saying so beside the form',
    async () => {
      await ta.getByRole('button', { name: 'Edit: Thu, Aug 29' }).click();
      const panel = ta.locator('.edit-panel');
      await panel.getByLabel('Day', { exact: true }).fill('2024-08-26');
      await panel.getByRole('button', { name: 'Save day, time and unit' }).click();
      await poll(() =>
        panel
          .getByRole('alert')
          .filter({ hasText: /Mon, Aug 26 already has a class/ })
          .count(),
      ).toBe(1);
      await check(ta, 'move-refused');
    },
    STEP,
  );

  it(
    'lists the roles and hand-ins a class holds before cancelling, and cancels only when confirmed',
    async () => {
      const panel = ta.locator('.edit-panel');
      await panel.getByRole('button', { name: 'Cancel class…' }).click();
      const region = ta.getByRole('region', { name: 'What cancelling changes' });
      await poll(() => region.count()).toBe(1);
      await poll(() => region.getByText('Alpha: presenter').count()).toBe(1);
      await poll(() => region.getByText('Beta: summarizer').count()).toBe(1);
      await poll(() => region.getByText(/1 hand-in of .* received/).count()).toBe(1);
      await poll(() => region.getByText(/roles are released/).count()).toBe(1);
      await check(ta, 'cancel-ask');
      // Keeping it changes nothing.
      await region.getByRole('button', { name: 'Keep it' }).click();
      expect(
        (await loadCourse(site.seminar.db, SLUG))!.meetings.find((m) => m.date === '2024-08-29')!.kind,
      ).toBe('lecture');

      await panel.getByRole('button', { name: 'Cancel class…' }).click();
      await region.getByRole('button', { name: 'Cancel the class' }).click();
      await poll(() =>
        ta
          .getByRole('status')
          .filter({ hasText: /Saved: cancelled the class .*2 roles released, 1 hand-in kept/ })
          .count(),
      ).toBe(1);
      await poll(() => ta.getByText('Thu, Aug 29 · no class').count()).toBe(1);
      await check(ta, 'cancelled');
    },
    STEP,
  );

  it(
    'adds a unit and puts a class in it, edits an office hour and a policy: the public pages show them',
    async () => {
      const saved = (text: string | RegExp) =>
        poll(() => ta.getByRole('status').filter({ hasText: text }).count()).toBe(1);
      await ta.getByRole('button', { name: 'Edit: Units' }).click();
      const units = ta.getByRole('form', { name: 'Units' });
      await units.getByRole('button', { name: 'Add a unit' }).click();
      await units.getByLabel('Unit 3 title').fill('Retrieval');
      await check(ta, 'units');
      await units.getByRole('button', { name: 'Save units' }).click();
      await saved('Saved: set the units (GenAI Basics, Pre-Training, Retrieval)');

      await ta.getByRole('button', { name: 'Edit: Mon, Aug 26' }).click();
      const panel = ta.locator('.edit-panel');
      await panel.getByLabel('Unit', { exact: true }).selectOption('Retrieval');
      await panel.getByRole('button', { name: 'Save day, time and unit' }).click();
      await saved(/Saved: edited the class “Introduction” of Mon, Aug 26/);

      await ta.getByRole('button', { name: 'Edit: Staff and office hours' }).click();
      const staff = ta.getByRole('form', { name: 'Staff and office hours' });
      await staff.getByLabel('Office hours', { exact: true }).first().fill('Th 2:00 PM – 3:30 PM');
      await staff.getByLabel('Office hours place').first().fill('Room 4405');
      await check(ta, 'staff');
      await staff.getByRole('button', { name: 'Save staff' }).click();
      await saved('Saved: set the staff (Ada Lovelace)');

      await ta.getByRole('button', { name: 'Edit: Policies' }).click();
      const policies = ta.getByRole('form', { name: 'Policies' });
      await policies
        .getByLabel('Policy 1 text (Markdown)')
        .fill('Late reviews lose **half** their points per day.');
      await check(ta, 'policies');
      await policies.getByRole('button', { name: 'Save policies' }).click();
      await saved('Saved: set the policies (Late policy)');

      await ta.goto(`${site.url}${course}`);
      await poll(() => ta.getByText('Th 2:00 PM – 3:30 PM').count()).toBe(1);
      await ta.goto(`${site.url}${course}/schedule`);
      await poll(() => ta.getByRole('heading', { name: 'Retrieval' }).count()).toBe(1);
      await ta.goto(`${site.url}${course}/policies`);
      await poll(() => ta.getByText('Late reviews lose half their points per day.').count()).toBe(1);
      expect(problems).toEqual([]);
    },
    STEP,
  );
});
