// Due instants from due rules: absolute, or relative to a meeting's start/end in the course's zone.
//
// Decision — "24 h" means 24 elapsed hours, not "the same wall-clock time the day before".
// A deadline like "at least 24 hours prior to the class" or "within 24 hours after its
// presentation" is a duration: a student counting the hours, and lateBy() measuring them,
// both work in elapsed time. The wall-clock reading would make the window 23 or 25 real hours
// long whenever it spans a daylight-saving change (a summary due "24 h" after a class could
// in fact be accepted 25 h later). The meeting's own start and end are wall-clock times on
// its local date in the course's zone, so a change of offset never moves a class; the offset
// is then applied to that instant. For the demo course (Monday/Wednesday 9:30–10:45 in
// America/Chicago) both readings agree, because a 24 h window before a Monday class begins
// on Sunday at 9:30, after the 2:00 change; they differ only for meetings within 24 h of it.

import { DateTime } from 'luxon';
import type { CourseModel, Meeting } from './course.js';
import type { Deliverable, DueRule } from './deliverables.js';

/** An instant as ISO-8601 UTC text ("2024-12-20T00:00:00.000Z"). */
export type Instant = string;

export class DueRuleError extends Error {
  override name = 'DueRuleError';
}

const HOUR_MS = 3_600_000;

const CANONICAL_CACHE = 4096;
const canonicalMillis = new Map<string, number>();
/** The last clock reading instantOf wrote, and its milliseconds. */
let lastNow: Instant | null = null;
let lastNowMs = Number.NaN;

const CANONICAL = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

/** Parses an ISO-8601 instant that carries an offset or Z; throws on anything else. */
export function toMillis(instant: Instant): number {
  if (instant === lastNow) return lastNowMs;
  const known = canonicalMillis.get(instant);
  if (known !== undefined) return known;
  // The server's own form (toISOString, every stored instant): read natively when it reads back the same.
  if (instant.length === 24 && CANONICAL.test(instant)) {
    const ms = Date.parse(instant);
    if (!Number.isNaN(ms) && new Date(ms).toISOString() === instant) {
      // Grades and deadlines compare the same few hundred instants over and over: remember them (bounded).
      if (canonicalMillis.size >= CANONICAL_CACHE) canonicalMillis.clear();
      canonicalMillis.set(instant, ms);
      return ms;
    }
  }
  if (!/(Z|[+-]\d{2}:?\d{2})$/i.test(instant)) {
    throw new DueRuleError(`instant without an offset: ${instant}`);
  }
  const parsed = DateTime.fromISO(instant, { setZone: true });
  if (!parsed.isValid) throw new DueRuleError(`not an ISO-8601 instant: ${instant}`);
  return parsed.toMillis();
}

/** Instants of the same few hundred deadlines, by milliseconds (bounded as canonicalMillis is). */
const instantsByMillis = new Map<number, Instant>();

export function fromMillis(ms: number): Instant {
  let instant = instantsByMillis.get(ms);
  if (instant === undefined) {
    instant = new Date(ms).toISOString();
    if (instantsByMillis.size >= CANONICAL_CACHE) instantsByMillis.clear();
    instantsByMillis.set(ms, instant);
  }
  return instant;
}

/**
 * The instant of a clock reading (its toISOString), known to toMillis from then on without
 * parsing it back: a request's "now" is compared with its deadlines several times, and the
 * requests of one millisecond share its text.
 */
export function instantOf(date: Date): Instant {
  const ms = date.getTime();
  if (ms !== lastNowMs || lastNow === null) {
    lastNow = date.toISOString();
    lastNowMs = ms;
  }
  return lastNow;
}

/** The instant plus (or minus) a number of elapsed hours. */
export function addElapsedHours(instant: Instant, hours: number): Instant {
  return fromMillis(toMillis(instant) + hours * HOUR_MS);
}

/**
 * The instant of a local wall-clock time on a local date in an IANA zone.
 * A time inside a spring-forward gap (02:30 on the change day) does not exist; it is moved
 * forward by the gap (03:30, the first wall-clock time that exists). A time repeated by a
 * fall-back change (01:30) takes its first occurrence (the daylight-time one).
 */
export function localInstant(date: string, time: string, timeZone: string): Instant {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) throw new DueRuleError(`not a local date: ${date}`);
  if (!/^\d{2}:\d{2}(:\d{2})?$/.test(time)) throw new DueRuleError(`not a local time: ${time}`);
  const local = DateTime.fromISO(`${date}T${time}`, { zone: timeZone });
  if (!local.isValid) {
    throw new DueRuleError(
      `cannot place ${date} ${time} in ${timeZone}: ${local.invalidExplanation ?? local.invalidReason}`,
    );
  }
  // Luxon resolves a repeated wall-clock time to its later occurrence; take the first one
  // (as iCalendar does) by looking one change-width back for the same wall-clock reading.
  const wall = local.toFormat('yyyy-MM-dd HH:mm:ss');
  for (const minutes of [60, 30]) {
    const earlier = local.minus({ minutes });
    if (earlier.toFormat('yyyy-MM-dd HH:mm:ss') === wall) return fromMillis(earlier.toMillis());
  }
  return fromMillis(local.toMillis());
}

