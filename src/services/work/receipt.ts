// Receipts: what a student is shown and e-mailed after a hand-in (sha-256, size, server time, on time or late).
import { plural } from '../../contracts/words.js';
import { DateTime } from 'luxon';
import type { Deliverable } from '../../domain/deliverables.js';
import { presentedReadings } from '../../domain/demo-deliverables.js';
import type { StoredCourse } from '../../domain/stored-course.js';
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
  /** What it is a receipt for, in words: "Summary for Nov 12 — FlashAttention-2: …". */
  headline: string;
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

/** "Aug 28" for 2026-08-28, remembered: every hand-in of a burst names the same few class days (Luxon parses slowly). */
const dayLabels = new Map<string, string>();
const DAY_LABELS_MAX = 4096;

function dayLabel(date: string): string {
  let label = dayLabels.get(date);
  if (label === undefined) {
    const day = DateTime.fromISO(date, { zone: 'UTC' });
    label = day.isValid ? day.toFormat('LLL d') : date;
    if (dayLabels.size >= DAY_LABELS_MAX) dayLabels.clear();
    dayLabels.set(date, label);
  }
  return label;
}

/**
 * Names a hand-in by its class and paper, not by ids: "Question for Aug 28 — Attention Is All You Need",
 * "Summary for Nov 12 — Paper A; Paper B" (a class's presented papers), "Project proposal" (no class).
 */
export function receiptHeadline(
  title: string,
  meetingDate: string | null,
  readingIndex: number | null,
  course: Pick<StoredCourse, 'meetings'> | null,
): string {
  if (!meetingDate) return title;
  if (!course) return headlineOf(title, meetingDate, readingIndex, null);
  // Remembered per course object (a new version of a course is a new object): a burst names the same few papers.
  let known = headlines.get(course);
  if (!known) {
    known = new Map();
    headlines.set(course, known);
  }
  const key = `${readingIndex ?? '-'} ${meetingDate} ${title}`;
  let headline = known.get(key);
  if (headline === undefined) {
    headline = headlineOf(title, meetingDate, readingIndex, course);
    if (known.size >= DAY_LABELS_MAX) known.clear();
    known.set(key, headline);
  }
  return headline;
}

const headlines = new WeakMap<object, Map<string, string>>();

function headlineOf(
  title: string,
  meetingDate: string,
  readingIndex: number | null,
  course: Pick<StoredCourse, 'meetings'> | null,
): string {
  const when = dayLabel(meetingDate);
  const meeting =
    course?.meetings.find((m) => m.date === meetingDate && presentedReadings(m).length > 0) ??
    course?.meetings.find((m) => m.date === meetingDate);
  const papers = meeting ? presentedReadings(meeting).map((r) => r.title) : [];
  const paper =
    readingIndex !== null
      ? (papers[readingIndex] ?? null)
      : papers.length > 0
        ? papers.join('; ')
        : meeting?.title;
  return `${title} for ${when}${paper ? ` — ${paper}` : ''}`;
}

export function receiptOf(
  row: SubmissionRow,
  spec: Pick<Deliverable, 'title'>,
  files: ReceiptFile[],
  warnings?: string[],
  course: Pick<StoredCourse, 'meetings'> | null = null,
): Receipt {
  return {
    id: row.id,
    headline: receiptHeadline(spec.title, row.meeting_date, row.reading_index, course),
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
    `Receipt for ${receipt.headline} — ${courseTitle}`,
    '',
    `Received: ${when} (server time)`,
    `Status: ${outcomeWords(receipt.outcome)}`,
    `Version: ${receipt.version}`,
    `SHA-256: ${receipt.sha256}`,
    `Size: ${receipt.size} bytes`,
    ...receipt.files.map(
      (f) => `File: ${f.name} (${f.type}${f.pages ? `, ${plural(f.pages, 'page')}` : ''})`,
    ),
    ...receipt.warnings.map((w) => `Note: ${w}`),
    `Receipt id: ${receipt.id}`,
  ];
  return lines.join('\n') + '\n';
}

/** What a queued receipt mail holds: the hand-in it is about (read back when sending) and how to word it. */
export interface ReceiptMailPayload {
  submissionId: string;
  deliverableTitle: string;
  /** Class and paper in words (absent in mails queued before it existed: the title stands in). */
  headline?: string;
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
  submission: { id: string; title: string; headline: string; files: ReceiptFile[]; warnings: string[] },
  course: { title: string; timeZone: string },
  recipientIds: readonly string[],
  createdAt: string,
  requestId: string | null = null,
): NewMailJob[] {
  const payload: ReceiptMailPayload = {
    submissionId: submission.id,
    deliverableTitle: submission.title,
    headline: submission.headline,
    files: submission.files.map((f) => ({ name: f.name, type: f.type, size: f.size, pages: f.pages })),
    warnings: submission.warnings,
    courseTitle: course.title,
    timeZone: course.timeZone,
  };
  const text = payloadText(payload);
  return [...new Set(recipientIds)].map((userId) => ({
    id: newId(),
    kind: RECEIPT_MAIL,
    user_id: userId,
    address: null,
    payload: text,
    created_at: createdAt,
    request_id: requestId,
  }));
}

/** The words of a receipt payload after its submission id, remembered for hand-ins without files or warnings. */
const payloadTails = new Map<string, string>();

/** JSON.stringify(payload), the part after the id taken from payloadTails when it can be (a burst repeats it). */
function payloadText(payload: ReceiptMailPayload): string {
  if (payload.files.length > 0 || payload.warnings.length > 0) return JSON.stringify(payload);
  const key = `${payload.headline ?? ''}\u0000${payload.deliverableTitle}\u0000${payload.courseTitle}\u0000${payload.timeZone}`;
  let tail = payloadTails.get(key);
  if (tail === undefined) {
    tail = JSON.stringify({ ...payload, submissionId: '' }).slice('{"submissionId":""'.length);
    if (payloadTails.size >= 1024) payloadTails.clear();
    payloadTails.set(key, tail);
  }
  return `{"submissionId":${JSON.stringify(payload.submissionId)}${tail}`;
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
  const receipt = { ...receiptOf(row, { title: p.deliverableTitle }, p.files, p.warnings) };
  if (p.headline) receipt.headline = p.headline;
  return {
    subject: `Receipt: ${receipt.headline} (${outcomeWords(receipt.outcome)})`,
    text: receiptText(receipt, p.courseTitle, p.timeZone),
  };
}
