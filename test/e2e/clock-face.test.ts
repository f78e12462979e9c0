// One clock face in Chromium: with the browser in Asia/Kolkata and in Europe/Amsterdam, a student's deadline, the
// group-deadline field (shown and saved), the audit log and a join link's expiry all read in the course's zone
// (America/Chicago) with its abbreviation, exactly as the server computes them.
import { DateTime } from 'luxon';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findSettings } from '../../src/storage/repositories/assignment-store.js';
import { courseAccess } from '../../src/services/enrollment/course-access.js';
import { updateAssignmentSettings } from '../../src/services/assignment/edit-roles.js';
import { DEMO_PASSWORD, seedDemoAccounts } from '../../src/services/demo/seed-accounts.js';
import { browserAvailable } from '../support/browser.js';
import { desktop, poll, startE2e, type E2e } from './fixture.js';
import { demoSlug, demoZone } from './site-server.js';

const run = browserAvailable();
const course = `/courses/${demoSlug}`;
const STEP = 240_000;

/** How the web client writes an instant in the course's zone ("Thu, Dec 19 · 6:00 PM CST"). */
const instant = (iso: string) =>
  DateTime.fromISO(iso, { zone: 'utc' }).setZone(demoZone).toFormat("ccc, LLL d '·' h:mm a ZZZZ");
/** With its year, as logs and link expiries read ("Dec 5, 2026, 1:10 AM CST"). */
const dateTime = (iso: string) =>
  DateTime.fromISO(iso, { zone: 'utc' }).setZone(demoZone).toFormat('LLL d, yyyy, h:mm a ZZZZ');

describe.skipIf(!run)('one clock face: the course’s zone whatever the browser’s', () => {
  let site: E2e;
  let url = '';
  let courseId = '';
  const storedDeadline = async () => (await findSettings(site.seminar.db, courseId))!.group_deadline!;
  // A week ahead at 23:59 in Chicago: the wall time the field must show in any browser zone.
  const deadline = DateTime.now()
    .setZone(demoZone)
    .plus({ weeks: 1 })
    .set({ hour: 23, minute: 59 })
    .startOf('minute');

  beforeAll(async () => {
    site = await startE2e({
      seed: async ({ seminar, demoCourseId }) => {
        courseId = demoCourseId!;
        await seedDemoAccounts(seminar.db, new Date(), demoCourseId!);
        const admin = await courseAccess(seminar.db, demoSlug, { userId: 'e2e-setup', isAdmin: true });
        await updateAssignmentSettings({ db: seminar.db }, admin, {
          groupDeadline: deadline.toUTC().toISO()!,
        });
      },
    });
    url = site.url;
  }, STEP);

  afterAll(async () => {
    await site?.close();
  });

  async function pageIn(timezoneId: string, email: string, next = course): Promise<Page> {
    const context = await site.browser.newContext({ viewport: desktop, timezoneId });
    const page = await context.newPage();
    await site.signIn(page, email, DEMO_PASSWORD, next);
    // The browser really is in that zone.
    const offset = await page.evaluate(() => new Date('2026-01-15T12:00:00Z').getTimezoneOffset());
    expect(offset).toBe(timezoneId === 'Asia/Kolkata' ? -330 : -60);
    return page;
  }

  const api = <T>(page: Page, path: string) =>
    page.evaluate(async (p) => (await fetch(p, { credentials: 'same-origin' })).json(), path) as Promise<T>;

  for (const [timezoneId, wall] of [
    ['Asia/Kolkata', '21:30'],
    ['Europe/Amsterdam', '20:15'],
  ] as const) {
    it(
      `in ${timezoneId}: a student's next deadline reads in Chicago time`,
      async () => {
        const ada = await pageIn(timezoneId, 'ada1@example.edu');
        const board = await api<{ items: Array<{ state: string; dueAt: string }> }>(
          ada,
          `/api/courses/${demoSlug}/dashboard`,
        );
        const next = board.items.find((i) => i.state === 'open' && Date.parse(i.dueAt) >= Date.now());
        expect(next, 'the demo student has a deadline ahead').toBeTruthy();
        const when = ada.locator('.next-deadlines .deadline-when').first();
        await poll(() => when.count()).toBe(1);
        expect(await when.innerText()).toContain(instant(next!.dueAt));
        await ada.context().close();
      },
      STEP,
    );

    it(
      `in ${timezoneId}: the group-deadline field shows and saves Chicago wall time, and the audit log and join links read in Chicago time`,
      async () => {
        const prof = await pageIn(timezoneId, 'instructor@example.edu', `${course}/groups`);
        const field = prof.getByLabel(/^Group deadline, Central Time \(C[DS]T\)/);
        await poll(() => field.count()).toBe(1);
        const current = DateTime.fromISO(await storedDeadline(), {
          zone: 'utc',
        }).setZone(demoZone);
        expect(await field.inputValue()).toBe(current.toFormat("yyyy-MM-dd'T'HH:mm"));
        await expect
          .poll(() => prof.getByText(/^Deadline now:/).innerText())
          .toContain(instant(current.toUTC().toISO()!));

        // Save a new wall time: it is that time in Chicago, not in the browser's zone.
        const [hour, minute] = wall.split(':').map(Number);
        const chosen = current.set({ hour, minute });
        await field.fill(chosen.toFormat("yyyy-MM-dd'T'HH:mm"));
        await prof.getByRole('button', { name: 'Save settings' }).click();
        await poll(() => prof.getByText('Settings saved.').count()).toBe(1);
        const saved = await storedDeadline();
        expect(Date.parse(saved)).toBe(chosen.toMillis());
        await poll(() => prof.getByText(/^Deadline now:/).innerText()).toContain(instant(saved));
        expect(await field.inputValue()).toBe(chosen.toFormat("yyyy-MM-dd'T'HH:mm"));

        // The audit log: its time column and its sentence in Chicago time.
        await prof.goto(`${url}${course}/audit`);
        const row = prof
          .locator('table.audit tbody tr', { hasText: 'changed the group and role settings' })
          .first();
        await poll(() => row.count()).toBe(1);
        const at = (await row.locator('time').getAttribute('datetime'))!;
        expect(await row.locator('time').innerText()).toBe(dateTime(at));
        expect(await row.innerText()).toContain('Dana Instructor changed the group and role settings: ');
        expect(await row.innerText()).toContain(
          `group deadline ${DateTime.fromISO(saved, { zone: 'utc' }).setZone(demoZone).toFormat('LLL d, h:mm a ZZZZ')}.`,
        );

        // A join link's creation and expiry.
        type Links = { links: Array<{ createdAt: string; expiresAt: string }> };
        const linksPath = `/api/courses/${demoSlug}/join-links`;
        await prof.goto(`${url}${course}/roster`);
        const before = (await api<Links>(prof, linksPath)).links.length;
        await prof.getByRole('button', { name: 'Create join link' }).click();
        const table = prof.getByRole('table', { name: 'Join links' });
        await poll(() => table.locator('tbody tr').count()).toBe(before + 1);
        const body = await api<Links>(prof, linksPath);
        for (const l of body.links) {
          await poll(() => table.getByText(dateTime(l.expiresAt), { exact: true }).count()).toBeGreaterThan(
            0,
          );
          await poll(() => table.getByText(dateTime(l.createdAt), { exact: true }).count()).toBeGreaterThan(
            0,
          );
        }
        await prof.context().close();
      },
      STEP,
    );
  }
});
