// Joining by e-mail in real Chromium: the join page says "check your inbox", the mailed link confirms the address,
// sets the password and lands on the course's What is due; the link then says it was used. Axe at 1280 and 390 px.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import type { Seminar } from '../../src/main.js';
import { createJoinLink } from '../../src/services/enrollment/join-links.js';
import { courseAccess } from '../../src/services/enrollment/course-access.js';
import { seedDemoAccounts } from '../../src/services/demo/seed-accounts.js';
import { toAccount } from '../../src/services/auth/users.js';
import { findUserByEmail } from '../../src/storage/repositories/users.js';
import { browserAvailable } from '../support/browser.js';
import { unquote } from '../support/smtp-sink.js';
import { axeAt, desktop, type E2e, poll, screens, snap, startE2e } from './fixture.js';
import { demoSlug } from './site-server.js';

const run = browserAvailable();
const PHONE_AND_DESKTOP = [1280, 390] as const;

describe.skipIf(!run)('joining by e-mail in Chromium', () => {
  let site: E2e;
  let seminar: Seminar;
  let browser: Browser;
  let url = '';

  beforeAll(async () => {
    site = await startE2e({
      seed: ({ seminar, demoCourseId }) => seedDemoAccounts(seminar.db, new Date(), demoCourseId!),
    });
    ({ seminar, browser, url } = site);
  });

  afterAll(async () => {
    await site?.close();
  });

  /** The confirmation link mailed to `to` (the server writes its mail to the outbox), as a path on this server. */
  function mailedLink(to: string): string | null {
    const dir = join(site.dataDir, 'outbox');
    let files: string[];
    try {
      files = readdirSync(dir);
    } catch {
      return null;
    }
    for (const file of files) {
      const mail = unquote(readFileSync(join(dir, file), 'utf8'));
      const found = /https?:\/\/[^\s/]+(\/join\/confirm\?token=[A-Za-z0-9_-]+)/.exec(mail);
      if (mail.includes(`To: ${to}`) && found) return found[1]!;
    }
    return null;
  }

  it(
    'asks for an address, mails a link, and enrolls only when the link is opened',
    { timeout: 120_000 },
    async () => {
      const instructor = await findUserByEmail(seminar.db, 'instructor@example.edu');
      const access = await courseAccess(seminar.db, demoSlug, { userId: instructor!.id, isAdmin: false });
      const { url: joinUrl } = await createJoinLink(
        seminar.db,
        new Date(),
        access,
        toAccount(instructor!),
        { days: 7, publicUrl: url },
        { ip: null, userAgent: null },
      );
      const context = await browser.newContext({ viewport: desktop });
      const page = await context.newPage();
      await page.goto(`${url}${new URL(joinUrl).pathname}${new URL(joinUrl).search}`);
      await page.getByLabel('Your name').fill('Wanda Walk-In');
      await page.getByLabel('E-mail').fill('wanda@example.edu');
      await page.getByRole('button', { name: 'E-mail me a link' }).click();
      await poll(() => page.getByRole('heading', { name: 'Check your inbox' }).isVisible()).toBe(true);
      expect(await page.getByRole('status').textContent()).toContain('You are enrolled once you open it');
      expect(await axeAt(page, 'join-check-inbox', { widths: PHONE_AND_DESKTOP, sideways: true })).toEqual(
        [],
      );

      // Mailed, not enrolled: nobody has an account for the typed address yet.
      await poll(() => Promise.resolve(mailedLink('wanda@example.edu'))).toBeTruthy();
      expect(await findUserByEmail(seminar.db, 'wanda@example.edu')).toBeUndefined();

      const confirmPath = mailedLink('wanda@example.edu')!;
      await page.goto(`${url}${confirmPath}`);
      await poll(() => page.getByRole('heading', { level: 1 }).textContent()).toMatch(/^Join CS 598/);
      expect(await page.locator('.lede').textContent()).toContain('Choose a password for wanda@example.edu');
      expect(
        await axeAt(page, 'join-confirm', {
          widths: PHONE_AND_DESKTOP,
          sideways: true,
          ready: (p) => p.getByLabel('New password again').waitFor(),
        }),
      ).toEqual([]);

      // Two different passwords: said in words, nothing sent.
      await page.getByLabel('New password', { exact: true }).fill('wanda walks in');
      await page.getByLabel('New password again').fill('wanda walks out');
      await page.getByRole('button', { name: 'Set password and join' }).click();
      await poll(() => page.getByRole('alert').textContent()).toContain('The two passwords differ');
      await page.getByLabel('New password again').fill('wanda walks in');
      await Promise.all([
        page.waitForURL((u) => u.pathname === `/courses/${demoSlug}/due`),
        page.getByRole('button', { name: 'Set password and join' }).click(),
      ]);
      await poll(() => page.getByTestId('account-link').textContent()).toBe('Wanda Walk-In');
      await snap(page, `${screens}/join-confirmed-due.png`);

      // The link works once: opened again it says so, and offers to sign in.
      await page.goto(`${url}${confirmPath}`);
      await poll(() => page.getByTestId('link-problem').textContent()).toContain('already been used');
      expect(await page.getByRole('link', { name: 'Sign in' }).count()).toBeGreaterThan(0);
      expect(
        await axeAt(page, 'join-confirm-used', { widths: PHONE_AND_DESKTOP, sideways: true, within: 'main' }),
      ).toEqual([]);
      await context.close();
    },
  );
});
