// The public course site in real Chromium against the real server: schedule, readings, next class, keyboard, axe, not found.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { CourseDetail } from '../../src/contracts/course.js';
import { browserAvailable } from '../support/browser.js';
import { axe, desktop, type E2e, screens, snap, startE2e } from './fixture.js';
import { demoSlug } from './site-server.js';

const phone = { width: 375, height: 812 };

const publicPages: Array<[name: string, path: string]> = [
  ['courses', '/'],
  ['home', `/courses/${demoSlug}`],
  ['schedule', `/courses/${demoSlug}/schedule`],
  ['grading', `/courses/${demoSlug}/grading`],
  ['policies', `/courses/${demoSlug}/policies`],
  ['project', `/courses/${demoSlug}/project`],
  ['resources', `/courses/${demoSlug}/resources`],
  ['not-found', '/courses/no-such-course'],
];

interface Focused {
  id: string;
  tag: string;
  text: string | null;
}

/** The element that has keyboard focus (run in the page; the root tsconfig has no DOM types). */
function focused(page: Page): Promise<Focused | null> {
  return page.evaluate(() => {
    const doc = (
      globalThis as unknown as {
        document: { activeElement: { id: string; tagName: string; textContent: string | null } | null };
      }
    ).document;
    const el = doc.activeElement;
    return el ? { id: el.id, tag: el.tagName, text: el.textContent } : null;
  });
}

const run = browserAvailable();

