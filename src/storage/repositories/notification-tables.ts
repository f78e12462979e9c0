// Tables of migration 2026_12_07_0200_notifications: announcements, notification settings, digests, reminders.
import type { Kysely } from 'kysely';
import type { AnyDb } from '../db.js';
import type { AccountTables } from './account-tables.js';

export interface AnnouncementRow {
  id: string;
  course_id: string;
  author_id: string | null;
  title: string;
  /** Markdown. */
  body: string;
  publish_at: string;
  mailed_at: string | null;
  created_at: string;
  updated_at: string;
}

export interface AnnouncementDeliveryRow {
  announcement_id: string;
  user_id: string;
  created_at: string;
}

export interface NotificationPrefsRow {
  user_id: string;
  digest_hour: number;
  digest_zone: string;
  unsub_secret: string;
  updated_at: string;
}

export interface NotificationSettingRow {
  user_id: string;
  kind: string;
  mode: string;
  updated_at: string;
}

export interface DigestItemRow {
  id: string;
  user_id: string;
  kind: string;
  subject: string;
  text: string;
  link: string | null;
  created_at: string;
  digest_date: string | null;
}

export interface DigestSentRow {
  user_id: string;
  local_date: string;
  created_at: string;
}

export interface ReminderSettingsRow {
  course_id: string;
  settings: string;
  updated_at: string;
}

export interface ReminderDeliveryRow {
  user_id: string;
  occasion: string;
  course_id: string;
  created_at: string;
}

export interface NotificationTables {
  announcements: AnnouncementRow;
  announcement_deliveries: AnnouncementDeliveryRow;
  notification_prefs: NotificationPrefsRow;
  notification_settings: NotificationSettingRow;
  digest_items: DigestItemRow;
  digests_sent: DigestSentRow;
  reminder_settings: ReminderSettingsRow;
  reminder_deliveries: ReminderDeliveryRow;
  enrollments: AccountTables['enrollments'];
  users: AccountTables['users'];
  courses: { id: string; slug: string; title: string; time_zone: string };
}

export type NotifyDb = Kysely<NotificationTables>;

/** The shared handle (or a transaction on it), typed for these tables. */
export function notifyDb(db: AnyDb): NotifyDb {
  return db as unknown as NotifyDb;
}
