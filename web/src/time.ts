// The one clock face of the web client: every date and time shown or entered is read and written here, in the
// course's own time zone with its abbreviation (never the browser's zone or locale), and relative to now.

const formatters = new Map<string, Intl.DateTimeFormat>();

function fmt(timeZone: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = timeZone + JSON.stringify(options);
  let f = formatters.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', { timeZone, ...options });
    formatters.set(key, f);
  }
  return f;
}

/** A local calendar date "YYYY-MM-DD" as a Date at UTC noon, so formatting it in UTC never shifts the day. */
function dateAtNoonUtc(date: string): Date {
  const [y, m, d] = date.split('-').map(Number);
  return new Date(Date.UTC(y ?? 1970, (m ?? 1) - 1, d ?? 1, 12));
}

/** "Mon, Aug 26" for a local date. */
export function formatDay(date: string): string {
  return fmt('UTC', { weekday: 'short', month: 'short', day: 'numeric' }).format(dateAtNoonUtc(date));
}

/** "Monday, August 26, 2024" for a local date (used in accessible labels and datetime titles). */
export function formatLongDay(date: string): string {
  return fmt('UTC', { weekday: 'long', month: 'long', day: 'numeric', year: 'numeric' }).format(
    dateAtNoonUtc(date),
  );
}

/** "9:30 AM" of an instant in the zone. */
export function formatClock(iso: string, timeZone: string): string {
  return fmt(timeZone, { hour: 'numeric', minute: '2-digit' }).format(new Date(iso));
}

/** "CDT" / "CST": the zone's short name at that instant. */
export function zoneAbbreviation(iso: string, timeZone: string): string {
  const parts = fmt(timeZone, { timeZoneName: 'short' }).formatToParts(new Date(iso));
  return parts.find((p) => p.type === 'timeZoneName')?.value ?? timeZone;
}

/** "9:30 – 10:45 AM CDT" (or "11:30 AM – 12:00 PM CST"), the abbreviation taken at the start. */
export function formatTimeRange(startsAt: string, endsAt: string | null, timeZone: string): string {
  const start = formatClock(startsAt, timeZone);
  const zone = zoneAbbreviation(startsAt, timeZone);
  if (!endsAt) return `${start} ${zone}`;
  const end = formatClock(endsAt, timeZone);
  const [startTime, startHalf] = start.split(' ');
  const [, endHalf] = end.split(' ');
  const left = startHalf && startHalf === endHalf ? startTime : start;
  return `${left}–${end} ${zone}`;
}

/** "Thu, Dec 19 · 6:00 PM CST" for a deadline instant. */
export function formatInstant(iso: string, timeZone: string): string {
  const day = fmt(timeZone, { weekday: 'short', month: 'short', day: 'numeric' }).format(new Date(iso));
  return `${day} · ${formatClock(iso, timeZone)} ${zoneAbbreviation(iso, timeZone)}`;
}

/** The local calendar date "YYYY-MM-DD" of an instant in the zone. */
export function localDate(instant: number, timeZone: string): string {
  const parts = fmt(timeZone, { year: 'numeric', month: '2-digit', day: '2-digit' }).formatToParts(
    new Date(instant),
  );
  const part = (type: Intl.DateTimeFormatPartTypes): string =>
    parts.find((p) => p.type === type)?.value ?? '01';
  return `${part('year')}-${part('month')}-${part('day')}`;
}

function dayNumber(date: string): number {
  return Math.round(dateAtNoonUtc(date).getTime() / 86_400_000);
}

const relative = new Intl.RelativeTimeFormat('en-US', { numeric: 'auto' });

/** "tomorrow", "in 3 days", "2 days ago" for a count of calendar days. */
export function daysFromNow(days: number): string {
  return relative.format(days, 'day');
}

/**
 * "in 2 days", "tomorrow", "in 3 hours", "5 days ago": how far an instant is from now,
 * counted in calendar days of the course's zone once it is not today.
 */
export function fromNow(iso: string, now: number, timeZone: string): string {
  const at = new Date(iso).getTime();
  const days = dayNumber(localDate(at, timeZone)) - dayNumber(localDate(now, timeZone));
  if (days !== 0) return relative.format(days, 'day');
  const minutes = Math.round((at - now) / 60_000);
  if (Math.abs(minutes) < 60) return minutes === 0 ? 'now' : relative.format(minutes, 'minute');
  return relative.format(Math.round(minutes / 60), 'hour');
}

/**
 * How far away a class is ("in 3 days", "in 20 minutes"), or, while it is on, "happening now, until 10:45 AM"
 * (not "14 minutes ago": the class has not passed yet).
 */
export function classFromNow(
  meeting: { startsAt: string | null; endsAt: string | null },
  now: number,
  timeZone: string,
): string | null {
  if (!meeting.startsAt) return null;
  const start = instantOf(meeting.startsAt);
  const end = meeting.endsAt ? instantOf(meeting.endsAt) : start;
  if (start <= now && now < end) return `happening now, until ${formatClock(meeting.endsAt!, timeZone)}`;
  return fromNow(meeting.startsAt, now, timeZone);
}

/** Calendar days from today (in the zone) to a local date; negative when it has passed. */
export function daysUntil(date: string, now: number, timeZone: string): number {
  return dayNumber(date) - dayNumber(localDate(now, timeZone));
}

/** "Dec 5, 2026, 1:10 AM CST": an instant with its year, for logs and link expiries. */
export function formatDateTime(iso: string, timeZone: string): string {
  const day = fmt(timeZone, { month: 'short', day: 'numeric', year: 'numeric' }).format(new Date(iso));
  return `${day}, ${formatClock(iso, timeZone)} ${zoneAbbreviation(iso, timeZone)}`;
}

