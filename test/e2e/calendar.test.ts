// "Add to calendar" in real Chromium: a visitor copies the course feed's address from the schedule; a student makes
// their personal address on What is due, copies it, replaces it (the old one answers 404) and turns it off; axe at
// 1280 and 390 px.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserAvailable } from '../support/browser.js';
import { PASSWORD } from '../http/auth-client.js';
import { buildWorkWorld, SLUG } from '../http/work-helpers.js';
import { axeAt, desktop, poll, startE2e, type E2e } from './fixture.js';

const run = browserAvailable();
const course = `/courses/${SLUG}`;
const STEP = 180_000;

describe.skipIf(!run)('calendar feeds in Chromium', () => {
  let site: E2e;

  beforeAll(async () => {
    site = await startE2e({
      withDemo: false,
      now: new Date('2024-08-28T16:00:00Z'),
      seed: async ({ seminar }) => {
        await buildWorkWorld(seminar.db, new Date('2024-08-20T12:00:00Z'));
      },
    });
  }, STEP);

  afterAll(async () => {
    await site?.close();
  });

  it(
    'shows a visitor the course feed address on the schedule, with a Copy button that copies it',
    async () => {
      const context = await site.browser.newContext({ viewport: desktop });
      await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: site.url });
      const page = await context.newPage();
      await page.goto(`${site.url}${course}/schedule`);
      // The server-rendered page has the address's path; the full address (and the Copy button) come with hydration.
      await page.locator('html[data-hydrated]').waitFor({ state: 'attached' });
      const card = page.getByRole('region', { name: 'Add to calendar' });
      await poll(() => card.count()).toBe(1);
      const address = card.getByLabel('Course calendar address');
      const url = await address.inputValue();
      expect(url).toBe(`${site.url}/api/courses/${SLUG}/calendar.ics`);
      await card.getByRole('button', { name: 'Copy' }).click();
      await poll(() => card.getByRole('status').textContent()).toContain('Copied');
      expect(await page.evaluate<string>('navigator.clipboard.readText()')).toBe(url);
      // A visitor has no personal calendar to make.
      expect(await page.getByRole('region', { name: 'My calendar' }).count()).toBe(0);
      const feed = await fetch(url);
      expect(feed.status).toBe(200);
      expect(feed.headers.get('content-type')).toBe('text/calendar; charset=utf-8');
      expect(await feed.text()).toContain('BEGIN:VTIMEZONE');
      expect(
        await axeAt(page, 'calendar-schedule', {
          widths: [1280, 390],
          within: '.calendar-card',
          sideways: true,
        }),
      ).toEqual([]);
      await context.close();
    },
    STEP,
  );

  it(
    'lets a student make, copy, replace and turn off their personal address on What is due',
    async () => {
      const page = await site.signedIn('ada@example.edu', PASSWORD, `${course}/due`);
      await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: site.url });
      await page.goto(`${site.url}${course}/due`);
      const card = page.getByRole('region', { name: 'My calendar' });
      await poll(() => card.getByRole('button', { name: 'Make my calendar address' }).count()).toBe(1);
      await card.getByRole('button', { name: 'Make my calendar address' }).click();
      const address = card.getByLabel('My calendar address');
      await poll(() => address.count()).toBe(1);
      const first = await address.inputValue();
      expect(first).toMatch(new RegExp(`^${site.url}/api/calendar/[A-Za-z0-9_-]{43}\\.ics$`));
      expect(await card.textContent()).toContain('shown only this once');
      await card.getByRole('button', { name: 'Copy' }).click();
      await poll(() => page.evaluate<string>('navigator.clipboard.readText()')).toBe(first);
      // No cookie needed: the address is the key.
      const feed = await fetch(first);
      expect(feed.status).toBe(200);
      expect(await feed.text()).toContain('X-WR-CALNAME:');
      expect(
        await axeAt(page, 'calendar-personal', {
          widths: [1280, 390],
          within: '.calendar-card',
          sideways: true,
        }),
      ).toEqual([]);

      // After a reload the address is not shown again; a new one replaces it.
      await page.reload();
      await poll(() => card.getByText(/Your address was made/).count()).toBe(1);
      expect(await card.getByLabel('My calendar address').count()).toBe(0);
      await card.getByRole('button', { name: 'Make a new address' }).click();
      await poll(() => address.count()).toBe(1);
      const second = await address.inputValue();
      expect(second).not.toBe(first);
      expect((await fetch(first)).status).toBe(404);
      expect((await fetch(second)).status).toBe(200);

      await card.getByRole('button', { name: 'Turn off' }).click();
      await poll(() => card.getByText('Turned off.', { exact: false }).count()).toBe(1);
      expect((await fetch(second)).status).toBe(404);
      await poll(() => card.getByRole('button', { name: 'Make my calendar address' }).count()).toBe(1);
      await page.context().close();
    },
    STEP,
  );

  it(
    'shows a signed-in member both feeds on the schedule',
    async () => {
      const page = await site.signedIn('ta@example.edu', PASSWORD, `${course}/schedule`);
      await page.goto(`${site.url}${course}/schedule`);
      await poll(() => page.getByRole('region', { name: 'My calendar' }).count()).toBe(1);
      expect(await page.getByRole('region', { name: 'Add to calendar' }).count()).toBe(1);
      await poll(() =>
        page
          .getByRole('region', { name: 'My calendar' })
          .getByRole('button', { name: 'Make my calendar address' })
          .count(),
      ).toBe(1);
      await page.context().close();
    },
    STEP,
  );
});