// Generous timeouts: this machine's two cores are shared by several suites running at once.
describe.skipIf(!run)('the public course site in Chromium', { timeout: 90_000 }, () => {
  let server: E2e;
  let browser: Browser;
  let course: CourseDetail;

  beforeAll(async () => {
    server = await startE2e();
    course = await server.course();
    browser = server.browser;
  }, 180_000);

  afterAll(async () => {
    await server?.close();
  });

  /** A fresh context whose requests to any other origin get a stub page, so no test needs the network. */
  async function open(
    path: string,
    viewport: { width: number; height: number } = desktop,
  ): Promise<{ page: Page; context: BrowserContext }> {
    const context = await browser.newContext({ viewport, reducedMotion: 'reduce' });
    const origin = new URL(server.url).origin;
    await context.route('**/*', (route) => {
      const url = new URL(route.request().url());
      if (url.origin === origin) return route.continue();
      return route.fulfill({
        status: 200,
        contentType: 'text/html',
        body: `<!doctype html><html lang="en"><title>Stub</title><h1>Stub of ${url.href}</h1></html>`,
      });
    });
    const page = await context.newPage();
    await page.goto(server.url + path);
    await page.locator('main h1').first().waitFor();
    return { page, context };
  }

  it('has a next class in the imported demo (today falls mid-semester)', () => {
    expect(course.nextMeetingId).not.toBeNull();
    const first = course.meetings[0]!.date;
    const last = course.meetings[course.meetings.length - 1]!.date;
    const today = new Date().toISOString().slice(0, 10);
    expect(first < today && today < last).toBe(true);
  });

  it('marks the next class on the schedule, with a skip link that moves focus to it', async () => {
    const { page, context } = await open(`/courses/${demoSlug}/schedule`);
    const next = course.meetings.find((m) => m.id === course.nextMeetingId)!;
    const marker = page.locator('#next-class');
    await expect(marker.count()).resolves.toBe(1);
    await expect(marker.locator('.badge-next').innerText()).resolves.toMatch(/^Next class/);
    await expect(marker.locator('time').first().getAttribute('datetime')).resolves.toBe(next.date);

    await page.getByRole('link', { name: /Skip to the next class/ }).click();
    await expect.poll(() => focused(page)).toMatchObject({ id: 'next-class' });
    expect(new URL(page.url()).hash).toBe('#next-class');
    await context.close();
  });

  it('badges required readings with the word "Required" and follows a reading link to the paper', async () => {
    const { page, context } = await open(`/courses/${demoSlug}/schedule`);
    const reading = course.meetings.flatMap((m) => m.readings).find((r) => r.required && r.url)!;
    const item = page
      .locator('li.reading', { has: page.getByRole('link', { name: reading.title, exact: true }) })
      .first();
    await expect(item.locator('.badge').innerText()).resolves.toBe('Required');
    const optional = page.locator('li.reading.optional').first();
    await expect(optional.locator('.badge').innerText()).resolves.toBe('Optional');

    await item.getByRole('link', { name: reading.title, exact: true }).click();
    await page.waitForURL(reading.url!);
    await expect(page.locator('h1').innerText()).resolves.toContain('Stub of');
    await context.close();
  });

  it('labels special days in words: no class, buffer, presentations, the poster session with its own times', async () => {
    const { page, context } = await open(`/courses/${demoSlug}/schedule`);
    await expect(page.locator('.kind-no_class .badge-kind').first().innerText()).resolves.toBe('No class');
    await expect(page.locator('.kind-buffer .badge-kind').first().innerText()).resolves.toBe('Buffer day');
    await expect(page.locator('.kind-presentations .badge-kind').first().innerText()).resolves.toBe(
      'Presentations',
    );
    const poster = page.locator('.kind-poster');
    await expect(poster.locator('.badge-kind').innerText()).resolves.toBe('Poster session');
    await expect(poster.locator('.meeting-time').innerText()).resolves.toMatch(
      /^10:30 AM–12:00 PM C[SD]T \(special time\)$/,
    );
    await context.close();
  });

  it("shows class times in the course's zone with its abbreviation and units as headed sections", async () => {
    const { page, context } = await open(`/courses/${demoSlug}/schedule`);
    await expect(page.locator('.kind-lecture .meeting-time').first().innerText()).resolves.toMatch(
      /^9:30–10:45 AM C[SD]T$/,
    );
    const unitHeadings = await page.locator('section.unit > h2').allInnerTexts();
    expect(unitHeadings).toEqual(expect.arrayContaining(course.units.map((u) => u.title)));
    await context.close();
  });

  it('reaches the skip link with the first Tab, and it jumps to the main content', async () => {
    const { page, context } = await open(`/courses/${demoSlug}/schedule`);
    await page.keyboard.press('Tab');
    await expect(focused(page)).resolves.toMatchObject({ tag: 'A', text: 'Skip to main content' });
    await page.keyboard.press('Enter');
    await expect.poll(() => focused(page)).toMatchObject({ id: 'main' });
    await context.close();
  });

  it('tells what comes next on the course home: the next class, its time in the zone, how far away', async () => {
    const { page, context } = await open(`/courses/${demoSlug}`);
    const card = page.locator('.next-class');
    await expect(card.locator('h2').innerText()).resolves.toMatch(/next class/i);
    await expect(card.locator('.next-when').innerText()).resolves.toMatch(
      /^\w{3}, \w{3} \d{1,2} · .+ C[SD]T — (in \d+ (days|hours|minutes)|tomorrow|today|now|in \d+ (hour|minute)|happening now, until \d{1,2}:\d\d [AP]M)$/,
    );
    await expect(page.locator('h1').innerText()).resolves.toBe(course.title);
    await expect(page.getByText('Mon & Wed, 9:30–10:45 AM')).toBeTruthy();
    await context.close();
  });

  it('shows project deadlines in the course zone with past ones marked', async () => {
    const { page, context } = await open(`/courses/${demoSlug}/project`);
    const final = page.locator('.milestone', { hasText: /report/i }).last();
    await expect(final.locator('.milestone-when').innerText()).resolves.toMatch(/6:00 PM CST/);
    const pastCount = course.milestones.filter((m) => m.dueAt && new Date(m.dueAt) < new Date()).length;
    expect(pastCount).toBeGreaterThan(0);
    await expect(page.locator('.milestone.is-past .badge-past').count()).resolves.toBeGreaterThanOrEqual(
      pastCount,
    );
    await context.close();
  });

  it('lists the grading components with their weights adding up to 100%', async () => {
    const { page, context } = await open(`/courses/${demoSlug}/grading`);
    await expect(page.locator('table.grading tbody tr').count()).resolves.toBe(course.components.length);
    await expect(page.locator('table.grading tfoot td.num').innerText()).resolves.toBe('100%');
    await context.close();
  });

  it('links each policy section from the table of contents', async () => {
    const { page, context } = await open(`/courses/${demoSlug}/policies`);
    const toc = page.getByRole('navigation', { name: 'On this page' }).getByRole('link');
    await expect(toc.count()).resolves.toBe(course.policies.length);
    for (const href of await toc.evaluateAll((links) => links.map((a) => a.getAttribute('href')))) {
      await expect(page.locator(href!).count()).resolves.toBe(1);
    }
    await context.close();
  });

  it('lists the resources: the GPU access guide and the poster and summary templates', async () => {
    const { page, context } = await open(`/courses/${demoSlug}/resources`);
    const items = await page.locator('ul.resources > li').allInnerTexts();
    expect(items).toHaveLength(course.resources.length);
    for (const r of course.resources) expect(items.some((text) => text.includes(r.label))).toBe(true);
    await context.close();
  });

  it('moves between course pages without reloading and puts focus on the new heading', async () => {
    const { page, context } = await open(`/courses/${demoSlug}`);
    await page.evaluate(() => Object.assign(globalThis, { samePage: true }));
    const nav = page.getByRole('navigation', { name: 'Course pages' });
    await nav.getByRole('link', { name: 'Grading' }).click();
    await expect.poll(() => focused(page)).toMatchObject({ tag: 'H1', text: 'Grading' });
    await expect(page.evaluate(() => (globalThis as { samePage?: boolean }).samePage)).resolves.toBe(true);
    await expect(nav.getByRole('link', { name: 'Grading' }).getAttribute('aria-current')).resolves.toBe(
      'page',
    );
    await expect(page.title()).resolves.toMatch(/^Grading · /);
    await context.close();
  });

  it('shows the not-found page for an unknown course and an unknown page', async () => {
    const { page, context } = await open('/courses/no-such-course');
    await expect(page.locator('h1').innerText()).resolves.toBe('No such course');
    await page.goto(`${server.url}/courses/${demoSlug}/no-such-page`);
    await expect(page.locator('main h1').innerText()).resolves.toBe('No such page');
    await page.goto(`${server.url}/nowhere`);
    await expect(page.locator('main h1').innerText()).resolves.toBe('No such page');
    await context.close();
  });

  it('shows a retry when the course cannot be loaded, and loads it on retry', async () => {
    const context = await browser.newContext({ viewport: desktop });
    await context.route('**/api/courses/*', (route) => route.abort('connectionrefused'));
    const page = await context.newPage();
    // The schedule's first response carries the course; a move inside the app has to ask the API for it.
    await page.goto(`${server.url}/`);
    await page.evaluate(
      `history.pushState(null, '', '/courses/${demoSlug}/schedule'); dispatchEvent(new PopStateEvent('popstate'))`,
    );
    // The page before the move has a heading too: wait for the one the failed load draws.
    await page.locator('main h1', { hasText: 'The course could not be loaded' }).waitFor();
    await context.unroute('**/api/courses/*');
    await page.getByRole('button', { name: 'Try again' }).click();
    await page.locator('#next-class').waitFor();
    await context.close();
  });

  for (const [size, viewport] of [
    ['desktop', desktop],
    ['phone', phone],
  ] as const) {
    describe(`at ${size} size (${viewport.width}×${viewport.height})`, () => {
      let context: BrowserContext;
      let page: Page;
      beforeAll(async () => {
        ({ page, context } = await open('/', viewport));
      }, 120_000);
      afterAll(async () => {
        await context?.close();
      });

      for (const [name, path] of publicPages) {
        it(`has no axe violations on the ${name} page`, async () => {
          await page.goto(server.url + path);
          await page.locator('main h1').first().waitFor();
          const result = await (await axe(page)).analyze();
          const found = result.violations.map((v) => `${v.id} (${v.nodes.length}×) ${v.help}`);
          await snap(page, `${screens}/${name}-${size}.png`);
          expect(found).toEqual([]);
        }, 180_000);
      }
    });
  }
});

describe.skipIf(!run)('the course list with no courses', { timeout: 90_000 }, () => {
  let server: E2e;

  beforeAll(async () => {
    server = await startE2e({ withDemo: false });
  }, 180_000);
  afterAll(async () => {
    await server?.close();
  });

  it('says no course is published yet and how staff publish one', async () => {
    const context = await server.browser.newContext();
    const page = await context.newPage();
    await page.goto(server.url + '/');
    await expect(page.locator('main h1').innerText()).resolves.toBe('Courses');
    await expect(page.locator('.state-empty').innerText()).resolves.toMatch(
      /No courses are published here yet/,
    );
    const result = await (await axe(page)).analyze();
    expect(result.violations.map((v) => v.id)).toEqual([]);
    await context.close();
  });
});
