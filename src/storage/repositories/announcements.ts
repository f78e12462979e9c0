// Announcements (migration 2026_12_07_0200): written by staff, shown from publish_at, mailed once per person.
import type { AnyDb, Db } from '../db.js';
import { notifyDb, type AnnouncementRow } from './notification-tables.js';

export type { AnnouncementRow };

/** A course's announcements, newest first; only those published by `publishedBy` when given. */
export async function listAnnouncementRows(
  db: Db,
  courseId: string,
  publishedBy?: string,
): Promise<Array<AnnouncementRow & { author_name: string | null }>> {
  let q = notifyDb(db)
    .selectFrom('announcements')
    .leftJoin('users', 'users.id', 'announcements.author_id')
    .selectAll('announcements')
    .select('users.name as author_name')
    .where('announcements.course_id', '=', courseId);
  if (publishedBy !== undefined) q = q.where('announcements.publish_at', '<=', publishedBy);
  return q.orderBy('announcements.publish_at', 'desc').orderBy('announcements.id', 'desc').execute();
}

export async function findAnnouncementRow(
  db: Db,
  courseId: string,
  id: string,
): Promise<AnnouncementRow | undefined> {
  return notifyDb(db)
    .selectFrom('announcements')
    .selectAll()
    .where('course_id', '=', courseId)
    .where('id', '=', id)
    .executeTakeFirst();
}

export async function insertAnnouncementRow(db: Db, row: AnnouncementRow): Promise<void> {
  await notifyDb(db).insertInto('announcements').values(row).execute();
}

/** Edits a still-scheduled announcement; answers false when it was published (or gone) meanwhile. */
export async function updateScheduledAnnouncement(
  db: Db,
  id: string,
  now: string,
  patch: Pick<AnnouncementRow, 'title' | 'body' | 'publish_at' | 'updated_at'>,
): Promise<boolean> {
  const r = await notifyDb(db)
    .updateTable('announcements')
    .set(patch)
    .where('id', '=', id)
    .where('publish_at', '>', now)
    .where('mailed_at', 'is', null)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}

export async function deleteScheduledAnnouncement(db: Db, id: string, now: string): Promise<boolean> {
  const r = await notifyDb(db)
    .deleteFrom('announcements')
    .where('id', '=', id)
    .where('publish_at', '>', now)
    .where('mailed_at', 'is', null)
    .executeTakeFirst();
  return Number(r.numDeletedRows) > 0;
}

/** Announcements whose time has come and whose mail is not queued yet (every course). */
export async function listUnmailedAnnouncements(
  db: Db,
  now: string,
): Promise<Array<AnnouncementRow & { course_title: string; course_slug: string }>> {
  return notifyDb(db)
    .selectFrom('announcements')
    .innerJoin('courses', 'courses.id', 'announcements.course_id')
    .selectAll('announcements')
    .select(['courses.title as course_title', 'courses.slug as course_slug'])
    .where('announcements.mailed_at', 'is', null)
    .where('announcements.publish_at', '<=', now)
    .orderBy('announcements.publish_at')
    .limit(50)
    .execute();
}

/** Everyone enrolled (not dropped) in a course, any role. */
export async function listEnrolledIds(db: AnyDb, courseId: string): Promise<string[]> {
  const rows = await notifyDb(db)
    .selectFrom('enrollments')
    .select('user_id')
    .where('course_id', '=', courseId)
    .where('dropped_at', 'is', null)
    .execute();
  return rows.map((r) => r.user_id);
}

/**
 * Claims the delivery of an announcement to these people: answers those not claimed before (the
 * primary key decides, so two instances running this at once claim each person once).
 */
export async function claimAnnouncementDeliveries(
  trx: AnyDb,
  announcementId: string,
  userIds: string[],
  now: string,
): Promise<string[]> {
  if (userIds.length === 0) return [];
  const rows = await notifyDb(trx)
    .insertInto('announcement_deliveries')
    .values(userIds.map((user_id) => ({ announcement_id: announcementId, user_id, created_at: now })))
    .onConflict((oc) => oc.columns(['announcement_id', 'user_id']).doNothing())
    .returning('user_id')
    .execute();
  return rows.map((r) => r.user_id);
}

export async function markAnnouncementMailed(trx: AnyDb, id: string, now: string): Promise<void> {
  await notifyDb(trx)
    .updateTable('announcements')
    .set({ mailed_at: now })
    .where('id', '=', id)
    .where('mailed_at', 'is', null)
    .execute();
}
