// The audit log: append-only rows of who did what, when, from where; read newest first.
import type { Db } from '../db.js';
import { accounts, type AuditRow } from './account-tables.js';

export type { AuditRow } from './account-tables.js';

export async function insertAudit(db: Db, row: AuditRow): Promise<void> {
  await accounts(db).insertInto('audit_log').values(row).execute();
}

/** Newest first; `before` is the id of the last row of the previous page. courseId null = whole instance. */
export async function listAudit(
  db: Db,
  opts: { courseId: string | null; before?: string; limit: number },
): Promise<AuditRow[]> {
  let q = accounts(db).selectFrom('audit_log').selectAll();
  if (opts.courseId !== null) q = q.where('course_id', '=', opts.courseId);
  if (opts.before) q = q.where('id', '<', opts.before);
  return q.orderBy('id', 'desc').limit(opts.limit).execute();
}
