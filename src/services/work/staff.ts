// Staff actions on hand-ins: extensions (grant, revoke), comments and proposal decisions, the counted version, editing a deliverable.
import { ulid } from 'ulid';
import { DELIVERABLE_KINDS, LATE_RULES, type Deliverable } from '../../domain/deliverables.js';
import { extensionBlocker, suggestedExtensionDue, type ExtensionTarget } from '../../domain/extensions.js';
import { toMillis } from '../../domain/due.js';
import { DEFAULT_RESUBMIT_DAYS } from '../../domain/lateness.js';
import { findEnrollment } from '../../storage/repositories/enrollments.js';
import { listGroupsWithMembers } from '../../storage/repositories/work-people.js';
import {
  deleteCountedChoice,
  deleteExtensionRow,
  findDecisionOf,
  findExtensionRow,
  findSubmission,
  insertDecision,
  insertExtension,
  insertReview,
  setCountedChoice,
  updateDeliverableRow,
} from '../../storage/repositories/work.js';
import { auditStaffAction } from '../assignment/audit-staff.js';
import { authorize } from '../enrollment/course-access.js';
import { DomainError } from '../errors.js';
import {
  findDeliverable,
  findMeeting,
  regularDue,
  type CourseDeliverable,
  type WorkCourse,
  type WorkDeps,
} from './context.js';

/** Free text from staff (titles, reasons): no control characters other than line breaks and tabs, no bidi overrides. */
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\u2028\u2029\u202a-\u202e\u2066-\u2069]/;

function checkText(value: string, field: string, label: string): string {
  if (CONTROL.test(value))
    throw new DomainError(
      'invalid_input',
      `${label} contains control characters; type it again as plain text.`,
      { field },
    );
  return value.trim();
}

/** A new deadline sent by the client: an ISO-8601 instant with Z or an offset (the web client converts from the course zone). */
function instantOf(text: string, field: string, label = 'The new deadline'): string {
  try {
    return new Date(toMillis(text)).toISOString();
  } catch {
    throw new DomainError(
      'invalid_input',
      `${label} is not a date and time with a zone offset (e.g. 2024-09-27T04:59:00Z).`,
      { field },
    );
  }
}

export async function grantExtension(
  deps: Pick<WorkDeps, 'db' | 'clock'>,
  work: WorkCourse,
  input: {
    deliverableKey: string;
    meetingDate: string | null;
    target: ExtensionTarget;
    dueAt: string;
    reason: string | null;
  },
): Promise<{ id: string; dueAt: string }> {
  authorize(work.access, 'grade');
  const { spec } = findDeliverable(work, input.deliverableKey);
  const newDue = instantOf(input.dueAt, 'dueAt');
  const reason = input.reason === null ? null : checkText(input.reason, 'reason', 'The reason') || null;
  const meetingDate = spec.perMeeting ? input.meetingDate : null;
  const blocker = extensionBlocker({
    granterIsStaff: true,
    deliverable: spec,
    target: input.target,
    meetingDate,
    regularDue: '1970-01-01T00:00:00Z',
    newDue: '1970-01-01T00:00:01Z',
  });
  if (blocker) throw extensionError(blocker);
  if (meetingDate !== null) {
    findMeeting(work.course, meetingDate);
    if (!spec.meetingDates.includes(meetingDate))
      throw new DomainError('invalid_input', `"${spec.title}" is not due for the class on ${meetingDate}.`, {
        field: 'meetingDate',
      });
  }
  const regular = regularDue(work.course, spec, meetingDate);
  const later = extensionBlocker({
    granterIsStaff: true,
    deliverable: spec,
    target: input.target,
    meetingDate,
    regularDue: regular,
    newDue,
    now: deps.clock().toISOString(),
  });
  if (later) throw extensionError(later, { regular, now: deps.clock().toISOString() });
  const targetName = await targetNameOf(deps, work, input.target);
  const id = ulid();
  await insertExtension(deps.db, {
    id,
    course_id: work.course.id,
    deliverable_key: spec.key,
    meeting_date: meetingDate,
    target_kind: input.target.kind,
    target_id: input.target.kind === 'group' ? input.target.groupId : input.target.userId,
    due_at: newDue,
    granted_by: work.access.viewer!.userId,
    granted_at: deps.clock().toISOString(),
    reason,
  });
  await auditStaffAction(deps.db, deps.clock(), work.access, 'extension-granted', targetName, {
    id,
    deliverable: spec.key,
    meetingDate,
    dueAt: newDue,
    reason,
  });
  return { id, dueAt: newDue };
}