/** "Nov 12" of an instant in the zone. */
export function formatShortDay(iso: string, timeZone: string): string {
  return fmt(timeZone, { month: 'short', day: 'numeric' }).format(new Date(iso));
}

/** "Central Time" for America/Chicago (falls back to the IANA name). */
export function zoneName(timeZone: string): string {
  try {
    const parts = fmt(timeZone, { timeZoneName: 'longGeneric' }).formatToParts(new Date());
    return parts.find((p) => p.type === 'timeZoneName')?.value ?? timeZone;
  } catch {
    return timeZone;
  }
}

/** "Central Time (CST)": how an input names the zone it takes. */
export function zoneLabel(timeZone: string, at: string = new Date().toISOString()): string {
  return `${zoneName(timeZone)} (${zoneAbbreviation(at, timeZone)})`;
}

// Wall-clock times in the course's zone ⇄ instants, without a date library (Intl only).

function wallParts(instant: number, timeZone: string): Record<string, number> {
  const f = fmt(timeZone, {
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  });
  const out: Record<string, number> = {};
  for (const p of f.formatToParts(new Date(instant))) if (p.type !== 'literal') out[p.type] = Number(p.value);
  return out;
}

/** The zone's offset from UTC at an instant, in milliseconds (CDT: −5 h). */
function offsetAt(instant: number, timeZone: string): number {
  const p = wallParts(instant, timeZone);
  const asUtc = Date.UTC(p.year!, p.month! - 1, p.day!, p.hour! % 24, p.minute!, p.second!);
  return asUtc - Math.floor(instant / 1000) * 1000;
}

/**
 * The instant (ISO-8601 UTC) of a local date "YYYY-MM-DD" and time "HH:mm" in the zone, or null when
 * either is not well formed. A time skipped by a spring-forward change moves forward by the gap;
 * a repeated one takes its first (daylight-time) occurrence — the same reading as the server's.
 */
export function zonedInstant(date: string, time: string, timeZone: string): string | null {
  const d = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  const t = /^(\d{2}):(\d{2})$/.exec(time);
  if (!d || !t) return null;
  const wall = Date.UTC(Number(d[1]), Number(d[2]) - 1, Number(d[3]), Number(t[1]), Number(t[2]));
  if (Number.isNaN(wall)) return null;
  // Try the offsets in force just before and just after: the first that reads back as the same wall time wins.
  const candidates = [offsetAt(wall - 86_400_000, timeZone), offsetAt(wall + 86_400_000, timeZone)].sort(
    (a, b) => b - a,
  );
  for (const offset of candidates) {
    const instant = wall - offset;
    if (offsetAt(instant, timeZone) === offset) return new Date(instant).toISOString();
  }
  // In a gap: none reads back; take the later offset's reading (the clock jumped past it).
  return new Date(wall - Math.min(...candidates)).toISOString();
}

/** The local date and time of an instant in the zone: { date: "YYYY-MM-DD", time: "HH:mm" }. */
export function zonedParts(iso: string, timeZone: string): { date: string; time: string } {
  const p = wallParts(Date.parse(iso), timeZone);
  const two = (n: number) => String(n).padStart(2, '0');
  return {
    date: `${p.year}-${two(p.month!)}-${two(p.day!)}`,
    time: `${two(p.hour! % 24)}:${two(p.minute!)}`,
  };
}

/** The value of a datetime-local input ("2024-09-05T23:59") showing an instant in the course's zone. */
export function toZonedInput(iso: string | null, timeZone: string): string {
  if (!iso) return '';
  const { date, time } = zonedParts(iso, timeZone);
  return `${date}T${time}`;
}

/** The instant a datetime-local input's value means in the course's zone, or null when empty or malformed. */
export function fromZonedInput(value: string, timeZone: string): string | null {
  const [date = '', time = ''] = value.split('T');
  return zonedInstant(date, time.slice(0, 5), timeZone);
}

/** The instant (ISO-8601 UTC) of a count of milliseconds since the epoch. */
export function isoAt(ms: number): string {
  return new Date(ms).toISOString();
}

/** The instant `ms` milliseconds after another (ISO-8601 UTC). */
export function laterBy(iso: string, ms: number): string {
  return new Date(Date.parse(iso) + ms).toISOString();
}

/** An instant in milliseconds (NaN when it does not parse): for comparing server-sent ISO times with now. */
export function instantOf(iso: string): number {
  return Date.parse(iso);
}

// Countdown words for a deadline as the student reads them ("due in 26 h", "due in 3 days", "2 days ago").

export type Urgency = 'past' | 'soon' | 'week' | 'later';

export interface Countdown {
  /** "due in 26 h", "due in 45 min", "due in 4 days", or "3 h ago" once it has passed. */
  words: string;
  urgency: Urgency;
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

/** The same words the server's dashboard uses (src/services/dashboard/countdown.ts), from the browser's clock so they stay true. */
export function countdownTo(dueAt: string, now: number): Countdown {
  const ms = Date.parse(dueAt) - now;
  const abs = Math.abs(ms);
  const hours = Math.floor(abs / HOUR);
  const span =
    hours >= 72
      ? `${Math.floor(hours / 24)} days`
      : hours >= 1
        ? `${hours} h`
        : `${Math.max(1, Math.floor(abs / MINUTE))} min`;
  if (ms < 0) return { words: `${span} ago`, urgency: 'past' };
  return {
    words: `due in ${span}`,
    urgency: ms <= 48 * HOUR ? 'soon' : ms <= 7 * 24 * HOUR ? 'week' : 'later',
  };
}
