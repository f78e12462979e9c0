// Meetings that keep their id on another day (a shifted schedule): how the days and instants tied to them move.

import { DateTime } from 'luxon';

export interface MeetingMove {
  /** Local date YYYY-MM-DD before the re-import. */
  from: string;
  /** Local date YYYY-MM-DD after it. */
  to: string;
}

/** Whole days from one local date to another (negative when earlier). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/** The moves as a map old date → new date, unchanged dates left out. */
export function movedDates(moves: readonly MeetingMove[]): Map<string, string> {
  return new Map(moves.filter((m) => m.from !== m.to).map((m) => [m.from, m.to]));
}

/**
 * An instant tied to a meeting (an extension of its deadline) moved with it: the same local
 * wall-clock time `days` days later in the course's zone, so "Thursday 18:00" stays 18:00 across
 * a change of daylight-saving time. ISO-8601 UTC in and out.
 */
export function moveInstantByDays(instant: string, days: number, timeZone: string): string {
  const moved = DateTime.fromISO(instant, { zone: timeZone }).plus({ days });
  if (!moved.isValid) return instant;
  return new Date(moved.toMillis()).toISOString();
}
