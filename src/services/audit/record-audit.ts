// Appends one security-relevant or staff action to the audit log: who, what, when, from where.
import { ulid } from 'ulid';
import type { Db } from '../../storage/db.js';
import { insertAudit } from '../../storage/repositories/audit.js';

export const AUDIT_ACTIONS = [
  'sign-in',
  'sign-in-failed',
  'sign-out',
  'sign-out-everywhere',
  'password-reset-requested',
  'password-reset',
  'password-changed',
  'name-changed',
  'invitation-accepted',
  'admin-created',
  'course-created',
  // Import review: a new version of the syllabus stored in place of the course, with staff's fixes.
  'syllabus-imported',
  'instructor-named',
  'join-link-created',
  'join-link-revoked',
  'joined-by-link',
  'roster-imported',
  'canvas-roster-imported',
  'role-changed',
  'student-dropped',
  'student-restored',
  'enrollment-start-set',
  // Groups and the role assignment (staff actions).
  'groups-formed',
  'group-member-moved',
  'roles-applied',
  'role-edited',
  'roles-published',
  'roles-unpublished',
  'assignment-settings-changed',
  // Deliverables and hand-ins (staff actions).
  'deliverable-edited',
  'extension-granted',
  'extension-revoked',
  'submission-reviewed',
  'counted-version-chosen',
  'counted-version-cleared',
  // Talk slots of the presentation days (staff actions).
  'talk-slots-applied',
  'talk-slot-moved',
  'talk-slot-removed',
  'talk-slots-published',
  'talk-slots-unpublished',
  'talk-slot-settings-changed',
  // Grades (staff actions; entering a score is not audited, overriding one member's is).
  'grade-category-edited',
  'grade-settings-changed',
  'grade-item-added',
  'grade-item-edited',
  'grade-item-removed',
  'grade-overridden',
  'grades-released',
  'grades-unreleased',
  'regrade-answered',
  // Peer feedback: whether and how much the peer median counts in a presentation's score.
  'peer-weight-changed',
  // Discussions: staff hide a post (or show it again).
  'discussion-post-hidden',
  'discussion-post-shown',
  // The course edited in the browser (a class added, moved or cancelled; readings, units, staff, policies).
  'course-edited',
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

export interface AuditEntry {
  actor: { id: string; email: string } | null;
  courseId: string | null;
  action: AuditAction;
  /** What was acted on, e.g. the e-mail of the dropped student. */
  target?: string | null;
  ip?: string | null;
  userAgent?: string | null;
  details?: Record<string, unknown>;
}

export async function recordAudit(db: Db, at: Date, entry: AuditEntry): Promise<void> {
  await insertAudit(db, {
    id: ulid(at.getTime()),
    at: at.toISOString(),
    actor_id: entry.actor?.id ?? null,
    actor_email: entry.actor?.email ?? null,
    course_id: entry.courseId,
    action: entry.action,
    target: entry.target ?? null,
    ip: entry.ip ?? null,
    user_agent: entry.userAgent ? entry.userAgent.slice(0, 300) : null,
    details: entry.details ? JSON.stringify(entry.details) : null,
  });
}
