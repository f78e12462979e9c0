// Receipts: what a student is shown and e-mailed after a hand-in (sha-256, size, server time, on time or late).
import { DateTime } from 'luxon';
import type { Deliverable } from '../../domain/deliverables.js';
import { newId } from '../../storage/ids.js';
import type { NewMailJob } from '../../storage/repositories/mail-queue.js';
import type { Db } from '../../storage/db.js';
import { findSubmission, type SubmissionRow } from '../../storage/repositories/work.js';

export interface ReceiptFile {
  name: string;
  type: string;
  size: number;
  pages: number | null;
}

export interface Receipt {
  id: string;
  deliverableKey: string;
  deliverableTitle: string;
  meetingDate: string | null;
  readingIndex: number | null;
  version: number;
  submittedBy: string;
  groupId: string | null;
  submittedAt: string;
  dueAt: string;
  sha256: string;
  size: number;
  late: boolean;
  /** on-time | late | late-zero (kept and shown, scores zero) */
  outcome: SubmissionRow['outcome'];
  lateByMs: number;
  files: ReceiptFile[];
  warnings: string[];
}

export function receiptOf(
  row: SubmissionRow,
  spec: Pick<Deliverable, 'title'>,
  files: ReceiptFile[],
  warnings?: string[],
): Receipt {
  return {
    id: row.id,
    deliverableKey: row.deliverable_key,
    deliverableTitle: spec.title,
    meetingDate: row.meeting_date,
    readingIndex: row.reading_index,
    version: row.version,
    submittedBy: row.user_id,
    groupId: row.group_id,
    submittedAt: row.submitted_at,
    dueAt: row.due_at,
    sha256: row.sha256,
    size: row.size,
    late: row.late === 1,
    outcome: row.outcome,
    lateByMs: row.late_by_ms,
    files,
    warnings: warnings ?? (JSON.parse(row.warnings) as string[]),
  };
}

export function outcomeWords(outcome: Receipt['outcome']): string {
  return outcome === 'on-time' ? 'on time' : outcome === 'late' ? 'late' : 'late — kept, but it scores zero';
}

/** The receipt as plain text (the e-mail body, and what the page offers to copy). */
export function receiptText(receipt: Receipt, courseTitle: string, timeZone: string): string {
  const when = DateTime.fromISO(receipt.submittedAt, { zone: timeZone }).toFormat(
    'ccc LLL d, yyyy HH:mm:ss ZZZZ',
  );
  const lines = [
    `Receipt for ${receipt.deliverableTitle}${receipt.meetingDate ? ` (class of ${receipt.meetingDate})` : ''} — ${courseTitle}`,
    '',
    `Received: ${when} (server time)`,
    `Status: ${outcomeWords(receipt.outcome)}`,
    `Version: ${receipt.version}`,
    `SHA-256: ${receipt.sha256}`,
    `Size: ${receipt.size} bytes`,
    ...receipt.files.map((f) => `File: ${f.name} (${f.type}${f.pages ? `, ${f.pages} pages` : ''})`),
    ...receipt.warnings.map((w) => `Note: ${w}`),
    `Receipt id: ${receipt.id}`,
  ];
  return lines.join('\n') + '\n';
}

/** What a queued receipt mail holds: the hand-in it is about (read back when sending) and how to word it. */
export interface ReceiptMailPayload {
  submissionId: string;
  deliverableTitle: string;
  files: ReceiptFile[];
  warnings: string[];
  courseTitle: string;
  timeZone: string;
}

export const RECEIPT_MAIL = 'receipt';

/**
 * The queued mail of a hand-in: one job per recipient (the submitter, and for group work every
 * member), written in the same transaction as the submission row, sent later by the mail
 * worker (src/mail/queue.ts). A slow or absent mail server never delays or fails the hand-in,
 * and no receipt mail is lost to a crash or restart.
 */
export function receiptMailJobs(
  submission: { id: string; title: string; files: ReceiptFile[]; warnings: string[] },
  course: { title: string; timeZone: string },
  recipientIds: readonly string[],
  createdAt: string,
): NewMailJob[] {
  const payload: ReceiptMailPayload = {
    submissionId: submission.id,
    deliverableTitle: submission.title,
    files: submission.files.map((f) => ({ name: f.name, type: f.type, size: f.size, pages: f.pages })),
    warnings: submission.warnings,
    courseTitle: course.title,
    timeZone: course.timeZone,
  };
  const text = JSON.stringify(payload);
  return [...new Set(recipientIds)].map((userId) => ({
    id: newId(),
    kind: RECEIPT_MAIL,
    user_id: userId,
    address: null,
    payload: text,
    created_at: createdAt,
  }));
}

/**
 * The receipt e-mail of a queued job, from the stored hand-in (the same receipt the student was
 * shown: version, hash, size, server time); null when the hand-in is gone.
 */
export async function renderReceiptMail(
  db: Db,
  payload: string,
): Promise<{ subject: string; text: string } | null> {
  const p = JSON.parse(payload) as ReceiptMailPayload;
  const row = await findSubmission(db, p.submissionId);
  if (!row) return null;
  const receipt = receiptOf(row, { title: p.deliverableTitle }, p.files, p.warnings);
  return {
    subject: `Receipt: ${receipt.deliverableTitle} (${outcomeWords(receipt.outcome)})`,
    text: receiptText(receipt, p.courseTitle, p.timeZone),
  };
}
