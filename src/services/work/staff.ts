// Staff actions on hand-ins: extensions, comments and proposal decisions, the counted version, editing a deliverable.
import { ulid } from 'ulid';
import { DELIVERABLE_KINDS, LATE_RULES, type Deliverable } from '../../domain/deliverables.js';
import { extensionBlocker, type ExtensionTarget } from '../../domain/extensions.js';
import { toMillis } from '../../domain/due.js';
import { findSubmission, insertExtension, insertReview, setCountedChoice, updateDeliverableRow } from '../../storage/repositories/work.js';
import { authorize } from '../enrollment/course-access.js';
import { DomainError } from '../errors.js';
import { findDeliverable, regularDue, type WorkCourse, type WorkDeps } from './context.js';

export async function grantExtension(
  deps: Pick<WorkDeps, 'db' | 'clock'>,
  work: WorkCourse,
  input: { deliverableKey: string; meetingDate: string | null; target: ExtensionTarget; dueAt: string; reason: string | null },
): Promise<{ id: string; dueAt: string }> {
  authorize(work.access, 'grade');
  const { spec } = findDeliverable(work, input.deliverableKey);
  if (Number.isNaN(Date.parse(input.dueAt))) throw new DomainError('invalid_input', 'The new deadline is not a date and time.', { field: 'dueAt' });
  const newDue = new Date(input.dueAt).toISOString();
  const regular = regularDue(work.course, spec, spec.perMeeting ? input.meetingDate : null);
  const blocker = extensionBlocker({ granterIsStaff: true, deliverable: spec, target: input.target, meetingDate: input.meetingDate, regularDue: regular, newDue });
  if (blocker) {
    const text = { 'not-staff': 'Only staff grant extensions.', 'wrong-target': 'Group work is extended for a group, not one student.', 'meeting-required': 'Say which class the extension is for.', 'not-later': 'The new deadline must be after the regular one.' }[blocker];
    throw new DomainError('invalid_input', text, { reason: blocker });
  }
  const id = ulid();
  await insertExtension(deps.db, {
    id,
    course_id: work.course.id,
    deliverable_key: spec.key,
    meeting_date: spec.perMeeting ? input.meetingDate : null,
    target_kind: input.target.kind,
    target_id: input.target.kind === 'group' ? input.target.groupId : input.target.userId,
    due_at: newDue,
    granted_by: work.access.viewer!.userId,
    granted_at: deps.clock().toISOString(),
    reason: input.reason,
  });
  return { id, dueAt: newDue };
}

/** A staff comment on any hand-in, or a decision on one that needs approval (the proposal). */
export async function reviewSubmission(
  deps: Pick<WorkDeps, 'db' | 'clock'>,
  work: WorkCourse,
  submissionId: string,
  input: { decision: 'comment' | 'approved' | 'returned'; body: string },
): Promise<{ id: string }> {
  authorize(work.access, 'grade');
  const submission = await findSubmission(deps.db, submissionId);
  if (!submission || submission.course_id !== work.course.id) throw new DomainError('not_found', 'No such hand-in in this course.');
  const { spec } = findDeliverable(work, submission.deliverable_key);
  if (input.decision !== 'comment' && !spec.needsApproval) throw new DomainError('invalid_input', `"${spec.title}" is not approved or returned; leave a comment instead.`);
  if (input.decision === 'returned' && input.body.trim() === '') throw new DomainError('invalid_input', 'Say what to change when returning work.', { field: 'body' });
  if (input.decision === 'comment' && input.body.trim() === '') throw new DomainError('invalid_input', 'The comment is empty.', { field: 'body' });
  const id = ulid();
  await insertReview(deps.db, { id, submission_id: submissionId, author_id: work.access.viewer!.userId, decision: input.decision, body: input.body.trim(), created_at: deps.clock().toISOString() });
  return { id };
}

/** Staff choose which version counts (instead of the last one on time). */
export async function chooseCountedVersion(deps: Pick<WorkDeps, 'db' | 'clock'>, work: WorkCourse, submissionId: string): Promise<{ submissionId: string }> {
  authorize(work.access, 'grade');
  const s = await findSubmission(deps.db, submissionId);
  if (!s || s.course_id !== work.course.id) throw new DomainError('not_found', 'No such hand-in in this course.');
  await setCountedChoice(deps.db, { course_id: s.course_id, deliverable_key: s.deliverable_key, slot: s.slot, owner: s.owner, submission_id: s.id, set_by: work.access.viewer!.userId, set_at: deps.clock().toISOString() });
  return { submissionId };
}

export type DeliverablePatch = Partial<Pick<Deliverable, 'title' | 'dueRule' | 'lateRule' | 'graceMinutes' | 'allowance' | 'maxTextChars' | 'notes' | 'closeAfterHours'>> & { maxBytes?: number; closed?: boolean };

/** Staff edit a deliverable's policy (policy is data). */
export async function updateDeliverable(deps: Pick<WorkDeps, 'db' | 'clock'>, work: WorkCourse, key: string, patch: DeliverablePatch): Promise<Deliverable> {
  authorize(work.access, 'manageCourse');
  const current = findDeliverable(work, key);
  const { maxBytes, closed, ...rest } = patch;
  const spec: Deliverable = { ...current.spec, ...rest };
  if (maxBytes !== undefined && spec.fileRules) spec.fileRules = { ...spec.fileRules, maxBytes };
  if (!LATE_RULES.includes(spec.lateRule) || !DELIVERABLE_KINDS.includes(spec.kind)) throw new DomainError('invalid_input', 'Unknown late rule.');
  if (spec.dueRule.kind === 'absolute') {
    try {
      toMillis(spec.dueRule.at);
    } catch {
      throw new DomainError('invalid_input', 'The deadline must be an ISO-8601 instant with an offset.', { field: 'dueRule' });
    }
  }
  await updateDeliverableRow(deps.db, work.course.id, key, { spec: JSON.stringify(spec), closed: (closed ?? current.closed) ? 1 : 0, updated_at: deps.clock().toISOString() });
  return spec;
}
