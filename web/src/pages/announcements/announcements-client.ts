// The web client's calls to the announcements, reminder settings, notification settings and unsubscribe API.
import { call } from '../../auth/client.js';

export interface Announcement {
  id: string;
  title: string;
  body: string;
  /** Sanitized HTML of the Markdown body (rendered by the server). */
  html: string;
  publishAt: string;
  /** "2026-09-14T08:00" in the course's zone, for the edit form. */
  publishAtLocal: string;
  scheduled: boolean;
  mailed: boolean;
  author: string | null;
}

export interface AnnouncementList {
  now: string;
  timeZone: string;
  canWrite: boolean;
  announcements: Announcement[];
}

export interface AnnouncementInput {
  title: string;
  body: string;
  publishAt: string | null;
}

export type ReminderKind = 'questions' | 'slides' | 'summary' | 'milestones';

export interface ReminderOccasion {
  hoursBefore?: number;
  dayBeforeAt?: string;
}

export interface ReminderSettingsView {
  now: string;
  timeZone: string;
  kinds: Array<{
    kind: ReminderKind;
    label: string;
    anchor: 'class' | 'deadline';
    on: boolean;
    occasions: ReminderOccasion[];
  }>;
}

export type NotificationKind = 'announcements' | 'replies' | 'mentions' | 'discussions' | 'reminders';
export type DeliveryMode = 'instant' | 'digest' | 'off';

export interface NotificationSettings {
  now: string;
  settings: { modes: Record<NotificationKind, DeliveryMode>; digestHour: number; digestZone: string };
}

const base = (slug: string) => `/api/courses/${encodeURIComponent(slug)}`;

export const announcementsApi = {
  list: (slug: string) => call<AnnouncementList>('GET', `${base(slug)}/announcements`),
  create: (slug: string, body: AnnouncementInput) =>
    call<{ announcement: Announcement }>('POST', `${base(slug)}/announcements`, body),
  edit: (slug: string, id: string, body: AnnouncementInput) =>
    call<{ announcement: Announcement }>(
      'PATCH',
      `${base(slug)}/announcements/${encodeURIComponent(id)}`,
      body,
    ),
  remove: (slug: string, id: string) =>
    call<{ deleted: string }>('DELETE', `${base(slug)}/announcements/${encodeURIComponent(id)}`),
  reminders: (slug: string) => call<ReminderSettingsView>('GET', `${base(slug)}/reminders`),
  saveReminders: (slug: string, body: Partial<Record<ReminderKind, { on: boolean }>>) =>
    call<ReminderSettingsView>('PUT', `${base(slug)}/reminders`, body),
};

export const notificationsApi = {
  get: () => call<NotificationSettings>('GET', '/api/account/notifications'),
  save: (body: {
    modes?: Partial<Record<NotificationKind, DeliveryMode>>;
    digestHour?: number;
    digestZone?: string;
  }) => call<NotificationSettings>('PUT', '/api/account/notifications', body),
  unsubscribe: (token: string) =>
    call<{ kinds: NotificationKind[] }>('POST', `/api/unsubscribe/${encodeURIComponent(token)}`),
};
