// Accounts in real Chromium against the real server: sign in, join by link, the student's navigation; an instructor imports a roster through the preview.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { loadConfig } from '../../src/config.js';
import { createSeminar, listenSeminar, type Seminar } from '../../src/main.js';
import { importSyllabus } from '../../src/services/import-syllabus.js';
import { createJoinLink } from '../../src/services/enrollment/join-links.js';
import { courseAccess } from '../../src/services/enrollment/course-access.js';
import { DEMO_PASSWORD, seedDemoAccounts } from '../../src/services/demo/seed-accounts.js';
import { hashPassword } from '../../src/services/auth/passwords.js';
import { createUser } from '../../src/services/auth/users.js';
import { findUserByEmail } from '../../src/storage/repositories/users.js';
import { browserAvailable, launchBrowser, type LaunchedBrowser } from '../support/browser.js';
import { assertWebBuilt, demoSlug, demoZone, midSemesterStart, webDist } from './site-server.js';

const run = browserAvailable();
const screens = '.tmp/screens';

describe.skipIf(!run)('accounts in Chromium', () => {
  let seminar: Seminar;
  let url = '';
  let dataDir = '';
  let chrome: LaunchedBrowser;
  let browser: Browser;

  beforeAll(async () => {
    assertWebBuilt();
    dataDir = mkdtempSync(join(tmpdir(), 'seminar-e2e-auth-'));
    const config = loadConfig({ DATA_DIR: dataDir, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'silent' });
    seminar = await createSeminar(config, { webDir: webDist });
    const imported = await importSyllabus(
      { db: seminar.db },
      {
        source: readFileSync('examples/cs598-genai-f24.md'),
        slug: demoSlug,
        timeZone: demoZone,
        shiftTo: midSemesterStart(),
      },
    );
    await seedDemoAccounts(seminar.db, new Date(), imported.stored.id);
    await createUser(seminar.db, new Date(), {
      email: 'newcomer@example.edu',
      name: 'Nora Newcomer',
      passwordHash: await hashPassword('newcomer password'),
    });
    url = (await listenSeminar(seminar)).url;
    chrome = await launchBrowser();
    browser = chrome.browser;
    mkdirSync(screens, { recursive: true });
  });

  afterAll(async () => {
    await chrome?.close();
    await seminar?.close();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  async function signIn(page: Page, email: string, password: string, next = '/') {
    await page.goto(`${url}/sign-in?next=${encodeURIComponent(next)}`);
    await page.getByLabel('E-mail').fill(email);
    await page.getByLabel('Password').fill(password);
    await Promise.all([
      page.waitForURL((u) => !u.pathname.startsWith('/sign-in')),
      page.getByRole('button', { name: 'Sign in' }).click(),
    ]);
  }

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
        instructor!,
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
      await page.waitForURL((u) => u.pathname === `/courses/${demoSlug}`);
      const nav = page.getByRole('navigation', { name: 'Course pages' });
      await expect.poll(() => nav.getByRole('link').allTextContents()).toContain('Schedule');
      const labels = await nav.getByRole('link').allTextContents();
      expect(labels).not.toContain('Roster');
      expect(labels).not.toContain('Audit log');
      await expect.poll(() => page.getByTestId('account-link').textContent()).toBe('Nora Newcomer');
      await page.screenshot({ path: `${screens}/auth-student-course.png`, fullPage: false });

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
    await signIn(page, 'instructor@example.edu', DEMO_PASSWORD, `/courses/${demoSlug}`);
    const nav = page.getByRole('navigation', { name: 'Course pages' });
    await expect.poll(() => nav.getByRole('link').allTextContents()).toContain('Roster');
    await nav.getByRole('link', { name: 'Roster' }).click();
    await expect
      .poll(() => page.getByRole('table', { name: 'People of the course' }).textContent())
      .toContain('Ada Lovelace');

    const csv = join(dataDir, 'roster.csv');
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
    await page.screenshot({ path: `${screens}/auth-roster-preview.png`, fullPage: true });
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
      await signIn(page, 'admin@example.edu', DEMO_PASSWORD, '/admin');
      await page.getByLabel('Course slug').fill(demoSlug);
      await page.getByLabel('E-mail', { exact: true }).fill('coinstructor@example.edu');
      await page.getByLabel('Name', { exact: true }).fill('Co Instructor');
      await page.getByRole('button', { name: 'Name instructor' }).click();
      await expect
        .poll(() => page.getByRole('status').first().textContent())
        .toContain('An invitation to set a password was e-mailed');
      await expect
        .poll(() => page.getByRole('table', { name: /Security and staff actions/ }).textContent())
        .toContain('instructor-named');
      await context.close();
    },
  );
});
