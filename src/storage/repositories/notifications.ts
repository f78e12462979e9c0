// Notification settings per person and kind, digest items and digests sent, course reminder settings and sent keys.
import type { AnyDb } from '../db.js';
import {
  notifyDb,
  type DigestItemRow,
  type NotificationPrefsRow,
  type NotificationSettingRow,
} from './notification-tables.js';

export type { DigestItemRow, NotificationPrefsRow };

type Handle = AnyDb;

export async function findPrefsRow(db: Handle, userId: string): Promise<NotificationPrefsRow | undefined> {
  return notifyDb(db)
    .selectFrom('notification_prefs')
    .selectAll()
    .where('user_id', '=', userId)
    .executeTakeFirst();
}

/** Inserts the person's prefs row unless there is one (the first writer's secret stays). */
export async function insertPrefsRowIfMissing(db: Handle, row: NotificationPrefsRow): Promise<void> {
  await notifyDb(db)
    .insertInto('notification_prefs')
    .values(row)
    .onConflict((oc) => oc.column('user_id').doNothing())
    .execute();
}

export async function updateDigestTime(
  db: Handle,
  userId: string,
  hour: number,
  zone: string,
  now: string,
): Promise<void> {
  await notifyDb(db)
    .updateTable('notification_prefs')
    .set({ digest_hour: hour, digest_zone: zone, updated_at: now })
    .where('user_id', '=', userId)
    .execute();
}

export async function listSettingRows(db: Handle, userIds: string[]): Promise<NotificationSettingRow[]> {
  if (userIds.length === 0) return [];
  return notifyDb(db)
    .selectFrom('notification_settings')
    .selectAll()
    .where('user_id', 'in', userIds)
    .execute();
}

export async function upsertSettingRow(db: Handle, row: NotificationSettingRow): Promise<void> {
  await notifyDb(db)
    .insertInto('notification_settings')
    .values(row)
    .onConflict((oc) =>
      oc.columns(['user_id', 'kind']).doUpdateSet({ mode: row.mode, updated_at: row.updated_at }),
    )
    .execute();
}

export async function insertDigestItems(db: Handle, rows: DigestItemRow[]): Promise<void> {
  if (rows.length === 0) return;
  await notifyDb(db).insertInto('digest_items').values(rows).execute();
}

/** People with digest items waiting, with their digest hour and zone (defaults when they have no prefs row). */
export async function listDigestWaiters(
  db: Handle,
): Promise<Array<{ user_id: string; digest_hour: number | null; digest_zone: string | null }>> {
  return notifyDb(db)
    .selectFrom('digest_items')
    .leftJoin('notification_prefs', 'notification_prefs.user_id', 'digest_items.user_id')
    .select(['digest_items.user_id', 'notification_prefs.digest_hour', 'notification_prefs.digest_zone'])
    .where('digest_items.digest_date', 'is', null)
    .distinct()
    .execute();
}

/** Claims today's digest of a person: false when one was claimed already (primary key). */
export async function claimDigest(
  db: Handle,
  userId: string,
  localDate: string,
  now: string,
): Promise<boolean> {
  const rows = await notifyDb(db)
    .insertInto('digests_sent')
    .values({ user_id: userId, local_date: localDate, created_at: now })
    .onConflict((oc) => oc.columns(['user_id', 'local_date']).doNothing())
    .returning('user_id')
    .execute();
  return rows.length > 0;
}

/** Takes the person's waiting digest items for the digest of `localDate` (oldest first). */
export async function takeDigestItems(
  db: Handle,
  userId: string,
  localDate: string,
): Promise<DigestItemRow[]> {
  const items = await notifyDb(db)
    .selectFrom('digest_items')
    .selectAll()
    .where('user_id', '=', userId)
    .where('digest_date', 'is', null)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
  if (items.length === 0) return [];
  await notifyDb(db)
    .updateTable('digest_items')
    .set({ digest_date: localDate })
    .where(
      'id',
      'in',
      items.map((i) => i.id),
    )
    .execute();
  return items;
}

export async function findReminderSettings(db: Handle, courseId: string): Promise<string | undefined> {
  const row = await notifyDb(db)
    .selectFrom('reminder_settings')
    .select('settings')
    .where('course_id', '=', courseId)
    .executeTakeFirst();
  return row?.settings;
}

export async function upsertReminderSettings(
  db: Handle,
  courseId: string,
  settings: string,
  now: string,
): Promise<void> {
  await notifyDb(db)
    .insertInto('reminder_settings')
    .values({ course_id: courseId, settings, updated_at: now })
    .onConflict((oc) => oc.column('course_id').doUpdateSet({ settings, updated_at: now }))
    .execute();
}

/** Claims one reminder (person, occasion): false when it was claimed before, by any run or instance. */
export async function claimReminder(
  db: Handle,
  userId: string,
  occasion: string,
  courseId: string,
  now: string,
): Promise<boolean> {
  const rows = await notifyDb(db)
    .insertInto('reminder_deliveries')
    .values({ user_id: userId, occasion, course_id: courseId, created_at: now })
    .onConflict((oc) => oc.columns(['user_id', 'occasion']).doNothing())
    .returning('user_id')
    .execute();
  return rows.length > 0;
}

/** The courses with anyone enrolled, for the reminder run. */
export async function listCoursesForReminders(
  db: Handle,
): Promise<Array<{ id: string; slug: string; title: string }>> {
  return notifyDb(db).selectFrom('courses').select(['id', 'slug', 'title']).orderBy('slug').execute();
}
