// Dates and times as the course site shows them: in the course's own time zone, with its abbreviation, and relative to now.

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

/** Calendar days from today (in the zone) to a local date; negative when it has passed. */
export function daysUntil(date: string, now: number, timeZone: string): number {
  return dayNumber(date) - dayNumber(localDate(now, timeZone));
}