/**
 * The last instant of a local date: 23:59:59.999 in the course's zone. A deadline given as a
 * date only ("by September 26"), or at "midnight" or "11:59 PM", is met by anything handed in on
 * that local date. The syllabus importer reads such deadlines to this same instant (docs/syllabus-model.md).
 */
export function endOfLocalDay(date: string, timeZone: string): Instant {
  return localInstant(date, '23:59:59', timeZone).replace('.000Z', '.999Z');
}

export type CourseClock = Pick<CourseModel, 'timeZone' | 'pattern'>;
export type MeetingWhen = Pick<Meeting, 'date' | 'startTime' | 'endTime'>;

/** Start and end instants of a meeting: its own times, else the course's pattern. */
export function meetingInterval(course: CourseClock, meeting: MeetingWhen): { start: Instant; end: Instant } {
  const startTime = meeting.startTime ?? course.pattern?.startTime ?? null;
  const endTime = meeting.endTime ?? course.pattern?.endTime ?? null;
  if (startTime === null || endTime === null) {
    throw new DueRuleError(`meeting ${meeting.date} has no start or end time and the course has no pattern`);
  }
  const start = localInstant(meeting.date, startTime, course.timeZone);
  const end = localInstant(meeting.date, endTime, course.timeZone);
  if (toMillis(end) <= toMillis(start)) {
    throw new DueRuleError(`meeting ${meeting.date} ends (${endTime}) before it starts (${startTime})`);
  }
  return { start, end };
}

/**
 * The due instant of a rule. Meeting-relative rules need the meeting: `start − 24h` is the
 * meeting's start instant minus 24 elapsed hours (see the note at the top of this file).
 */
export function dueAt(rule: DueRule, course: CourseClock, meeting?: MeetingWhen | null): Instant {
  if (rule.kind === 'absolute') return fromMillis(toMillis(rule.at));
  if (!meeting) throw new DueRuleError('a meeting-relative due rule needs its meeting');
  if (!Number.isFinite(rule.offsetHours)) throw new DueRuleError('offsetHours must be a finite number');
  const interval = meetingInterval(course, meeting);
  return addElapsedHours(rule.anchor === 'start' ? interval.start : interval.end, rule.offsetHours);
}

/** A due rule in words: "24 h before the class starts", "18:00 Thu Dec 19, 2024 CST". */
export function describeDueRule(rule: DueRule, timeZone: string): string {
  if (rule.kind === 'absolute') {
    return DateTime.fromMillis(toMillis(rule.at), { zone: timeZone }).toFormat('HH:mm ccc LLL d, yyyy ZZZZ');
  }
  const anchor = rule.anchor === 'start' ? 'the class starts' : 'the class ends';
  if (rule.offsetHours === 0) return `when ${anchor}`;
  const hours = Math.abs(rule.offsetHours);
  return `${hours} h ${rule.offsetHours < 0 ? 'before' : 'after'} ${anchor}`;
}

/** Whether instant `a` lies strictly after instant `b`. */
export function isAfter(a: Instant, b: Instant): boolean {
  return toMillis(a) > toMillis(b);
}

export interface Deadline {
  /** The meeting's local date for per-meeting deliverables; null for course-wide ones. */
  meetingDate: string | null;
  dueAt: Instant;
}

/**
 * Every regular deadline of a deliverable, in time order: one per meeting it applies to, or
 * one for a course-wide deliverable. Meetings it names but the course lacks are skipped.
 */
export function deadlinesOf(
  deliverable: Pick<Deliverable, 'dueRule' | 'perMeeting' | 'meetingDates'>,
  course: CourseClock & Pick<CourseModel, 'meetings'>,
): Deadline[] {
  if (!deliverable.perMeeting) return [{ meetingDate: null, dueAt: dueAt(deliverable.dueRule, course) }];
  const deadlines: Deadline[] = [];
  for (const date of deliverable.meetingDates) {
    const meeting = course.meetings.find((m) => m.date === date);
    if (meeting) deadlines.push({ meetingDate: date, dueAt: dueAt(deliverable.dueRule, course, meeting) });
  }
  return deadlines.sort((a, b) => toMillis(a.dueAt) - toMillis(b.dueAt));
}
