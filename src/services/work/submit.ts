// Hand-in of one version: who may, is it on time, is the content acceptable; durable before the receipt is returned.
import { plural } from '../../contracts/words.js';
import { hash } from 'node:crypto';
import { textBlocker } from '../../domain/deliverables.js';
import {
  dueWithResubmission,
  effectiveDue,
  judgeSubmission,
  type SubmissionBlocker,
} from '../../domain/lateness.js';
import { instantOf } from '../../domain/due.js';
import { extensionFor, type Extension } from '../../domain/extensions.js';
import { inspectUpload } from '../../files/inspect.js';
import type { TempFile } from '../../files/blob-store.js';
import { newId } from '../../storage/ids.js';
import { findBlob, isBlobReferenced } from '../../storage/repositories/blobs.js';
import { isAcknowledged, listExtensionsFor, memberIdsOf } from '../../storage/repositories/hot-reads.js';
import {
  insertAcknowledgement,
  listResubmissionWindows,
  type ExtensionRow,
  type SubmissionRow,
} from '../../storage/repositories/work.js';
import { groupsHoldingRole } from '../../storage/repositories/roles.js';
import { groupsOnSlots } from '../../storage/repositories/talk-slots.js';
import { submissionWriterFor } from '../../storage/repositories/work-writer.js';
import { authorize } from '../enrollment/course-access.js';
import { DomainError } from '../errors.js';
import {
  findDeliverable,
  findMeeting,
  INTEGRITY_POLICY_KEY,
  integrityPolicyText,
  ownerOf,
  presentedTitles,
  regularDue,
  slotOf,
  type WorkCourse,
  type WorkDeps,
} from './context.js';
import { receiptHeadline, receiptMailJobs, receiptOf, type Receipt } from './receipt.js';

export interface SubmitInput {
  deliverableKey: string;
  meetingDate: string | null;
  readingIndex: number | null;
  /** A question, or a summary written in Markdown. */
  text: string | null;
  /** An upload already streamed to a temp file; the caller discards it if this throws. */
  file: { temp: TempFile; name: string } | null;
  /** The student ticked "I have read the academic-integrity and AI-tool policy". */
  acknowledgePolicy: boolean;
  /** Server time the request arrived. */
  now: Date;
}

const BLOCKER_TEXT: Record<SubmissionBlocker, string> = {
  'not-enrolled': 'Only enrolled students hand in work.',
  'not-in-group': 'This is group work: join a group first.',
  'not-holder': 'Your group does not hold this role for that class, so it cannot hand this in.',
  'late-rejected': 'The deadline has passed; this can no longer be handed in.',
  closed: 'Staff have closed this deliverable.',
};

export function extensionsFromRows(rows: ExtensionRow[]): Extension[] {
  return rows.map((r) => ({
    id: r.id,
    deliverableKey: r.deliverable_key,
    meetingDate: r.meeting_date,
    target:
      r.target_kind === 'group'
        ? { kind: 'group', groupId: r.target_id }
        : { kind: 'student', userId: r.target_id },
    dueAt: r.due_at,
    grantedBy: r.granted_by,
    grantedAt: r.granted_at,
    reason: r.reason,
  }));
}

/** Refuses file names that try to climb out of a folder ("../x.pdf", "a/../../b"). */
export function unsafeFileName(name: string): boolean {
  return (
    /(^|[\\/])\.\.([\\/]|$)/.test(name) ||
    /^[\\/]/.test(name) ||
    /^[a-z]:[\\/]/i.test(name) ||
    name.includes('\0')
  );
}

/** (course, user) pairs known to have acknowledged the integrity policy (acknowledgements are never withdrawn). */
/** Accounts known to have acknowledged, by course (no key string built per hand-in). */
const acknowledgedCache = new Map<string, Set<string>>();
const ACK_CACHE_MAX = 100_000;
let acknowledgedCount = 0;

function knownAcknowledged(courseId: string, userId: string): boolean {
  return acknowledgedCache.get(courseId)?.has(userId) === true;
}

function rememberAcknowledged(courseId: string, userId: string): void {
  if (acknowledgedCount >= ACK_CACHE_MAX) {
    acknowledgedCache.clear();
    acknowledgedCount = 0;
  }
  let users = acknowledgedCache.get(courseId);
  if (!users) {
    users = new Set();
    acknowledgedCache.set(courseId, users);
  }
  if (!users.has(userId)) {
    users.add(userId);
    acknowledgedCount++;
  }
}

