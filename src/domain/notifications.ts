// Notification kinds and delivery modes, their defaults, and when a daily digest is due (pure rules).
import { DateTime } from 'luxon';

export const NOTIFICATION_KINDS = [
  'announcements',
  'replies',
  'mentions',
  'discussions',
  'reminders',
] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

export const DELIVERY_MODES = ['instant', 'digest', 'off'] as const;
export type DeliveryMode = (typeof DELIVERY_MODES)[number];

/** At once for announcements and reminders; discussion traffic goes to the daily digest until the person chooses. */
export const DEFAULT_MODES: Record<NotificationKind, DeliveryMode> = {
  announcements: 'instant',
  replies: 'digest',
  mentions: 'instant',
  discussions: 'digest',
  reminders: 'instant',
};

export const KIND_LABELS: Record<NotificationKind, string> = {
  announcements: 'Announcements',
  replies: 'Replies to me',
  mentions: 'Mentions',
  discussions: 'New discussions',
  reminders: 'Deadline reminders',
};

export const DEFAULT_DIGEST_HOUR = 8;
export const DEFAULT_DIGEST_ZONE = 'UTC';

export function isNotificationKind(v: string): v is NotificationKind {
  return (NOTIFICATION_KINDS as readonly string[]).includes(v);
}

export function isTimeZone(zone: string): boolean {
  return zone.length <= 64 && DateTime.now().setZone(zone).isValid;
}

/**
 * The local date whose digest is due at `now`, or null before the person's digest hour today.
 * One digest per local date: the caller claims (person, date) once.
 */
export function digestDateDue(now: Date, hour: number, zone: string): string | null {
  const local = DateTime.fromMillis(now.getTime(), { zone });
  return local.hour >= hour ? local.toISODate() : null;
}
