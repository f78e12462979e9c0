// Receipts: what a student is shown and e-mailed after a hand-in (sha-256, size, server time, on time or late).
import { DateTime } from 'luxon';
import type { Deliverable } from '../../domain/deliverables.js';
import type { SubmissionRow } from '../../storage/repositories/work.js';
import { findUsers, listGroupsWithMembers } from '../../storage/repositories/work-people.js';
import type { WorkCourse, WorkDeps } from './context.js';

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

export function receiptOf(row: SubmissionRow, spec: Pick<Deliverable, 'title'>, files: ReceiptFile[], warnings?: string[]): Receipt {
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
  const when = DateTime.fromISO(receipt.submittedAt, { zone: timeZone }).toFormat("ccc LLL d, yyyy HH:mm:ss ZZZZ");
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

/**
 * E-mails the receipt to the submitter (and, for group work, to every member), after the
 * hand-in is durable. Not awaited: a slow mail server never delays or fails the hand-in; a
 * failure is logged to stderr (the receipt is on screen and in the dashboard anyway).
 */
export function mailReceipt(deps: Pick<WorkDeps, 'db' | 'mailer'>, work: WorkCourse, receipt: Receipt): void {
  const mailer = deps.mailer;
  if (!mailer) return;
  void (async () => {
    const ids = new Set([receipt.submittedBy]);
    if (receipt.groupId) {
      const groups = await listGroupsWithMembers(deps.db, work.course.id);
      for (const m of groups.find((g) => g.id === receipt.groupId)?.members ?? []) ids.add(m.id);
    }
    const people = await findUsers(deps.db, [...ids]);
    const text = receiptText(receipt, work.course.title, work.course.timeZone);
    for (const person of people) {
      await mailer.send({ to: person.email, subject: `Receipt: ${receipt.deliverableTitle} (${outcomeWords(receipt.outcome)})`, text });
    }
  })().catch((error: unknown) => process.stderr.write(`receipt mail failed: ${error instanceof Error ? error.message : String(error)}\n`));
}