function extensionError(
  blocker: NonNullable<ReturnType<typeof extensionBlocker>>,
  times?: { regular: string; now: string },
): DomainError {
  const text = {
    'not-staff': 'Only staff grant extensions.',
    'wrong-target': 'Group work is extended for a group, not one student.',
    'meeting-required': 'Say which class the extension is for.',
    'not-later': 'The new deadline must be after the regular one.',
    'in-past':
      'The new deadline has already passed, so it would extend nothing; choose a time in the future (two days from now is suggested).',
  }[blocker];
  const field = {
    'not-staff': undefined,
    'wrong-target': 'target',
    'meeting-required': 'meetingDate',
    'not-later': 'dueAt',
    'in-past': 'dueAt',
  }[blocker];
  const suggested =
    times && (blocker === 'in-past' || blocker === 'not-later')
      ? { suggestedDueAt: suggestedExtensionDue(times.regular, times.now) }
      : {};
  return new DomainError('invalid_input', text, { reason: blocker, field, ...suggested });
}

/** The student (enrolled in this course) or the group (of this course) an extension is for, by name; not_found otherwise. */
async function targetNameOf(
  deps: Pick<WorkDeps, 'db'>,
  work: WorkCourse,
  target: ExtensionTarget,
): Promise<string> {
  if (target.kind === 'group') {
    const group = (await listGroupsWithMembers(deps.db, work.course.id)).find((g) => g.id === target.groupId);
    if (!group) throw new DomainError('not_found', 'No such group in this course.', { field: 'target' });
    return group.name;
  }
  const enrollment = await findEnrollment(deps.db, work.course.id, target.userId);
  if (!enrollment || enrollment.role !== 'student')
    throw new DomainError('not_found', 'No such student in this course.', { field: 'target' });
  return target.userId;
}

/** Staff take an extension back: the regular deadline applies again (the audit log keeps what was revoked). */
export async function revokeExtension(
  deps: Pick<WorkDeps, 'db' | 'clock'>,
  work: WorkCourse,
  extensionId: string,
): Promise<{ id: string }> {
  authorize(work.access, 'grade');
  const row = await findExtensionRow(deps.db, work.course.id, extensionId);
  if (!row || (await deleteExtensionRow(deps.db, work.course.id, extensionId)) === 0) {
    throw new DomainError('not_found', 'No such extension in this course; it may have been revoked already.');
  }
  await auditStaffAction(deps.db, deps.clock(), work.access, 'extension-revoked', row.target_id, {
    id: row.id,
    deliverable: row.deliverable_key,
    meetingDate: row.meeting_date,
    targetKind: row.target_kind,
    dueAt: row.due_at,
    reason: row.reason,
  });
  return { id: row.id };
}

