// Re-planning mid-semester in real Chromium: four groups with published roles, a week later a fifth group forms; staff re-plan, read every change (none in a class that has started), apply (nobody mailed), then publish the changes after being told how many groups get mail; axe at 1280 and 390 px.
import { DateTime } from 'luxon';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { DEMO_PASSWORD, seedDemoAccounts } from '../../src/services/demo/seed-accounts.js';
import { seedGroups } from '../../src/services/demo/seed-groups.js';
import { createUser } from '../../src/services/auth/users.js';
import { enrollAs } from '../../src/services/enrollment/name-instructor.js';
import { ROLES_CHANGED_MAIL } from '../../src/services/assignment/mail.js';
import { insertGroup, insertMember } from '../../src/storage/repositories/groups.js';
import { listMailJobs } from '../../src/storage/repositories/mail-queue.js';
import { listRoles } from '../../src/storage/repositories/roles.js';
import { browserAvailable } from '../support/browser.js';
import { axeAt, type E2e, poll, snap, startE2e } from './fixture.js';
import { demoSlug, demoZone } from './site-server.js';

const run = browserAvailable();
const course = `/courses/${demoSlug}`;
const STEP = 480_000;
const WEEK = 7 * 86_400_000;

describe.skipIf(!run)('re-planning after a fifth group forms, in Chromium', () => {
  let site: E2e;
  let url = '';
  let courseId = '';
  const problems: string[] = [];
  let prof: Page;

  beforeAll(async () => {
    site = await startE2e({
      now: new Date(),
      seed: async ({ seminar, demoCourseId }) => {
        courseId = demoCourseId!;
        await seedDemoAccounts(seminar.db, new Date(), courseId);
        // The twelve demo students in four groups, roles planned, applied and published.
        await seedGroups({ db: seminar.db }, demoSlug, 2024);
      },
    });
    url = site.url;
  }, STEP);

  afterAll(async () => {
    await site?.close();
  });

  /** Today's date in the course's zone on the server's clock. */
  const today = () => DateTime.fromJSDate(site.now()).setZone(demoZone).toISODate()!;
  /** The roles of the classes up to today, as "date role group" lines. */
  const pastRoles = async () => {
    const dates = new Map((await site.course()).meetings.map((m) => [m.id, m.date]));
    return (await listRoles(site.seminar.db, courseId, { publishedOnly: false }))
      .filter((r) => (dates.get(r.meetingId) ?? '') <= today())
      .map((r) => `${dates.get(r.meetingId)} ${r.role} ${r.groupId}`)
      .sort();
  };

  it(
    'shows staff every change of the re-plan with its reason, and no class that has started',
    async () => {
      // A week later, two late students form a fifth group.
      site.setNow(new Date(site.now().getTime() + WEEK));
      const at = site.now();
      const db = site.seminar.db;
      await insertGroup(db, {
        id: 'late-group',
        course_id: courseId,
        name: 'Latecomers',
        created_at: at.toISOString(),
        created_by: null,
      });
      for (const name of ['Grace', 'Edsger']) {
        const user = await createUser(db, at, {
          email: `${name.toLowerCase()}@example.edu`,
          name: `${name} Late`,
          passwordHash: null,
          isAdmin: false,
        });
        await enrollAs(db, at, courseId, user.id, 'student');
        await insertMember(db, {
          group_id: 'late-group',
          user_id: user.id,
          course_id: courseId,
          joined_at: at.toISOString(),
        });
      }
      const before = await pastRoles();
      expect(before.length).toBeGreaterThan(0);

      prof = await site.signedIn('instructor@example.edu', DEMO_PASSWORD, course);
      await prof.goto(`${url}${course}/assignment`);
      await prof.getByRole('button', { name: 'Plan assignment' }).click();
      await poll(() => prof.getByRole('heading', { name: 'Preview' }).count()).toBe(1);
      await poll(() => prof.getByText(/classes? kept as (it is|they are)/).count()).toBe(1);
      const table = prof.locator('table.changes-table');
      await poll(() => table.locator('tbody tr').count()).toBeGreaterThan(0);
      const dates = await table
        .locator('tbody time')
        .evaluateAll((ts) => ts.map((t) => t.getAttribute('datetime')));
      // Every change is in a class still to come: none has started (nor is due today).
      expect(dates.length).toBe(await table.locator('tbody tr').count());
      for (const d of dates) expect(d! > today(), `${d} is after ${today()}`).toBe(true);
      expect(await table.getByText('New group').count()).toBeGreaterThan(0);
      expect(await table.getByRole('cell', { name: /Latecomers/ }).count()).toBeGreaterThan(0);
      const groupsInChanges = new Set(
        (await table.locator('tbody td[data-label="From"], tbody td[data-label="To"]').allInnerTexts())
          .map((t) => t.trim())
          .filter((t) => t && t !== 'nobody'),
      );
      await snap(prof.locator('[aria-labelledby="preview-title"]'), '.tmp/screens/replan-preview-card.png');
      await prof.setViewportSize({ width: 390, height: 812 });
      await snap(prof.locator('table.changes-table'), '.tmp/screens/replan-changes-390.png');
      await prof.setViewportSize({ width: 1280, height: 900 });
      problems.push(...(await axeAt(prof, 'replan-preview', { widths: [1280, 390], sideways: true })));

      // Apply: nobody is mailed, the started classes keep their roles.
      await prof.getByRole('button', { name: 'Apply this plan' }).click();
      await poll(() => prof.getByText(/Plan applied: \d+ roles\. Nobody was mailed/).count()).toBe(1);
      expect((await listMailJobs(db)).filter((j) => j.kind === ROLES_CHANGED_MAIL)).toEqual([]);
      expect(await pastRoles()).toEqual(before);

      // Publish: staff are told how many groups get mail before confirming.
      const n = groupsInChanges.size;
      const groups = `${n} group${n === 1 ? '' : 's'}`;
      await poll(() => prof.getByText(`the roles of ${groups} changed`, { exact: false }).count()).toBe(1);
      await prof.getByRole('button', { name: 'Publish the changes…' }).click();
      await poll(() =>
        prof.getByText(`Publishing mails the members of ${groups}:`, { exact: false }).count(),
      ).toBe(1);
      await snap(
        prof.locator('section[aria-labelledby="publish"]'),
        '.tmp/screens/replan-publish-section.png',
      );
      problems.push(
        ...(await axeAt(prof, 'replan-publish-confirm', { widths: [1280, 390], sideways: true })),
      );
      await prof.getByRole('button', { name: `Publish and mail ${groups}` }).click();
      await poll(() =>
        prof.getByText(`${groups} mailed about their changed roles`, { exact: false }).count(),
      ).toBe(1);
      await poll(() => prof.getByText('No group’s roles changed since then.').count()).toBe(1);
      const mails = (await listMailJobs(db)).filter((j) => j.kind === ROLES_CHANGED_MAIL);
      expect(mails.length).toBeGreaterThan(0);
      expect(await pastRoles()).toEqual(before);
      problems.push(...(await axeAt(prof, 'replan-published', { widths: [1280, 390], sideways: true })));
    },
    STEP,
  );

  it('has no axe findings and no sideways scroll on the re-plan screens at 1280 and 390 px', () => {
    expect(problems).toEqual([]);
  });
});
