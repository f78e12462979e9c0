// The grading queue in real Chromium: staff grade a summary from the keyboard (next / previous, saved as they type), a reload mid-edit keeps the draft, release with a confirm step, a PDF hand-in shown inline; empty, loading and error states; axe at 1280 and 390 px, no sideways scroll.
import { Readable } from 'node:stream';
import { ulid } from 'ulid';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { BlobStore } from '../../src/files/blob-store.js';
import { loadWorkCourse } from '../../src/services/work/context.js';
import { submitWork } from '../../src/services/work/submit.js';
import { insertGroup, insertMember } from '../../src/storage/repositories/groups.js';
import { insertRoles } from '../../src/storage/repositories/roles.js';
import { buildCourse, SYLLABUS_COMPONENTS } from '../support/course-factory.js';
import { browserAvailable } from '../support/browser.js';
import { makePdf } from '../files/build.js';
import { PASSWORD } from '../http/auth-client.js';
import { buildWorkWorld, SLUG, type WorkWorld } from '../http/work-helpers.js';
import { axeAt, poll, startE2e, type E2e } from './fixture.js';

const run = browserAvailable();
const course = `/courses/${SLUG}`;
const STEP = 180_000;

describe.skipIf(!run)('grading queue in Chromium', () => {
  let site: E2e;
  let world: WorkWorld;
  let url = '';
  // The evening of the Aug 28 class (the summaries are due the next day).
  const now = new Date('2024-08-28T23:00:00Z');
  let items: Array<{ id: string; key: string }> = [];

  beforeAll(async () => {
    site = await startE2e({
      withDemo: false,
      now,
      seed: async ({ seminar }) => {
        world = await buildWorkWorld(seminar.db, now, buildCourse({ components: SYLLABUS_COMPONENTS }));
        // A third group, Gamma (Dan), summarizes the same class: the summary has two owners to walk.
        const gamma = ulid();
        const stamp = now.toISOString();
        await insertGroup(seminar.db, {
          id: gamma,
          course_id: world.courseId,
          name: 'Gamma',
          created_at: stamp,
          created_by: null,
        });
        await insertMember(seminar.db, {
          group_id: gamma,
          user_id: world.ids.dan,
          course_id: world.courseId,
          joined_at: stamp,
        });
        await insertRoles(seminar.db, [
          {
            id: ulid(),
            course_id: world.courseId,
            meeting_id: world.meetingId('2024-08-28'),
            group_id: gamma,
            role: 'summarizer',
            locked: 0,
            created_at: stamp,
          },
        ]);
      },
    });
    url = site.url;
    await handIn('cat', 'summary', '2024-08-28', {
      text: '# Beta’s summary\n\nThe problem is **hard**.\n\n<script>window.hacked = 1</script>',
    });
    await handIn('dan', 'summary', '2024-08-28', { text: 'Gamma on the same paper.' });
  }, STEP);

  afterAll(async () => {
    await site?.close();
  });

  async function handIn(
    who: 'ada' | 'cat' | 'dan',
    deliverableKey: string,
    meetingDate: string | null,
    what: { text?: string; pdf?: string },
  ): Promise<string> {
    const deps = {
      db: site.seminar.db,
      files: new BlobStore(site.config.filesDir),
      mailer: null,
      clock: () => now,
      publicUrl: url,
    };
    const work = await loadWorkCourse(deps, SLUG, { userId: world.ids[who], isAdmin: false });
    const file = what.pdf
      ? {
          temp: await deps.files.receive(Readable.from([await makePdf(2)]), 50 * 1024 * 1024),
          name: what.pdf,
        }
      : null;
    return (
      await submitWork(deps, work, {
        deliverableKey,
        meetingDate,
        readingIndex: null,
        text: what.text ?? null,
        file,
        acknowledgePolicy: true,
        now,
      })
    ).id;
  }

  const problems: string[] = [];
  async function check(page: Page, name: string): Promise<void> {
    problems.push(...(await axeAt(page, `queue-${name}`, { widths: [1280, 390], sideways: true })));
  }
  const cookieOf = async (page: Page) =>
    (await page.context().cookies()).map((c) => `${c.name}=${c.value}`).join('; ');
  const itemId = (key: string) => items.find((i) => i.key === key)!.id;

  let ta: Page;
  const owner = () => ta.locator('#owner-title');
  const first = () => ta.getByLabel(/^Problem/);

  it(
    'lists the items by category with what is left to grade',
    async () => {
      ta = await site.signedIn('ta@example.edu', PASSWORD, `${course}/grades/queue`);
      await poll(() => ta.getByRole('heading', { level: 1, name: 'Grading queue' }).count()).toBe(1);
      await poll(() => ta.getByRole('heading', { name: /Paper Summary/ }).count()).toBe(1);
      const summary = ta.getByRole('region', { name: /Paper Summary/ }).getByRole('listitem');
      await poll(() => summary.first().innerText()).toMatch(/0 of 2 students graded · 2 waiting/);
      const book = (await (
        await fetch(`${url}/api/courses/${SLUG}/grades`, { headers: { cookie: await cookieOf(ta) } })
      ).json()) as { items: Array<{ id: string; key: string }> };
      items = book.items;
      await check(ta, 'items');
    },
    STEP,
  );

  it(
    'grades a summary from the keyboard: next / previous, rubric, Markdown comment, saved as it goes',
    async () => {
      await ta
        .getByRole('link', { name: /summary/i })
        .first()
        .click();
      await poll(() => owner().innerText()).toMatch(/^Beta/);
      // The hand-in is rendered Markdown; its script is text, never run.
      await poll(() => ta.getByRole('heading', { name: 'Beta’s summary' }).count()).toBe(1);
      expect(await ta.evaluate<unknown>('window.hacked')).toBeUndefined();
      await ta.keyboard.press('j');
      await poll(() => owner().innerText()).toMatch(/^Gamma/);
      await poll(() => ta.evaluate<string | undefined>('document.activeElement?.id')).toBe('crit-problem');
      // While in a field, j and k are typed, not taken: only Alt + arrow moves.
      await ta.keyboard.press('k');
      expect(await owner().innerText()).toMatch(/^Gamma/);
      await ta.keyboard.press('Alt+ArrowLeft');
      await poll(() => owner().innerText()).toMatch(/^Beta/);
      await poll(() => ta.evaluate<string | undefined>('document.activeElement?.id')).toBe('crit-problem');
      for (const points of ['4', '3.5', '3', '4']) {
        await ta.keyboard.type(points);
        await ta.keyboard.press('Tab');
      }
      await ta.keyboard.type('2.5');
      await ta.keyboard.press('Tab');
      await poll(() => ta.evaluate<string | undefined>('document.activeElement?.id')).toBe('score-comment');
      await ta.keyboard.type('A clear **summary**.');
      await poll(() => ta.locator('.comment-preview strong').innerText()).toBe('summary');
      await poll(() => ta.locator('.score-total').innerText()).toBe('Total 17 / 20');
      await poll(() => ta.locator('.save-status').innerText()).toMatch(/^Saved \d{1,2}:\d{2} (AM|PM) C[DS]T/);
      await check(ta, 'grading');
      // Alt + → moves on from inside the comment.
      await ta.getByLabel('Comment (Markdown)').focus();
      await ta.keyboard.press('Alt+ArrowRight');
      await poll(() => owner().innerText()).toMatch(/^Gamma/);
      await poll(() => ta.getByRole('region', { name: /Graded/ }).innerText()).toMatch(/Beta · 17 \/ 20/);
      const queue = (await (
        await fetch(`${url}/api/courses/${SLUG}/grades/items/${itemId('summary@2024-08-28')}`, {
          headers: { cookie: await cookieOf(ta) },
        })
      ).json()) as { entries: Array<{ name: string; points: string; comment: string }> };
      expect(queue.entries.find((e) => e.name === 'Beta')).toMatchObject({
        points: '17',
        comment: 'A clear **summary**.',
      });
    },
    STEP,
  );

  it(
    'keeps an unsaved draft across a reload and saves it then',
    async () => {
      await poll(() => ta.evaluate<string | undefined>('document.activeElement?.id')).toBe('crit-problem');
      await ta.keyboard.type('2');
      await ta.reload(); // before the save runs
      await poll(() => owner().innerText()).toMatch(/^Gamma/);
      await poll(() => ta.getByText(/Restored your unsaved changes from/).count()).toBe(1);
      expect(await first().inputValue()).toBe('2');
      await poll(() => ta.locator('.save-status').innerText()).toMatch(/^Saved /);
      await poll(async () =>
        ta.evaluate<number>(
          "Object.keys(localStorage).filter((k) => k.startsWith('seminar:grade-draft:')).length",
        ),
      ).toBe(0);
      await ta.reload();
      await poll(() => owner().innerText()).toMatch(/^Gamma/);
      expect(await ta.getByText(/Restored your unsaved changes/).count()).toBe(0);
      expect(await first().inputValue()).toBe('2');
    },
    STEP,
  );

  it(
    'shows an error with a retry when saving fails, and keeps the draft',
    async () => {
      await ta.route('**/scores', (r) => r.fulfill({ status: 503, body: '{}' }));
      await first().fill('3');
      await poll(() => ta.locator('.save-status').innerText()).toMatch(/^Not saved: /);
      await ta.unroute('**/scores');
      await ta.getByRole('button', { name: 'Try saving again' }).click();
      await poll(() => ta.locator('.save-status').innerText()).toMatch(/^Saved /);
    },
    STEP,
  );

  it(
    'releases the item after a confirm step and shows it released',
    async () => {
      await ta.getByRole('button', { name: 'Release to students…' }).click();
      await poll(() => ta.getByText(/Release “.*” to its 2 students\?/).count()).toBe(1);
      await ta.getByRole('button', { name: 'Release and e-mail the students' }).click();
      await poll(() => ta.getByText('Released. 2 students are being told by e-mail.').count()).toBe(1);
      await poll(() => ta.getByRole('button', { name: 'Take back the release' }).count()).toBe(1);
    },
    STEP,
  );

  it(
    'says when nothing is handed in, then shows a PDF hand-in inline',
    async () => {
      const poster = itemId('poster');
      await ta.goto(`${url}${course}/grades/queue?item=${poster}`);
      await poll(() => ta.getByText(/Nothing of “.*” has been handed in yet/).count()).toBe(1);
      await poll(() => ta.locator('.handin-none').innerText()).toMatch(/Nothing handed in/);
      await check(ta, 'empty');
      await handIn('ada', 'poster', null, { pdf: 'poster.pdf' });
      await ta.goto(`${url}${course}/grades/queue?item=${poster}&owner=g:${world.groups.alpha}`);
      const frame = ta.locator('iframe.handin-pdf');
      await poll(() => frame.count()).toBe(1);
      const src = (await frame.getAttribute('src'))!;
      expect(src).toMatch(/\/download\?inline=1$/);
      expect(await frame.getAttribute('title')).toMatch(/^poster\.pdf, handed in by Alpha/);
      const res = await fetch(`${url}${src}`, { headers: { cookie: await cookieOf(ta) } });
      expect(res.headers.get('content-type')).toBe('application/pdf');
      expect(res.headers.get('content-disposition')).toMatch(/^inline;/);
      // Group work: one member's own score needs a reason.
      await ta.getByText(/One member’s score differs/).click();
      const ada = ta.getByRole('form', { name: /^Ada/ });
      await ada.getByLabel(/^Points/).fill('50');
      await ada.getByRole('button', { name: 'Save Ada’s score' }).click();
      await poll(() => ada.getByText('Say why Ada’s score differs from the group’s.').count()).toBe(1);
      await ada.getByLabel('Reason').fill('Missed the poster session.');
      await ada.getByRole('button', { name: 'Save Ada’s score' }).click();
      await poll(() => ada.getByText('Saved Ada’s own score.').count()).toBe(1);
      await poll(() => ada.getByRole('heading').innerText()).toMatch(/own score 50/);
      await check(ta, 'pdf');
    },
    STEP,
  );

  it(
    'shows the participation record beside its score',
    async () => {
      await ta.goto(`${url}${course}/grades/queue?item=${itemId('participation')}`);
      await poll(() => ta.getByText(/^Computed from the record: /).count()).toBe(1);
      expect(await ta.getByText(/^Computed from the record: /).innerText()).toMatch(
        /Classes missed \d+ \(2 allowed, \d+ counted\); question days missed \d+ \(2 allowed, \d+ counted\)\./,
      );
    },
    STEP,
  );

  it('shows loading, then an error with a retry that recovers', async () => {
    const summary = itemId('summary@2024-08-28');
    let release: () => void = () => undefined;
    const held = new Promise<void>((r) => (release = r));
    await ta.route(`**/api/courses/${SLUG}/grades/items/${summary}`, async (r) => {
      await held;
      await r.fulfill({ status: 500, contentType: 'application/json', body: '{"error":{"message":"Boom"}}' });
    });
    await ta.goto(`${url}${course}/grades/queue?item=${summary}`);
    await poll(() => ta.getByText('Loading the grading queue…').count()).toBe(1);
    release();
    await poll(() => ta.getByRole('heading', { name: 'This item’s queue could not be loaded' }).count()).toBe(
      1,
    );
    await ta.unroute(`**/api/courses/${SLUG}/grades/items/${summary}`);
    await ta.getByRole('button', { name: 'Try again' }).click();
    await poll(() => owner().count()).toBe(1);
    expect(problems).toEqual([]);
  });
});
