// Comments on a summary in real Chromium: staff select a passage in the grading queue and comment (mouse and keyboard),
// the group reads and answers them from What is due, a new version re-anchors one comment and outdates the other, a
// classmate is refused; hostile Markdown stays inert; axe at 1280 and 390 px, no sideways scroll.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { BlobStore } from '../../src/files/blob-store.js';
import { loadWorkCourse } from '../../src/services/work/context.js';
import { submitWork } from '../../src/services/work/submit.js';
import { buildCourse, SYLLABUS_COMPONENTS } from '../support/course-factory.js';
import { browserAvailable } from '../support/browser.js';
import { PASSWORD } from '../http/auth-client.js';
import { buildWorkWorld, SLUG, type WorkWorld } from '../http/work-helpers.js';
import { axeAt, openFolds, poll, startE2e, type E2e } from './fixture.js';

const run = browserAvailable();
const course = `/courses/${SLUG}`;
const STEP = 180_000;

const V1 =
  '# Beta’s summary\n\nThe paper shows that **attention is all you need** for translation.\n\nTraining took three days on eight GPUs.\n';
const V2 =
  '# Beta’s summary\n\nA new opening.\n\nThe paper shows that attention is\nall you need for translation.\n';

describe.skipIf(!run)('comments on a summary in Chromium', () => {
  let site: E2e;
  let world: WorkWorld;
  const now = new Date('2024-08-28T23:00:00Z');
  const problems: string[] = [];

  beforeAll(async () => {
    site = await startE2e({
      withDemo: false,
      now,
      seed: async ({ seminar }) => {
        world = await buildWorkWorld(seminar.db, now, buildCourse({ components: SYLLABUS_COMPONENTS }));
      },
    });
    await handIn(V1);
  }, STEP);

  afterAll(async () => {
    await site?.close();
  });

  async function handIn(text: string): Promise<void> {
    const deps = {
      db: site.seminar.db,
      files: new BlobStore(site.config.filesDir),
      mailer: null,
      clock: () => now,
      publicUrl: site.url,
    };
    const work = await loadWorkCourse(deps, SLUG, { userId: world.ids.cat, isAdmin: false });
    await submitWork(deps, work, {
      deliverableKey: 'summary',
      meetingDate: '2024-08-28',
      readingIndex: null,
      text,
      file: null,
      acknowledgePolicy: true,
      now,
    });
  }

  /** Selects a phrase of the rendered summary, as a reader dragging over it would (run in the page; no DOM types here). */
  async function select(page: Page, phrase: string): Promise<void> {
    await page.evaluate(`(() => {
      const p = ${JSON.stringify(phrase)};
      const root = document.querySelector('.sc-text');
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        const at = n.data.indexOf(p);
        if (at < 0) continue;
        const range = document.createRange();
        range.setStart(n, at);
        range.setEnd(n, at + p.length);
        window.getSelection().removeAllRanges();
        window.getSelection().addRange(range);
        return;
      }
      throw new Error('not in the summary: ' + p);
    })()`);
  }

  const marks = (page: Page) => page.locator('.sc-text mark.comment-mark');

  it(
    'lets staff select a passage of the summary in the grading queue and comment on it, with the mouse or the keyboard',
    async () => {
      const ta = await site.signedIn('ta@example.edu', PASSWORD, `${course}/grades/queue`);
      const cookie = (await ta.context().cookies()).map((c) => `${c.name}=${c.value}`).join('; ');
      const book = (await (
        await fetch(`${site.url}/api/courses/${SLUG}/grades`, { headers: { cookie } })
      ).json()) as { items: Array<{ id: string; key: string }> };
      const item = book.items.find((i) => i.key === 'summary@2024-08-28')!;
      await ta.goto(`${site.url}${course}/grades/queue?item=${item.id}&owner=g:${world.groups.beta}`);
      const button = ta.getByRole('button', { name: 'Comment on selection' });
      await poll(() => button.count()).toBe(1);
      await poll(() => ta.getByText('No comments yet.', { exact: false }).count()).toBe(1);

      // Without a selection the button says what to do.
      await button.click();
      await poll(() => ta.getByRole('alert').filter({ hasText: 'Select a passage' }).count()).toBe(1);

      await select(ta, 'attention is all you need');
      await poll(() => ta.getByText('Selected: “attention is all you need”').count()).toBe(1);
      await button.click();
      await ta.getByLabel('Your comment (Markdown)').fill('Say **why**: cite the ablation.');
      await ta.getByRole('button', { name: 'Save comment' }).click();
      await poll(() => ta.getByText('Comment saved.').count()).toBe(1);
      await poll(() => marks(ta).count()).toBe(1);
      expect(await marks(ta).first().textContent()).toBe('attention is all you need');

      // The keyboard route: with a passage selected, focus the button, press Enter, type, and save with Enter.
      await select(ta, 'three days');
      await button.focus();
      await ta.keyboard.press('Enter');
      await poll(() => ta.evaluate('document.activeElement && document.activeElement.id')).toBe(
        'sc-new-body',
      );
      await ta.keyboard.type('Is this <img src=x onerror="window.hacked=1"> right?');
      await ta.keyboard.press('Tab');
      await ta.keyboard.press('Enter');
      await poll(() => marks(ta).count()).toBe(2);
      const threads = ta.locator('.sc-thread');
      await poll(() => threads.count()).toBe(2);
      expect(await threads.nth(1).textContent()).toContain(
        'Is this <img src=x onerror="window.hacked=1"> right?',
      );
      expect(await ta.evaluate('typeof window.hacked')).toBe('undefined');
      problems.push(...(await axeAt(ta, 'summary-comments-staff', { widths: [1280, 390], sideways: true })));
      await ta.context().close();
    },
    STEP,
  );

  it(
    'shows the group the staff comments from What is due, with reply and resolve',
    async () => {
      const cat = await site.signedIn('cat@example.edu', PASSWORD, `${course}/due`);
      await cat.goto(`${site.url}${course}/due`);
      await openFolds(cat); // handed in: under "Done"
      const link = cat.getByRole('link', { name: /Read the summary with staff’s and your group’s comments/ });
      await poll(() => link.count()).toBe(1);
      await link.click();
      await poll(() =>
        cat.getByRole('heading', { level: 1, name: /Summary for .*Aug 28.*with comments/ }).count(),
      ).toBe(1);
      const threads = cat.locator('.sc-thread');
      await poll(() => threads.count()).toBe(2);
      expect(await threads.first().textContent()).toContain('Staff');
      expect(await threads.first().locator('strong', { hasText: 'why' }).count()).toBe(1);

      await threads
        .first()
        .getByRole('button', { name: /^Reply/ })
        .click();
      await cat.getByLabel('Your reply (Markdown)').fill('Added the ablation in section 3.');
      await cat.getByRole('button', { name: 'Send reply' }).click();
      await poll(() => threads.first().textContent()).toContain('Added the ablation in section 3.');
      await threads
        .first()
        .getByRole('button', { name: /^Resolve/ })
        .click();
      await poll(() => threads.first().textContent()).toContain('Resolved by Cat');
      // A resolved comment's passage is no longer marked, until shown again.
      await poll(() => marks(cat).count()).toBe(1);
      await threads
        .first()
        .getByRole('button', { name: /^Reopen/ })
        .click();
      await poll(() => marks(cat).count()).toBe(2);
      problems.push(...(await axeAt(cat, 'summary-comments-group', { widths: [1280, 390], sideways: true })));
      await cat.context().close();
    },
    STEP,
  );

  it(
    'keeps a comment on its passage in a new version and shows the other as outdated with its old passage',
    async () => {
      await handIn(V2);
      const cat = await site.signedIn(
        'cat@example.edu',
        PASSWORD,
        `${course}/summary?key=summary&date=2024-08-28`,
      );
      await poll(() => cat.getByText(/^Version 2, handed in/).count()).toBe(1);
      const threads = cat.locator('.sc-thread');
      await poll(() => threads.count()).toBe(2);
      await poll(() => marks(cat).count()).toBe(1);
      expect((await marks(cat).first().textContent())?.replace(/\s+/g, ' ')).toBe(
        'attention is all you need',
      );
      expect(await threads.first().textContent()).not.toContain('Outdated');
      const outdated = threads.nth(1);
      expect(await outdated.textContent()).toContain('Outdated');
      expect(await outdated.textContent()).toContain('The passage was changed after version 1; it said:');
      expect(await outdated.locator('blockquote').textContent()).toBe('three days');
      await poll(() => cat.getByRole('heading', { name: /Comments/ }).textContent()).toContain('1 outdated');
      problems.push(
        ...(await axeAt(cat, 'summary-comments-outdated', { widths: [1280, 390], sideways: true })),
      );
      await cat.context().close();
    },
    STEP,
  );

  it(
    'refuses a classmate the group’s comments and shows them their own empty summary',
    async () => {
      const ada = await site.signedIn(
        'ada@example.edu',
        PASSWORD,
        `${course}/summary?key=summary&date=2024-08-28&owner=g:${world.groups.beta}`,
      );
      await poll(() => ada.getByRole('heading', { name: 'The comments could not be loaded' }).count()).toBe(
        1,
      );
      expect(await ada.locator('main').textContent()).toMatch(
        /Only the course staff and the summary.s own group/,
      );
      expect(await ada.locator('main').textContent()).not.toContain('ablation');
      await ada.goto(`${site.url}${course}/summary?key=summary&date=2024-08-28`);
      await poll(() =>
        ada.getByText('Nothing handed in yet for this summary', { exact: false }).count(),
      ).toBe(1);
      problems.push(...(await axeAt(ada, 'summary-comments-empty', { widths: [1280, 390], sideways: true })));
      await ada.context().close();
    },
    STEP,
  );

  it('passes axe on every screen above', () => {
    expect(problems).toEqual([]);
  });
});
