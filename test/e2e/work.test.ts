// Hand-ins in real Chromium: a question before class hidden from classmates, the presenter sees all after the deadline, slides with a receipt, a late summary at zero, the roll.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { browserAvailable } from '../support/browser.js';
import { makePdf } from '../files/build.js';
import { PASSWORD } from '../http/auth-client.js';
import { buildWorkWorld, SLUG } from '../http/work-helpers.js';
import { axeAt, openFolds, poll, startE2e, type E2e } from './fixture.js';

const run = browserAvailable();
const course = `/courses/${SLUG}`;
const STEP = 120_000;

describe.skipIf(!run)('hand-ins in Chromium', () => {
  let site: E2e;
  let url = '';

  beforeAll(async () => {
    // The server's clock: the day before the Aug 28 class, 07:00 in Chicago.
    const now = new Date('2024-08-27T12:00:00Z');
    site = await startE2e({ withDemo: false, now, seed: ({ seminar }) => buildWorkWorld(seminar.db, now) });
    url = site.url;
  }, STEP);

  afterAll(async () => {
    await site?.close();
  });

  const signedIn = (name: string) => site.signedIn(`${name}@example.edu`, PASSWORD, course);

  const problems: string[] = [];
  async function axe(page: Page, name: string): Promise<void> {
    problems.push(...(await axeAt(page, `work-${name}`)));
  }

  async function handInQuestion(page: Page, text: string) {
    await page.goto(`${url}${course}/due`);
    const card = page.getByRole('article', { name: /Question — Wed, Aug 28/ });
    await poll(() => card.count()).toBe(1);
    await card.getByLabel(/Your question about “Attention Is All You Need”/).fill(text);
    await card.getByLabel(/I have read and follow/).check();
    await card.getByRole('button', { name: 'Hand in' }).click();
    await poll(() =>
      page
        .getByRole('article', { name: /Question — Wed, Aug 28/ })
        .getByRole('group', { name: /Receipt, version 1/ })
        .count(),
    ).toBe(1);
  }

  let ada: Page;
  let ben: Page;
  let cat: Page;

  it(
    'takes a student’s question before class and hides classmates’ questions from her',
    async () => {
      ben = await signedIn('ben');
      await handInQuestion(ben, 'Why does attention scale quadratically with context length?');
      await axe(ben, 'due');
      cat = await signedIn('cat');
      await handInQuestion(cat, 'What would sparse attention change for training cost?');
      await cat.goto(`${url}${course}/questions?date=2024-08-28`);
      await poll(() => cat.getByText('What would sparse attention change for training cost?').count()).toBe(
        1,
      );
      expect(await cat.getByText('Why does attention scale quadratically').count()).toBe(0);
      await expect.poll(() => cat.getByText(/classmates’ questions stay hidden/).count()).toBe(1);
      await axe(cat, 'questions-own');
    },
    STEP,
  );

  it(
    'lets the presenting group upload slides and shows the receipt',
    async () => {
      ada = await signedIn('ada');
      await ada.goto(`${url}${course}/questions?date=2024-08-28`);
      await poll(() => ada.getByText(/once the deadline passes/).count()).toBe(1);
      expect(await ada.getByText('Why does attention scale quadratically').count()).toBe(0);
      await ada.goto(`${url}${course}/due`);
      const card = ada.getByRole('article', { name: /Presentation slides — Wed, Aug 28/ });
      await card.getByLabel('File').setInputFiles({
        name: 'attention-slides.pdf',
        mimeType: 'application/pdf',
        buffer: await makePdf(4),
      });
      await card.getByLabel(/I have read and follow/).check();
      await card.getByRole('button', { name: 'Hand in' }).click();
      await poll(() => ada.getByRole('group', { name: /Receipt, version 1/ }).count()).toBe(1);
      await poll(() => ada.getByText(/attention-slides\.pdf \(4 pages\)/).count()).toBe(1);
      await axe(ada, 'due-receipt');
    },
    STEP,
  );

  it(
    'shows the presenter every question, grouped by reading, once the deadline has passed',
    async () => {
      site.setNow(new Date('2024-08-28T15:00:00Z')); // 10:00 in Chicago, half an hour into the class
      await ada.goto(`${url}${course}/questions?date=2024-08-28`);
      await poll(() =>
        ada.getByText('Why does attention scale quadratically with context length?').count(),
      ).toBe(1);
      await poll(() => ada.getByText('What would sparse attention change for training cost?').count()).toBe(
        1,
      );
      expect(await ada.getByRole('heading', { name: 'Attention Is All You Need' }).count()).toBe(1);
      await axe(ada, 'questions-all');
    },
    STEP,
  );

  it(
    'keeps a late summary and shows that it scores zero',
    async () => {
      site.setNow(new Date('2024-08-29T17:00:00Z')); // 1 h 15 min past the summary deadline
      await cat.goto(`${url}${course}/due`);
      const card = cat.getByRole('article', { name: /Lecture summary — Wed, Aug 28/ });
      await card
        .getByLabel('Write it here (Markdown)')
        .fill('# Summary\n\nThe problem is the quadratic cost of attention.');
      await card.getByRole('button', { name: 'Hand in' }).click();
      await poll(() => cat.getByText(/late — kept, scores zero/).count()).toBeGreaterThan(0);
      await cat.reload();
      await openFolds(cat);
      const after = cat.getByRole('article', { name: /Lecture summary — Wed, Aug 28/ });
      await poll(() => after.getByText('Late — scores zero').count()).toBe(1);
      await axe(cat, 'due-late-zero');
    },
    STEP,
  );

  it(
    'lets staff take the roll from the keyboard',
    async () => {
      const ta = await signedIn('ta');
      await ta.goto(`${url}${course}/attendance?date=2024-08-28`);
      const firstRow = ta.locator('tbody tr').first();
      await poll(() => firstRow.count()).toBe(1);
      await firstRow.focus();
      await ta.keyboard.press('p'); // Ada present, moves to Ben
      await poll(() => ta.getByText(/1 present, 0 absent/).count()).toBe(1);
      await ta.keyboard.press('a'); // Ben absent
      await poll(() => ta.getByText(/1 present, 1 absent/).count()).toBe(1);
      await ta.keyboard.press('e'); // Cat excused
      await poll(() => ta.getByText(/1 present, 1 absent, 1 excused/).count()).toBe(1);
      await ta.getByRole('button', { name: 'Show a check-in code' }).click();
      await poll(() => ta.locator('.check-in-code').count()).toBe(1);
      await axe(ta, 'roll');
      await ta.goto(`${url}${course}/work?date=2024-08-28`);
      await poll(() => ta.getByText('Download every hand-in of this class (zip)').count()).toBe(1);
      await poll(() => ta.getByText(/Late \(zero\)/).count()).toBeGreaterThan(0);
      await axe(ta, 'staff-work');
    },
    STEP,
  );

  it('has no axe violations on the hand-in pages', () => {
    expect(problems).toEqual([]);
  });
});
