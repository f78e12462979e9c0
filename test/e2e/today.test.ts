// Staff's Today page in real Chromium: the next class with its groups, a proposal waiting, the roll owed and its link; the empty state between semesters; axe at 1280 and 390 px.
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BlobStore } from '../../src/files/blob-store.js';
import { loadWorkCourse } from '../../src/services/work/context.js';
import { submitWork } from '../../src/services/work/submit.js';
import { reviewSubmission } from '../../src/services/work/staff.js';
import { browserAvailable } from '../support/browser.js';
import { makePdf } from '../files/build.js';
import { PASSWORD } from '../http/auth-client.js';
import { buildWorkWorld, SLUG, type WorkWorld } from '../http/work-helpers.js';
import { axeAt, poll, startE2e, type E2e } from './fixture.js';

const run = browserAvailable();
const course = `/courses/${SLUG}`;
const STEP = 180_000;

describe.skipIf(!run)('the staff Today page in Chromium', () => {
  let site: E2e;
  let world: WorkWorld;
  // The day before the Aug 28 class, 07:00 in Chicago: the Aug 26 class is over and its roll not taken.
  const mid = new Date('2024-08-27T12:00:00Z');
  let proposalId = '';
  let deps: Parameters<typeof submitWork>[0];

  beforeAll(async () => {
    site = await startE2e({
      withDemo: false,
      now: mid,
      seed: async ({ seminar }) => (world = await buildWorkWorld(seminar.db, mid)),
    });
    deps = {
      db: site.seminar.db,
      files: new BlobStore(site.config.filesDir),
      mailer: null,
      clock: () => mid,
      publicUrl: site.url,
    };
    const temp = await deps.files.receive(Readable.from([await makePdf(2)]), 50 * 1024 * 1024);
    proposalId = (
      await submitWork(deps, await loadWorkCourse(deps, SLUG, { userId: world.ids.ada, isAdmin: false }), {
        deliverableKey: 'proposal',
        meetingDate: null,
        readingIndex: null,
        text: null,
        file: { temp, name: 'proposal.pdf' },
        acknowledgePolicy: true,
        now: mid,
      })
    ).id;
  }, STEP);

  afterAll(async () => {
    await site?.close();
  });

  it(
    'shows the next class, the proposal waiting and the roll owed, each linking to where to act',
    async () => {
      site.setNow(mid);
      const ta = await site.signedIn('ta@example.edu', PASSWORD, `${course}/today`);
      await ta.goto(`${site.url}${course}/today`);
      const next = ta.getByRole('region', { name: 'Next class' });
      await poll(() => next.getByText('Wed, Aug 28', { exact: true }).count()).toBe(1);
      expect(await next.textContent()).toMatch(/Presenting: Alpha \(slides not in yet\)/);
      expect(await next.textContent()).toMatch(/Summary: Beta/);
      expect(await next.getByRole('link', { name: /Questions: 0 of 4 handed in/ }).count()).toBe(1);
      const waiting = ta.getByRole('region', { name: /Waiting for a decision/ });
      expect(await waiting.getByRole('link', { name: /Alpha: Project proposal \(version 1\)/ }).count()).toBe(
        1,
      );
      expect(await ta.getByRole('heading', { name: 'Nothing waits for you' }).count()).toBe(0);
      // Every line of the page links to the place to act on it.
      const lines = ta.locator('.today-lines > li');
      expect(await lines.count()).toBeGreaterThanOrEqual(6);
      for (const line of await lines.all())
        expect(await line.getByRole('link').count(), (await line.textContent()) ?? '').toBeGreaterThan(0);
      expect(await next.getByRole('link', { name: 'Beta' }).getAttribute('href')).toBe(
        `${course}/work?date=2024-08-28`,
      );
      // The navigation's Staff menu holds Today.
      const nav = ta.getByRole('navigation', { name: 'Course pages' });
      await nav.getByRole('button', { name: /Staff/ }).click();
      expect(await nav.getByRole('link', { name: 'Today' }).getAttribute('href')).toBe(`${course}/today`);
      await nav.getByRole('button', { name: /Staff/ }).click();

      const problems = await axeAt(ta, 'today-mid', { widths: [1280, 390], sideways: true });
      expect(problems).toEqual([]);

      await ta.setViewportSize({ width: 1280, height: 900 });
      await ta.getByRole('link', { name: /Take the roll of Mon, Aug 26/ }).click();
      await poll(async () => ta.url()).toContain(`${course}/attendance?date=2024-08-26`);
      await ta.goBack();
      await ta.getByRole('link', { name: /Alpha: Project proposal/ }).click();
      await poll(async () => ta.url()).toContain('view=owner');
      await ta.context().close();
    },
    STEP,
  );

  it(
    'before the semester, once the proposal is decided, says that nothing waits',
    async () => {
      site.setNow(new Date('2024-08-20T12:00:00Z'));
      await reviewSubmission(
        deps,
        await loadWorkCourse(deps, SLUG, { userId: world.ids.prof, isAdmin: false }),
        proposalId,
        { decision: 'approved', body: '' },
      );
      const prof = await site.signedIn('prof@example.edu', PASSWORD, `${course}/today`);
      await prof.goto(`${site.url}${course}/today`);
      await poll(() => prof.getByText(/Between semesters: the first class is on Mon, Aug 26/).count()).toBe(
        1,
      );
      await poll(() => prof.getByRole('heading', { name: 'Nothing waits for you' }).count()).toBe(1);
      expect(await prof.getByRole('region', { name: /Rolls not taken/ }).count()).toBe(0);
      expect(await prof.getByRole('region', { name: /Waiting for a decision/ }).count()).toBe(0);
      const problems = await axeAt(prof, 'today-before', { widths: [1280, 390], sideways: true });
      expect(problems).toEqual([]);
      await prof.context().close();
    },
    STEP,
  );

  it(
    'is not shown to a student',
    async () => {
      site.setNow(mid);
      const ada = await site.signedIn('ada@example.edu', PASSWORD, `${course}/today`);
      await ada.goto(`${site.url}${course}/today`);
      await poll(() => ada.getByText(/Today is the course staff’s page/).count()).toBe(1);
      expect(
        await ada
          .getByRole('navigation', { name: 'Course pages' })
          .getByRole('link', { name: 'Today' })
          .count(),
      ).toBe(0);
      await ada.context().close();
    },
    STEP,
  );
});
