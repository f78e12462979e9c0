// Staff hand-in screens in real Chromium: edit a deliverable's rules, grant an extension, return a proposal with a comment the group sees, choose the counted version; axe at 1280 and 375 px.
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
import { axeAt, openFolds, poll, startE2e, type E2e } from './fixture.js';

const run = browserAvailable();
const course = `/courses/${SLUG}`;
const STEP = 180_000;

describe.skipIf(!run)('staff hand-in screens in Chromium', () => {
  let site: E2e;
  let world: WorkWorld;
  let url = '';
  // The server's clock: the day before the Aug 28 class, 07:00 in Chicago (the proposal is due Sep 26).
  const now = new Date('2024-08-27T12:00:00Z');

  beforeAll(async () => {
    site = await startE2e({
      withDemo: false,
      now,
      seed: async ({ seminar }) => (world = await buildWorkWorld(seminar.db, now)),
    });
    url = site.url;
  }, STEP);

  afterAll(async () => {
    await site?.close();
  });

  const signedIn = (name: string) => site.signedIn(`${name}@example.edu`, PASSWORD, course);

  /** Ada hands in the group's proposal (a 2-page PDF) through the same use case the upload route calls. */
  async function handInProposal(): Promise<string> {
    const deps = {
      db: site.seminar.db,
      files: new BlobStore(site.config.filesDir),
      mailer: null,
      clock: () => now,
      publicUrl: url,
    };
    const temp = await deps.files.receive(Readable.from([await makePdf(2)]), 50 * 1024 * 1024);
    const work = await loadWorkCourse(deps, SLUG, { userId: world.ids.ada, isAdmin: false });
    return (
      await submitWork(deps, work, {
        deliverableKey: 'proposal',
        meetingDate: null,
        readingIndex: null,
        text: null,
        file: { temp, name: 'proposal.pdf' },
        acknowledgePolicy: true,
        now,
      })
    ).id;
  }

  const problems: string[] = [];
  /** Screenshots and axe at desktop and phone width; on the phone the page must not scroll sideways (tables scroll inside their box). */
  async function check(page: Page, name: string): Promise<void> {
    problems.push(...(await axeAt(page, `staff-${name}`, { widths: [1280, 375], sideways: true })));
  }

  let ta: Page;

  it(
    'lets staff edit a deliverable’s rules, with errors by the field and the rule read back in words',
    async () => {
      ta = await signedIn('ta');
      await ta.goto(`${url}${course}/work?view=settings`);
      await ta.getByRole('button', { name: 'Edit the rules of Presentation slides' }).click();
      const form = ta.getByRole('form', { name: 'Rules of Presentation slides' });
      await poll(() => form.count()).toBe(1);
      await form.getByLabel('Hours', { exact: true }).fill('48');
      await form.getByLabel('Grace (minutes)').fill('-5');
      await form.getByRole('button', { name: 'Save' }).click();
      await poll(() => form.getByText('Grace: enter a whole number from 0 to 10080.').count()).toBe(1);
      expect(await form.getByLabel('Grace (minutes)').getAttribute('aria-invalid')).toBe('true');
      await form.getByLabel('Grace (minutes)').fill('10');
      await form.getByLabel('Keep it and show it, but it scores zero').check();
      await poll(() =>
        form
          .getByText(
            /Due 48 h before each class starts \(with 10 min of grace\), late work is kept and shown but scores zero\./,
          )
          .count(),
      ).toBe(1);
      await form.getByLabel('Stop taking hand-ins this many hours after the deadline').fill('36');
      await poll(() => form.getByText(/Hand-ins stop 36 h after the deadline\./).count()).toBe(1);
      await form
        .getByLabel('Notes for students (one per line)')
        .fill('The presentation is at most 40 minutes.\n\n  Bring a PDF copy.  ');
      await check(ta, 'settings-form');
      await form.getByRole('button', { name: 'Save' }).click();
      await poll(() => ta.getByText('Saved the rules of “Presentation slides”.').count()).toBe(1);
      const card = ta.getByRole('article', { name: /Presentation slides/ });
      await poll(() =>
        card.getByText(/Due 48 h before each class starts \(with 10 min of grace\)/).count(),
      ).toBe(1);
      const saved = (await (
        await fetch(`${url}/api/courses/${SLUG}/deliverables`, {
          headers: { cookie: (await ta.context().cookies()).map((c) => `${c.name}=${c.value}`).join('; ') },
        })
      ).json()) as {
        deliverables: Array<{
          key: string;
          dueRule: unknown;
          graceMinutes: number;
          lateRule: string;
          closeAfterHours: number | null;
          notes: string[];
        }>;
      };
      expect(saved.deliverables.find((d) => d.key === 'slides')).toMatchObject({
        dueRule: { kind: 'meeting', anchor: 'start', offsetHours: -48 },
        graceMinutes: 10,
        lateRule: 'zero',
        closeAfterHours: 36,
        notes: ['The presentation is at most 40 minutes.', 'Bring a PDF copy.'],
      });
      await poll(() =>
        card.getByRole('list', { name: 'Notes on Presentation slides' }).getByRole('listitem').count(),
      ).toBe(2);
      // Emptying the field means "never stop": the API gets null back.
      await ta.getByRole('button', { name: 'Edit the rules of Presentation slides' }).click();
      await form.getByLabel('Stop taking hand-ins this many hours after the deadline').fill('');
      await poll(() => form.getByText(/Hand-ins stop/).count()).toBe(0);
      await form.getByRole('button', { name: 'Save' }).click();
      await poll(() => ta.getByText('Saved the rules of “Presentation slides”.').count()).toBe(1);
      await poll(
        async () =>
          (
            (await (
              await fetch(`${url}/api/courses/${SLUG}/deliverables`, {
                headers: {
                  cookie: (await ta.context().cookies()).map((c) => `${c.name}=${c.value}`).join('; '),
                },
              })
            ).json()) as { deliverables: Array<{ key: string; closeAfterHours: number | null }> }
          ).deliverables.find((d) => d.key === 'slides')?.closeAfterHours,
      ).toBeNull();
      await check(ta, 'settings');
    },
    STEP,
  );

  it(
    'lets staff grant a group an extension in the course zone, and shows it in the list and the status table',
    async () => {
      await ta.goto(`${url}${course}/work?view=extensions`);
      await poll(() => ta.getByText('No extensions granted yet.', { exact: false }).count()).toBe(1);
      const form = ta.getByRole('form', { name: 'Grant an extension' });
      await form.getByLabel('Deliverable').selectOption({ label: 'Lecture summary' });
      await form.getByLabel('Class').selectOption('2024-08-28');
      await form.getByLabel('Group').selectOption({ label: 'Beta' });
      await poll(() => form.getByText(/Regular deadline: Thu, Aug 29 · 10:45 AM CDT/).count()).toBe(1);
      await form.getByLabel('Date').fill('2024-08-31');
      await form.getByLabel('Time').fill('18:00');
      await form.getByLabel(/Reason/).fill('Illness in the group');
      await form.getByRole('button', { name: 'Grant extension' }).click();
      await poll(() =>
        ta
          .getByText(/Extended “Lecture summary” \(Wed, Aug 28\) for Beta to Sat, Aug 31 · 6:00 PM CDT\./)
          .count(),
      ).toBe(1);
      const row = ta.getByRole('row', { name: /Beta/ });
      await poll(() => row.getByText('Illness in the group').count()).toBe(1);
      await check(ta, 'extensions');
      await ta.goto(`${url}${course}/work?key=summary`);
      await poll(() => ta.getByText('extended to Aug 31').count()).toBe(1);
      await check(ta, 'status');
      await ta.getByRole('link', { name: 'Not yet: Beta, Wed, Aug 28' }).click();
      await poll(() => ta.getByRole('heading', { name: 'Beta — Lecture summary' }).count()).toBe(1);
      await poll(() => ta.getByText(/to Sat, Aug 31 · 6:00 PM CDT — Illness in the group/).count()).toBe(1);
      expect(await ta.getByText('Nothing handed in.').count()).toBe(1);
      await check(ta, 'detail-empty');
    },
    STEP,
  );

  it(
    'lets staff return a proposal with a comment that the group sees, then choose the counted version',
    async () => {
      await handInProposal();
      await ta.goto(`${url}${course}/work?key=proposal`);
      await ta.getByRole('link', { name: /On time: Alpha/ }).click();
      await poll(() => ta.getByRole('heading', { name: 'Alpha — Project proposal' }).count()).toBe(1);
      await ta
        .getByLabel(/Comments to the group/)
        .fill('Narrow the scope to one system, and list your e-mails.');
      await ta.getByRole('button', { name: 'Return with comments' }).click();
      await poll(() => ta.getByText(/Returned version 1 with your comments/).count()).toBe(1);
      await poll(() =>
        ta
          .getByRole('list', { name: 'Reviews of version 1' })
          .getByText('Narrow the scope to one system, and list your e-mails.')
          .count(),
      ).toBe(1);

      const ben = await signedIn('ben');
      await ben.goto(`${url}${course}/due`);
      await poll(() => ben.getByText('Narrow the scope to one system, and list your e-mails.').count()).toBe(
        1,
      );
      await poll(() => ben.getByText(/Returned/).count()).toBeGreaterThan(0);
      // The group can hand in a new version from the same card.
      const card = ben.getByRole('article', { name: /Project proposal/ });
      await poll(() => card.getByRole('button', { name: /Hand in/ }).count()).toBe(1);

      await handInProposal();
      // The group sees its resubmission waiting for staff, and the comments stay under version 1.
      await ben.reload();
      await openFolds(ben);
      await poll(() => card.getByText('Waiting for staff’s decision').count()).toBe(1);
      expect(await card.getByText(/Returned by staff/).count()).toBe(0);
      expect(await card.locator('.state-tag', { hasText: 'Returned' }).count()).toBe(0);
      const earlier = card.getByRole('list', { name: 'Earlier versions of Project proposal' });
      await poll(() => earlier.getByRole('listitem').count()).toBe(1);
      expect(await earlier.getByText('Version 1').count()).toBe(1);
      expect(await earlier.getByText('Narrow the scope to one system, and list your e-mails.').count()).toBe(
        1,
      );
      await check(ben, 'student-resubmitted');
      await ta.reload();
      await poll(() => ta.getByText('2 versions.', { exact: false }).count()).toBe(1);
      const versions = ta.getByRole('list', { name: /Versions, newest first/ });
      await poll(() =>
        versions
          .getByRole('listitem')
          .filter({ hasText: 'Version 2' })
          .getByText(/^Counts/)
          .count(),
      ).toBe(1);
      await ta.getByRole('button', { name: 'Make this the counted version (version 1)' }).click();
      await poll(() => ta.getByText('Version 1 now counts.').count()).toBe(1);
      await poll(() => ta.getByText(/Version 1 counts, chosen by Ta/).count()).toBe(1);
      await poll(() => versions.getByText('Counts — staff’s choice').count()).toBe(1);
      await check(ta, 'versions');
      // Undo: back to the automatic rule, version 2 (the last on time) counts again.
      await ta.getByRole('button', { name: 'Undo the choice: the last version on time counts' }).click();
      await poll(() =>
        ta.getByText('Your choice is undone: the last version on time counts again.').count(),
      ).toBe(1);
      await poll(() => ta.getByText(/Version 2 counts \(the last one on time/).count()).toBe(1);
      expect(await versions.getByText('Counts — staff’s choice').count()).toBe(0);
      await poll(() =>
        versions
          .getByRole('listitem')
          .filter({ hasText: 'Version 2' })
          .getByText(/^Counts/)
          .count(),
      ).toBe(1);
      expect(
        await ta.getByRole('button', { name: 'Undo the choice: the last version on time counts' }).count(),
      ).toBe(0);
      await check(ta, 'versions-undone');
    },
    STEP,
  );

  it(
    'lets staff revoke an extension after confirming, and the status table drops it',
    async () => {
      await ta.goto(`${url}${course}/work?view=extensions`);
      await ta.getByRole('button', { name: /Revoke the extension of Beta for Lecture summary/ }).click();
      await ta.getByRole('button', { name: 'Yes, revoke' }).click();
      await poll(() =>
        ta.getByText('Revoked the extension of Beta; the regular deadline applies again.').count(),
      ).toBe(1);
      await poll(() => ta.getByText('No extensions granted yet.', { exact: false }).count()).toBe(1);
      await ta.goto(`${url}${course}/work?key=summary`);
      await poll(() => ta.getByRole('link', { name: /Beta, Wed, Aug 28/ }).count()).toBe(1);
      expect(await ta.getByText('extended to Aug 31').count()).toBe(0);
    },
    STEP,
  );

  it(
    'lets staff extend individual work (a question) for every member of a group at once',
    async () => {
      await ta.goto(`${url}${course}/work?view=extensions`);
      const form = ta.getByRole('form', { name: 'Grant an extension' });
      await form.getByLabel('Deliverable').selectOption({ label: 'Question' });
      await form.getByLabel('Class').selectOption('2024-08-28');
      expect(await form.getByLabel('Student', { exact: true }).count()).toBe(1);
      await form.getByLabel('Every member of a group').check();
      await form.getByLabel('Group', { exact: true }).selectOption({ label: 'Alpha (Ada, Ben)' });
      await form.getByLabel(/Reason/).fill('Conference trip');
      await check(ta, 'extensions-group-form');
      await form.getByRole('button', { name: 'Grant extension' }).click();
      await poll(() =>
        ta.getByText(/Extended “Question” \(Wed, Aug 28\) for Alpha \(Ada, Ben\) to /).count(),
      ).toBe(1);
      const row = ta.getByRole('row', { name: /Alpha/ });
      await poll(() => row.getByText('Conference trip').count()).toBe(1);
      // No group hand-in of individual work to open: the row links to the deliverable's status instead.
      expect(await row.getByRole('link', { name: 'Status of Question' }).count()).toBe(1);
      await check(ta, 'extensions-group');
      await row.getByRole('button', { name: /Revoke the extension of Alpha for Question/ }).click();
      await ta.getByRole('button', { name: 'Yes, revoke' }).click();
      await poll(() => ta.getByText('No extensions granted yet.', { exact: false }).count()).toBe(1);
    },
    STEP,
  );

  it('has no axe violations and no sideways page scroll on the staff screens', () => {
    expect(problems).toEqual([]);
  });
});
