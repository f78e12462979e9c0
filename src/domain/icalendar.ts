// iCalendar (RFC 5545) text of a calendar: events in the course's IANA zone with its VTIMEZONE, CRLF lines folded at 75 octets.
//
// Decision — times are written as local wall-clock times with TZID=<the course's zone>, and the feed carries a
// VTIMEZONE for that zone built from the zone's own offset changes (luxon's tz database) over the years the events
// span, one STANDARD or DAYLIGHT component per change. A class at 09:30 stays 09:30 on either side of the
// November change in every client, and a client that does not know the zone by name still reads the right
// instant from the VTIMEZONE. Deadlines are points in time: DTSTART without DTEND (RFC 5545 §3.6.1).

import { DateTime } from 'luxon';
import { toMillis, type Instant } from './due.js';

export type EventWhen =
  | { kind: 'timed'; start: Instant; end: Instant | null }
  /** A whole local day (no class, a holiday): DTSTART;VALUE=DATE. */
  | { kind: 'allDay'; date: string };

export interface CalendarEvent {
  /** Stable per event across requests and edits (a moved class keeps its UID). */
  uid: string;
  summary: string;
  description?: string;
  location?: string | null;
  url?: string | null;
  categories?: string[];
  when: EventWhen;
  /** Shown as free time (deadlines, days without class). */
  transparent?: boolean;
}

export interface Calendar {
  name: string;
  description?: string;
  timeZone: string;
  /** DTSTAMP of every event: when this text was made. */
  stamp: Instant;
  events: CalendarEvent[];
}

const MAX_OCTETS = 75;

/** TEXT value escaping (§3.3.11): backslash, semicolon, comma, newline; other control characters dropped. */
export function escapeText(value: string): string {
  return value
    .replace(/\r\n?/g, '\n')
    .split('')
    .filter((ch) => {
      const code = ch.charCodeAt(0);
      return ch === '\n' || (code >= 32 && code !== 127);
    })
    .join('')
    .replace(/\\/g, '\\\\')
    .replace(/;/g, '\\;')
    .replace(/,/g, '\\,')
    .replace(/\n/g, '\\n');
}

/** Folds one content line at 75 octets (§3.1), never inside a UTF-8 character; continuation lines start with a space. */
export function foldLine(line: string): string {
  if (Buffer.byteLength(line, 'utf8') <= MAX_OCTETS) return line;
  const parts: string[] = [];
  let current = '';
  let octets = 0;
  let limit = MAX_OCTETS;
  for (const ch of line) {
    const size = Buffer.byteLength(ch, 'utf8');
    if (octets + size > limit) {
      parts.push(current);
      current = '';
      octets = 0;
      limit = MAX_OCTETS - 1; // the leading space counts
    }
    current += ch;
    octets += size;
  }
  parts.push(current);
  return parts.join('\r\n ');
}

const utcStamp = (ms: number) => DateTime.fromMillis(ms, { zone: 'UTC' }).toFormat("yyyyMMdd'T'HHmmss'Z'");
const localStamp = (ms: number, zone: string) =>
  DateTime.fromMillis(ms, { zone }).toFormat("yyyyMMdd'T'HHmmss");
const dateValue = (date: string) => date.replace(/-/g, '');

function offsetText(minutes: number): string {
  const sign = minutes < 0 ? '-' : '+';
  const abs = Math.abs(minutes);
  return `${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}${String(abs % 60).padStart(2, '0')}`;
}

interface Change {
  at: number;
  from: number;
  to: number;
}

const DAY_MS = 86_400_000;

/** The zone's offset changes between two instants: found day by day, then to the second. */
export function offsetChanges(zone: string, fromMs: number, toMs: number): Change[] {
  const offset = (ms: number) => DateTime.fromMillis(ms, { zone }).offset;
  const changes: Change[] = [];
  let prev = fromMs;
  let prevOffset = offset(prev);
  for (let t = fromMs + DAY_MS; t <= toMs + DAY_MS; t += DAY_MS) {
    const o = offset(t);
    if (o === prevOffset) {
      prev = t;
      continue;
    }
    let lo = prev;
    let hi = t;
    while (hi - lo > 1000) {
      const mid = lo + Math.floor((hi - lo) / 2000) * 1000;
      if (offset(mid) === prevOffset) lo = mid;
      else hi = mid;
    }
    changes.push({ at: hi, from: prevOffset, to: o });
    prev = t;
    prevOffset = o;
  }
  return changes;
}

/** Runs of consecutive years: [2024, 2025, 1999] → [[1999, 1999], [2024, 2025]]. */
function yearRuns(years: readonly number[]): Array<[number, number]> {
  const runs: Array<[number, number]> = [];
  for (const year of [...new Set(years)].sort((a, b) => a - b)) {
    const last = runs.at(-1);
    if (last && last[1] === year - 1) last[1] = year;
    else runs.push([year, year]);
  }
  return runs;
}

