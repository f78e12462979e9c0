// Grade items on the staff gradebook in real Chromium: staff add a participation adjustment, give it a two-criterion
// rubric (a rubric that does not add up to the points possible says what is off), see its column; a deliverable's item
// cannot be removed (the server's message is shown); axe at 1280 and 390 px, no sideways scroll.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserAvailable } from '../support/browser.js';
import { buildCourse } from '../support/course-factory.js';
import { PASSWORD, TestClient } from '../http/auth-client.js';
import { buildWorkWorld, SLUG } from '../http/work-helpers.js';
import { axeAt, poll, startE2e, type E2e } from './fixture.js';

const run = browserAvailable();
const book = `/courses/${SLUG}/grades`;
const api = `/api/courses/${SLUG}/grades`;
const STEP = 180_000;
const COMPONENTS = [
  { key: 'participation', name: 'Participation', weight: 10 },
  { key: 'paper-presentation-discussion', name: 'Paper Presentation & Discussion', weight: 15 },
  { key: 'paper-summary', name: 'Paper Summary', weight: 15 },
  { key: 'project-report', name: 'Project Report', weight: 40 },
  { key: 'project-presentations', name: 'Project Presentations', weight: 20 },
];

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const items = (page: Page) => page.getByRole('region', { name: 'Items' });

