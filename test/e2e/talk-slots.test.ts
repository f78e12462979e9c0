// Presentation days in real Chromium: staff place a group by keyboard-friendly controls, spread the rest, publish; the group's student sees the day on My roles; axe at 1280 and 375 px.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { DEMO_PASSWORD, seedDemoAccounts } from '../../src/services/demo/seed-accounts.js';
import { seedGroups } from '../../src/services/demo/seed-groups.js';
import { listCourseMembers, listGroups } from '../../src/storage/repositories/groups.js';
import { findUserById } from '../../src/storage/repositories/users.js';
import { browserAvailable } from '../support/browser.js';
import { axeAt, poll, startE2e, type E2e } from './fixture.js';
import { demoSlug } from './site-server.js';

const run = browserAvailable();
const course = `/courses/${demoSlug}`;
const STEP = 240_000;

describe.skipIf(!run)('presentation days in Chromium', () => {
  let site: E2e;
  let url = '';
  /** E-mail of a member of Group 1. */
  let memberOfGroup1 = '';

  beforeAll(async () => {
    site = await startE2e({
      seed: async ({ seminar, demoCourseId }) => {
        await seedDemoAccounts(seminar.db, new Date(), demoCourseId!);
        // The twelve demo students in four groups (roles assigned); no group is on a presentation day yet.
        await seedGroups({ db: seminar.db }, demoSlug, 2024);
        const group1 = (await listGroups(seminar.db, demoCourseId!)).find((g) => g.name === 'Group 1')!;
        const member = (await listCourseMembers(seminar.db, demoCourseId!)).find(
          (m) => m.group_id === group1.id,
        )!;
        memberOfGroup1 = (await findUserById(seminar.db, member.user_id))!.email;
      },
    });
    url = site.url;
  }, STEP);

  afterAll(async () => {
    await site?.close();
  });

  const signedIn = (email: string) => site.signedIn(email, DEMO_PASSWORD, course);

  /** Screenshots and axe findings at desktop and phone width (of one part of the page when `within` is given). */
  const axeBothWidths = (page: Page, name: string, within?: string) =>
    axeAt(page, `talk-slots-${name}`, { widths: [1280, 375], ...(within ? { within } : {}) });

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
      const later = days
        .nth(1)
        .getByRole('button', { name: /^Move Group \d earlier$/ })
        .last();
      await later.focus();
      await prof.keyboard.press('Enter');
      await poll(() => section.getByText(/^Group \d: .* saved\./).count()).toBe(1);
      await poll(async () =>
        (await days.nth(1).locator('.talk').first().locator('strong').textContent()) === 'Group 1' ? 0 : 1,
      ).toBe(1);

      await section.getByRole('button', { name: 'Publish days' }).click();
      await poll(() => section.getByText(/Presentation days published/).count()).toBe(1);
      problems.push(
        ...(await axeBothWidths(prof, 'staff-published', 'section[aria-labelledby="talk-slots"]')),
      );
    },
    STEP,
  );

  it(
    "shows Group 1's student their day and place on My roles, and the slides on What is due",
    async () => {
      const student = await signedIn(memberOfGroup1);
      await student.goto(`${url}${course}/my-roles`);
      await poll(() =>
        student.getByText(/^Your group presents on \w{3} \w{3} \d{1,2}, 2nd of 2\.$/).count(),
      ).toBeGreaterThan(0);
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
