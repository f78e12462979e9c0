// The navigation and page widths in Chromium: public course pages, the signed-in workspace and a Staff menu in one
// row at 1280 px, a visible "More" on a 390 px phone (axe clean on the nav at both), and no page — public, student
// or staff — wider than the viewport at either width (tables scroll inside their own box).
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, seedDemoAccounts } from '../../src/services/demo/seed-accounts.js';
import { browserAvailable } from '../support/browser.js';
import { axeAt, poll, startE2e, type E2e } from './fixture.js';
import { demoSlug } from './site-server.js';

const run = browserAvailable();
const course = `/courses/${demoSlug}`;
const STEP = 300_000;
const WIDTHS = [1280, 390] as const;

describe.skipIf(!run)('navigation and page width in Chromium', () => {
  let site: E2e;
  let url = '';

  beforeAll(async () => {
    site = await startE2e({
      seed: ({ seminar, demoCourseId }) => seedDemoAccounts(seminar.db, new Date(), demoCourseId!),
    });
    url = site.url;
  }, STEP);

  afterAll(async () => {
    await site?.close();
  });

  async function pageAs(email: string | null): Promise<Page> {
    const page = await (await site.browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
    if (email) await site.signIn(page, email, DEMO_PASSWORD, course);
    return page;
  }

  /** Loads each path once per width and names those whose document is wider than the viewport. */
  async function sideways(page: Page, paths: string[]): Promise<string[]> {
    const wide: string[] = [];
    for (const width of WIDTHS) {
      await page.setViewportSize({ width, height: width < 400 ? 812 : 900 });
      for (const path of paths) {
        await page.goto(`${url}${path}`);
        await poll(() => page.locator('main h1').count()).toBeGreaterThan(0);
        await page.waitForLoadState('networkidle');
        const [scroll, inner] = await page.evaluate<[number, number]>(
          '[document.documentElement.scrollWidth, window.innerWidth]',
        );
        if (scroll > inner) wide.push(`${path} @${width}: ${scroll} > ${inner}`);
      }
    }
    return wide;
  }

  it(
    'shows staff one row at 1280 px with a Staff menu, and a visible More on a phone; axe clean on the nav',
    async () => {
      const prof = await pageAs('instructor@example.edu');
      await prof.goto(`${url}${course}/schedule`);
      const nav = prof.getByRole('navigation', { name: 'Course pages' });
      await poll(() => nav.count()).toBe(1);
      const row = nav.locator('.nav-row');
      const linkHeight = await nav.getByRole('link', { name: 'Schedule' }).evaluate((a) => a.offsetHeight);
      // One row: the row is no taller than one link (two rows would be about twice).
      expect(await row.evaluate((ul) => ul.offsetHeight)).toBeLessThan(linkHeight * 1.5);
      // Public pages come first; staff tools are not in the row but in the Staff menu.
      expect(await nav.getByRole('link', { name: 'Roster' }).count()).toBe(0);
      await nav.getByRole('button', { name: 'Staff' }).click();
      for (const name of ['Roster', 'Audit log', 'Hand-ins', 'Attendance'])
        await poll(() => nav.getByRole('link', { name }).count()).toBe(1);
      await nav.getByRole('link', { name: 'Audit log' }).click();
      await prof.waitForURL(/\/audit$/);
      await poll(() => nav.getByRole('button', { name: 'Staff' }).getAttribute('class')).toContain('current');
      expect(await axeAt(prof, 'nav-staff', { widths: [1280, 390], within: '.course-nav' })).toEqual([]);

      // A phone: a visible More that opens every section.
      await prof.setViewportSize({ width: 390, height: 812 });
      const more = nav.getByRole('button', { name: 'More' });
      expect(await more.isVisible()).toBe(true);
      expect(await nav.getByRole('link', { name: 'Resources' }).isVisible()).toBe(false);
      await more.click();
      for (const name of ['Course', 'Your work', 'Staff'])
        await poll(() => nav.getByText(name, { exact: true }).count()).toBeGreaterThan(0);
      expect(await nav.getByRole('link', { name: 'Resources' }).isVisible()).toBe(true);
      expect(await axeAt(prof, 'nav-more-open', { widths: [390], within: '.course-nav' })).toEqual([]);
      await prof.context().close();
    },
    STEP,
  );

  it(
    'shows a student one row at 1280 px: their own pages in the row, the course reference pages under Course',
    async () => {
      const student = await pageAs('ada1@example.edu');
      await student.goto(`${url}${course}/schedule`);
      const nav = student.getByRole('navigation', { name: 'Course pages' });
      await poll(() => nav.getByRole('link', { name: 'My grades' }).count()).toBe(1);
      const row = nav.locator('.nav-row');
      const linkHeight = await nav.getByRole('link', { name: 'Schedule' }).evaluate((a) => a.offsetHeight);
      expect(await row.evaluate((ul) => ul.offsetHeight)).toBeLessThan(linkHeight * 1.5);
      for (const name of ['What is due', 'My roles', 'Questions'])
        expect(await nav.getByRole('link', { name }).isVisible()).toBe(true);
      expect(await nav.getByRole('link', { name: 'Policies' }).count()).toBe(0);
      await nav.getByRole('button', { name: 'Course' }).click();
      await nav.getByRole('link', { name: 'Policies' }).click();
      await student.waitForURL(/\/policies$/);
      await poll(() => nav.getByRole('button', { name: 'Course' }).getAttribute('class')).toContain(
        'current',
      );
      expect(await axeAt(student, 'nav-student', { widths: [1280, 390], within: '.course-nav' })).toEqual([]);
      await student.context().close();
    },
    STEP,
  );

  it(
    'keeps every page within the viewport at 1280 and 390 px (public, student and staff pages)',
    async () => {
      const visitor = await pageAs(null);
      const publicPages = ['', '/schedule', '/grading', '/policies', '/project', '/resources'].map(
        (p) => `${course}${p}`,
      );
      const wide = await sideways(visitor, ['/', '/sign-in', '/forgot-password', ...publicPages]);
      await visitor.context().close();

      const student = await pageAs('ada1@example.edu');
      wide.push(
        ...(await sideways(
          student,
          ['/groups', '/ranking', '/my-roles', '/due', '/questions']
            .map((p) => `${course}${p}`)
            .concat('/account'),
        )),
      );
      await student.context().close();

      const prof = await pageAs('instructor@example.edu');
      wide.push(
        ...(await sideways(
          prof,
          ['/roster', '/audit', '/assignment', '/work', '/attendance'].map((p) => `${course}${p}`),
        )),
      );
      await prof.context().close();
      expect(wide).toEqual([]);
    },
    STEP,
  );
});
