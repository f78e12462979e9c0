// Wall-clock times in the course's time zone ⇄ instants, in the browser without a date library (Intl only).

const formatters = new Map<string, Intl.DateTimeFormat>();

function parts(instant: number, timeZone: string): Record<string, number> {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(timeZone, f);
  }
  const out: Record<string, number> = {};
  for (const p of f.formatToParts(new Date(instant))) if (p.type !== 'literal') out[p.type] = Number(p.value);
  return out;
}

/** The zone's offset from UTC at an instant, in milliseconds (CDT: −5 h). */
function offsetAt(instant: number, timeZone: string): number {
  const p = parts(instant, timeZone);
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
  const p = parts(Date.parse(iso), timeZone);
  const two = (n: number) => String(n).padStart(2, '0');
  return {
    date: `${p.year}-${two(p.month!)}-${two(p.day!)}`,
    time: `${two(p.hour! % 24)}:${two(p.minute!)}`,
  };
}
