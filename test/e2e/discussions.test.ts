// Discussions in real Chromium: a student asks on the Q&A board anonymously (the choice said before posting), hostile
// Markdown runs no script, a classmate reads "Anonymous classmate" and replies at 390 px, staff endorse the reply, the
// summary group opens its class discussion; axe clean at 1280 and 390 px.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BlobStore } from '../../src/files/blob-store.js';
import { loadWorkCourse } from '../../src/services/work/context.js';
import { submitWork } from '../../src/services/work/submit.js';
import { browserAvailable } from '../support/browser.js';
import { PASSWORD } from '../http/auth-client.js';
import { buildWorkWorld, SLUG } from '../http/work-helpers.js';
import { axeAt, poll, startE2e, type E2e } from './fixture.js';

const run = browserAvailable();
const course = `/courses/${SLUG}`;
const STEP = 180_000;
const HOSTILE = [
  'Is the **project** due Friday?',
  '',
  '<script>window.__pwned = 1</script>',
  '<img src="x" onerror="window.__pwned = 2">',
  '',
  '[click](javascript:window.__pwned=3)',
  '',
  '```',
  'const x = "<b>not bold</b>";',
  '```',
].join('\n');

describe.skipIf(!run)('discussions in Chromium', () => {
  let site: E2e;

  beforeAll(async () => {
    site = await startE2e({
      withDemo: false,
      now: new Date('2024-08-28T18:00:00Z'),
      seed: async ({ seminar }) => {
        await buildWorkWorld(seminar.db, new Date('2024-08-20T12:00:00Z'));
      },
    });
  }, STEP);

  afterAll(async () => {
    await site?.close();
  });

  it(
    'posts an anonymous question, saying before posting who will see the name; hostile Markdown stays inert',
    async () => {
      const dan = await site.signedIn('dan@example.edu', PASSWORD, `${course}/discussions`);
      await dan.goto(`${site.url}${course}/discussions`);
      await poll(() => dan.getByRole('heading', { name: 'Ask a question' }).count()).toBe(1);
      expect(await dan.getByText('Everyone in the course will read this, under your name.').count()).toBe(1);
      await dan.getByLabel('Anonymous to classmates').check();
      await poll(() =>
        dan
          .getByText('Classmates will see “Anonymous classmate”; the staff will see your name.', {
            exact: false,
          })
          .count(),
      ).toBe(1);
      await dan.getByLabel('Question title').fill('When is the project due?');
      await dan.getByLabel('Question category').selectOption('project');
      await dan.getByLabel('Your question (Markdown)').fill(HOSTILE);
      expect(await axeAt(dan, 'discussions-board', { widths: [1280, 390], sideways: true })).toEqual([]);
      await dan.setViewportSize({ width: 1280, height: 900 });
      await dan.getByRole('button', { name: 'Post question' }).click();
      await poll(() => dan.getByRole('heading', { name: 'When is the project due?' }).count()).toBe(1);
      const post = dan.locator('.post').first();
      await poll(() => post.locator('strong', { hasText: 'project' }).count()).toBe(1);
      expect(await post.locator('pre code').textContent()).toContain('<b>not bold</b>');
      expect(await dan.evaluate('typeof window.__pwned')).toBe('undefined');
      expect(await post.locator('script, img[onerror], a[href^="javascript"]').count()).toBe(0);
      expect(await post.textContent()).toContain('Anonymous to classmates');
      await dan.context().close();
    },
    STEP,
  );

  it(
    'shows a classmate "Anonymous classmate", never the name, and lets them reply at 390 px',
    async () => {
      const ada = await site.signedIn('ada@example.edu', PASSWORD, `${course}/discussions`);
      await ada.setViewportSize({ width: 390, height: 812 });
      await ada.goto(`${site.url}${course}/discussions`);
      await ada.getByRole('button', { name: 'When is the project due?' }).click();
      await poll(() => ada.getByRole('heading', { name: 'When is the project due?' }).count()).toBe(1);
      expect(await ada.locator('main').textContent()).toContain('Anonymous classmate');
      expect(await ada.locator('main').textContent()).not.toContain('Dan');
      await ada.getByLabel('Your reply (Markdown)').fill('I think it is **Friday**.');
      await ada.getByRole('button', { name: 'Post reply' }).click();
      await poll(() => ada.locator('.post-list .post').count()).toBe(1);
      expect(await ada.locator('.post-list .post').textContent()).toContain('I think it is Friday.');
      expect(await axeAt(ada, 'discussions-thread', { widths: [390, 1280], sideways: true })).toEqual([]);
      await ada.context().close();
    },
    STEP,
  );

  it(
    'lets staff see the asker, endorse the reply and pin the question',
    async () => {
      const ta = await site.signedIn('ta@example.edu', PASSWORD, `${course}/discussions`);
      await ta.goto(`${site.url}${course}/discussions`);
      await ta.getByRole('button', { name: 'When is the project due?' }).click();
      await poll(() => ta.getByRole('heading', { name: 'When is the project due?' }).count()).toBe(1);
      await poll(() => ta.locator('.post').first().textContent()).toContain('Dan');
      await ta.getByRole('button', { name: 'Endorse' }).click();
      await poll(() => ta.getByText('Endorsed by staff').count()).toBe(1);
      await ta.getByRole('button', { name: 'Pin', exact: true }).click();
      await poll(() => ta.getByRole('button', { name: 'Unpin' }).count()).toBe(1);
      expect(await axeAt(ta, 'discussions-staff', { widths: [1280] })).toEqual([]);
      await ta.context().close();
    },
    STEP,
  );

  it(
    'shows a classmate’s reply without a reload (live updates), and lets its author edit and delete it',
    async () => {
      const dan = await site.signedIn('dan@example.edu', PASSWORD, `${course}/discussions`);
      await dan.goto(`${site.url}${course}/discussions`);
      await dan.getByRole('button', { name: 'When is the project due?' }).click();
      await poll(() => dan.getByRole('heading', { name: 'When is the project due?' }).count()).toBe(1);
      const ben = await site.signedIn('ben@example.edu', PASSWORD, `${course}/discussions`);
      await ben.goto(`${site.url}${course}/discussions`);
      await ben.getByRole('button', { name: 'When is the project due?' }).click();
      await ben.getByLabel('Your reply (Markdown)').fill('Live from Ben.');
      await ben.getByRole('button', { name: 'Post reply' }).click();
      // Dan's page was not reloaded: the reply arrives through the event stream.
      await poll(() => dan.getByText('Live from Ben.').count()).toBe(1);
      const mine = ben.locator('.post', { hasText: 'Live from Ben.' });
      await mine.getByRole('button', { name: 'Edit' }).click();
      await ben.getByLabel('Edit your post (Markdown)').fill('Live from Ben, edited.');
      await ben.getByRole('button', { name: 'Save changes' }).click();
      await poll(() => ben.getByText('Live from Ben, edited.').count()).toBe(1);
      await ben
        .locator('.post', { hasText: 'Live from Ben, edited.' })
        .getByRole('button', { name: 'Earlier versions' })
        .click();
      await poll(() => ben.getByRole('list', { name: 'Earlier versions' }).textContent()).toContain(
        'Live from Ben.',
      );
      ben.once('dialog', (d) => void d.accept());
      await ben
        .locator('.post', { hasText: 'Live from Ben, edited.' })
        .getByRole('button', { name: 'Delete' })
        .click();
      await poll(() => ben.getByText('Deleted by the author').count()).toBe(1);
      await poll(() => dan.getByText('Deleted by the author').count()).toBe(1);
      expect(await dan.locator('main').textContent()).not.toContain('Live from Ben');
      await dan.context().close();
      await ben.context().close();
    },
    STEP,
  );

  it(
    'lets the summary group open its class discussion once the summary is in, linking it; classmates reply there',
    async () => {
      const cat = await site.signedIn('cat@example.edu', PASSWORD, `${course}/discussions?tab=class`);
      await cat.goto(`${site.url}${course}/discussions?tab=class`);
      const row = cat.locator('.thread-list li', { hasText: 'Aug 28' });
      // Beta summarizes Aug 28: before its summary is in, the page says what to do.
      await poll(() => row.textContent()).toContain('Hand in your summary to open the discussion.');
      expect(await row.getByRole('button', { name: 'Open the discussion' }).count()).toBe(0);

      const world = { db: site.seminar.db, files: new BlobStore(site.config.filesDir), mailer: null };
      const deps = { ...world, clock: () => site.now(), publicUrl: site.url };
      const { id: catId } = await site.seminar.db
        .selectFrom('users')
        .select('id')
        .where('email', '=', 'cat@example.edu')
        .executeTakeFirstOrThrow();
      const work = await loadWorkCourse(deps, SLUG, { userId: catId, isAdmin: false });
      await submitWork(deps, work, {
        deliverableKey: 'summary',
        meetingDate: '2024-08-28',
        readingIndex: null,
        text: '# Summary\n\nFew-shot learners, in short.',
        file: null,
        acknowledgePolicy: true,
        now: site.now(),
      });

      await cat.reload();
      await row.getByRole('button', { name: 'Open the discussion' }).click();
      await cat.getByLabel(/Opening post for .*Aug 28/).fill('What did you make of **in-context learning**?');
      expect(await axeAt(cat, 'discussions-open-class', { widths: [1280, 390], sideways: true })).toEqual([]);
      await cat.setViewportSize({ width: 1280, height: 900 });
      await cat.locator('.thread-list').getByRole('button', { name: 'Open the discussion' }).click();
      await poll(() => cat.locator('.post').first().textContent()).toContain('in-context learning');
      // The thread links the summary it opens on.
      expect(await cat.locator('main a', { hasText: /summary/i }).count()).toBeGreaterThan(0);
      await cat.context().close();

      const ada = await site.signedIn('ada@example.edu', PASSWORD, `${course}/discussions?tab=class`);
      await ada.goto(`${site.url}${course}/discussions?tab=class`);
      await ada.locator('.thread-list li', { hasText: 'Aug 28' }).getByRole('button').first().click();
      await poll(() => ada.locator('.post').first().textContent()).toContain('in-context learning');
      await ada.getByLabel('Your reply (Markdown)').fill('It surprised me.');
      await ada.getByRole('button', { name: 'Post reply' }).click();
      await poll(() => ada.locator('.post-list .post').count()).toBe(1);
      await ada.context().close();
    },
    STEP,
  );
});
