// Gives every schedule row its year (rolling over Dec -> Jan), its kind and presenters flag, and checks weekdays.
import type { Meeting, MeetingPattern, Weekday } from '../domain/course.js';
import { describeDate, isoDate, WEEKDAY_NAMES, weekdayOfIso, type MonthDay } from './dates.js';
import { isStaffLed, kindOf, type ScheduleParts } from './schedule.js';
import type { SyllabusWarning } from './types.js';

export interface ResolveContext {
  /** options.year, else the term's year; null when neither is known. */
  year: number | null;
  pattern: MeetingPattern | null;
  warnings: SyllabusWarning[];
}

/**
 * Without any year, picks the one whose weekdays fit best: the meeting days when known, otherwise the
 * two most common weekdays. Years 2000–2049 are tried; weekdays repeat every few years, so ties go to
 * the year nearest REFERENCE_YEAR (a fixed constant, never the clock).
 */
const REFERENCE_YEAR = 2025;

function inferYear(dates: MonthDay[], pattern: MeetingPattern | null): number {
  let best = 2024;
  let bestScore = -1;
  for (let y = 2000; y < 2050; y++) {
    let year = y;
    let prev = 0;
    const counts = new Map<number, number>();
    let fits = 0;
    for (const d of dates) {
      if (prev && d.month < prev && prev - d.month >= 6) year++;
      prev = d.month;
      const iso = isoDate(year, d.month, d.day);
      if (!iso) continue;
      const wd = weekdayOfIso(iso);
      if (d.weekday && d.weekday === wd) fits += 2;
      if (pattern && pattern.days.includes(wd)) fits++;
      counts.set(wd, (counts.get(wd) ?? 0) + 1);
    }
    const top = [...counts.values()].sort((a, b) => b - a);
    const score = pattern || dates.some((d) => d.weekday) ? fits : (top[0] ?? 0) + (top[1] ?? 0);
    if (
      score > bestScore ||
      (score === bestScore && Math.abs(y - REFERENCE_YEAR) < Math.abs(best - REFERENCE_YEAR))
    ) {
      best = y;
      bestScore = score;
    }
  }
  return best;
}

export function resolveMeetings(
  parts: ScheduleParts,
  ctx: ResolveContext,
): { meetings: Meeting[]; year: number | null } {
  const raws = parts.meetings;
  if (raws.length === 0) return { meetings: [], year: ctx.year };
  let base = ctx.year ?? raws.find((r) => r.when.year !== null)?.when.year ?? null;
  if (base === null) {
    base = inferYear(
      raws.map((r) => r.when),
      ctx.pattern,
    );
    ctx.warnings.push({
      line: raws[0]!.line,
      message: `No year is given for the schedule; ${base} was inferred from the weekdays. Pass the year to be sure.`,
    });
  }
  const meetings: Meeting[] = [];
  let year = base;
  let prevMonth = 0;
  for (const r of raws) {
    if (r.when.year !== null) year = r.when.year;
    else if (prevMonth && r.when.month < prevMonth && prevMonth - r.when.month >= 6) year++;
    else if (prevMonth && r.when.month < prevMonth) {
      ctx.warnings.push({
        line: r.line,
        message: `This date (${r.dateText}) comes before the row above it.`,
      });
    }
    prevMonth = r.when.month;
    const date = isoDate(year, r.when.month, r.when.day);
    if (!date) {
      ctx.warnings.push({
        line: r.line,
        message: `There is no such date as "${r.dateText}" in ${year}; the row was skipped.`,
      });
      continue;
    }
    const wd = weekdayOfIso(date);
    if (r.when.weekday && r.when.weekday !== wd) {
      ctx.warnings.push({
        line: r.line,
        message: `${describeDate(date)} is a ${WEEKDAY_NAMES[wd - 1]}, not a ${WEEKDAY_NAMES[r.when.weekday - 1]} as written.`,
      });
    } else if (ctx.pattern && !ctx.pattern.days.includes(wd)) {
      const days = ctx.pattern.days.map((d: Weekday) => WEEKDAY_NAMES[d - 1]!.slice(0, 3)).join(', ');
      ctx.warnings.push({
        line: r.line,
        message: `${describeDate(date)} is a ${WEEKDAY_NAMES[wd - 1]}, not a class day (${days}).`,
      });
    }
    // A row saying only "No Class" or "No meeting (retreat)" in plain text (a note, or a reading without a link
    // rather than a bold title) is a day without class too.
    const unlinked = r.readings.every((x) => x.url === null);
    const words = [...(unlinked ? r.readings.map((x) => x.title) : []), ...r.notes].join(' ');
    const kind = kindOf(r.title ?? (unlinked && words !== '' ? words : null));
    meetings.push({
      date,
      kind,
      title: r.title,
      startTime: r.startTime,
      endTime: r.endTime,
      unit: r.unit,
      readings: r.readings,
      needsPresenters: kind === 'lecture' && !isStaffLed(r.title, r.readings.length),
      notes: r.notes,
      extra: r.extra,
    });
  }
  return { meetings, year: base };
}
