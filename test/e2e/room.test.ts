// The class room in real Chromium: staff start the timer and a student upvotes while the projector shows both live
// (three browser contexts); a reload shows the right remaining time; the reviewer group ticks its critique points;
// the ended room stays readable and leads to peer feedback; axe clean at 1280 and 390 px, the projector at
// 1920×1080 and 1280×720 in both themes with its timer and question in large type.
import { ulid } from 'ulid';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertGroup, insertMember } from '../../src/storage/repositories/groups.js';
import { insertRoles } from '../../src/storage/repositories/roles.js';
import { browserAvailable } from '../support/browser.js';
import { makePerson, PASSWORD } from '../http/auth-client.js';
import { buildWorkWorld, SLUG } from '../http/work-helpers.js';
import { axeAt, type E2e, poll, screens, snap, startE2e } from './fixture.js';

const run = browserAvailable();
const room = `/courses/${SLUG}/room?date=2024-08-28`;
const projectorPath = `/courses/${SLUG}/room/projector?date=2024-08-28`;
const STEP = 240_000;
// Wed Aug 28, 9:35 in Chicago: Alpha presents, Beta summarizes, Gamma reviews; the class started at 9:30.
const start = new Date('2024-08-28T14:35:00Z');
const QUESTION = 'Does the scaling law hold for sparse models?';
/** The updates must reach the other views within a second: waited for, never timed. */
const LIVE = { timeout: 1000 } as const;

async function fontPx(page: Page, selector: string): Promise<number> {
  const css = JSON.stringify(selector);
  return page.evaluate<number>(`parseFloat(getComputedStyle(document.querySelector(${css})).fontSize)`);
}

