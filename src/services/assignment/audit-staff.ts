// Records the staff actions of groups and the role assignment in the course's audit log (who, what, when).
import type { Db } from '../../storage/db.js';
import { findUserById } from '../../storage/repositories/users.js';
import { recordAudit, type AuditAction } from '../audit/record-audit.js';
import type { CourseAccess } from '../enrollment/course-access.js';

/** The actor is the signed-in person; the CLI and the demo seed (no account) are logged without one. */
export async function auditStaffAction(
  db: Db,
  at: Date,
  access: CourseAccess,
  action: AuditAction,
  target: string | null,
  details?: Record<string, unknown>,
): Promise<void> {
  const user = access.viewer ? await findUserById(db, access.viewer.userId) : undefined;
  await recordAudit(db, at, {
    actor: user ? { id: user.id, email: user.email } : null,
    courseId: access.course.id,
    action,
    target,
    details: { ...(details ?? {}), ...(user ? {} : { by: access.viewer?.userId ?? 'system' }) },
  });
}