/** A staff comment on any hand-in, or a decision on one that needs approval (the proposal). */
export async function reviewSubmission(
  deps: Pick<WorkDeps, 'db' | 'clock'>,
  work: WorkCourse,
  submissionId: string,
  input: { decision: 'comment' | 'approved' | 'returned'; body: string; resubmitBy?: string | null },
): Promise<{ id: string; resubmitBy: string | null }> {
  authorize(work.access, 'grade');
  const submission = await findSubmission(deps.db, submissionId);
  if (!submission || submission.course_id !== work.course.id)
    throw new DomainError('not_found', 'No such hand-in in this course.');
  const { spec } = findDeliverable(work, submission.deliverable_key);
  const body = checkText(input.body, 'body', 'The comment');
  if (input.decision !== 'comment' && !spec.needsApproval)
    throw new DomainError(
      'invalid_input',
      `"${spec.title}" is not approved or returned; leave a comment instead.`,
      { field: 'decision' },
    );
  if (input.decision === 'returned' && body === '')
    throw new DomainError('invalid_input', 'Say what to change when returning work.', { field: 'body' });
  if (input.decision === 'comment' && body === '')
    throw new DomainError('invalid_input', 'The comment is empty.', { field: 'body' });
  const now = deps.clock();
  let resubmitBy: string | null = null;
  if (input.resubmitBy !== undefined && input.resubmitBy !== null && input.decision !== 'returned')
    throw new DomainError('invalid_input', 'Only a return opens a resubmission window.', {
      field: 'resubmitBy',
    });
  if (input.decision === 'returned') {
    resubmitBy =
      input.resubmitBy === undefined || input.resubmitBy === null
        ? new Date(now.getTime() + DEFAULT_RESUBMIT_DAYS * 86_400_000).toISOString()
        : instantOf(input.resubmitBy, 'resubmitBy', 'The resubmission deadline');
    if (toMillis(resubmitBy) <= now.getTime())
      throw new DomainError(
        'invalid_input',
        'The resubmission deadline has already passed; choose a time in the future (a week from now is usual).',
        { field: 'resubmitBy', reason: 'in-past' },
      );
  }
  const id = ulid();
  const row = {
    id,
    submission_id: submissionId,
    author_id: work.access.viewer!.userId,
    decision: input.decision,
    body,
    created_at: now.toISOString(),
    resubmit_until: resubmitBy,
  };
  const audit = (db: typeof deps.db) =>
    auditStaffAction(db, now, work.access, 'submission-reviewed', submission.owner, {
      submission: submissionId,
      deliverable: submission.deliverable_key,
      version: submission.version,
      decision: input.decision,
      ...(resubmitBy ? { resubmitBy } : {}),
    });
  if (input.decision === 'comment') {
    await insertReview(deps.db, row);
    await audit(deps.db);
    return { id, resubmitBy };
  }
  if (!(await insertDecision(deps.db, row, audit))) {
    const earlier = await findDecisionOf(deps.db, submissionId);
    const what = earlier?.decision === 'returned' ? 'returned' : 'approved';
    throw new DomainError(
      'conflict',
      `Version ${submission.version} was already ${what}; a decision is made once per version (a new version can be decided on, and comments are always possible).`,
      { reason: 'already-decided', decision: earlier?.decision ?? null, at: earlier?.created_at ?? null },
    );
  }
  return { id, resubmitBy };
}

/** Staff choose which version counts (instead of the last one on time). */
export async function chooseCountedVersion(
  deps: Pick<WorkDeps, 'db' | 'clock'>,
  work: WorkCourse,
  submissionId: string,
): Promise<{ submissionId: string }> {
  authorize(work.access, 'grade');
  const s = await findSubmission(deps.db, submissionId);
  if (!s || s.course_id !== work.course.id)
    throw new DomainError('not_found', 'No such hand-in in this course.');
  await setCountedChoice(deps.db, {
    course_id: s.course_id,
    deliverable_key: s.deliverable_key,
    slot: s.slot,
    owner: s.owner,
    submission_id: s.id,
    set_by: work.access.viewer!.userId,
    set_at: deps.clock().toISOString(),
  });
  await auditStaffAction(deps.db, deps.clock(), work.access, 'counted-version-chosen', s.owner, {
    submission: s.id,
    deliverable: s.deliverable_key,
    slot: s.slot,
    version: s.version,
  });
  return { submissionId };
}