/**
 * VTIMEZONE of a zone for the years events fall in: for each run of consecutive years, the offset in force at its
 * start, then each change. Only those years: one event decades away costs a year of offsets, not decades of them.
 */
export function vtimezone(zone: string, years: readonly number[]): string[] {
  const lines = ['BEGIN:VTIMEZONE', `TZID:${zone}`, `X-LIC-LOCATION:${zone}`];
  const component = (at: number, from: number, to: number) => {
    const after = DateTime.fromMillis(at, { zone });
    const kind = after.isInDST ? 'DAYLIGHT' : 'STANDARD';
    // DTSTART is the wall-clock time of the change as read before it (in the "from" offset).
    const wall = DateTime.fromMillis(at + from * 60_000, { zone: 'UTC' }).toFormat("yyyyMMdd'T'HHmmss");
    lines.push(
      `BEGIN:${kind}`,
      `TZOFFSETFROM:${offsetText(from)}`,
      `TZOFFSETTO:${offsetText(to)}`,
      `TZNAME:${escapeText(after.offsetNameShort ?? offsetText(to))}`,
      `DTSTART:${wall}`,
      `END:${kind}`,
    );
  };
  for (const [fromYear, toYear] of yearRuns(years)) {
    const start = DateTime.fromObject({ year: fromYear, month: 1, day: 1 }, { zone: 'UTC' }).toMillis();
    const end = DateTime.fromObject({ year: toYear + 1, month: 1, day: 1 }, { zone: 'UTC' }).toMillis();
    const first = DateTime.fromMillis(start, { zone });
    component(start, first.offset, first.offset);
    for (const change of offsetChanges(zone, start, end)) component(change.at, change.from, change.to);
  }
  lines.push('END:VTIMEZONE');
  return lines;
}

/** The years the events fall in (in the course's zone), or the stamp's year when there are none. */
function yearsOf(calendar: Calendar): number[] {
  const years = calendar.events.map((e) =>
    e.when.kind === 'allDay'
      ? Number(e.when.date.slice(0, 4))
      : DateTime.fromMillis(toMillis(e.when.start), { zone: calendar.timeZone }).year,
  );
  return years.length === 0
    ? [DateTime.fromMillis(toMillis(calendar.stamp), { zone: calendar.timeZone }).year]
    : years;
}

function nextDate(date: string): string {
  return DateTime.fromISO(date, { zone: 'UTC' }).plus({ days: 1 }).toFormat('yyyyMMdd');
}

function eventLines(event: CalendarEvent, zone: string, stamp: string): string[] {
  const lines = ['BEGIN:VEVENT', `UID:${escapeText(event.uid)}`, `DTSTAMP:${stamp}`];
  if (event.when.kind === 'allDay') {
    lines.push(
      `DTSTART;VALUE=DATE:${dateValue(event.when.date)}`,
      `DTEND;VALUE=DATE:${nextDate(event.when.date)}`,
    );
  } else {
    lines.push(`DTSTART;TZID=${zone}:${localStamp(toMillis(event.when.start), zone)}`);
    if (event.when.end !== null)
      lines.push(`DTEND;TZID=${zone}:${localStamp(toMillis(event.when.end), zone)}`);
  }
  lines.push(`SUMMARY:${escapeText(event.summary)}`);
  if (event.description) lines.push(`DESCRIPTION:${escapeText(event.description)}`);
  if (event.location) lines.push(`LOCATION:${escapeText(event.location)}`);
  if (event.url && /^https?:\/\/[^\s"<>]+$/i.test(event.url)) lines.push(`URL:${event.url}`);
  if (event.categories && event.categories.length > 0)
    lines.push(`CATEGORIES:${event.categories.map(escapeText).join(',')}`);
  if (event.transparent) lines.push('TRANSP:TRANSPARENT');
  lines.push('END:VEVENT');
  return lines;
}

/** The calendar as iCalendar text: CRLF line endings, folded lines, one VTIMEZONE for the course's zone. */
export function renderCalendar(calendar: Calendar): string {
  const stamp = utcStamp(toMillis(calendar.stamp));
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Seminar//Course calendar//EN',
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    `X-WR-CALNAME:${escapeText(calendar.name)}`,
    `X-WR-TIMEZONE:${calendar.timeZone}`,
    ...(calendar.description ? [`X-WR-CALDESC:${escapeText(calendar.description)}`] : []),
    'REFRESH-INTERVAL;VALUE=DURATION:PT1H',
    'X-PUBLISHED-TTL:PT1H',
    ...vtimezone(calendar.timeZone, yearsOf(calendar)),
    ...calendar.events.flatMap((e) => eventLines(e, calendar.timeZone, stamp)),
    'END:VCALENDAR',
  ];
  return lines.map(foldLine).join('\r\n') + '\r\n';
}
