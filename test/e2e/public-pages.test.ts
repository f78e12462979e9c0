// The server-rendered public course pages in Chromium: readable without JavaScript, hydrated with it (navigation, a
// student's own view), printed without the site's chrome, and axe clean at desktop and phone widths.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, DEMO_PEOPLE, seedDemoAccounts } from '../../src/services/demo/seed-accounts.js';
import { browserAvailable } from '../support/browser.js';
import { axeAt, desktop, poll, startE2e, type E2e } from './fixture.js';
import { demoSlug } from './site-server.js';

const run = browserAvailable();
const schedule = `/courses/${demoSlug}/schedule`;
const student = DEMO_PEOPLE.find((p) => p.role === 'student')!;

describe.skipIf(!run)('server-rendered course pages in Chromium', { timeout: 120_000 }, () => {
  let site: E2e;

  beforeAll(async () => {
    site = await startE2e({
      seed: async ({ seminar, demoCourseId }) => {
        await seedDemoAccounts(seminar.db, new Date(), demoCourseId!);
      },
    });
  }, 180_000);
  afterAll(async () => {
    await site?.close();
  });

  it('shows the schedule, its classes and readings with JavaScript disabled', async () => {
    const context = await site.browser.newContext({ viewport: desktop, javaScriptEnabled: false });
    const page = await context.newPage();
    const res = await page.goto(site.url + schedule);
    expect(res?.status()).toBe(200);
    const course = await site.course();
    const text = await page.locator('main').innerText();
    expect(await page.locator('main h1').innerText()).toBe('Schedule');
    const lectures = course.meetings.filter((m) => m.readings.length > 0);
    for (const m of lectures.slice(0, 5)) expect(text).toContain(m.readings[0]!.title);
    expect(await page.locator('article.meeting').count()).toBe(course.meetings.length);
    // Without the page's script the feed address is its path, and its Copy button (a click would do nothing) is disabled.
    const feed = page.getByRole('region', { name: 'Add to calendar' });
    expect(await feed.getByLabel('Course calendar address').inputValue()).toMatch(
      /^\/api\/courses\/[a-z0-9-]+\/calendar\.ics$/,
    );
    expect(await feed.getByRole('button', { name: 'Copy' }).isDisabled()).toBe(true);
    // The course's pages are plain links.
    await page
      .getByRole('navigation', { name: 'Course pages' })
      .getByRole('link', { name: 'Grading' })
      .click();
    await page.waitForURL((u) => u.pathname.endsWith('/grading'));
    expect(await page.locator('main h1').innerText()).toBe('Grading');
    await context.close();
  });

  it('hydrates: the page answers clicks and moves between pages without reloading', async () => {
    const context = await site.browser.newContext({ viewport: desktop });
    const page = await context.newPage();
    const courseRequests: string[] = [];
    page.on('request', (r) => {
      if (new URL(r.url()).pathname.startsWith('/api/courses/')) courseRequests.push(r.url());
    });
    await page.goto(site.url + schedule);
    await page.locator('#next-class').waitFor();
    // A marker on window survives only an in-app move (a full load would drop it).
    await page.evaluate('window.__stay = 1');
    await page
      .getByRole('navigation', { name: 'Course pages' })
      .getByRole('link', { name: 'Grading' })
      .click();
    await poll(() => page.locator('main h1').innerText()).toBe('Grading');
    expect(await page.evaluate('window.__stay')).toBe(1);
    await poll(() => page.title()).toMatch(/^Grading · /);
    // The course came with the page: no request for it.
    expect(courseRequests.filter((u) => new URL(u).pathname === `/api/courses/${demoSlug}`)).toEqual([]);
    await context.close();
  });

  it('shows a signed-in student their own view of the schedule', async () => {
    const page = await site.signedIn(student.email, DEMO_PASSWORD, schedule);
    await page.goto(site.url + schedule);
    const nav = page.getByRole('navigation', { name: 'Course pages' });
    await poll(() => nav.getByRole('link', { name: 'What is due' }).count()).toBe(1);
    await poll(() => page.getByTestId('account-link').innerText()).toBe(student.name);
    // Members see their own calendar feed after hydration.
    await poll(() => page.getByRole('heading', { name: 'My calendar' }).count()).toBe(1);
    await nav.getByRole('link', { name: 'What is due' }).click();
    await poll(() => page.locator('main h1').innerText()).toMatch(/due/i);
    await page.context().close();
  });

  it('prints the schedule without the navigation, header or buttons', async () => {
    const context = await site.browser.newContext({ viewport: desktop });
    const page = await context.newPage();
    await page.goto(site.url + schedule);
    await page.locator('#next-class').waitFor();
    await page.emulateMedia({ media: 'print' });
    await expect(page.locator('.course-nav').isVisible()).resolves.toBe(false);
    await expect(page.locator('.site-header').isVisible()).resolves.toBe(false);
    await expect(page.locator('.site-footer').isVisible()).resolves.toBe(false);
    expect(await page.locator('main button:visible').count()).toBe(0);
    await expect(page.locator('main h1').isVisible()).resolves.toBe(true);
    await expect(page.locator('article.meeting').first().isVisible()).resolves.toBe(true);
    // A reading's link prints its address.
    const after = await page.evaluate<string>(
      `getComputedStyle(document.querySelector('.readings a[href^="http"]'), '::after').content`,
    );
    expect(after).toContain('http');
    await page.emulateMedia({ media: 'screen' });
    await expect(page.locator('.course-nav').isVisible()).resolves.toBe(true);
    await context.close();
  });

  it('is axe clean at 1280 and 390 px', async () => {
    const found: string[] = [];
    const context = await site.browser.newContext({ viewport: desktop });
    const page = await context.newPage();
    for (const path of ['', '/schedule']) {
      await page.goto(`${site.url}/courses/${demoSlug}${path}`);
      await page.locator('main h1').waitFor();
      const name = `ssr${path.replace('/', '-') || '-home'}`;
      found.push(...(await axeAt(page, name, { widths: [1280, 390], sideways: true })));
    }
    await context.close();
    expect(found).toEqual([]);
  });
});
