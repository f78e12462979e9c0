// The Canvas roster section in Chromium: an instructor uploads a Canvas gradebook export, reads the preview (matched, unmatched and why), confirms; axe clean at 1280 and 390 px.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { DEMO_PASSWORD, seedDemoAccounts } from '../../src/services/demo/seed-accounts.js';
import { browserAvailable } from '../support/browser.js';
import { axeAt, poll, startE2e, type E2e } from './fixture.js';
import { demoSlug } from './site-server.js';

const run = browserAvailable();

describe.skipIf(!run)('Canvas roster in Chromium', () => {
  let site: E2e;
  let browser: Browser;

  beforeAll(async () => {
    site = await startE2e({
      seed: async ({ seminar, demoCourseId }) => {
        await seedDemoAccounts(seminar.db, new Date(), demoCourseId!);
      },
    });
    ({ browser } = site);
  });
  afterAll(async () => {
    await site?.close();
  });

  it(
    'previews a Canvas export, shows why rows did not match, confirms, and is axe clean',
    { timeout: 120_000 },
    async () => {
      const page = await (await browser.newContext()).newPage();
      await site.signIn(page, 'instructor@example.edu', DEMO_PASSWORD, `/courses/${demoSlug}/roster`);
      const csv = join(site.dataDir, 'canvas.csv');
      writeFileSync(
        csv,
        [
          'Student,ID,SIS User ID,SIS Login ID,Section,Summary 1 (1)',
          '    Points Possible,,,,,20',
          '"Lovelace, Ada",2001,U-ada,ada1@example.edu,CS 598,18',
          '"Nobody, Known",2002,U-x,nobody@example.edu,CS 598,',
          '',
        ].join('\r\n'),
      );
      await page.getByLabel('Canvas export (.csv)').setInputFiles(csv);
      const preview = page.getByTestId('canvas-preview');
      await poll(() => preview.textContent()).toContain(
        'Not matched: No one in this course has the SIS Login ID',
      );
      await poll(() => preview.textContent()).toContain(
        'Matched by SIS Login ID; Canvas ID from (none) to 2001',
      );
      const problems = await axeAt(page, 'canvas-roster', { widths: [1280, 390], sideways: true });
      expect(problems).toEqual([]);
      await page.getByRole('button', { name: 'Confirm Canvas ids' }).click();
      await poll(() => page.getByRole('status').first().textContent()).toContain(
        'Canvas ids stored for 1 student',
      );
      await page.context().close();
    },
  );
});
