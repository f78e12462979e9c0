// The hand-in writer binds rows by position: its value lists must follow the column lists the inserts name.
import { expect, it } from 'vitest';
import { MAIL_JOB_COLUMNS, mailJobRow, mailJobValues } from '../../src/storage/repositories/mail-queue.js';
import { SUBMISSION_COLUMNS, submissionValues } from '../../src/storage/repositories/work-writer-sqlite.js';
import type { SubmissionRow } from '../../src/storage/repositories/work-tables.js';

it('lists a submission row in the order of its insert, absent values as null', () => {
  const row: SubmissionRow = {
    id: 'id-1',
    course_id: 'course-1',
    deliverable_key: 'question',
    meeting_date: '2026-12-01',
    reading_index: 1,
    slot: '2026-12-01#1',
    owner: 'u:u1',
    version: 3,
    user_id: 'u1',
    group_id: 'g1',
    submitted_at: '2026-11-30T10:00:00.000Z',
    due_at: '2026-11-30T12:00:00.000Z',
    text: 'Why?',
    late: 0,
    outcome: 'on-time',
    late_by_ms: 0,
    sha256: 'abc',
    size: 4,
    warnings: '[]',
  };
  expect(submissionValues(row, 3)).toEqual(SUBMISSION_COLUMNS.map((c) => row[c]));
  const partial = {
    ...row,
    meeting_date: undefined,
    group_id: undefined,
    text: undefined,
  } as unknown as SubmissionRow;
  const values = submissionValues(partial, 1);
  expect(SUBMISSION_COLUMNS.filter((_, i) => values[i] === null)).toEqual([
    'meeting_date',
    'group_id',
    'text',
  ]);
});

it('lists a queued mail row in the order of its insert, as insertMailJobs writes it', () => {
  const job = {
    id: 'm1',
    kind: 'receipt',
    user_id: 'u1',
    address: null,
    payload: '{"submissionId":"id-1"}',
    created_at: '2026-11-30T10:00:00.000Z',
    request_id: 'req-1',
  };
  const row = mailJobRow(job);
  expect(mailJobValues(job)).toEqual(MAIL_JOB_COLUMNS.map((c) => row[c]));
  expect(row.next_attempt_at).toBe(job.created_at);
});
