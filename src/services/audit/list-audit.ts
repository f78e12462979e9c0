// Reads the audit log of a course (its instructors and the administrator) or of the whole instance (administrator),
// with the names its entries refer to and the zone each is read in.
import type { Db } from '../../storage/db.js';
import { listAudit, type AuditRow } from '../../storage/repositories/audit.js';
import { listCourseRows } from '../../storage/repositories/course-reader.js';
import { listGroups } from '../../storage/repositories/groups.js';
import { findUsersByEmails, findUsersByIds } from '../../storage/repositories/users.js';
import { listDeliverableRows } from '../../storage/repositories/work.js';

export interface AuditEntryView {
  id: string;
  at: string;
  actorId: string | null;
  actor: string | null;
  action: string;
  target: string | null;
  ip: string | null;
  userAgent: string | null;
  details: Record<string, unknown> | null;
  /** The zone the entry reads in: its course's, else UTC. */
  timeZone: string;
}

/** Names of the people, groups and deliverables the entries of a page refer to. */
export interface AuditNameBook {
  people: Map<string, string>;
  groups: Map<string, string>;
  deliverables: Map<string, string>;
}

function view(row: AuditRow, zones: Map<string, string>): AuditEntryView {
  return {
    id: row.id,
    at: row.at,
    actorId: row.actor_id,
    actor: row.actor_email,
    action: row.action,
    target: row.target,
    ip: row.ip,
    userAgent: row.user_agent,
    details: row.details ? (JSON.parse(row.details) as Record<string, unknown>) : null,
    timeZone: (row.course_id ? zones.get(row.course_id) : undefined) ?? 'UTC',
  };
}

async function nameBook(db: Db, rows: AuditRow[], entries: AuditEntryView[]): Promise<AuditNameBook> {
  const ids = new Set<string>();
  const emails = new Set<string>();
  for (const e of entries) {
    if (e.actorId) ids.add(e.actorId);
    for (const ref of [e.target, e.actor]) {
      if (!ref) continue;
      if (ref.includes('@')) emails.add(ref.toLowerCase());
      else ids.add(ref.replace(/^u:/, ''));
    }
  }
  const people = new Map<string, string>();
  for (const u of [...(await findUsersByIds(db, [...ids])), ...(await findUsersByEmails(db, [...emails]))]) {
    people.set(u.id, u.name);
    people.set(u.email, u.name);
  }
  const groups = new Map<string, string>();
  const deliverables = new Map<string, string>();
  for (const courseId of new Set(rows.map((r) => r.course_id).filter((c): c is string => c !== null))) {
    for (const g of await listGroups(db, courseId)) groups.set(g.id, g.name);
    for (const d of await listDeliverableRows(db, courseId)) {
      const title = (JSON.parse(d.spec) as { title?: unknown }).title;
      if (typeof title === 'string') deliverables.set(d.key, title);
    }
  }
  return { people, groups, deliverables };
}

/** A page of entries, newest first; pass the last id as `before` for the next page. Authorization is the caller's. */
export async function readAuditLog(
  db: Db,
  opts: { courseId: string | null; before?: string; limit?: number },
): Promise<{ entries: AuditEntryView[]; names: AuditNameBook; next: string | null }> {
  const limit = Math.min(Math.max(opts.limit ?? 50, 1), 200);
  const rows = await listAudit(db, { courseId: opts.courseId, before: opts.before, limit });
  const zones = new Map((await listCourseRows(db)).map((c) => [c.id, c.timeZone]));
  const entries = rows.map((r) => view(r, zones));
  return {
    entries,
    names: await nameBook(db, rows, entries),
    next: rows.length === limit ? rows[rows.length - 1]!.id : null,
  };
}
