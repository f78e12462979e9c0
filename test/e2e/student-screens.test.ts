// The screens a student sees, in real Chromium: the home page's next deadlines, hand-in errors by their field, the receipt, returned work, extensions and closed items; axe at 1280 and 375 px, filled and empty.
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { BlobStore } from '../../src/files/blob-store.js';
import { loadWorkCourse, type WorkDeps } from '../../src/services/work/context.js';
import { submitWork } from '../../src/services/work/submit.js';
import { grantExtension, reviewSubmission } from '../../src/services/work/staff.js';
import { openCheckIn } from '../../src/services/attendance/roll.js';
import { publishRoles } from '../../src/services/assignment/edit-roles.js';
import { browserAvailable } from '../support/browser.js';
import { makePdf } from '../files/build.js';
import { PASSWORD } from '../http/auth-client.js';
import { buildWorkWorld, SLUG, type WorkWorld } from '../http/work-helpers.js';
import { axe, axeAt, desktop, poll, startE2e, type E2e } from './fixture.js';

const run = browserAvailable();
const course = `/courses/${SLUG}`;
const STEP = 180_000;

describe.skipIf(!run)('student screens in Chromium', () => {
  let site: E2e;
  let world: WorkWorld;
  let deps: WorkDeps;
  let url = '';
  const contexts = new Map<string, BrowserContext>();

  beforeAll(async () => {
    // The server's clock: Tuesday Aug 27, 07:00 in Chicago; the Aug 28 class starts at 9:30 CDT (14:30Z).
    const now = new Date('2024-08-27T12:00:00Z');
    site = await startE2e({
      withDemo: false,
      now,
      seed: async ({ seminar }) => (world = await buildWorkWorld(seminar.db, now)),
    });
    deps = {
      db: site.seminar.db,
      files: new BlobStore(site.config.filesDir),
      mailer: null,
      clock: site.now,
      publicUrl: 'http://localhost',
    };
    url = site.url;
  }, STEP);

  afterAll(async () => {
    await site?.close();
  });

  /** One signed-in browser context per person, reused by every page of theirs. */
  async function contextOf(name: string): Promise<BrowserContext> {
    const known = contexts.get(name);
    if (known) return known;
    const context = await site.browser.newContext({ viewport: desktop });
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: url });
    const page = await context.newPage();
    await site.signIn(page, `${name}@example.edu`, PASSWORD, course);
    await page.close();
    contexts.set(name, context);
    return context;
  }

  async function open(name: string, path: string, width = 1280): Promise<Page> {
    const page = await (await contextOf(name)).newPage();
    await page.setViewportSize(width === 1280 ? desktop : { width: 375, height: 812 });
    await page.goto(`${url}${course}${path}`);
    return page;
  }

  const problems: string[] = [];
  /** Screenshot and axe at both widths; waits for `ready` each time; nothing may stick out sideways on a phone. */
  async function axeBoth(page: Page, name: string, ready: (page: Page) => Promise<void>): Promise<void> {
    problems.push(...(await axeAt(page, `student-${name}`, { widths: [1280, 375], ready, sideways: true })));
  }

  const as = (userId: string) => loadWorkCourse(deps, SLUG, { userId, isAdmin: false });

  it(
    'leads the course home with the student’s nearest deadlines and their countdowns',
    async () => {
      const page = await open('ada', '');
      const panel = page.getByRole('region', { name: 'What to do next' });
      await poll(() => panel.getByRole('listitem').count()).toBeGreaterThan(0);
      // Slides for Aug 28 are due 24 h before class (Aug 27 9:30 CDT): 2 h 30 min from 07:00.
      const first = panel.getByRole('listitem').first();
      expect(await first.innerText()).toMatch(
        /due in 2 h\s+Presentation slides — Wed, Aug 28 · Tue, Aug 27 · 9:30 AM CDT/,
      );
      await expect.poll(() => panel.getByRole('link', { name: 'Question — Wed, Aug 28' }).count()).toBe(1);
      expect(
        await panel
          .getByText(/Question — Wed, Aug 28/)
          .locator('..')
          .innerText(),
      ).toMatch(/due in 26 h/);
      expect(await panel.innerText()).toMatch(/Question days you may still miss: 2 of 2/);
      await panel.getByRole('link', { name: 'Question — Wed, Aug 28' }).click();
      await page.waitForURL((u) => u.pathname.endsWith('/due'));
      await poll(() => page.getByRole('article', { name: /Question — Wed, Aug 28/ }).count()).toBe(1);
      await axeBoth(page, 'due-filled', async (p) => {
        await poll(() => p.getByRole('heading', { name: /To do/ }).count()).toBe(1);
      });
      const home = await open('ada', '');
      await axeBoth(home, 'home-filled', async (p) => {
        await poll(() =>
          p.getByRole('region', { name: 'What to do next' }).getByRole('listitem').count(),
        ).toBeGreaterThan(0);
      });
    },
    STEP,
  );

  it(
    'puts a wrong file type, a file whose content lies and a missing policy tick next to their fields, recording nothing',
    async () => {
      const page = await open('ben', '/due');
      const card = page.getByRole('article', { name: /Presentation slides — Wed, Aug 28/ });
      await poll(() => card.count()).toBe(1);
      const file = card.getByLabel(/^File/);
      await file.setInputFiles({
        name: 'notes.txt',
        mimeType: 'text/plain',
        buffer: Buffer.from('my notes'),
      });
      const typeError = card.getByText(/“notes\.txt” is not a PowerPoint \(\.pptx\) or PDF file/);
      await poll(() => typeError.count()).toBe(1);
      expect(await file.getAttribute('aria-invalid')).toBe('true');
      const errorId = await typeError.getAttribute('id');
      expect((await file.getAttribute('aria-describedby'))?.split(' ')).toContain(errorId);

      // The policy is asked on the first hand-in: its error sits by the checkbox.
      await file.setInputFiles({
        name: 'slides.pdf',
        mimeType: 'application/pdf',
        buffer: Buffer.from('this is not a PDF at all'),
      });
      await card.getByRole('button', { name: 'Hand in' }).click();
      const tick = card.getByLabel(/I have read and follow/);
      await poll(() => card.getByText(/Tick this box to acknowledge the policy/).count()).toBe(1);
      expect(await tick.getAttribute('aria-invalid')).toBe('true');
      // The focus moves on the next frame after the error renders.
      await poll(() =>
        page.evaluate<string | null>("document.activeElement?.getAttribute('type') ?? null"),
      ).toBe('checkbox');

      // The server reads the content: named .pdf, but text. The message is by the file field.
      await tick.check();
      await card.getByRole('button', { name: 'Hand in' }).click();
      await poll(() => card.getByText(/content is text.*Nothing was recorded/).count()).toBe(1);
      expect(await file.getAttribute('aria-invalid')).toBe('true');
      expect(await card.getByRole('group', { name: /Receipt/ }).count()).toBe(0);
    },
    STEP,
  );

  it(
    'shows the receipt of an upload with its hash, size, time in the course’s zone and “on time”, and copies it',
    async () => {
      const page = await open('ben', '/due');
      const card = page.getByRole('article', { name: /Presentation slides — Wed, Aug 28/ });
      await poll(() => card.count()).toBe(1);
      await card
        .getByLabel(/^File/)
        .setInputFiles({ name: 'attention.pdf', mimeType: 'application/pdf', buffer: await makePdf(3) });
      if (await card.getByLabel(/I have read and follow/).count())
        await card.getByLabel(/I have read and follow/).check();
      await card.getByRole('button', { name: 'Hand in' }).click();
      const receipt = page.getByRole('group', { name: 'Receipt, version 1' });
      await poll(() => receipt.count()).toBe(1);
      const text = await receipt.innerText();
      expect(text).toMatch(/received Tue, Aug 27 · 7:00 AM CDT · on time/);
      expect(text).toMatch(/SHA-256 [0-9a-f]{64}/);
      expect(text).toMatch(/attention\.pdf \(3 pages\) · \d+(\.\d)? (B|KB)/);
      // The fresh receipt takes the focus, so a screen reader announces it.
      await poll(() =>
        page.evaluate<string | null>("document.activeElement?.getAttribute('aria-label') ?? null"),
      ).toBe('Receipt, version 1');
      await receipt.getByRole('button', { name: /Copy receipt/ }).click();
      await poll(() => receipt.getByText('Receipt copied.').count()).toBe(1);
      const copied = await page.evaluate<string>('navigator.clipboard.readText()');
      expect(copied).toContain(`SHA-256: ${/[0-9a-f]{64}/.exec(text)![0]}`);
      expect(copied).toContain('on time');
      // Handed in now: the card moved to "Handed in", its form one click away.
      await poll(() =>
        page
          .locator('#due-done')
          .getByRole('article', { name: /Presentation slides — Wed, Aug 28/ })
          .count(),
      ).toBe(1);
    },
    STEP,
  );

  it(
    'says what to change on a returned proposal and offers the resubmission',
    async () => {
      const temp = await deps.files.receive(Readable.from([await makePdf(2)]), 50 * 1024 * 1024);
      const first = await submitWork(deps, await as(world.ids.cat), {
        deliverableKey: 'proposal',
        meetingDate: null,
        readingIndex: null,
        text: null,
        file: { temp, name: 'proposal.pdf' },
        acknowledgePolicy: true,
        now: site.now(),
      });
      await reviewSubmission(deps, await as(world.ids.prof), first.id, {
        decision: 'returned',
        body: 'Narrow the scope to one serving system.',
      });
      const page = await open('cat', '/due');
      const card = page.getByRole('article', { name: /Project proposal/ });
      await poll(() => card.getByText('Narrow the scope to one serving system.').count()).toBe(1);
      expect(await card.getByText(/Returned by staff — change this and hand it in again/).count()).toBe(1);
      // It is to do again (not "handed in"), with its form open for version 2.
      expect(
        await page
          .locator('#due-open')
          .getByRole('article', { name: /Project proposal/ })
          .count(),
      ).toBe(1);
      expect(await card.getByText('Returned', { exact: true }).count()).toBe(1);
      expect(await card.getByRole('button', { name: 'Hand in a new version' }).isVisible()).toBe(true);
      expect(
        await page
          .getByRole('region', { name: 'What to do next' })
          .getByText(/Returned by staff, to hand in again/)
          .count(),
      ).toBe(1);
      await axeBoth(page, 'due-returned', async (p) => {
        await poll(() => p.getByText('Narrow the scope to one serving system.').count()).toBe(1);
      });
    },
    STEP,
  );

  it(
    'shows a granted extension with the old and new time, a closed question day after class starts, and an overdue summary still taken at zero',
    async () => {
      await grantExtension(deps, await as(world.ids.ta), {
        deliverableKey: 'question',
        meetingDate: '2024-08-28',
        target: { kind: 'student', userId: world.ids.ben },
        dueAt: '2024-08-29T14:30:00Z',
        reason: 'Illness',
      });
      site.setNow(new Date('2024-08-28T15:00:00Z')); // half an hour into the class
      const ben = await open('ben', '/due');
      const benCard = ben.getByRole('article', { name: /Question — Wed, Aug 28/ });
      await poll(() =>
        benCard
          .getByText(/Extension granted: due Thu, Aug 29 · 9:30 AM CDT instead of Wed, Aug 28 · 9:30 AM CDT/)
          .count(),
      ).toBe(1);
      expect(await benCard.getByRole('button', { name: 'Hand in' }).count()).toBe(1);
      const dan = await open('dan', '/due');
      // Missed work is folded under its count: open it from the keyboard.
      const lateFold = dan.locator('#due-late summary');
      await poll(() => lateFold.count()).toBe(1);
      await lateFold.focus();
      await dan.keyboard.press('Enter');
      const danCard = dan.getByRole('article', { name: /Question — Wed, Aug 28/ });
      await poll(() =>
        danCard.getByText(/Closed: the deadline has passed and late hand-ins are not taken/).count(),
      ).toBe(1);
      expect(await danCard.getByRole('textbox').count()).toBe(0);
      expect(await danCard.getByText('Missed', { exact: true }).count()).toBe(1);

      // A summary past its deadline is still taken (at zero): it stays in To do, saying so.
      site.setNow(new Date('2024-08-29T17:00:00Z')); // 1 h 15 min past the summary deadline
      const cat = await open('cat', '/due');
      const summary = cat
        .locator('#due-open')
        .getByRole('article', { name: /Lecture summary — Wed, Aug 28/ });
      await poll(() => summary.getByText('Overdue — still taken', { exact: true }).count()).toBe(1);
      expect(await summary.getByText(/this hand-in is kept and shown, but scores zero/).count()).toBe(1);
      expect(await summary.getByRole('button', { name: 'Hand in late' }).count()).toBe(1);
      // It starts from the template; the preview shows headings and emphasis, and no unsafe link.
      const text = summary.getByLabel('Write it here (Markdown)');
      expect(await text.inputValue()).toMatch(
        /^# Summary: .+\n[\s\S]*## What is the problem addressed in the lecture/,
      );
      // The template's "Group:" line carries the group's members.
      expect(await text.inputValue()).toContain('_Group: Cat_');
      expect(await text.inputValue()).not.toContain('<members>');
      await text.fill(
        '# Summary\n\nThe **quadratic** cost [see](javascript:alert(1)) and [paper](https://arxiv.org/abs/1706.03762).',
      );
      await summary.getByRole('button', { name: 'Preview' }).click();
      const preview = summary.getByRole('region', { name: 'Preview' });
      await poll(() => preview.getByRole('heading', { name: 'Summary' }).count()).toBe(1);
      expect(await preview.locator('strong').innerText()).toBe('quadratic');
      expect(await preview.getByRole('link').count()).toBe(1);
      expect(await preview.getByRole('link').getAttribute('href')).toBe('https://arxiv.org/abs/1706.03762');
      await summary.getByRole('button', { name: 'Back to writing' }).click();
      expect(await text.inputValue()).toMatch(/^# Summary\n/);
    },
    STEP,
  );

  it(
    'lets a student check in during class from the course home, with a wrong code’s message by the field',
    async () => {
      site.setNow(new Date('2024-08-28T15:00:00Z')); // half an hour into the Aug 28 class
      const roll = await openCheckIn(deps, await as(world.ids.ta), '2024-08-28');
      const page = await open('cat', '');
      const form = page.getByRole('form', { name: 'Check in to today’s class' });
      await poll(() => form.count()).toBe(1);
      const field = form.getByLabel('Check-in code shown in class');
      const error = form.getByText(/not the code shown in class/);
      const checkedIn = page.getByRole('status').getByText('You are checked in for today’s class.');
      // The form may be drawn again while the page's data settles (a new form starts empty): type and send
      // until the answer is on screen, as a person would.
      const sendUntil = (code: string, answer: typeof error) =>
        poll(async () => {
          if ((await answer.count()) === 0 && (await field.count()) === 1) {
            await field.fill(code);
            await form.getByRole('button', { name: 'Check in' }).click();
            await answer.waitFor({ timeout: 3_000 }).catch(() => undefined);
          }
          return answer.count();
        }).toBe(1);
      await sendUntil('000000' === roll.checkInCode ? '111111' : '000000', error);
      expect(await field.getAttribute('aria-describedby')).toBe(await error.getAttribute('id'));
      await sendUntil(roll.checkInCode!, checkedIn);
      await axeBoth(page, 'home-check-in', async (p) => {
        await poll(() => p.getByRole('form', { name: 'Check in to today’s class' }).count()).toBe(1);
      });
    },
    STEP,
  );

  it(
    'tells a presenter when classmates’ questions appear, then shows them grouped by reading',
    async () => {
      site.setNow(new Date('2024-08-27T12:00:00Z'));
      const ada = await open('ada', '/questions?date=2024-08-28');
      await poll(() =>
        ada.getByText(/you will see everyone’s questions once the deadline passes, at/).count(),
      ).toBe(1);
      expect(await ada.locator('.questions-hidden').innerText()).toMatch(/at Wed, Aug 28 · 9:30 AM CDT/);
      // "(tomorrow)" by the server's clock (Aug 27 in the test), not the browser's.
      await expect
        .poll(() => ada.locator('.questions-hidden').innerText(), { timeout: 30_000, interval: 200 })
        .toMatch(/9:30 AM CDT \((tomorrow|in 1 day)\)/);
      await axeBoth(ada, 'questions-hidden', async (p) => {
        await poll(() => p.locator('.questions-hidden').count()).toBe(1);
      });
      const cat = await open('cat', '/questions?date=2024-08-28');
      await axeBoth(cat, 'questions-own', async (p) => {
        await poll(() => p.getByText(/classmates’ questions stay hidden/).count()).toBe(1);
      });
      site.setNow(new Date('2024-08-28T15:00:00Z'));
      await ada.reload();
      await poll(() => ada.getByText(/Everyone’s questions are shown, grouped by reading/).count()).toBe(1);
      await axeBoth(ada, 'questions-all', async (p) => {
        await poll(() => p.getByText(/Everyone’s questions are shown/).count()).toBe(1);
      });
    },
    STEP,
  );

  it(
    'says so when nothing is due, on the home page and on What is due',
    async () => {
      site.setNow(new Date('2025-03-01T12:00:00Z')); // after the semester
      const home = await open('dan', '');
      await axeBoth(home, 'home-empty', async (p) => {
        await poll(() => p.getByText('Nothing is due from you right now.', { exact: false }).count()).toBe(1);
      });
      const due = await open('dan', '/due');
      await axeBoth(due, 'due-empty', async (p) => {
        await poll(() => p.getByText('Nothing is open right now.').count()).toBe(1);
      });
      expect(await due.getByText('You are not in a group yet', { exact: false }).count()).toBe(1);
    },
    STEP,
  );

  it(
    'shows a way to try again when the deadlines cannot be loaded or a hand-in cannot reach the server',
    async () => {
      site.setNow(new Date('2024-08-27T12:00:00Z'));
      const page = await (await contextOf('ada')).newPage();
      await page.route(/\/api\/courses\/[^/]+\/dashboard/, (route) => route.abort('internetdisconnected'));
      await page.goto(`${url}${course}/due`);
      await poll(() => page.getByRole('heading', { name: 'What is due could not be loaded' }).count()).toBe(
        1,
      );
      await page.unroute(/\/api\/courses\/[^/]+\/dashboard/);
      await page.getByRole('button', { name: 'Try again' }).click();
      await poll(() => page.getByRole('heading', { name: /To do/ }).count()).toBe(1);
      const result = await (await axe(page)).analyze();
      expect(result.violations.map((v) => v.id)).toEqual([]);

      // A hand-in that never reaches the server says nothing was handed in, and keeps the text.
      await page.route(/\/submissions/, (route) => route.abort('internetdisconnected'));
      const card = page.getByRole('article', { name: /Question — Wed, Aug 28/ });
      const question = card.getByLabel(/Your question about “Attention Is All You Need”/);
      await question.fill('Does attention need all pairs?');
      if (await card.getByLabel(/I have read and follow/).count())
        await card.getByLabel(/I have read and follow/).check();
      await card.getByRole('button', { name: 'Hand in' }).click();
      await poll(() =>
        card
          .getByRole('alert')
          .getByText(/did not reach the server, so nothing was handed in/)
          .count(),
      ).toBe(1);
      expect(await question.inputValue()).toBe('Does attention need all pairs?');
      expect(await card.getByRole('button', { name: 'Hand in' }).isEnabled()).toBe(true);
    },
    STEP,
  );

  it(
    'counts down to a group’s upcoming roles on My roles, and marks past ones done or missed',
    async () => {
      site.setNow(new Date('2024-08-27T12:00:00Z'));
      const staff = await as(world.ids.prof);
      await publishRoles(deps, staff.access, true);
      const ada = await open('ada', '/my-roles');
      const presenter = ada.getByRole('row', { name: /Presenter/ });
      await poll(() => presenter.count()).toBe(1);
      // Slides are due 24 h before the 9:30 class: in 2 h by the server's clock (Aug 27, 07:00 CDT).
      await poll(() => presenter.getByText('due in 2 h').count()).toBe(1);
      const cat = await open('cat', '/my-roles');
      const summarizer = cat.getByRole('row', { name: /Summary writer/ });
      await poll(() => summarizer.getByText('due in 51 h').count()).toBe(1);
      await axeBoth(cat, 'my-roles-upcoming', async (p) => {
        await poll(() => p.getByText('due in 51 h').count()).toBe(1);
      });

      // Three days later both roles are past: Alpha handed in its slides, Beta never handed in the summary.
      site.setNow(new Date('2024-08-30T17:00:00Z'));
      await ada.reload();
      await poll(() => presenter.getByText('Past — Done', { exact: false }).count()).toBe(1);
      expect(await presenter.getAttribute('class')).toContain('role-row-past');
      await cat.reload();
      await poll(() => summarizer.getByText('Past — Missed').count()).toBe(1);
      await axeBoth(cat, 'my-roles-past', async (p) => {
        await poll(() => p.getByText('Past — Missed').count()).toBe(1);
      });
    },
    STEP,
  );

  it('has no axe violations and no sideways scrolling on the student pages', () => {
    expect(problems).toEqual([]);
  });
});
