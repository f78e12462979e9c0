// Deadline reminders as data: which kinds a course sends, their occasions (hours before, or a local time the day before), when each falls.
import { DateTime } from 'luxon';
import { toMillis, fromMillis, type Instant } from './due.js';

export const REMINDER_KINDS = ['questions', 'slides', 'summary', 'milestones'] as const;
export type ReminderKind = (typeof REMINDER_KINDS)[number];

/** One reminder: `hoursBefore` its anchor, or on the local day before the anchor at `dayBeforeAt` (HH:MM, course zone). */
export interface ReminderOccasion {
  hoursBefore?: number;
  dayBeforeAt?: string;
}

export interface ReminderKindSettings {
  on: boolean;
  occasions: ReminderOccasion[];
}

export type ReminderSettings = Record<ReminderKind, ReminderKindSettings>;

/**
 * Questions: the evening before the class (18:00); slides: 48 h and 26 h before the class starts;
 * summary: 2 h before its deadline; project milestones: 3 days and 1 day before theirs.
 */
export const DEFAULT_REMINDERS: ReminderSettings = {
  questions: { on: true, occasions: [{ dayBeforeAt: '18:00' }] },
  slides: { on: true, occasions: [{ hoursBefore: 48 }, { hoursBefore: 26 }] },
  summary: { on: true, occasions: [{ hoursBefore: 2 }] },
  milestones: { on: true, occasions: [{ hoursBefore: 72 }, { hoursBefore: 24 }] },
};

/** What each kind is counted from: the class's start (questions, slides) or the deadline itself. */
export const REMINDER_ANCHOR: Record<ReminderKind, 'class' | 'deadline'> = {
  questions: 'class',
  slides: 'class',
  summary: 'deadline',
  milestones: 'deadline',
};

export const REMINDER_LABELS: Record<ReminderKind, string> = {
  questions: 'Questions on the readings',
  slides: 'Slides',
  summary: 'Summary',
  milestones: 'Project milestones',
};

/** The reminder kind of a deliverable kind, or null for work without reminders. */
export function reminderKindOf(deliverableKind: string): ReminderKind | null {
  if (deliverableKind === 'question') return 'questions';
  if (deliverableKind === 'slides') return 'slides';
  if (deliverableKind === 'summary') return 'summary';
  if (['proposal', 'presentation', 'poster', 'report', 'code'].includes(deliverableKind)) return 'milestones';
  return null;
}

/** A stable name of an occasion (part of the exactly-once key). */
export function occasionName(o: ReminderOccasion): string {
  return o.dayBeforeAt !== undefined ? `eve-${o.dayBeforeAt}` : `h${o.hoursBefore ?? 0}`;
}

/** When an occasion falls, for an anchor instant in the course's zone. */
export function occasionInstant(o: ReminderOccasion, anchor: Instant, zone: string): Instant {
  if (o.dayBeforeAt !== undefined) {
    const [h, m] = o.dayBeforeAt.split(':').map(Number) as [number, number];
    const day = DateTime.fromMillis(toMillis(anchor), { zone }).startOf('day').minus({ days: 1 });
    return fromMillis(day.set({ hour: h, minute: m }).toMillis());
  }
  return fromMillis(toMillis(anchor) - (o.hoursBefore ?? 0) * 3_600_000);
}

/**
 * The occasion due at `now` for one deadline: the latest occasion that has fallen while the deadline
 * is still ahead (earlier ones a stopped server missed are not sent on top of it), or null.
 */
export function dueOccasion(
  occasions: readonly ReminderOccasion[],
  anchor: Instant,
  deadline: Instant,
  zone: string,
  now: Instant,
): { name: string; at: Instant } | null {
  const t = toMillis(now);
  if (t >= toMillis(deadline)) return null;
  let best: { name: string; at: Instant } | null = null;
  for (const o of occasions) {
    const at = occasionInstant(o, anchor, zone);
    if (toMillis(at) <= t && (best === null || toMillis(at) > toMillis(best.at)))
      best = { name: occasionName(o), at };
  }
  return best;
}

/** Stored settings read over the defaults (a kind or field missing keeps its default). */
export function reminderSettingsFrom(json: string | undefined): ReminderSettings {
  const out: ReminderSettings = structuredClone(DEFAULT_REMINDERS);
  if (!json) return out;
  try {
    const stored = JSON.parse(json) as Partial<Record<ReminderKind, Partial<ReminderKindSettings>>>;
    for (const kind of REMINDER_KINDS) {
      const s = stored[kind];
      if (!s) continue;
      if (typeof s.on === 'boolean') out[kind].on = s.on;
      if (Array.isArray(s.occasions)) out[kind].occasions = s.occasions;
    }
  } catch {
    // Unreadable settings: the defaults.
  }
  return out;
}