describe.skipIf(!run)('the class room in Chromium', () => {
  let site: E2e;

  beforeAll(async () => {
    site = await startE2e({
      withDemo: false,
      now: start,
      seed: async ({ seminar }) => {
        const stamp = new Date('2024-08-20T12:00:00Z');
        const world = await buildWorkWorld(seminar.db, stamp);
        const eve = await makePerson(seminar.db, stamp, 'eve@example.edu', {
          courseId: world.courseId,
          role: 'student',
          name: 'Eve',
        });
        const gamma = ulid();
        const at = stamp.toISOString();
        await insertGroup(seminar.db, {
          id: gamma,
          course_id: world.courseId,
          name: 'Gamma',
          created_at: at,
          created_by: null,
        });
        await insertMember(seminar.db, {
          group_id: gamma,
          user_id: eve.id,
          course_id: world.courseId,
          joined_at: at,
        });
        await insertRoles(seminar.db, [
          {
            id: ulid(),
            course_id: world.courseId,
            meeting_id: world.meetingId('2024-08-28'),
            group_id: gamma,
            role: 'reviewer',
            locked: 0,
            created_at: at,
          },
        ]);
      },
    });
  }, STEP);

  afterAll(async () => {
    await site?.close();
  });

  it(
    'shows staff starting the timer and a student’s upvote on the projector within a second',
    async () => {
      // Cat asks a live question first (the class as a whole), saying before asking who reads her name.
      const cat = await site.signedIn('cat@example.edu', PASSWORD, room);
      await cat.goto(`${site.url}${room}`);
      await poll(() => cat.getByRole('heading', { name: 'Ask a question' }).count()).toBe(1);
      expect(await cat.locator('#ask-hint').textContent()).toMatch(/your name/);
      await cat.getByLabel('About').selectOption({ label: 'The class as a whole' });
      await cat.getByLabel('Your question').fill(QUESTION);
      await cat.getByRole('button', { name: 'Ask', exact: true }).click();
      await poll(() => cat.locator('.board-question', { hasText: QUESTION }).count()).toBe(1);
      await cat.context().close();

      const ta = await site.signedIn('ta@example.edu', PASSWORD, room);
      await ta.goto(`${site.url}${room}`);
      await poll(() => ta.getByRole('button', { name: 'Start the timer' }).count()).toBe(1);
      const projector = await site.signedIn('prof@example.edu', PASSWORD, projectorPath);
      await projector.goto(`${site.url}${projectorPath}`);
      await poll(() => projector.locator('.timer-face').textContent()).toBe('40:00');
      await poll(() => projector.locator('.stage-question', { hasText: QUESTION }).count()).toBe(1);
      const dan = await site.signedIn('dan@example.edu', PASSWORD, room);
      await dan.goto(`${site.url}${room}`);
      const upvote = dan
        .locator('.board-question', { hasText: QUESTION })
        .getByRole('button', { name: /Upvote/ });
      await poll(() => upvote.count()).toBe(1);

      await ta.getByRole('button', { name: 'Start the timer' }).click();
      await projector.locator('.timer-badge-running').waitFor(LIVE);
      await upvote.click();
      await projector.locator('.stage-votes', { hasText: '1 vote' }).waitFor(LIVE);
      // The voter sees the vote as theirs and can take it back.
      await poll(() => upvote.getAttribute('aria-pressed')).toBe('true');
      await upvote.click();
      await projector.locator('.stage-votes', { hasText: '0 votes' }).waitFor(LIVE);
      await upvote.click();
      await projector.locator('.stage-votes', { hasText: '1 vote' }).waitFor(LIVE);

      // Staff mark it "now discussing": the projector shows it large, the student reads the status.
      const card = ta.locator('.board-question', { hasText: QUESTION });
      await card.getByRole('button', { name: 'Discuss now' }).click();
      await projector.getByRole('heading', { name: 'Now discussing' }).waitFor(LIVE);
      await poll(() => dan.locator('.board-question', { hasText: QUESTION }).textContent()).toContain(
        'Now discussing',
      );
      for (const page of [ta, projector, dan]) await page.context().close();
    },
    STEP,
  );

  it(
    'shows the right remaining time after a reload, and the 10-minute warning in words',
    async () => {
      const dan = await site.signedIn('dan@example.edu', PASSWORD, room);
      site.setNow(new Date(start.getTime() + 5 * 60_000));
      await dan.goto(`${site.url}${room}`);
      // Five minutes of the server's time have run: 35:00 left (a second or two more by the browser's ticking).
      await poll(() => dan.locator('.timer-face').textContent()).toMatch(/^(35:00|34:5\d)$/);
      site.setNow(new Date(start.getTime() + 31 * 60_000));
      await dan.reload();
      await poll(() => dan.locator('.timer-face').textContent()).toMatch(/^(9:00|8:5\d)$/);
      expect(await dan.locator('.timer-state').textContent()).toContain('Last 10 minutes');
      // A late joiner's first reading is not announced: the polite live region stays empty.
      expect(await dan.locator('.timer [aria-live="polite"]').textContent()).toBe('');
      expect(await axeAt(dan, 'room-student', { widths: [1280, 390], sideways: true })).toEqual([]);
      await dan.context().close();
    },
    STEP,
  );

  it(
    'lets the reviewer group write its critique points and tick them off; the presenter view is axe clean',
    async () => {
      const eve = await site.signedIn('eve@example.edu', PASSWORD, room);
      await eve.goto(`${site.url}${room}`);
      await poll(() => eve.getByLabel('New point', { exact: true }).count()).toBe(1);
      await eve.getByLabel('New point', { exact: true }).fill('The compute budget ignores inference cost.');
      await eve.getByRole('button', { name: 'Add', exact: true }).click();
      const point = eve.getByRole('checkbox', { name: 'The compute budget ignores inference cost.' });
      await poll(() => point.count()).toBe(1);
      await point.check();
      await poll(() => eve.locator('#critique-title').textContent()).toContain('1 of 1 raised');
      await eve.context().close();

      const ada = await site.signedIn('ada@example.edu', PASSWORD, room);
      await ada.goto(`${site.url}${room}`);
      // The presenting group runs the room: the presenter's view with the timer's controls and the critique read-only.
      await poll(() => ada.getByRole('button', { name: 'Pause the timer' }).count()).toBe(1);
      await poll(() => ada.locator('.critique-list').textContent()).toContain('Raised: The compute budget');
      expect(await axeAt(ada, 'room-presenter', { widths: [1280, 390], sideways: true })).toEqual([]);
      await ada.context().close();
    },
    STEP,
  );

  it(
    'fills a 1920×1080 and a 1280×720 projector in large type, light and dark, axe clean',
    async () => {
      const prof = await site.signedIn('prof@example.edu', PASSWORD, projectorPath);
      const found: string[] = [];
      for (const [width, height] of [
        [1920, 1080],
        [1280, 720],
      ] as const) {
        await prof.setViewportSize({ width, height });
        for (const theme of ['light', 'dark'] as const) {
          await prof.goto(`${site.url}${projectorPath}`);
          await poll(() => prof.locator('.stage-question').count()).toBe(1);
          const toggle = prof.getByRole('button', { name: 'Dark theme' });
          if ((await toggle.getAttribute('aria-pressed')) !== String(theme === 'dark')) await toggle.click();
          await poll(() => prof.locator('.projector').getAttribute('data-theme')).toBe(theme);
          expect(await fontPx(prof, '.timer-face')).toBeGreaterThanOrEqual(120);
          expect(await fontPx(prof, '.stage-question')).toBeGreaterThanOrEqual(28);
          expect(await fontPx(prof, '.room-panel li')).toBeGreaterThanOrEqual(28);
          await snap(prof, `${screens}/room-projector-${width}-${theme}.png`);
          found.push(...(await axeAt(prof, `room-projector-${width}-${theme}`)));
        }
      }
      expect(found).toEqual([]);
      await prof.context().close();
    },
    STEP,
  );

  it(
    'keeps the ended room readable with its votes and marks, and leads to the peer feedback form',
    async () => {
      const ta = await site.signedIn('ta@example.edu', PASSWORD, room);
      await ta.goto(`${site.url}${room}`);
      const card = ta.locator('.board-question', { hasText: QUESTION });
      await poll(() => card.getByRole('button', { name: 'Mark answered' }).count()).toBe(1);
      await card.getByRole('button', { name: 'Mark answered' }).click();
      await poll(() => card.textContent()).toContain('Answered');
      ta.once('dialog', (d) => void d.accept());
      await ta.getByLabel('Phase', { exact: true }).selectOption('questions');
      await poll(() => ta.getByRole('button', { name: 'End the class' }).count()).toBe(1);
      await ta.getByRole('button', { name: 'End the class' }).click();
      await ta.context().close();

      const dan = await site.signedIn('dan@example.edu', PASSWORD, room);
      await dan.goto(`${site.url}${room}`);
      await poll(() => dan.getByText('This class has ended.').count()).toBe(1);
      const asked = dan.locator('.board-question', { hasText: QUESTION });
      expect(await asked.textContent()).toMatch(/1\s*votes?/);
      expect(await asked.textContent()).toContain('Answered');
      expect(await dan.getByRole('heading', { name: 'Ask a question' }).count()).toBe(0);
      expect(await asked.getByRole('button').count()).toBe(0);
      await dan.getByRole('link', { name: 'Rate the presentation in the peer feedback form' }).click();
      await poll(() => dan.getByRole('heading', { name: /Peer feedback/ }).count()).toBeGreaterThan(0);
      // The schedule's class row leads back to the room.
      await dan.goto(`${site.url}/courses/${SLUG}/schedule`);
      await poll(() => dan.getByRole('link', { name: 'The room of Wed, Aug 28' }).count()).toBe(1);
      await dan.context().close();
    },
    STEP,
  );

  it(
    'lets staff set the timer length and anonymous questions on the room settings page, axe clean at 1280 and 390 px',
    async () => {
      const prof = await site.signedIn('prof@example.edu', PASSWORD, room);
      await prof.goto(`${site.url}${room}`);
      await poll(() => prof.getByRole('link', { name: 'Room settings' }).count()).toBe(1);
      await prof.getByRole('link', { name: 'Room settings' }).click();
      await poll(() => prof.getByRole('heading', { name: 'Class room settings' }).count()).toBe(1);
      await prof.getByLabel('A length of our own').check();
      const minutes = prof.getByLabel('Minutes per presentation');
      await minutes.fill('0');
      await prof.getByRole('button', { name: 'Save the room settings' }).click();
      await poll(() => prof.getByRole('alert').textContent()).toContain('1 to 240');
      await minutes.fill('25');
      await prof.getByLabel(/Hide who asked a question/).check();
      await prof.getByRole('button', { name: 'Save the room settings' }).click();
      await poll(() => prof.getByRole('status').textContent()).toContain('Saved.');
      await snap(prof, `${screens}/room-settings-1280.png`);
      const found = await axeAt(prof, 'room-settings', {
        widths: [1280, 390],
        ready: (p) => poll(() => p.getByLabel('Minutes per presentation').count()).toBe(1),
        sideways: true,
      });
      expect(found).toEqual([]);
      // Kept: a reload shows them.
      await prof.reload();
      await poll(() => prof.getByLabel('Minutes per presentation').inputValue()).toBe('25');
      expect(await prof.getByLabel(/Hide who asked a question/).isChecked()).toBe(true);
      await prof.context().close();

      // A student is not shown the page's form.
      const dan = await site.signedIn('dan@example.edu', PASSWORD, `/courses/${SLUG}/room/settings`);
      await dan.goto(`${site.url}/courses/${SLUG}/room/settings`);
      await poll(() => dan.getByText('Only the course staff change how the class rooms run.').count()).toBe(
        1,
      );
      expect(await dan.getByRole('button', { name: 'Save the room settings' }).count()).toBe(0);
      await dan.context().close();
    },
    STEP,
  );
});