/** Whether the student acknowledged the course's integrity policy; a yes is remembered (it cannot turn into a no). */
async function acknowledged(deps: Pick<WorkDeps, 'db'>, courseId: string, userId: string): Promise<boolean> {
  if (knownAcknowledged(courseId, userId)) return true;
  const yes = await isAcknowledged(deps.db, courseId, userId, INTEGRITY_POLICY_KEY);
  if (yes) rememberAcknowledged(courseId, userId);
  return yes;
}

/** Groups holding a role (presenter, summarizer) at a meeting, or on its talk slots ('slot'). */
export async function holderGroups(
  deps: Pick<WorkDeps, 'db'>,
  work: WorkCourse,
  meetingId: string,
  role: 'presenter' | 'summarizer' | 'slot',
): Promise<string[]> {
  if (role === 'slot') return groupsOnSlots(deps.db, meetingId);
  return groupsHoldingRole(deps.db, work.course.id, meetingId, role);
}

export async function submitWork(deps: WorkDeps, work: WorkCourse, input: SubmitInput): Promise<Receipt> {
  authorize(work.access, 'submitWork');
  const user = work.access.viewer!;
  const { spec, closed } = findDeliverable(work, input.deliverableKey);
  const nowIso = instantOf(input.now);

  // Which occasion: the meeting (and reading) for per-meeting deliverables.
  let meetingDate: string | null = null;
  let readingIndex: number | null = null;
  let meetingId: string | null = null;
  if (spec.perMeeting) {
    if (!input.meetingDate || !spec.meetingDates.includes(input.meetingDate)) {
      throw new DomainError(
        'invalid_input',
        `Say which class this is for: "${spec.title}" is handed in for ${plural(spec.meetingDates.length, 'class', 'classes')}.`,
        { field: 'meetingDate' },
      );
    }
    const meeting = findMeeting(work.course, input.meetingDate);
    meetingDate = meeting.date;
    meetingId = meeting.id;
    if (spec.perReading) {
      const titles = presentedTitles(meeting);
      if (
        input.readingIndex === null ||
        !Number.isInteger(input.readingIndex) ||
        input.readingIndex < 0 ||
        input.readingIndex >= titles.length
      ) {
        throw new DomainError(
          'invalid_input',
          `Say which reading the question is about (0 to ${titles.length - 1}).`,
          { field: 'readingIndex' },
        );
      }
      readingIndex = input.readingIndex;
    }
  }

  // Who may, and is it late.
  const groupId = work.group?.id ?? null;
  const holderGroupIds =
    meetingId && (spec.holder === 'presenter' || spec.holder === 'summarizer' || spec.holder === 'slot')
      ? await holderGroups(deps, work, meetingId, spec.holder)
      : [];
  const regular = regularDue(work.course, spec, meetingDate);
  // Only this deliverable's extensions naming the student or their group: all extensionFor could pick.
  const extensions = extensionsFromRows(
    await listExtensionsFor(deps.db, work.course.id, spec.key, user.userId, groupId),
  );
  const extension = extensionFor(extensions, spec, meetingDate, { userId: user.userId, groupId });
  // Work staff return (the proposal): a return's resubmission window keeps the next version on time.
  const windows = spec.needsApproval
    ? await listResubmissionWindows(deps.db, {
        course_id: work.course.id,
        deliverable_key: spec.key,
        slot: slotOf(meetingDate, readingIndex),
        owner: ownerOf(spec, user.userId, groupId),
      })
    : [];
  const due = dueWithResubmission(effectiveDue(regular, spec, extension), windows, nowIso);
  const verdict = judgeSubmission({
    deliverable: spec,
    now: nowIso,
    due,
    enrolled: true,
    groupId,
    holderGroupIds,
    closedByStaff: closed,
  });
  if (!verdict.ok) {
    const code = verdict.reason === 'late-rejected' || verdict.reason === 'closed' ? 'conflict' : 'forbidden';
    throw new DomainError(code, BLOCKER_TEXT[verdict.reason], { reason: verdict.reason, dueAt: due });
  }

  // The content: text, or one file checked by content.
  let sha256: string;
  let size: number;
  let text: string | null = null;
  const warnings: string[] = [];
  let file: { name: string; type: string; size: number; pages: number | null; readme: string | null } | null =
    null;
  if (input.file && input.text !== null)
    throw new DomainError('invalid_input', 'Send either text or a file, not both.', { field: 'file' });
  if (input.file) {
    if (!spec.fileRules)
      throw new DomainError('file_rejected', `"${spec.title}" is handed in as text, not as a file.`, {
        reason: 'no-files',
      });
    if (unsafeFileName(input.file.name))
      throw new DomainError(
        'file_rejected',
        'The file name tries to point outside its folder; rename the file and upload it again.',
        { reason: 'unsafe-name' },
      );
    if (input.file.temp.size > spec.fileRules.maxBytes)
      throw new DomainError(
        'too_large',
        `The file is larger than the ${Math.round(spec.fileRules.maxBytes / 1048576)} MB limit of "${spec.title}".`,
        { reason: 'too-large', limit: spec.fileRules.maxBytes },
      );
    const bytes = await deps.files.readTemp(input.file.temp);
    const inspected = await inspectUpload(bytes, input.file.name, spec.fileRules);
    if (!inspected.ok) {
      const status = inspected.code === 'too-large' ? 'too_large' : 'file_rejected';
      throw new DomainError(status, inspected.message, { reason: inspected.code });
    }
    warnings.push(...inspected.warnings);
    sha256 = input.file.temp.sha256;
    size = input.file.temp.size;
    file = {
      name: inspected.name,
      type: inspected.type,
      size,
      pages: inspected.pages,
      readme: inspected.readme,
    };
  } else {
    const blocker = textBlocker(spec, input.text ?? '');
    if (blocker === 'text-not-allowed')
      throw new DomainError('invalid_input', `"${spec.title}" is handed in as a file.`, {
        field: 'text',
        reason: blocker,
      });
    if (blocker === 'empty-text')
      throw new DomainError('invalid_input', 'The text is empty.', { field: 'text', reason: blocker });
    if (blocker === 'text-too-long')
      throw new DomainError(
        'invalid_input',
        `The text is longer than ${spec.maxTextChars} characters; shorten it.`,
        { field: 'text', reason: blocker, limit: spec.maxTextChars },
      );
    text = (input.text ?? '').trim();
    sha256 = hash('sha256', text, 'hex');
    size = Buffer.byteLength(text, 'utf8');
  }

  // First hand-in of the course: the integrity and AI-tool policy must be acknowledged.
  if (
    !knownAcknowledged(work.course.id, user.userId) &&
    !(await acknowledged(deps, work.course.id, user.userId))
  ) {
    if (!input.acknowledgePolicy) {
      throw new DomainError(
        'conflict',
        'Before your first hand-in, read and acknowledge the academic-integrity and AI-tool policy.',
        {
          reason: 'policy-acknowledgement-required',
          policy: integrityPolicyText(work.course),
        },
      );
    }
    await insertAcknowledgement(deps.db, {
      course_id: work.course.id,
      user_id: user.userId,
      policy: INTEGRITY_POLICY_KEY,
      acknowledged_at: nowIso,
    });
    rememberAcknowledged(work.course.id, user.userId);
  }

  // Durable order: file fsynced and renamed into place, then the row committed, then the receipt.
  if (input.file) await deps.files.commit(input.file.temp);
  const row: Omit<SubmissionRow, 'version'> = {
    id: newId(input.now.getTime()),
    course_id: work.course.id,
    deliverable_key: spec.key,
    meeting_date: meetingDate,
    reading_index: readingIndex,
    slot: slotOf(meetingDate, readingIndex),
    owner: ownerOf(spec, user.userId, groupId),
    user_id: user.userId,
    group_id: groupId,
    submitted_at: nowIso,
    due_at: due,
    text,
    late: verdict.late ? 1 : 0,
    outcome: !verdict.late ? 'on-time' : verdict.scoresZero ? 'late-zero' : 'late',
    late_by_ms: verdict.lateByMs,
    sha256,
    size,
    warnings: warnings.length === 0 ? '[]' : JSON.stringify(warnings),
  };
  // The receipt mail is queued in the same transaction as the row (sent by the mail worker).
  const recipients = deps.mailer
    ? [user.userId, ...(spec.audience === 'group' && groupId ? await memberIdsOf(deps.db, groupId) : [])]
    : [];
  const receiptFiles = file ? [file] : [];
  let stored: SubmissionRow;
  try {
    stored = await submissionWriterFor(deps.db).write({
      row,
      files: file ? [{ position: 0, sha256, ...file }] : [],
      blobs: file ? [{ sha256, size, type: file.type, created_at: nowIso }] : [],
      mail:
        recipients.length > 0
          ? receiptMailJobs(
              {
                id: row.id,
                title: spec.title,
                headline: receiptHeadline(spec.title, row.meeting_date, row.reading_index, work.course),
                files: receiptFiles,
                warnings,
              },
              work.course,
              recipients,
              nowIso,
              user.requestId ?? null,
            )
          : [],
    });
  } catch (error) {
    // No record: remove the file unless another hand-in already holds the same content.
    if (input.file && !(await isBlobReferenced(deps.db, sha256)) && !(await findBlob(deps.db, sha256)))
      await deps.files.remove(sha256);
    throw error;
  }
  return receiptOf(stored, spec, receiptFiles, warnings, work.course);
}
