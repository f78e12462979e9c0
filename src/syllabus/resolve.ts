// Gives every schedule row its year (rolling over Dec -> Jan), its kind and presenters flag, and checks weekdays.
import type { Meeting, MeetingPattern, Weekday } from '../domain/course.js';
import { describeDate, isoDate, WEEKDAY_NAMES, weekdayOfIso } from './dates.js';
import { isStaffLed, kindOf, type ScheduleParts } from './schedule.js';
import type { SyllabusWarning } from './types.js';
import { chooseYear, type YearSource } from './year.js';
import { weekOfDate } from './weeks.js';

export interface ResolveContext {
  /** options.year; null when not given. */
  year: number | null;
  /** Years the document states (title, term, dated sentences), in order of trust. */
  sources: YearSource[];
  pattern: MeetingPattern | null;
  warnings: SyllabusWarning[];
}

export function resolveMeetings(
  parts: ScheduleParts,
  ctx: ResolveContext,
): { meetings: Meeting[]; year: number | null; lines: number[] } {
  const raws = parts.meetings;
  if (raws.length === 0) return { meetings: [], year: ctx.year, lines: [] };
  let base = ctx.year ?? raws.find((r) => r.when.year !== null)?.when.year ?? null;
  if (base === null) {
    const chosen = chooseYear(
      raws.map((r) => r.when),
      ctx.pattern,
      ctx.sources,
    );
    base = chosen.year;
    if (chosen.warning) ctx.warnings.push({ line: raws[0]!.line, message: chosen.warning });
  }
  const meetings: Meeting[] = [];
  /** The source line of each meeting (its schedule row). */
  const lines: number[] = [];
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
    const written = isoDate(year, r.when.month, r.when.day);
    const date = written && r.weekOf ? weekOfDate(written, ctx.pattern) : written;
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
    // "Spring break", "Thanksgiving holidays", "No lecture" written as plain text are the day's note, never readings.
    const dayOff = kind === 'no_class' || kind === 'buffer';
    const readings = dayOff && unlinked ? [] : r.readings;
    const notes = dayOff && unlinked ? [...r.readings.map((x) => x.title), ...r.notes] : r.notes;
    lines.push(r.line);
    meetings.push({
      date,
      kind,
      title: r.title,
      startTime: r.startTime,
      endTime: r.endTime,
      unit: r.unit,
      readings,
      needsPresenters: kind === 'lecture' && !isStaffLed(r.title, readings.length),
      notes,
      extra: r.extra,
    });
  }
  return { meetings, year: base, lines };
}
