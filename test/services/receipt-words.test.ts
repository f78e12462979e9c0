// Receipt words remembered across a burst: the remembered headline and mail payload equal what is built anew.
import { expect, it } from 'vitest';
import {
  receiptHeadline,
  receiptMailJobs,
  type ReceiptMailPayload,
} from '../../src/services/work/receipt.js';
import type { StoredCourse } from '../../src/domain/stored-course.js';

const meetings = (title: string) =>
  [
    {
      date: '2026-08-28',
      title: 'Transformers',
      kind: 'lecture',
      needsPresenters: true,
      readings: [
        { title, required: true },
        { title: 'Second "paper" — ünïcode', required: true },
      ],
    },
  ] as unknown as StoredCourse['meetings'];

it('names the paper of each reading, and a new version of the course anew', () => {
  const course = { meetings: meetings('Attention Is All You Need') };
  const first = receiptHeadline('Question', '2026-08-28', 0, course);
  expect(receiptHeadline('Question', '2026-08-28', 0, course)).toBe(first);
  expect(receiptHeadline('Question', '2026-08-28', 1, course)).not.toBe(first);
  expect(receiptHeadline('Summary', '2026-08-28', 0, course)).not.toBe(first);
  // The course re-imported with the paper renamed: its headline follows.
  const renamed = { meetings: meetings('FlashAttention-2') };
  expect(receiptHeadline('Question', '2026-08-28', 0, renamed)).toContain('FlashAttention-2');
  expect(receiptHeadline('Question', '2026-08-28', 0, course)).toBe(first);
});

it('queues the payload JSON.stringify would write, for one hand-in after another', () => {
  const course = { title: 'CS 598 "Systems" — ünïcode', timeZone: 'America/Chicago' };
  for (const id of ['01A', 'with "quote"', '01C']) {
    for (const warnings of [[], ['Page count over the limit']]) {
      const [job] = receiptMailJobs(
        { id, title: 'Question', headline: 'Question for Aug 28 — "A" paper', files: [], warnings },
        course,
        ['u1'],
        '2026-08-27T10:00:00.000Z',
      );
      const expected: ReceiptMailPayload = {
        submissionId: id,
        deliverableTitle: 'Question',
        headline: 'Question for Aug 28 — "A" paper',
        files: [],
        warnings,
        courseTitle: course.title,
        timeZone: course.timeZone,
      };
      expect(job!.payload).toBe(JSON.stringify(expected));
    }
  }
});