/** Staff undo their choice: the automatic rule (the last version on time counts) applies again to that hand-in. */
export async function clearCountedChoice(
  deps: Pick<WorkDeps, 'db' | 'clock'>,
  work: WorkCourse,
  submissionId: string,
): Promise<{ submissionId: string }> {
  authorize(work.access, 'grade');
  const s = await findSubmission(deps.db, submissionId);
  if (!s || s.course_id !== work.course.id)
    throw new DomainError('not_found', 'No such hand-in in this course.');
  const removed = await deleteCountedChoice(deps.db, {
    course_id: s.course_id,
    deliverable_key: s.deliverable_key,
    slot: s.slot,
    owner: s.owner,
  });
  if (removed === 0)
    throw new DomainError(
      'not_found',
      'Staff have not chosen a version of this hand-in; the last one on time already counts.',
      { reason: 'no-choice' },
    );
  await auditStaffAction(deps.db, deps.clock(), work.access, 'counted-version-cleared', s.owner, {
    submission: s.id,
    deliverable: s.deliverable_key,
    slot: s.slot,
    version: s.version,
  });
  return { submissionId };
}

export type DeliverablePatch = Partial<
  Pick<
    Deliverable,
    | 'title'
    | 'dueRule'
    | 'lateRule'
    | 'graceMinutes'
    | 'allowance'
    | 'maxTextChars'
    | 'notes'
    | 'closeAfterHours'
  >
> & { maxBytes?: number; closed?: boolean };

/** Staff edit a deliverable's policy (policy is data). Each refusal names the field it is about. */
export async function updateDeliverable(
  deps: Pick<WorkDeps, 'db' | 'clock'>,
  work: WorkCourse,
  key: string,
  patch: DeliverablePatch,
): Promise<CourseDeliverable> {
  authorize(work.access, 'manageCourse');
  const current = findDeliverable(work, key);
  const { maxBytes, closed, ...rest } = patch;
  const spec: Deliverable = { ...current.spec, ...rest };
  if (rest.title !== undefined) {
    spec.title = checkText(rest.title, 'title', 'The title');
    if (spec.title === '')
      throw new DomainError('invalid_input', 'Give the deliverable a title.', { field: 'title' });
    if (/[\r\n\t]/.test(spec.title))
      throw new DomainError('invalid_input', 'The title is one line.', { field: 'title' });
  }
  if (rest.notes !== undefined)
    spec.notes = rest.notes.map((n, i) => checkText(n, `notes.${i}`, 'A note')).filter((n) => n !== '');
  if (maxBytes !== undefined) {
    if (!spec.fileRules)
      throw new DomainError(
        'invalid_input',
        `"${spec.title}" is handed in as text, so it has no size limit.`,
        { field: 'maxBytes' },
      );
    spec.fileRules = { ...spec.fileRules, maxBytes };
  }
  if (rest.maxTextChars !== undefined && rest.maxTextChars !== null && !spec.textAllowed) {
    throw new DomainError(
      'invalid_input',
      `"${spec.title}" is handed in as a file, so it has no text length limit.`,
      { field: 'maxTextChars' },
    );
  }
  if (!LATE_RULES.includes(spec.lateRule) || !DELIVERABLE_KINDS.includes(spec.kind))
    throw new DomainError('invalid_input', 'Unknown late rule.', { field: 'lateRule' });
  if (spec.dueRule.kind === 'absolute') {
    if (spec.perMeeting)
      throw new DomainError(
        'invalid_input',
        `"${spec.title}" is handed in for each class, so its deadline is set relative to the class.`,
        { field: 'dueRule' },
      );
    try {
      spec.dueRule = { kind: 'absolute', at: new Date(toMillis(spec.dueRule.at)).toISOString() };
    } catch {
      throw new DomainError('invalid_input', 'The deadline must be a date and time with a zone offset.', {
        field: 'dueRule.at',
      });
    }
  } else if (!spec.perMeeting) {
    throw new DomainError(
      'invalid_input',
      `"${spec.title}" is handed in once for the course, so its deadline is a date and time, not relative to a class.`,
      { field: 'dueRule' },
    );
  }
  const isClosed = closed ?? current.closed;
  await updateDeliverableRow(deps.db, work.course.id, key, {
    spec: JSON.stringify(spec),
    closed: isClosed ? 1 : 0,
    updated_at: deps.clock().toISOString(),
  });
  await auditStaffAction(deps.db, deps.clock(), work.access, 'deliverable-edited', key, {
    fields: Object.keys(patch).sort(),
  });
  return { spec, closed: isClosed };
}
