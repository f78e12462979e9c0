// The staff gradebook in real Chromium: scores with their states in words, filter by group and by column, weights that
// do not add up and their fix, a cutoff edited and its mark moving on the plot, both downloads; axe at 1280 and 390 px.
import { readFileSync } from 'node:fs';
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

const row = (page: Page, name: string) =>
  page.locator('.book-table tbody tr', {
    has: page.getByRole('rowheader', { name: new RegExp(`^${name}`) }),
  });

/** Where the plot draws a cutoff's letter, in page pixels. */
async function letterX(page: Page, letter: string): Promise<number> {
  const mark = page
    .locator('#final-plot g.cutoff-letter text')
    .filter({ hasText: new RegExp(`^${letter}$`) });
  await poll(() => mark.count()).toBe(1);
  return (await mark.boundingBox())!.x;
}

describe.skipIf(!run)('the gradebook in Chromium', () => {
  let site: E2e;
  // Oct 1: the Aug 28 presentation is scored and released, Beta's summary scored, not released.
  const now = new Date('2024-10-01T15:00:00Z');

  beforeAll(async () => {
    site = await startE2e({
      withDemo: false,
      now,
      seed: async ({ seminar }) => {
        await buildWorkWorld(
          seminar.db,
          new Date('2024-08-20T12:00:00Z'),
          buildCourse({ components: COMPONENTS }),
        );
      },
    });
    const prof = new TestClient(site.seminar.app, '198.51.100.9');
    expect((await prof.signIn('prof@example.edu')).statusCode).toBe(200);
    const body = (await prof.get(api)).json() as Json;
    const item = (key: string) => (body.items as Json[]).find((i) => i.key === key)!;
    const groups = Object.fromEntries((body.groups as Json[]).map((g) => [g.name, g.id]));
    const score = async (key: string, groupId: string, points: string) =>
      expect(
        (
          await prof.request({
            method: 'PUT',
            url: `${api}/items/${item(key).id}/scores`,
            payload: { subject: { kind: 'group', groupId }, points } as never,
          })
        ).statusCode,
      ).toBe(200);
    await score('presentation@2024-08-28', groups.Alpha, '87');
    await score('summary@2024-08-28', groups.Beta, '18');
    expect(
      (await prof.post(`${api}/items/${item('presentation@2024-08-28').id}/release`, { released: true }))
        .statusCode,
    ).toBe(200);
  }, STEP);

  afterAll(async () => {
    await site?.close();
  });

  it(
    'shows every student’s scores with their states in words and filters by group and by column',
    async () => {
      const page = await site.signedIn('prof@example.edu', PASSWORD, book);
      await page.goto(`${site.url}${book}`);
      await poll(() => row(page, 'Ada').count()).toBe(1);
      expect(await row(page, 'Ada').textContent()).toContain('87');
      expect(await row(page, 'Cat').textContent()).toContain('18');
      // Dan holds no presentation: not his; Ada and Ben's summary of another class is not theirs either.
      expect(
        await page.getByRole('columnheader', { name: /Presentation.*released/ }).count(),
      ).toBeGreaterThan(0);
      expect(await page.getByRole('columnheader', { name: /not released/ }).count()).toBeGreaterThan(0);
      expect(await page.locator('.book-table td.cell-zero').count()).toBeGreaterThan(0);
      expect(await page.locator('.book-table td.cell-zero').first().textContent()).toMatch(
        /^0 (missing|late)$/,
      );
      expect(
        await axeAt(page, 'gradebook', {
          widths: [1280, 390],
          sideways: true,
          ready: (p) => p.locator('#final-plot svg').waitFor(),
        }),
      ).toEqual([]);

      await page.getByLabel('Group').selectOption({ label: 'Beta' });
      await poll(() => page.locator('.book-table tbody tr').count()).toBe(1);
      expect(await row(page, 'Cat').count()).toBe(1);
      expect(await page.getByText('Showing 1 of 4 students.').count()).toBe(1);
      await page.getByLabel('Group').selectOption({ label: 'All groups' });
      await page.getByLabel('Columns').selectOption({ label: 'All of Paper Summary' });
      await poll(() => page.getByRole('columnheader', { name: /Presentation/ }).count()).toBe(0);
      expect(await page.getByRole('columnheader', { name: /Paper Summary %/ }).count()).toBe(1);
      expect(await page.locator('.book-table tbody tr').count()).toBe(4);
      await page.context().close();
    },
    STEP,
  );

  it(
    'says what is off when the weights do not add up, saves them once fixed',
    async () => {
      const page = await site.signedIn('prof@example.edu', PASSWORD, book);
      await page.goto(`${site.url}${book}`);
      const summary = page.getByLabel('Paper Summary (%)');
      await poll(() => summary.count()).toBe(1);
      await summary.fill('10');
      await poll(() => page.locator('#weights-sum').textContent()).toBe(
        'The weights add up to 95 %: 5 % short of 100 %.',
      );
      await page.getByRole('button', { name: 'Save weights' }).click();
      await poll(() => page.getByRole('alert').filter({ hasText: 'Not saved.' }).count()).toBe(1);
      await page.getByLabel('Participation (%)').fill('15');
      await poll(() => page.locator('#weights-sum').textContent()).toBe('The weights add up to 100 %.');
      await page.getByRole('button', { name: 'Save weights' }).click();
      await poll(() => page.getByText('Weights saved: they add up to 100 %.').count()).toBe(1);
      await page.reload();
      await poll(() =>
        page.getByRole('columnheader', { name: /Paper Summary %\s*weight 10 %/ }).count(),
      ).toBe(1);
      expect(await page.getByLabel('Participation (%)').inputValue()).toBe('15');
      await page.context().close();
    },
    STEP,
  );

  it(
    'moves a cutoff’s mark on the final plot when the cutoff changes, and downloads both files',
    async () => {
      const page = await site.signedIn('prof@example.edu', PASSWORD, book);
      await page.goto(`${site.url}${book}`);
      const before = await letterX(page, 'A');
      expect(await page.getByRole('table', { name: 'Students per letter' }).textContent()).toContain(
        '≥ 93 %',
      );
      await page.getByLabel('A from (%)').fill('96');
      await page.getByRole('button', { name: 'Save cutoffs' }).click();
      await poll(() => page.getByText('Cutoffs saved', { exact: false }).count()).toBe(1);
      await poll(() => page.getByRole('table', { name: 'Students per letter' }).textContent()).toContain(
        '≥ 96 %',
      );
      await poll(() => letterX(page, 'A')).toBeGreaterThan(before);
      await page.getByLabel('A- from (%)').fill('97');
      await page.getByRole('button', { name: 'Save cutoffs' }).click();
      await poll(() => page.getByRole('alert').filter({ hasText: 'A- must need less than A' }).count()).toBe(
        1,
      );

      const [canvas] = await Promise.all([
        page.waitForEvent('download'),
        page.getByRole('link', { name: 'Download for Canvas (CSV)' }).click(),
      ]);
      const canvasText = readFileSync((await canvas.path())!, 'utf8');
      expect(canvasText.replace(/^\uFEFF/, '')).toMatch(/^Student,ID,SIS User ID,SIS Login ID,Section,/);
      const [plain] = await Promise.all([
        page.waitForEvent('download'),
        page.getByRole('link', { name: 'Download plain CSV' }).click(),
      ]);
      expect(readFileSync((await plain.path())!, 'utf8')).toContain('Ada');
      await page.context().close();
    },
    STEP,
  );

  it(
    'designs the loading, error and empty states, and tells a student the page is for staff',
    async () => {
      const page = await site.signedIn('prof@example.edu', PASSWORD, book);
      let release: () => void = () => {};
      const held = new Promise<void>((r) => (release = r));
      await page.route(`**${api}`, async (route) => {
        await held;
        await route.fulfill({
          status: 500,
          json: { error: { code: 'internal', message: 'Try again later.' } },
        });
      });
      await page.goto(`${site.url}${book}`);
      await poll(() => page.getByText('Loading the gradebook', { exact: false }).count()).toBe(1);
      release();
      await poll(() => page.getByRole('heading', { name: 'The gradebook could not be loaded' }).count()).toBe(
        1,
      );
      expect(await axeAt(page, 'gradebook-error')).toEqual([]);
      await page.unroute(`**${api}`);
      await page.route(`**${api}`, async (route) => {
        const res = await route.fetch();
        const body = (await res.json()) as Json;
        await route.fulfill({ response: res, json: { ...body, students: [] } });
      });
      await page.getByRole('button', { name: 'Try again' }).click();
      await poll(() => page.getByText('No students are enrolled yet', { exact: false }).count()).toBe(1);
      expect(await axeAt(page, 'gradebook-empty', { widths: [1280, 390], sideways: true })).toEqual([]);
      await page.context().close();

      const ada = await site.signedIn('ada@example.edu', PASSWORD, book);
      await ada.goto(`${site.url}${book}`);
      await poll(() =>
        ada.getByText('The gradebook is for the course staff.', { exact: false }).count(),
      ).toBe(1);
      await ada.context().close();
    },
    STEP,
  );
});
