// Peer feedback in real Chromium: a classmate rates a presentation from What is due, the presenter reads the medians and
// the comment without names and has no form of their own, staff read who wrote what; axe at 1280 and 390 px.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserAvailable } from '../support/browser.js';
import { PASSWORD } from '../http/auth-client.js';
import { buildWorkWorld, SLUG } from '../http/work-helpers.js';
import { axeAt, poll, startE2e, type E2e } from './fixture.js';

const run = browserAvailable();
const course = `/courses/${SLUG}`;
const STEP = 180_000;

describe.skipIf(!run)('peer feedback in Chromium', () => {
  let site: E2e;
  // Wed Aug 28, 11:00 in Chicago: Alpha presented at 9:30; feedback is open until the end of Thursday.
  const during = new Date('2024-08-28T16:00:00Z');

  beforeAll(async () => {
    site = await startE2e({
      withDemo: false,
      now: during,
      seed: async ({ seminar }) => {
        await buildWorkWorld(seminar.db, new Date('2024-08-20T12:00:00Z'));
      },
    });
  }, STEP);

  afterAll(async () => {
    await site?.close();
  });

  it(
    'lets a classmate rate the presentation from What is due, saying until when in the course zone',
    async () => {
      const dan = await site.signedIn('dan@example.edu', PASSWORD, `${course}/due`);
      await dan.goto(`${site.url}${course}/due`);
      const due = dan.getByRole('region', { name: /Rate your classmates’ presentations/ });
      await poll(() => due.count()).toBe(1);
      expect(await due.textContent()).toContain('Feedback open until Thu, Aug 29 · 11:59 PM CDT');
      await due.getByRole('link', { name: /Rate the presentation of Wed, Aug 28/ }).click();
      await poll(() => dan.getByRole('heading', { name: 'Rate the presentation' }).count()).toBe(1);
      for (const [criterion, score] of [
        ['Content', '4'],
        ['Clarity', '5'],
        ['Timing', '3'],
        ['Answering questions', '4'],
      ] as const)
        await dan.getByRole('group', { name: criterion }).getByLabel(score, { exact: true }).check();
      await dan.getByLabel('Comment (optional, Markdown)').fill('The **background** was clear.');
      expect(await axeAt(dan, 'peer-form', { widths: [1280, 390], sideways: true })).toEqual([]);
      await dan.setViewportSize({ width: 1280, height: 900 });
      await dan.getByRole('button', { name: 'Send rating' }).click();
      await poll(() => dan.getByText('Your rating is saved.', { exact: false }).count()).toBe(1);
      await poll(() => dan.getByRole('heading', { name: 'Change your rating' }).count()).toBe(1);
      // The schedule links the class's feedback too.
      await dan.goto(`${site.url}${course}/schedule`);
      await poll(() => dan.getByRole('link', { name: 'Peer feedback on Wed, Aug 28' }).count()).toBe(1);
      await dan.context().close();
    },
    STEP,
  );

  it(
    'shows the presenter the medians and the comment without names, and no form to rate their own talk',
    async () => {
      const ada = await site.signedIn('ada@example.edu', PASSWORD, `${course}/feedback?date=2024-08-28`);
      await ada.goto(`${site.url}${course}/feedback?date=2024-08-28`);
      const summary = ada.getByRole('region', { name: 'What your classmates said' });
      await poll(() => summary.count()).toBe(1);
      const text = (await summary.textContent()) ?? '';
      expect(text).toContain('1 classmate rated it');
      expect(text).toContain('The background was clear.');
      expect(await summary.locator('strong', { hasText: 'background' }).count()).toBe(1);
      expect(
        await ada.getByText('You presented this class: your classmates rate it, you do not.').count(),
      ).toBe(1);
      expect(await ada.getByRole('button', { name: /Send rating|Save changes/ }).count()).toBe(0);
      expect(await ada.getByRole('radio').count()).toBe(0);
      const page = (await ada.locator('main').textContent()) ?? '';
      expect(page).not.toContain('Dan');
      expect(await axeAt(ada, 'peer-presenter', { widths: [1280, 390], sideways: true })).toEqual([]);
      await ada.context().close();
    },
    STEP,
  );

  it(
    'shows staff who wrote what and lets them weigh the peer median',
    async () => {
      const ta = await site.signedIn('ta@example.edu', PASSWORD, `${course}/feedback?date=2024-08-28`);
      await ta.goto(`${site.url}${course}/feedback?date=2024-08-28`);
      const table = ta.getByRole('table');
      await poll(() => table.getByRole('rowheader', { name: 'Dan' }).count()).toBe(1);
      expect(await ta.getByText('Not rated yet: Cat.').count()).toBe(1);
      expect(await axeAt(ta, 'peer-staff', { widths: [1280, 390], sideways: true })).toEqual([]);
      await ta.setViewportSize({ width: 1280, height: 900 });
      await ta.goto(`${site.url}${course}/feedback`);
      await ta.getByLabel('Count the peer median in each class presentation’s score').check();
      await ta.getByLabel('Weight of the peer median (%)').fill('20');
      await ta.getByRole('button', { name: 'Save' }).click();
      await poll(() =>
        ta.getByText('The peer median now makes up 20 % of each presentation’s score.').count(),
      ).toBe(1);
      expect(await axeAt(ta, 'peer-list-staff', { widths: [1280, 390], sideways: true })).toEqual([]);
      await ta.context().close();
    },
    STEP,
  );
});
