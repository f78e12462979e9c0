// A late joiner in Chromium: What is due folds the work from before they joined and shows nothing missed; staff set
// the "Work due from" date on the roster and the page follows; axe clean and no sideways scroll at 1280 and 390 px.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findCourseRef } from '../../src/storage/repositories/enrollments.js';
import { insertMember } from '../../src/storage/repositories/groups.js';
import { browserAvailable } from '../support/browser.js';
import { makePerson, PASSWORD } from '../http/auth-client.js';
import { buildWorkWorld, SLUG, type WorkWorld } from '../http/work-helpers.js';
import { axeAt, poll, startE2e, type E2e } from './fixture.js';

const run = browserAvailable();
const course = `/courses/${SLUG}`;
const STEP = 180_000;

describe.skipIf(!run)('a late joiner and the start date in Chromium', () => {
  let site: E2e;
  let world: WorkWorld;
  const semesterStart = new Date('2024-08-20T12:00:00Z');
  // Friday Aug 30, 07:00 in Chicago: the Aug 26 and Aug 28 classes are over, Sep 4 is ahead.
  const joined = new Date('2024-08-30T12:00:00Z');
  let eve = '';

  beforeAll(async () => {
    site = await startE2e({
      withDemo: false,
      now: joined,
      seed: async ({ seminar }) => {
        world = await buildWorkWorld(seminar.db, semesterStart);
        const ref = (await findCourseRef(seminar.db, SLUG))!;
        // Eve enrolls on Aug 30 and joins group Alpha, which presented on Aug 28.
        eve = (
          await makePerson(seminar.db, joined, 'eve@example.edu', {
            courseId: ref.id,
            role: 'student',
            name: 'Eve Late',
          })
        ).id;
        await insertMember(seminar.db, {
          group_id: world.groups.alpha,
          user_id: eve,
          course_id: ref.id,
          joined_at: joined.toISOString(),
        });
      },
    });
  }, STEP);

  afterAll(async () => {
    await site?.close();
  });

  it(
    'shows the late joiner what came before in a "Before you joined" fold, and nothing late or missed',
    async () => {
      const page = await site.signedIn('eve@example.edu', PASSWORD, `${course}/due`);
      await page.goto(`${site.url}${course}/due`);
      const fold = page.getByRole('heading', { name: /^Before you joined \(\d+\)$/ });
      await poll(() => fold.count()).toBe(1);
      const count = Number((await fold.textContent())!.match(/\((\d+)\)/)![1]);
      // The Aug 28 questions, Alpha's Aug 28 slides: due before Aug 30.
      expect(count).toBeGreaterThanOrEqual(2);
      expect(await page.getByText(/Late or missed/i).count()).toBe(0);
      expect(await page.getByText('Missed', { exact: true }).count()).toBe(0);
      expect(
        await axeAt(page, 'due-late-joiner', {
          widths: [1280, 390],
          sideways: true,
          ready: (p) => poll(() => p.getByRole('heading', { name: /^Before you joined/ }).count()).toBe(1),
        }),
      ).toEqual([]);

      // Her presentations: Alpha's Aug 28 talk was before she joined, not a miss.
      await page.goto(`${site.url}${course}/my-roles`);
      await poll(() => page.locator('main h1').count()).toBe(1);
      await page.waitForLoadState('networkidle');
      expect(await page.getByText('Missed', { exact: true }).count()).toBe(0);
      await page.context().close();
    },
    STEP,
  );

  it(
    'shows staff "Before joining" in the class view and lets them set the "Work due from" date on the roster; earlier work becomes hers; roster within 390 px',
    async () => {
      const page = await site.signedIn('prof@example.edu', PASSWORD, `${course}/roster`);
      // The staff class view: Eve's Aug 28 questions read "Before joining", not "0 of 1".
      await page.goto(`${site.url}${course}/work?date=2024-08-28&key=question`);
      const perStudent = page.getByRole('region', { name: /Questions handed in per student/ });
      await poll(() => perStudent.getByRole('row', { name: /Eve Late/ }).textContent()).toContain(
        'Before joining',
      );
      expect(await perStudent.getByRole('row', { name: /^Ada/ }).textContent()).toContain('0 of 1');
      await page.goto(`${site.url}${course}/roster`);
      const field = page.getByLabel(/Work due from, for Eve Late/);
      await poll(() => field.count()).toBe(1);
      expect(await field.inputValue()).toBe('2024-08-30');
      expect(
        await axeAt(page, 'roster-start-date', {
          widths: [1280, 390],
          sideways: true,
          ready: (p) => poll(() => p.getByLabel(/Work due from, for Eve Late/).count()).toBe(1),
        }),
      ).toEqual([]);

      // At 390 px the field is reachable and works.
      await page.setViewportSize({ width: 390, height: 812 });
      await page.reload();
      await poll(() => field.count()).toBe(1);
      await field.fill('2024-08-27');
      await page.getByRole('button', { name: 'Set start date of Eve Late' }).click();
      await poll(() => page.getByRole('status').first().textContent()).toContain(
        'Eve Late’s work is now due from 2024-08-27',
      );
      await poll(() => page.getByText('set by staff').count()).toBe(1);
      const overflow = await page.evaluate<number>(
        'document.documentElement.scrollWidth - document.documentElement.clientWidth',
      );
      expect(overflow).toBe(0);
      await page.context().close();

      // Her page follows: the Aug 28 questions are hers now, and missed.
      const student = await site.signedIn('eve@example.edu', PASSWORD, `${course}/due`);
      await student.goto(`${site.url}${course}/due`);
      await poll(() => student.locator('main h1').count()).toBe(1);
      await poll(() => student.getByText('Missed', { exact: true }).count()).toBeGreaterThan(0);
      await student.context().close();
    },
    STEP,
  );
});
