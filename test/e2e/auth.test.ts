// Accounts in real Chromium against the real server: sign in, join by link, the student's navigation; an instructor imports a roster through the preview.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import type { Seminar } from '../../src/main.js';
import { createJoinLink } from '../../src/services/enrollment/join-links.js';
import { courseAccess } from '../../src/services/enrollment/course-access.js';
import { DEMO_PASSWORD, seedDemoAccounts } from '../../src/services/demo/seed-accounts.js';
import { hashPassword } from '../../src/services/auth/passwords.js';
import { createUser, toAccount } from '../../src/services/auth/users.js';
import { findUserByEmail } from '../../src/storage/repositories/users.js';
import { browserAvailable } from '../support/browser.js';
import { type E2e, screens, snap, startE2e } from './fixture.js';
import { demoSlug } from './site-server.js';

const run = browserAvailable();

describe.skipIf(!run)('accounts in Chromium', () => {
  let site: E2e;
  let seminar: Seminar;
  let browser: Browser;
  let url = '';

  beforeAll(async () => {
    site = await startE2e({
      seed: async ({ seminar, demoCourseId }) => {
        await seedDemoAccounts(seminar.db, new Date(), demoCourseId!);
        await createUser(seminar.db, new Date(), {
          email: 'newcomer@example.edu',
          name: 'Nora Newcomer',
          passwordHash: await hashPassword('newcomer password'),
        });
      },
    });
    ({ seminar, browser, url } = site);
  });

  afterAll(async () => {
    await site?.close();
  });

  it('says the same thing for a wrong password as for an unknown address', { timeout: 60_000 }, async () => {
    const page = await (await browser.newContext()).newPage();
    await page.goto(`${url}/sign-in`);
    await page.getByLabel('E-mail').fill('newcomer@example.edu');
    await page.getByLabel('Password').fill('not my password');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect.poll(() => page.getByRole('alert').textContent()).toContain('do not match an account');
    await page.context().close();
  });

  it(
    'signs a newcomer in, joins the course by link, and shows the student navigation',
    { timeout: 90_000 },
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
      const joinPath = new URL(joinUrl).pathname + new URL(joinUrl).search;

      const context = await browser.newContext();
      const page = await context.newPage();
      await page.goto(`${url}${joinPath}`);
      await page.getByRole('link', { name: 'Sign in to join' }).click();
      await page.getByLabel('E-mail').fill('newcomer@example.edu');
      await page.getByLabel('Password').fill('newcomer password');
      await Promise.all([
        page.waitForURL((u) => u.pathname === '/join'),
        page.getByRole('button', { name: 'Sign in' }).click(),
      ]);
      await page.getByRole('button', { name: 'Join the course' }).click();
      await page.waitForURL((u) => u.pathname === `/courses/${demoSlug}/due`);
      const nav = page.getByRole('navigation', { name: 'Course pages' });
      await expect.poll(() => nav.getByRole('link').allTextContents()).toContain('Schedule');
      const labels = await nav.getByRole('link').allTextContents();
      expect(labels).not.toContain('Roster');
      expect(labels).not.toContain('Audit log');
      await expect.poll(() => page.getByTestId('account-link').textContent()).toBe('Nora Newcomer');
      await snap(page, `${screens}/auth-student-course.png`);

      // Following the same link again is harmless; an expired link gets a page that says what to do.
      await page.goto(`${url}/join?token=not-a-real-token`);
      await expect
        .poll(() => page.getByTestId('link-problem').textContent())
        .toContain('Ask the course staff');
      await context.close();
    },
  );

  it('lets an instructor import a roster CSV through the preview', { timeout: 90_000 }, async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await site.signIn(page, 'instructor@example.edu', DEMO_PASSWORD, `/courses/${demoSlug}`);
    const nav = page.getByRole('navigation', { name: 'Course pages' });
    // Staff tools sit under the Staff menu.
    await nav.getByRole('button', { name: 'Staff' }).click();
    await nav.getByRole('link', { name: 'Roster' }).click();
    await expect
      .poll(() => page.getByRole('table', { name: 'People of the course' }).textContent())
      .toContain('Ada Lovelace');

    const csv = join(site.dataDir, 'roster.csv');
    writeFileSync(
      csv,
      'email,name,netid,role\nquinn@example.edu,Quinn Quant,quinn1,student\nnot-an-email,Broken Row,,student\n',
    );
    await page.getByLabel('Roster file (.csv)').setInputFiles(csv);
    const preview = page.getByTestId('import-preview');
    await expect.poll(() => preview.textContent()).toContain('is not a valid e-mail address');
    expect(await page.getByRole('button', { name: 'Apply import' }).isDisabled()).toBe(true);

    writeFileSync(
      csv,
      'email,name,netid,role\nquinn@example.edu,Quinn Quant,quinn1,student\nrosa@example.edu,Rosa Parks,,student\n',
    );
    await page.getByLabel('Roster file (.csv)').setInputFiles(csv);
    await expect.poll(() => preview.textContent()).toContain('Every row is fine');
    await expect.poll(() => preview.textContent()).toContain('New account, invited by e-mail');
    await snap(page, `${screens}/auth-roster-preview.png`, true);
    await page.getByRole('button', { name: 'Apply import' }).click();
    await expect
      .poll(() => page.getByRole('status').first().textContent())
      .toContain('2 new people were e-mailed an invitation');
    await expect
      .poll(() => page.getByRole('table', { name: 'People of the course' }).textContent())
      .toContain('Quinn Quant');
    await context.close();
  });

  it(
    'lets the administrator name an instructor and read the instance audit log',
    { timeout: 90_000 },
    async () => {
      const context = await browser.newContext();
      const page = await context.newPage();
      await site.signIn(page, 'admin@example.edu', DEMO_PASSWORD, '/admin');
      await page.getByLabel('Course slug').fill(demoSlug);
      await page.getByLabel('E-mail', { exact: true }).fill('coinstructor@example.edu');
      await page.getByLabel('Name', { exact: true }).fill('Co Instructor');
      await page.getByRole('button', { name: 'Name instructor' }).click();
      await expect
        .poll(() => page.getByRole('status').first().textContent())
        .toContain('An invitation to set a password was e-mailed');
      await expect
        .poll(() => page.getByRole('table', { name: /Security and staff actions/ }).textContent())
        .toContain('named Co Instructor an instructor of the course.');
      await context.close();
    },
  );
});