describe.skipIf(!run)('grade items on the gradebook in Chromium', () => {
  let site: E2e;
  let prof: TestClient;

  beforeAll(async () => {
    site = await startE2e({
      withDemo: false,
      now: new Date('2024-10-01T15:00:00Z'),
      seed: async ({ seminar }) => {
        await buildWorkWorld(
          seminar.db,
          new Date('2024-08-20T12:00:00Z'),
          buildCourse({ components: COMPONENTS }),
        );
      },
    });
    prof = new TestClient(site.seminar.app, '198.51.100.9');
    expect((await prof.signIn('prof@example.edu')).statusCode).toBe(200);
  }, STEP);

  afterAll(async () => {
    await site?.close();
  });

  it(
    'adds a participation adjustment, gives it a rubric that must add up, and shows its column',
    async () => {
      const page = await site.signedIn('prof@example.edu', PASSWORD, book);
      await page.goto(`${site.url}${book}`);
      const section = items(page);
      await poll(() => section.getByRole('heading', { name: 'Add an item' }).count()).toBe(1);
      expect(await section.getByText(/Due, optional \(.+\)/).count()).toBe(1);

      // A bad points possible: the server's message is shown by the field.
      await section.getByLabel('Category').selectOption({ label: 'Participation' });
      await section.getByLabel('Title', { exact: true }).fill('Participation adjustment');
      await section.getByLabel('Points possible').first().fill('0');
      await section.getByRole('button', { name: 'Add the item' }).click();
      await poll(() => page.locator('#item-points-error').count()).toBe(1);
      expect(await page.locator('#item-points').getAttribute('aria-invalid')).toBe('true');

      await section.getByLabel('Points possible').first().fill('10');
      await section.getByLabel(/Due, optional/).fill('2024-12-06T17:00');
      await section.getByRole('button', { name: 'Add the item' }).click();
      await poll(() => page.getByText('Participation adjustment added', { exact: false }).count()).toBe(1);
      await poll(() =>
        page.getByRole('columnheader', { name: /Participation adjustment/ }).count(),
      ).toBeGreaterThan(0);
      const added = ((await prof.get(api)).json() as Json).items.find(
        (i: Json) => i.title === 'Participation adjustment',
      );
      expect(added).toMatchObject({ categoryKey: 'participation', pointsPossible: '10', source: 'staff' });
      expect(added.dueAt).not.toBeNull();

      await section.getByLabel('Item', { exact: true }).selectOption({ label: 'Participation adjustment' });
      await section.getByRole('button', { name: 'Add a criterion' }).click();
      await section.getByRole('button', { name: 'Add a criterion' }).click();
      await section.getByLabel('Criterion 1 title').fill('Discussion');
      await section.getByLabel('Criterion 1 description').fill('Spoke up in class');
      await section.getByLabel('Criterion 1 points').fill('6');
      await section.getByLabel('Criterion 2 title').fill('Questions');
      await section.getByLabel('Criterion 2 description').fill('Handed in questions');
      await section.getByLabel('Criterion 2 points').fill('2');
      await poll(() => page.locator('#rubric-sum').textContent()).toBe(
        'The criteria add up to 8 points: 2 short of the 10 points possible.',
      );
      await section.getByRole('button', { name: 'Save the item' }).click();
      await poll(() => section.getByRole('alert').filter({ hasText: 'Not saved.' }).count()).toBe(1);
      expect(
        ((await prof.get(api)).json() as Json).items.find((i: Json) => i.id === added.id).rubric,
      ).toBeNull();

      await section.getByLabel('Criterion 2 points').fill('4');
      await poll(() => page.locator('#rubric-sum').textContent()).toBe(
        'The criteria add up to the points possible.',
      );
      expect(await axeAt(page, 'grade-items', { widths: [1280, 390], sideways: true })).toEqual([]);
      await section.getByRole('button', { name: 'Save the item' }).click();
      await poll(() => page.getByText('Participation adjustment saved.').count()).toBe(1);
      const saved = ((await prof.get(api)).json() as Json).items.find((i: Json) => i.id === added.id);
      expect(saved.pointsPossible).toBe('10');
      expect(saved.rubric).toEqual([
        { key: 'discussion', title: 'Discussion', description: 'Spoke up in class', points: '6' },
        { key: 'questions', title: 'Questions', description: 'Handed in questions', points: '4' },
      ]);
      await page.reload();
      await poll(() =>
        page.getByRole('columnheader', { name: /Participation adjustment/ }).count(),
      ).toBeGreaterThan(0);
      await page.context().close();
    },
    STEP,
  );

  it(
    'removes an item staff added and shows why a deliverable’s item stays',
    async () => {
      const page = await site.signedIn('prof@example.edu', PASSWORD, book);
      await page.goto(`${site.url}${book}`);
      const section = items(page);
      await poll(() => section.getByLabel('Item', { exact: true }).count()).toBe(1);
      const first = await section.getByLabel('Item', { exact: true }).locator('option').first().textContent();
      await section.getByLabel('Item', { exact: true }).selectOption({ label: first! });
      await section.getByRole('button', { name: 'Remove the item' }).click();
      await poll(() =>
        section.getByRole('alert').filter({ hasText: 'comes from the course’s deliverables' }).count(),
      ).toBe(1);

      await section.getByLabel('Item', { exact: true }).selectOption({ label: 'Participation adjustment' });
      await section.getByRole('button', { name: 'Remove the item' }).click();
      await poll(() => page.getByText('Participation adjustment removed.').count()).toBe(1);
      await poll(() => page.getByRole('columnheader', { name: /Participation adjustment/ }).count()).toBe(0);
      expect(
        ((await prof.get(api)).json() as Json).items.some(
          (i: Json) => i.title === 'Participation adjustment',
        ),
      ).toBe(false);
      await page.context().close();
    },
    STEP,
  );

  it(
    'excuses an owner from an item in the grading queue, saved as it goes',
    async () => {
      const book = (await prof.get(api)).json() as Json;
      const item = (book.items as Json[]).find((i) => i.key === 'summary@2024-08-28')!;
      const page = await site.signedIn(
        'prof@example.edu',
        PASSWORD,
        `/courses/${SLUG}/grades/queue?item=${item.id}`,
      );
      const box = page.getByLabel('Excused');
      await poll(() => box.count()).toBe(1);
      expect(await page.locator('#score-excused-hint').textContent()).toContain('left out of its category');
      expect(await box.isChecked()).toBe(false);
      await box.check();
      await poll(() => page.locator('.save-status').innerText()).toMatch(/^Saved /);
      const queue = (await prof.get(`${api}/items/${item.id}`)).json() as Json;
      expect((queue.entries as Json[]).filter((e) => e.excused)).toHaveLength(1);
      await page.reload();
      await poll(() => page.getByLabel('Excused').count()).toBe(1);
      await poll(() => page.getByLabel('Excused').isChecked()).toBe(true);
      await page.context().close();
    },
    STEP,
  );
});
