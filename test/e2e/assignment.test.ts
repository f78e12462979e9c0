// Groups and roles in real Chromium: students form a group and rank, staff auto-form the rest, plan, preview, apply and publish; a student sees roles and dates.
import { DateTime } from 'luxon';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { courseAccess } from '../../src/services/enrollment/course-access.js';
import { updateAssignmentSettings } from '../../src/services/assignment/edit-roles.js';
import { DEMO_PASSWORD, seedDemoAccounts } from '../../src/services/demo/seed-accounts.js';
import { browserAvailable } from '../support/browser.js';
import { axeAt, poll, startE2e, type E2e } from './fixture.js';
import { demoSlug, demoZone } from './site-server.js';

const run = browserAvailable();
const course = `/courses/${demoSlug}`;

describe.skipIf(!run)('groups and the role assignment in Chromium', () => {
  let site: E2e;
  let url = '';

  beforeAll(async () => {
    site = await startE2e({
      seed: async ({ seminar, demoCourseId }) => {
        await seedDemoAccounts(seminar.db, new Date(), demoCourseId!);
        // The shifted syllabus's group deadline is weeks ago: staff reopened group formation for a week.
        const admin = await courseAccess(seminar.db, demoSlug, { userId: 'e2e-setup', isAdmin: true });
        await updateAssignmentSettings({ db: seminar.db }, admin, {
          groupDeadline: new Date(Date.now() + 7 * 86_400_000).toISOString(),
        });
      },
    });
    url = site.url;
  });

  afterAll(async () => {
    await site?.close();
  });

  const signedIn = (email: string) => site.signedIn(email, DEMO_PASSWORD, course);
  const axe = (page: Page, name: string) => axeAt(page, `assignment-${name}`);

  // One story in steps (they share the pages); axe findings are collected and checked at the end.
  const problems: string[] = [];
  let ada: Page;
  let prof: Page;
  const STEP = 240_000;

  it(
    'lets a student create a group and invite a classmate who accepts, then rank three lectures',
    async () => {
      ada = await signedIn('ada1@example.edu');
      await ada.goto(`${url}${course}/groups`);
      await ada.getByLabel('Group name (optional)').fill('Transformers');
      await ada.getByRole('button', { name: 'Create a group' }).click();
      await poll(() => ada.getByText('You created Transformers').count()).toBe(1);
      await ada.getByLabel('Invite a classmate').selectOption({ label: 'Alan Turing' });
      await ada.getByRole('button', { name: 'Send invitation' }).click();
      await poll(() => ada.getByText('Invitation sent to Alan Turing.').count()).toBe(1);
      problems.push(...(await axe(ada, 'groups-student')));

      const alan = await signedIn('alan2@example.edu');
      await alan.goto(`${url}${course}/groups`);
      await alan.getByRole('button', { name: 'Accept Transformers' }).click();
      await poll(() => alan.getByText('You joined Transformers.').count()).toBe(1);

      // Ada ranks three lectures.
      await ada.goto(`${url}${course}/ranking`);
      for (let i = 0; i < 3; i++) await ada.getByRole('button', { name: /^Add / }).first().click();
      await ada.getByRole('button', { name: 'Save ranking' }).click();
      await poll(() => ada.getByText('Ranking saved (3 lectures).').count()).toBe(1);
      await poll(() => ada.getByText(/Last changed by Ada Lovelace/).count()).toBe(1);
      problems.push(...(await axe(ada, 'ranking')));
    },
    STEP,
  );

  it(
    'lets staff close group formation, preview groups for the ten others and apply them',
    async () => {
      prof = await signedIn('instructor@example.edu');
      await prof.goto(`${url}${course}/groups`);
      // An hour ago on the course's clock: the field takes Chicago wall time whatever the browser's zone.
      await prof
        .getByLabel(/^Group deadline, Central Time/)
        .fill(DateTime.now().setZone(demoZone).minus({ hours: 1 }).toFormat("yyyy-MM-dd'T'HH:mm"));
      await prof.getByRole('button', { name: 'Save settings' }).click();
      await poll(() => prof.getByText('Settings saved.').count()).toBe(1);
      await prof.getByRole('button', { name: 'Plan groups for the rest' }).click();
      await poll(() => prof.getByText(/10 students placed/).count()).toBe(1);
      problems.push(...(await axe(prof, 'groups-staff')));
      await prof.getByRole('button', { name: 'Apply these groups' }).click();
      await poll(() => prof.getByText(/Applied: 4 new groups/).count()).toBe(1);
      await poll(() => prof.getByText('Every student is in a group.').count()).toBe(1);
    },
    STEP,
  );

  it(
    'lets staff plan the roles, preview the changes and explanations, apply and publish',
    async () => {
      await prof.goto(`${url}${course}/assignment`);
      await prof.getByRole('button', { name: 'Plan assignment' }).click();
      await poll(() => prof.getByRole('heading', { name: 'Preview' }).count()).toBe(1);
      await poll(() => prof.getByText(/^Optimal/).count()).toBe(1);
      expect(await prof.getByText(/Transformers/).count()).toBeGreaterThan(0);
      await poll(() => prof.locator('#rank-chart svg[role="img"]').count()).toBe(1);
      expect(await prof.getByRole('table', { name: /Rank of each group/ }).count()).toBe(1);
      problems.push(...(await axeAt(prof, 'assignment-preview', { widths: [1280, 390] })));
      await prof.setViewportSize({ width: 1280, height: 900 });
      await prof.getByRole('button', { name: 'Apply this plan' }).click();
      await poll(() => prof.getByText(/Plan applied: \d+ roles/).count()).toBe(1);
      await prof.getByRole('button', { name: 'Publish roles' }).click();
      await poll(() => prof.getByText('Roles published.').count()).toBe(1);
      problems.push(...(await axe(prof, 'assignment-applied')));
    },
    STEP,
  );

  it(
    "shows a student her group's roles with the dates they imply, and everyone the panels on the schedule",
    async () => {
      await ada.goto(`${url}${course}/my-roles`);
      await poll(() => ada.getByText('Roles of Transformers.', { exact: false }).count()).toBe(1);
      expect(await ada.getByRole('cell', { name: 'Presenter' }).count()).toBeGreaterThan(0);
      expect(await ada.getByText(/Slides due: /).count()).toBeGreaterThan(0);
      expect(await ada.getByText(/Summary due: /).count()).toBeGreaterThan(0);
      problems.push(...(await axe(ada, 'my-roles')));

      // A visitor sees the panels on the schedule.
      const visitor = await (await site.browser.newContext()).newPage();
      await visitor.goto(`${url}${course}/schedule`);
      await poll(() => visitor.getByText('Authors:').count()).toBe(20);
      expect(await visitor.getByText('Transformers', { exact: false }).count()).toBeGreaterThan(0);
      problems.push(...(await axe(visitor, 'schedule')));
    },
    STEP,
  );

  it('has no axe violations on the groups, ranking, assignment, my-roles and schedule pages', () => {
    expect(problems).toEqual([]);
  });
});
