// The ranking page in real Chromium: each paper listed by its own title, reordered by Alt+↓ (focus follows the paper), by the Up button and by dragging its handle; each move announced; the saved ranking is the order shown; axe at 1280 and 390 px.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { courseAccess } from '../../src/services/enrollment/course-access.js';
import { updateAssignmentSettings } from '../../src/services/assignment/edit-roles.js';
import { DEMO_PASSWORD, seedDemoAccounts } from '../../src/services/demo/seed-accounts.js';
import { seedGroups } from '../../src/services/demo/seed-groups.js';
import { listCourseMembers } from '../../src/storage/repositories/groups.js';
import { findUserById } from '../../src/storage/repositories/users.js';
import { browserAvailable } from '../support/browser.js';
import { axeAt, desktop, type E2e, poll, snap, startE2e } from './fixture.js';
import { demoSlug } from './site-server.js';

const run = browserAvailable();
const course = `/courses/${demoSlug}`;
const STEP = 240_000;

describe.skipIf(!run)('reordering the ranking by keyboard and by drag, in Chromium', () => {
  let site: E2e;
  let email = '';

  beforeAll(async () => {
    site = await startE2e({
      seed: async ({ seminar, demoCourseId }) => {
        await seedDemoAccounts(seminar.db, new Date(), demoCourseId!);
        // Four groups, each with a seeded ranking of 6–10 classes; staff reopened rankings for a week.
        await seedGroups({ db: seminar.db }, demoSlug, 2024);
        const admin = await courseAccess(seminar.db, demoSlug, { userId: 'e2e-setup', isAdmin: true });
        await updateAssignmentSettings({ db: seminar.db }, admin, {
          groupDeadline: new Date(Date.now() + 7 * 86_400_000).toISOString(),
        });
        const member = (await listCourseMembers(seminar.db, demoCourseId!))[0]!;
        email = (await findUserById(seminar.db, member.user_id))!.email;
      },
    });
  }, STEP);

  afterAll(async () => {
    await site?.close();
  });

  const items = (page: Page) => page.locator('ol.ranked > li');
  const order = (page: Page) =>
    items(page).evaluateAll((lis) => lis.map((li) => li.getAttribute('data-id')!));
  const names = (page: Page) => items(page).locator('.paper').allInnerTexts();
  const focused = (page: Page) =>
    page.evaluate<string | null>(`document.activeElement?.closest('li')?.getAttribute('data-id') ?? null`);
  const live = (page: Page) => page.locator('[aria-live="polite"]').filter({ hasText: /moved to position/ });
  const moved = (ids: string[], from: number, to: number) => {
    const next = [...ids];
    const [id] = next.splice(from, 1);
    next.splice(to, 0, id!);
    return next;
  };

  it(
    'lists papers by their own titles and moves them by keyboard, button and drag; the saved order is the one shown',
    async () => {
      const page = await site.signedIn(email, DEMO_PASSWORD, `${course}/ranking`);
      await page.goto(`${site.url}${course}/ranking`);
      await poll(() => items(page).count()).toBeGreaterThan(3);
      const first = await order(page);
      const n = first.length;
      // Each paper's own title: no two items share a name (the class or unit title is not repeated).
      const titles = await names(page);
      expect(new Set(titles).size).toBe(n);
      const problems = await axeAt(page, 'ranking-editable', { widths: [1280, 390], sideways: true });

      // Keyboard: Alt+↓ twice on the focused first paper; focus stays on it, the move is announced.
      await items(page).first().focus();
      await page.keyboard.press('Alt+ArrowDown');
      await page.keyboard.press('Alt+ArrowDown');
      let expected = moved(first, 0, 2);
      await poll(() => order(page)).toEqual(expected);
      expect(await focused(page)).toBe(first[0]);
      await poll(() => live(page).innerText()).toBe(`${titles[0]} moved to position 3 of ${n}.`);

      // The Up button moves it back by one, and focus follows it to its new place.
      await page.getByRole('button', { name: `Move ${titles[0]} up` }).click();
      expected = moved(expected, 2, 1);
      await poll(() => order(page)).toEqual(expected);
      expect(await focused(page)).toBe(first[0]);
      await poll(() => live(page).innerText()).toBe(`${titles[0]} moved to position 2 of ${n}.`);

      // Drag: the last paper by its handle to above the first; a line marks where it will land. (A tall
      // window shows the whole list: both ends of the drag are on screen.)
      await page.setViewportSize({ width: 1280, height: 2000 });
      await page.locator('ol.ranked').scrollIntoViewIfNeeded();
      const handle = items(page).last().locator('.drag-handle');
      const from = (await handle.boundingBox())!;
      const target = (await items(page).first().boundingBox())!;
      await page.mouse.move(from.x + from.width / 2, from.y + from.height / 2);
      await page.mouse.down();
      await page.mouse.move(from.x + from.width / 2, target.y + 4, { steps: 12 });
      await poll(() => page.locator('ol.ranked > li.drop-before').count()).toBe(1);
      await snap(page.locator('ol.ranked'), '.tmp/screens/ranking-dragging.png');
      await page.mouse.up();
      await page.setViewportSize(desktop);
      expected = moved(expected, n - 1, 0);
      await poll(() => order(page)).toEqual(expected);
      const lastName = titles[first.indexOf(expected[0]!)]!;
      await poll(() => live(page).innerText()).toBe(`${lastName} moved to position 1 of ${n}.`);

      await page.getByRole('button', { name: 'Save ranking' }).click();
      await poll(() => page.getByText(`Ranking saved (${n} lectures).`).count()).toBe(1);
      const saved = await page.evaluate(async (slug) => {
        const res = await fetch(`/api/courses/${slug}/groups/mine/preferences`);
        return ((await res.json()) as { ranking: string[] }).ranking;
      }, demoSlug);
      expect(saved).toEqual(expected);
      await page.reload();
      await poll(() => order(page)).toEqual(expected);
      problems.push(...(await axeAt(page, 'ranking-saved', { widths: [1280, 390], sideways: true })));
      expect(problems).toEqual([]);
    },
    STEP,
  );
});
