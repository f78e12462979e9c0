// Announcements and notification settings in real Chromium: staff post one now and schedule another (course zone),
// students read the pinned one on the course home but not the scheduled one, a person sets their notifications,
// and an unsubscribe link works without signing in; axe at 1280 and 390 px.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserAvailable } from '../support/browser.js';
import { PASSWORD } from '../http/auth-client.js';
import { buildWorkWorld, SLUG, type WorkWorld } from '../http/work-helpers.js';
import { settingsOf, unsubscribeToken } from '../../src/services/notifications/settings.js';
import { axeAt, desktop, poll, startE2e, type E2e } from './fixture.js';

const run = browserAvailable();
const course = `/courses/${SLUG}`;
const STEP = 180_000;

describe.skipIf(!run)('announcements and notification settings in Chromium', () => {
  let site: E2e;
  let world: WorkWorld;
  // Tue Aug 27, 10:00 in Chicago.
  const now = new Date('2024-08-27T15:00:00Z');

  beforeAll(async () => {
    site = await startE2e({
      withDemo: false,
      now,
      seed: async ({ seminar }) => {
        world = await buildWorkWorld(seminar.db, new Date('2024-08-20T12:00:00Z'));
      },
    });
  }, STEP);

  afterAll(async () => {
    await site?.close();
  });

  it(
    'lets staff post one now and schedule one in the course zone, then change the scheduled one',
    async () => {
      const prof = await site.signedIn('prof@example.edu', PASSWORD, course);
      await prof.goto(`${site.url}${course}`);
      const pinned = prof.getByRole('region', { name: 'Announcements' });
      await poll(() => pinned.getByText('Nothing announced yet.').count()).toBe(1);
      await pinned.getByRole('link', { name: /Write an announcement/ }).click();
      await poll(() => prof.getByRole('heading', { name: 'Write an announcement' }).count()).toBe(1);
      expect(await prof.getByText('No announcements yet.').count()).toBe(1);
      await prof.getByLabel('Title').fill('Room change');
      await prof.getByLabel('Announcement (Markdown)').fill('We meet in **1302** from now on.');
      await prof.getByRole('button', { name: 'Post now' }).click();
      await poll(() => prof.getByText('"Room change" is posted', { exact: false }).count()).toBe(1);
      await prof.getByLabel('Title').fill('Quiz on Thursday');
      await prof.getByLabel('Announcement (Markdown)').fill('Bring a pen.');
      await prof.getByLabel(/Publish at \(optional, Central Time \(CDT\)/).fill('2024-08-29T08:00');
      await prof.getByRole('button', { name: 'Schedule' }).click();
      await poll(() =>
        prof
          .getByText('"Quiz on Thursday" is scheduled for Aug 29, 2024, 8:00 AM CDT', { exact: false })
          .count(),
      ).toBe(1);
      const cards = prof.locator('.announcements article h3');
      await poll(() => cards.allTextContents()).toEqual(['Quiz on Thursday', 'Room change']);
      await prof.getByRole('button', { name: 'Edit Quiz on Thursday' }).click();
      await prof.getByLabel('Title').nth(1).fill('Quiz on Thursday, 8:00');
      await prof.getByRole('button', { name: 'Save changes' }).click();
      await poll(() => cards.allTextContents()).toEqual(['Quiz on Thursday, 8:00', 'Room change']);
      expect(
        await prof
          .locator('.announcements')
          .getByText('Scheduled for Aug 29, 2024, 8:00 AM CDT', { exact: false })
          .count(),
      ).toBe(1);
      // Posted ones cannot be edited: only the scheduled one has buttons.
      expect(await prof.getByRole('button', { name: /^Edit / }).count()).toBe(1);
      await prof.getByRole('heading', { name: 'Deadline reminders' }).scrollIntoViewIfNeeded();
      expect(await prof.getByLabel(/^Slides/).isChecked()).toBe(true);
      await prof.getByLabel(/^Summary/).uncheck();
      await prof.getByRole('button', { name: 'Save reminders' }).click();
      await poll(() => prof.getByText('3 kinds of deadline reminders are sent.').count()).toBe(1);
      expect(await axeAt(prof, 'announcements-staff', { widths: [1280, 390], sideways: true })).toEqual([]);
      await prof.context().close();
    },
    STEP,
  );

  it(
    'shows a student the posted one pinned on the course home and on the page, not the scheduled one',
    async () => {
      const dan = await site.signedIn('dan@example.edu', PASSWORD, course);
      await dan.goto(`${site.url}${course}`);
      const pinned = dan.getByRole('region', { name: 'Announcements' });
      await poll(() => pinned.getByRole('heading', { name: 'Room change' }).count()).toBe(1);
      expect(await pinned.locator('strong', { hasText: '1302' }).count()).toBe(1);
      expect(await pinned.getByText('Quiz on Thursday', { exact: false }).count()).toBe(0);
      expect(await axeAt(dan, 'announcements-home', { widths: [1280, 390], sideways: true })).toEqual([]);
      await pinned.getByRole('link', { name: 'All announcements' }).click();
      await poll(() => dan.getByRole('heading', { name: 'Room change' }).count()).toBe(1);
      expect(await dan.getByText('Quiz on Thursday', { exact: false }).count()).toBe(0);
      expect(await dan.getByRole('button', { name: /Post now|Edit|Delete/ }).count()).toBe(0);
      expect(await axeAt(dan, 'announcements-student', { widths: [1280, 390], sideways: true })).toEqual([]);
      await dan.context().close();
    },
    STEP,
  );

  it(
    'lets a person choose per kind on the account page, and saves it',
    async () => {
      const cat = await site.signedIn('cat@example.edu', PASSWORD, '/account');
      await cat.goto(`${site.url}/account`);
      const reminders = cat.getByRole('group', { name: 'Deadline reminders' });
      await poll(() => reminders.count()).toBe(1);
      expect(await reminders.getByLabel('E-mail at once').isChecked()).toBe(true);
      await reminders.getByLabel('Off').check();
      await cat.getByRole('group', { name: 'Replies to me' }).getByLabel('Daily digest').check();
      await cat.getByLabel('Daily digest at (hour)').selectOption('18');
      await cat.getByLabel('In the time zone').selectOption('America/Chicago');
      await cat.getByRole('button', { name: 'Save notification settings' }).click();
      await poll(() => cat.getByText('Your notification settings are saved.').count()).toBe(1);
      const saved = await settingsOf(site.seminar.db, world.ids.cat, now);
      expect(saved).toMatchObject({ digestHour: 18, digestZone: 'America/Chicago' });
      expect(saved.modes).toMatchObject({ reminders: 'off', replies: 'digest', announcements: 'instant' });
      expect(await axeAt(cat, 'notification-settings', { widths: [1280, 390], sideways: true })).toEqual([]);
      await cat.context().close();
    },
    STEP,
  );

  it(
    'turns a kind off from the link in a mail, without signing in',
    async () => {
      const token = await unsubscribeToken(site.seminar.db, world.ids.ben, 'announcements', now);
      const page = await (await site.browser.newContext({ viewport: desktop })).newPage();
      await page.goto(`${site.url}/unsubscribe/${token}`);
      await poll(() => page.getByRole('button', { name: 'Stop these e-mails' }).count()).toBe(1);
      expect(await page.getByText('announcements', { exact: true }).count()).toBe(1);
      expect(await axeAt(page, 'unsubscribe', { widths: [1280, 390], sideways: true })).toEqual([]);
      await page.getByRole('button', { name: 'Stop these e-mails' }).click();
      await poll(() => page.getByText('Done: you will get no more e-mail about announcements.').count()).toBe(
        1,
      );
      expect((await settingsOf(site.seminar.db, world.ids.ben, now)).modes.announcements).toBe('off');
      await page.context().close();
    },
    STEP,
  );
});
