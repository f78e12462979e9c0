// Security findings in real Chromium: sign-in returns to the page the person came from, never to another site.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { DEMO_PASSWORD, DEMO_PEOPLE, seedDemoAccounts } from '../../src/services/demo/seed-accounts.js';
import { browserAvailable } from '../support/browser.js';
import { desktop, poll, startE2e, type E2e } from './fixture.js';
import { demoSlug } from './site-server.js';

const run = browserAvailable();
const student = DEMO_PEOPLE.find((p) => p.role === 'student')!;

describe.skipIf(!run)('security in Chromium', () => {
  let site: E2e;
  let browser: Browser;
  let url = '';

  beforeAll(async () => {
    site = await startE2e({
      seed: async ({ seminar, demoCourseId }) => {
        await seedDemoAccounts(seminar.db, new Date(), demoCourseId!);
      },
    });
    ({ browser, url } = site);
  });

  afterAll(async () => {
    await site?.close();
  });

  it('brings a student back to the page where they clicked "Sign in"', { timeout: 90_000 }, async () => {
    const context = await browser.newContext({ viewport: desktop });
    const page = await context.newPage();
    for (const path of [`/courses/${demoSlug}/groups`, `/courses/${demoSlug}/schedule`]) {
      await page.goto(`${url}${path}`);
      await page.getByRole('navigation', { name: 'Account' }).getByRole('link', { name: 'Sign in' }).click();
      await page.waitForURL((u) => u.pathname === '/sign-in');
      expect(new URL(page.url()).searchParams.get('next')).toBe(path);
      await page.getByLabel('E-mail').fill(student.email);
      await page.getByLabel('Password').fill(DEMO_PASSWORD);
      await Promise.all([
        page.waitForURL((u) => u.pathname === path),
        page.getByRole('button', { name: 'Sign in' }).click(),
      ]);
      await poll(() => page.getByTestId('account-link').textContent()).toBe(student.name);
      await context.clearCookies();
    }
    // A page that asks a visitor to sign in links back to itself.
    await page.goto(`${url}/courses/${demoSlug}/questions`);
    const inline = page.getByRole('main').getByRole('link', { name: 'Sign in' });
    await poll(() => inline.getAttribute('href')).toBe(
      `/sign-in?next=${encodeURIComponent(`/courses/${demoSlug}/questions`)}`,
    );
    await context.close();
  });

  it('stays on this site whatever ?next= says', { timeout: 90_000 }, async () => {
    const context = await browser.newContext({ viewport: desktop });
    const page = await context.newPage();
    const origin = new URL(url).origin;
    for (const next of [
      '/\\evil.example/x',
      '/\t/evil.example/x',
      '//evil.example/x',
      'https://evil.example/',
    ]) {
      await page.goto(`${url}/sign-in?next=${encodeURIComponent(next)}`);
      await page.getByLabel('E-mail').fill(student.email);
      await page.getByLabel('Password').fill(DEMO_PASSWORD);
      await Promise.all([
        page.waitForURL((u) => !u.pathname.startsWith('/sign-in')),
        page.getByRole('button', { name: 'Sign in' }).click(),
      ]);
      expect(new URL(page.url()).origin, next).toBe(origin);
      expect(new URL(page.url()).pathname, next).toBe('/');
      await context.clearCookies();
    }
    await context.close();
  });
});
