// My grades in real Chromium: a student at 390 px reads a released score with its rubric and Markdown comment, sees
// unreleased work without its score, tries a what-if, asks for a regrade; staff answer it; the student reads the
// answer; the window closes; no grades yet, loading and error states; axe at 1280 and 390 px, no sideways scroll.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { browserAvailable } from '../support/browser.js';
import { buildCourse } from '../support/course-factory.js';
import { PASSWORD, TestClient } from '../http/auth-client.js';
import { buildWorkWorld, SLUG } from '../http/work-helpers.js';
import { axeAt, poll, startE2e, type E2e } from './fixture.js';

const run = browserAvailable();
const course = `/courses/${SLUG}`;
const api = `/api/courses/${SLUG}`;
const STEP = 180_000;
const phone = { width: 390, height: 812 };
const COMPONENTS = [
  { key: 'participation', name: 'Participation', weight: 10 },
  { key: 'paper-presentation-discussion', name: 'Paper Presentation & Discussion', weight: 15 },
  { key: 'paper-summary', name: 'Paper Summary', weight: 15 },
  { key: 'project-report', name: 'Project Report', weight: 40 },
  { key: 'project-presentations', name: 'Project Presentations', weight: 20 },
];
const SECRET = 'Unreleased note on the poster';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

describe.skipIf(!run)('my grades in Chromium', () => {
  let site: E2e;
  // Fri Aug 30, noon in Chicago: Alpha's Aug 28 presentation is graded and released now; the window runs a week.
  const released = new Date('2024-08-30T17:00:00Z');
  let posterTitle = '';
  const reportTitle = 'Final report';

  beforeAll(async () => {
    site = await startE2e({
      withDemo: false,
      now: released,
      seed: async ({ seminar }) => {
        const world = await buildWorkWorld(
          seminar.db,
          new Date('2024-08-20T12:00:00Z'),
          buildCourse({ components: COMPONENTS }),
        );
        const ta = new TestClient(seminar.app, '198.51.100.40');
        expect((await ta.signIn('ta@example.edu')).statusCode).toBe(200);
        const items = ((await ta.get(`${api}/grades`)).json() as Json).items as Json[];
        const talk = items.find((i) => i.key === 'presentation@2024-08-28')!;
        const poster = items.find((i) => i.key === 'poster')!;
        const added = await ta.post(`${api}/grades/items`, {
          categoryKey: 'project-report',
          title: 'Final report',
          pointsPossible: '100',
        });
        expect(added.statusCode).toBe(200);
        posterTitle = poster.title;
        const score = (itemId: string, body: Json) =>
          ta.request({ method: 'PUT', url: `${api}/grades/items/${itemId}/scores`, payload: body as never });
        const scored = await score(talk.id, {
          subject: { kind: 'group', groupId: world.groups.alpha },
          points: null,
          rubricScores: { content: '35', clarity: '17', time: '10', questions: '12', panel: '13' },
          comment:
            'Clear **background**; ran 43 minutes.\n\n- Slides: readable\n- Panel: lively\n\n<img src=x onerror="window.hacked=1">',
        });
        expect(scored.statusCode).toBe(200);
        const hidden = await score(poster.id, {
          subject: { kind: 'group', groupId: world.groups.alpha },
          points: '55.5',
          comment: SECRET,
        });
        expect(hidden.statusCode).toBe(200);
        const release = await ta.post(`${api}/grades/items/${talk.id}/release`, { released: true });
        expect(release.statusCode).toBe(200);
      },
    });
  }, STEP);

  afterAll(async () => {
    await site?.close();
  });

  async function phonePage(email: string): Promise<Page> {
    const page = await site.signedIn(email, PASSWORD, `${course}/grades/mine`);
    await page.setViewportSize(phone);
    await page.goto(`${site.url}${course}/grades/mine`);
    await poll(() => page.getByRole('heading', { name: 'My grades', level: 1 }).count()).toBe(1);
    return page;
  }

  it(
    'shows a student at 390 px the released score with rubric and comment, and unreleased work without its score',
    async () => {
      const ada = await phonePage('ada@example.edu');
      const talk = ada.getByRole('article', { name: /Presentation: .*\(2024-08-28\)/ });
      await poll(() => talk.count()).toBe(1);
      expect(await talk.getByText('87 / 100 points').count()).toBe(1);
      const rubric = talk.getByRole('table', { name: 'Rubric' });
      expect(await rubric.getByRole('row', { name: /Content .* 35 \/ 40/ }).count()).toBe(1);
      expect(await talk.locator('.grade-comment strong', { hasText: 'background' }).count()).toBe(1);
      expect(await talk.locator('.grade-comment li').count()).toBe(2);
      expect(await talk.locator('.grade-comment img').count()).toBe(0);
      expect(await ada.evaluate('window.hacked')).toBeUndefined();
      const poster = ada.getByRole('article', { name: posterTitle });
      expect(await poster.getByText('Not released yet').count()).toBe(1);
      const text = (await ada.locator('main').textContent()) ?? '';
      expect(text).not.toContain(SECRET);
      expect(text).not.toContain('55.5');
      const grade = ada.getByRole('region', { name: 'Your course grade so far' });
      expect(await grade.textContent()).toContain('87.00 % B+');
      expect(await grade.textContent()).toContain(
        'It counts your released work in 1 of 5 categories (Paper Presentation & Discussion), 15 % of the course’s weight.',
      );
      expect(await grade.textContent()).toContain(
        '3 items are not graded or not released yet and are left out.',
      );
      // The what-if: a letter on the final report.
      const whatIf = ada.getByRole('region', { name: 'What if' });
      await whatIf.getByLabel('Item').selectOption({ label: reportTitle });
      await whatIf.getByLabel('Score').fill('Q');
      await whatIf.getByRole('button', { name: 'Show my grade' }).click();
      await poll(() => whatIf.getByRole('alert').count()).toBe(1);
      expect(await whatIf.getByLabel('Score').getAttribute('aria-invalid')).toBe('true');
      await whatIf.getByLabel('Score').fill('B+');
      await whatIf.getByRole('button', { name: 'Show my grade' }).click();
      // (15 × 87 + 40 × 87) / 55 = 87.00: a B+ on the report keeps a B+ course grade.
      await poll(() => whatIf.getByRole('status').textContent()).toBe(
        `With B+ (87 %) on ${reportTitle}, your course grade would be 87.00 % (B+).`,
      );
      await whatIf.getByLabel('Score').fill('40 %');
      await whatIf.getByRole('button', { name: 'Show my grade' }).click();
      // (15 × 87 + 40 × 40) / 55 = 52.82.
      await poll(() => whatIf.getByRole('status').textContent()).toContain(
        'your course grade would be 52.82 % (F)',
      );
      expect(await axeAt(ada, 'my-grades', { widths: [1280, 390], sideways: true })).toEqual([]);
      await ada.context().close();
    },
    STEP,
  );

  it(
    'takes a regrade request with a reason, saying until when in the course zone; staff answer; the student reads it',
    async () => {
      const ada = await phonePage('ada@example.edu');
      const talk = ada.getByRole('article', { name: /Presentation: .*\(2024-08-28\)/ });
      await talk.getByText('Ask for a regrade').click();
      const form = talk.getByRole('form', { name: /Ask for a regrade of/ });
      expect(await form.textContent()).toContain('You can ask until Fri, Sep 6 · 12:00 PM CDT (in 7 days)');
      await form.getByRole('button', { name: 'Send request' }).click();
      await poll(() => form.getByText('Say what you would like looked at again.').count()).toBe(1);
      await form
        .getByLabel('What should be looked at again, and why?')
        .fill('We kept to 40 minutes; the clock started late.');
      expect(await axeAt(ada, 'my-grades-regrade-form', { widths: [390], sideways: true })).toEqual([]);
      await form.getByRole('button', { name: 'Send request' }).click();
      await poll(() => talk.getByText('Waiting for an answer').count()).toBe(1);
      expect(await talk.getByText('Ask for a regrade').count()).toBe(0);
      await ada.context().close();

      const ta = await site.signedIn('ta@example.edu', PASSWORD, `${course}/grades/regrades`);
      await ta.goto(`${site.url}${course}/grades/regrades`);
      const request = ta.getByRole('article', { name: /Ada: Presentation/ });
      await poll(() => request.count()).toBe(1);
      expect(await request.textContent()).toContain('now 87 / 100 points');
      expect(await request.textContent()).toContain('We kept to 40 minutes; the clock started late.');
      expect(await axeAt(ta, 'regrades-staff', { widths: [1280, 390], sideways: true })).toEqual([]);
      await request.getByLabel('New points (optional)').fill('90');
      await request.getByRole('button', { name: 'Send answer' }).click();
      await poll(() => request.getByText('Write an answer.').count()).toBe(1);
      await request.getByRole('textbox', { name: 'Answer' }).fill('Agreed: full marks for time.');
      await request.getByRole('button', { name: 'Send answer' }).click();
      await poll(() => ta.getByRole('heading', { name: 'Answered (1)' }).count()).toBe(1);
      expect(await ta.getByText('Score changed from 87 to 90.').count()).toBe(1);
      expect(await ta.getByText('No student has asked', { exact: false }).count()).toBe(0);
      expect(await ta.getByText('Every request is answered.').count()).toBe(1);
      await ta.context().close();

      const again = await phonePage('ada@example.edu');
      const answered = again.getByRole('article', { name: /Presentation: .*\(2024-08-28\)/ });
      await poll(() => answered.getByText('Agreed: full marks for time.').count()).toBe(1);
      expect(await answered.getByText('90 / 100 points').count()).toBe(1);
      expect(await answered.getByText('Your score changed from 87 to 90 of 100 points.').count()).toBe(1);
      expect(await axeAt(again, 'my-grades-answered', { widths: [1280, 390], sideways: true })).toEqual([]);
      await again.context().close();
    },
    STEP,
  );

  it(
    'says when the regrade window closed, in the course zone, once the clock passes it',
    async () => {
      site.setNow(new Date('2024-09-06T17:01:00Z'));
      try {
        const ben = await phonePage('ben@example.edu');
        const talk = ben.getByRole('article', { name: /Presentation: .*\(2024-08-28\)/ });
        await poll(() =>
          talk.getByText('Regrade requests for this item closed Fri, Sep 6 · 12:00 PM CDT.').count(),
        ).toBe(1);
        expect(await talk.getByText('Ask for a regrade').count()).toBe(0);
        expect(await axeAt(ben, 'my-grades-closed', { widths: [390], sideways: true })).toEqual([]);
        await ben.context().close();
      } finally {
        site.setNow(released);
      }
    },
    STEP,
  );

  it(
    'designs no grades yet, loading and error',
    async () => {
      const dan = await phonePage('dan@example.edu');
      const grade = dan.getByRole('region', { name: 'Your course grade so far' });
      await poll(() => grade.getByText('No grade yet').count()).toBe(1);
      expect(await grade.textContent()).toContain('Nothing released counts yet.');
      expect(await axeAt(dan, 'my-grades-empty', { widths: [1280, 390], sideways: true })).toEqual([]);
      // Loading: the answer is held until the page shows that it waits.
      let release = () => {};
      const held = new Promise<void>((resolve) => (release = resolve));
      await dan.route('**/api/courses/*/grades/mine', async (route) => {
        await held;
        await route.continue();
      });
      await dan.reload();
      await poll(() => dan.getByText('Loading your grades…').count()).toBe(1);
      release();
      await poll(() => dan.getByRole('heading', { name: 'My grades', level: 1 }).count()).toBe(1);
      await dan.unroute('**/api/courses/*/grades/mine');
      // Error: the server fails; the page says so and offers to try again.
      await dan.route('**/api/courses/*/grades/mine', (route) =>
        route.fulfill({
          status: 500,
          contentType: 'application/json',
          body: JSON.stringify({ error: { code: 'internal', message: 'Something broke.' } }),
        }),
      );
      await dan.reload();
      await poll(() => dan.getByRole('heading', { name: 'Your grades could not be loaded' }).count()).toBe(1);
      expect(await axeAt(dan, 'my-grades-error', { widths: [1280, 390], sideways: true })).toEqual([]);
      await dan.unroute('**/api/courses/*/grades/mine');
      await dan.getByRole('button', { name: 'Try again' }).click();
      await poll(() => dan.getByRole('heading', { name: 'My grades', level: 1 }).count()).toBe(1);
      await dan.context().close();
    },
    STEP,
  );
});
