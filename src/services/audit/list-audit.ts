// Reads the audit log of a course (its instructors and the administrator) or of the whole instance (administrator).
import type { Db } from '../../storage/db.js';
import { listAudit, type AuditRow } from '../../storage/repositories/audit.js';

export interface AuditEntryView {
  id: string;
  at: string;
  actor: string | null;
  action: string;
  target: string | null;
  ip: string | null;
  userAgent: string | null;
  details: Record<string, unknown> | null;
}

function view(row: AuditRow): AuditEntryView {
  return {
    id: row.id,
    at: row.at,
    actor: row.actor_email,
    action: row.action,
    target: row.target,
    ip: row.ip,
    userAgent: row.user_agent,
    details: row.details ? (JSON.parse(row.details) as Record<string, unknown>) : null,
  };
}

/** A page of entries, newest first; pass the last id as `before` for the next page. Authorization is the caller's. */
export async function readAuditLog(
  db: Db,
  opts: { courseId: string | null; before?: string; limit?: number },
): Promise<{ entries: AuditEntryView[]; next: string | null }> {
  const limit = Math.min(Math.max(opts.limit ?? 50, 1), 200);
  const rows = await listAudit(db, { courseId: opts.courseId, before: opts.before, limit });
  return { entries: rows.map(view), next: rows.length === limit ? rows[rows.length - 1]!.id : null };
}
