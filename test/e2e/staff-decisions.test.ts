// Staff decisions in real Chromium with the server clock moved past deadlines: the extension form suggests a time in
// the future and says why a past one is refused; a return's resubmission window reaches the student; an empty zip
// is "nothing handed in yet", not a link. Axe at 1280 and 390 px.
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { BlobStore } from '../../src/files/blob-store.js';
import { loadWorkCourse } from '../../src/services/work/context.js';
import { submitWork } from '../../src/services/work/submit.js';
import { browserAvailable } from '../support/browser.js';
import { makePdf } from '../files/build.js';
import { PASSWORD } from '../http/auth-client.js';
import { buildWorkWorld, SLUG, type WorkWorld } from '../http/work-helpers.js';
import { axeAt, poll, startE2e, type E2e } from './fixture.js';

const run = browserAvailable();
const course = `/courses/${SLUG}`;
const STEP = 180_000;

describe.skipIf(!run)('staff decisions in Chromium', () => {
  let site: E2e;
  let world: WorkWorld;
  let url = '';
  // Four days after the Aug 28 summary was due (Aug 29, 10:45 CDT): 10:00 CDT on Monday, Sep 2.
  const start = new Date('2024-09-02T15:00:00Z');

  beforeAll(async () => {
    site = await startE2e({
      withDemo: false,
      now: start,
      seed: async ({ seminar }) => (world = await buildWorkWorld(seminar.db, start)),
    });
    url = site.url;
  }, STEP);

  afterAll(async () => {
    await site?.close();
  });

  const problems: string[] = [];
  async function check(page: Page, name: string): Promise<void> {
    problems.push(...(await axeAt(page, `decisions-${name}`, { widths: [1280, 390], sideways: true })));
  }

  /** Ada hands in the group's proposal at the server's current time, through the upload's use case. */
  async function handInProposal(): Promise<void> {
    const at = site.now();
    const deps = {
      db: site.seminar.db,
      files: new BlobStore(site.config.filesDir),
      mailer: null,
      clock: () => at,
      publicUrl: url,
    };
    const temp = await deps.files.receive(Readable.from([await makePdf(2)]), 50 * 1024 * 1024);
    const work = await loadWorkCourse(deps, SLUG, { userId: world.ids.ada, isAdmin: false });
    await submitWork(deps, work, {
      deliverableKey: 'proposal',
      meetingDate: null,
      readingIndex: null,
      text: null,
      file: { temp, name: 'proposal.pdf' },
      acknowledgePolicy: true,
      now: at,
    });
  }

  let ta: Page;

  it(
    'suggests a new deadline two days from now once the regular one has passed, and refuses a past one saying why',
    async () => {
      ta = await site.signedIn('ta@example.edu', PASSWORD, course);
      await ta.goto(`${url}${course}/work?view=extensions`);
      const form = ta.getByRole('form', { name: 'Grant an extension' });
      await poll(() => form.count()).toBe(1);
      await form.getByLabel('Deliverable').selectOption({ label: 'Lecture summary' });
      await form.getByLabel('Class').selectOption('2024-08-28');
      await form.getByLabel('Group').selectOption({ label: 'Beta' });
      await poll(() =>
        form
          .getByText(
            /Regular deadline: Thu, Aug 29 · 10:45 AM CDT \(passed\)\. Suggested: Wed, Sep 4 · 10:00 AM CDT\./,
          )
          .count(),
      ).toBe(1);
      // The suggestion is in the fields, in the course zone: not a day after the passed deadline.
      expect(await form.getByLabel('Date').inputValue()).toBe('2024-09-04');
      expect(await form.getByLabel('Time').inputValue()).toBe('10:00');
      // A time after the regular deadline but already past is refused, with the reason by the field.
      await form.getByLabel('Date').fill('2024-09-01');
      await form.getByLabel('Time').fill('12:00');
      await form.getByRole('button', { name: 'Grant extension' }).click();
      await poll(() =>
        form.getByText(/That time has already passed \(it is now Mon, Sep 2 · 10:0\d AM CDT\)/).count(),
      ).toBe(1);
      expect(await form.getByLabel('Date').getAttribute('aria-invalid')).toBe('true');
      await check(ta, 'extension-refused');
      await form.getByLabel('Date').fill('2024-09-04');
      await form.getByLabel('Time').fill('10:00');
      await form.getByRole('button', { name: 'Grant extension' }).click();
      await poll(() =>
        ta
          .getByText(/Extended “Lecture summary” \(Wed, Aug 28\) for Beta to Wed, Sep 4 · 10:00 AM CDT\./)
          .count(),
      ).toBe(1);
    },
    STEP,
  );

  it(
    'says "Nothing handed in yet" where a zip would be empty, and offers the zip once something is in',
    async () => {
      await ta.goto(`${url}${course}/work?key=summary&date=2024-08-28`);
      await poll(() => ta.getByText('Nothing handed in yet', { exact: true }).count()).toBe(2);
      expect(await ta.getByRole('link', { name: /zip/ }).count()).toBe(0);
      await check(ta, 'nothing-handed-in');
      site.setNow(new Date('2024-09-24T15:00:00Z')); // before the proposal deadline (Sep 26)
      await handInProposal();
      await ta.goto(`${url}${course}/work?key=proposal&date=2024-08-28`);
      await poll(() => ta.getByRole('link', { name: 'Download all (zip)' }).count()).toBe(1);
      expect(await ta.getByText('Nothing handed in yet', { exact: true }).count()).toBe(1);
    },
    STEP,
  );

  it(
    'returns a proposal after its deadline with a resubmission window the student reads in the course zone',
    async () => {
      site.setNow(new Date('2024-09-30T15:00:00Z')); // the proposal deadline has passed
      await ta.goto(`${url}${course}/work?key=proposal`);
      await ta.getByRole('link', { name: /On time: Alpha/ }).click();
      await poll(() => ta.getByRole('heading', { name: 'Alpha — Project proposal' }).count()).toBe(1);
      const review = ta.getByRole('form', { name: 'Review version 1' });
      const window = review.getByRole('group', { name: 'Resubmit by (when returning)' });
      // A week from now by default.
      await poll(() => window.getByLabel('Date').inputValue()).toBe('2024-10-07');
      expect(await window.getByLabel('Time').inputValue()).toBe('10:00');
      await review.getByLabel(/Comments to the group/).fill('Narrow the scope to one system.');
      await window.getByLabel('Date').fill('2024-09-29');
      await review.getByRole('button', { name: 'Return with comments' }).click();
      await poll(() => window.getByText(/That time has already passed/).count()).toBe(1);
      await check(ta, 'return-window-refused');
      await window.getByLabel('Date').fill('2024-10-09');
      await window.getByLabel('Time').fill('17:00');
      await review.getByRole('button', { name: 'Return with comments' }).click();
      await poll(() =>
        ta
          .getByText(
            /Returned version 1 with your comments; Alpha can hand in a new version on time until Wed, Oct 9 · 5:00 PM CDT\./,
          )
          .count(),
      ).toBe(1);
      await poll(() =>
        ta
          .getByRole('list', { name: 'Reviews of version 1' })
          .getByText(/resubmit by Wed, Oct 9 · 5:00 PM CDT/)
          .count(),
      ).toBe(1);
      // Decided once: no second approve or return on this version.
      await poll(() =>
        review.getByText(/Version 1 was returned; a decision is made once per version/).count(),
      ).toBe(1);
      expect(await review.getByRole('button', { name: 'Approve' }).count()).toBe(0);
      await check(ta, 'returned');

      const ben = await site.signedIn('ben@example.edu', PASSWORD, course);
      await ben.goto(`${url}${course}/due`);
      const card = ben.getByRole('article', { name: /Project proposal/ });
      await poll(() => card.getByText('Resubmit by Wed, Oct 9 · 5:00 PM CDT').count()).toBe(1);
      await poll(() => card.getByText('Narrow the scope to one system.').count()).toBe(1);
      await check(ben, 'student-resubmit-by');
      expect(problems).toEqual([]);
    },
    STEP,
  );
});
