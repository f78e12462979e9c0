// Week-based schedules: "Week 3 (Tue)", "W5 Thu", "Week 3" (with the first day of classes from the text or
// --start), "Week of Sep 9", and date cells naming two classes ("28/30 Aug", "Sep 3 & 5").
import { DateTime } from 'luxon';
import type { MeetingPattern, Weekday } from '../domain/course.js';
import { findDates, isoDate, parseDayWord, weekdayOfIso, WEEKDAY_NAMES, type MonthDay } from './dates.js';
import type { RawMeeting } from './schedule.js';
import { plain } from './text.js';
import type { SyllabusWarning } from './types.js';
import { chooseYear, type YearSource } from './year.js';

export interface WeekCell {
  week: number;
  /** Weekdays named in the cell ("(Tue)", "Thu"); empty when none. */
  days: Weekday[];
}

/** "Week 3 (Tue)", "W5 Thu", "Wk. 2", "Week 10: Tue/Thu", and a bare "3" under a "Week" header. */
export function parseWeekCell(cell: string, weekHeader = false): WeekCell | null {
  const t = plain(cell);
  if (t.length > 40) return null;
  const m =
    /^(?:week|wk\.?|w)\s*(\d{1,2})(?![\d/.:])\s*[(,:\-–—]?\s*([A-Za-z/&,. ]*?)\s*\)?$/i.exec(t) ??
    (weekHeader ? /^(\d{1,2})(?![\d/.:])\s*[(,:\-–—]?\s*([A-Za-z/&,. ]*?)\s*\)?$/.exec(t) : null);
  if (!m) return null;
  const week = Number(m[1]!);
  if (week < 1 || week > 30) return null;
  const days: Weekday[] = [];
  for (const w of (m[2] ?? '').split(/[\s/&,]+/).filter(Boolean)) {
    const d = parseDayWord(w);
    if (!d) return null;
    days.push(...d);
  }
  return { week, days: [...new Set(days)].sort((a, b) => a - b) as Weekday[] };
}

const LIST_SEP = '\\s*(?:&|\\+|,|/|\\band\\b)\\s*';
const MONTH_WORD = '[A-Za-z]{3,9}\\.?';

/**
 * The dates of a cell naming two or more classes: "28/30 Aug", "Sep 3 & 5", "Sep 3, 5", "Tue 9/3, Thu 9/5",
 * "Sep 3 & Sep 5". Null for a cell with one date (or a range such as "Sep 3–5", which stays one).
 */
export function parseDateList(cell: string): MonthDay[] | null {
  const t = plain(cell);
  if (t.length > 60) return null;
  const dayFirst = new RegExp(
    `^(?:[A-Za-z]{2,9}\\.?,?\\s+)?(\\d{1,2})${LIST_SEP}(\\d{1,2})\\s+(${MONTH_WORD})\\s*$`,
  ).exec(t);
  const monthFirst = new RegExp(
    `^(?:[A-Za-z]{2,9}\\.?,?\\s+)?(${MONTH_WORD})\\s+(\\d{1,2})${LIST_SEP}(\\d{1,2})(?![\\d/:])\\s*$`,
  ).exec(t);
  if (dayFirst || monthFirst) {
    const [a, b, month] = dayFirst
      ? [dayFirst[1]!, dayFirst[2]!, dayFirst[3]!]
      : [monthFirst![2]!, monthFirst![3]!, monthFirst![1]!];
    const first = findDates(`${month} ${a}`)[0];
    const second = findDates(`${month} ${b}`)[0];
    if (!first || !second || Number(b) <= Number(a)) return null;
    return [first, second].map((d) => ({ month: d.month, day: d.day, year: null, weekday: null }));
  }
  // Two full dates in one cell ("Tue 9/3, Thu 9/5", "Sep 3 & Sep 5"), joined by a list separator.
  const dates = findDates(t);
  if (dates.length < 2 || dates.length > 3) return null;
  for (let k = 1; k < dates.length; k++) {
    const gap = t.slice(dates[k - 1]!.index + dates[k - 1]!.length, dates[k]!.index);
    if (!new RegExp(`^${LIST_SEP}(?:[A-Za-z]{2,9}\\.?\\s+)?$`, 'i').test(gap)) return null;
  }
  return dates.map((d) => ({ month: d.month, day: d.day, year: d.year, weekday: null }));
}

function addDays(date: string, days: number): string {
  return DateTime.fromISO(date, { zone: 'UTC' }).plus({ days }).toISODate() ?? date;
}

const START =
  /\b(first (?:day of )?(?:class|classes|lecture|instruction|meeting|session)|(?:classes|lectures|instruction|the course|the semester|the term|term|semester) (?:begins?|starts?|commences?)|begins? on)\b/i;

/** The first day of classes written in the text ("Classes begin Tuesday, August 28"), as a month/day and its line. */
export function findStart(
  lines: string[],
  skip: (i: number) => boolean,
): { when: MonthDay; line: number } | null {
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i]!;
    if (skip(i) || l.length > 4000) continue;
    const text = plain(l);
    const m = START.exec(text);
    if (!m) continue;
    const after = text.slice(m.index, m.index + 120);
    const d = findDates(after)[0];
    if (!d) continue;
    const wd = /\b(mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?\s*$/i.exec(after.slice(0, d.index));
    const weekday = wd
      ? (parseDayWord(wd[1]!.slice(0, 1).toUpperCase() + wd[1]!.slice(1).toLowerCase())?.[0] ?? null)
      : null;
    return { when: { month: d.month, day: d.day, year: d.year, weekday }, line: i + 1 };
  }
  return null;
}

export interface WeekContext {
  /** --start (YYYY-MM-DD), when given. */
  start: string | null;
  /** The first day of classes read from the text. */
  written: { when: MonthDay; line: number } | null;
  pattern: MeetingPattern | null;
  sources: YearSource[];
  warnings: SyllabusWarning[];
}

/** Gives every week row its date (in place); rows that cannot be dated are dropped with a warning. */
export function placeWeeks(meetings: RawMeeting[], ctx: WeekContext): RawMeeting[] {
  const weekly = meetings.filter((m) => m.week);
  if (weekly.length === 0) return meetings;
  let start = ctx.start;
  if (!start && ctx.written) {
    const w = ctx.written.when;
    const chosen = w.year === null ? chooseYear([w], null, ctx.sources) : null;
    const year = w.year ?? chosen!.year;
    if (chosen?.warning) ctx.warnings.push({ line: ctx.written.line, message: chosen.warning });
    start = isoDate(year, w.month, w.day);
    if (start)
      ctx.warnings.push({
        line: ctx.written.line,
        message: `The schedule is written by weeks; week 1 starts on ${start}, the first day of classes given here.`,
      });
  }
  if (!start) {
    ctx.warnings.push({
      line: weekly[0]!.line,
      message:
        'The schedule is written by weeks ("Week 3"), but the syllabus does not say when classes begin ("Classes begin August 28") and no start date was given; its week rows were skipped.',
    });
    return meetings.filter((m) => !m.week);
  }
  const monday = addDays(start, 1 - weekdayOfIso(start));
  const classDays = ctx.pattern?.days ?? [weekdayOfIso(start)];
  let oneOfSeveral = 0;
  for (const m of weekly) {
    const w = m.week!;
    const days = w.days.length > 0 ? w.days : classDays;
    const weekMonday = addDays(monday, 7 * (w.week - 1));
    let date = addDays(weekMonday, days[0]! - 1);
    if (w.week === 1 && date < start)
      date = addDays(weekMonday, (days.find((d) => addDays(weekMonday, d - 1) >= start) ?? days[0]!) - 1);
    if (w.days.length === 0 && classDays.length > 1 && oneOfSeveral === 0) oneOfSeveral = m.line;
    m.when = {
      year: Number(date.slice(0, 4)),
      month: Number(date.slice(5, 7)),
      day: Number(date.slice(8, 10)),
      weekday: null,
    };
  }
  if (oneOfSeveral) {
    const names = classDays.map((d) => WEEKDAY_NAMES[d - 1]!).join(' and ');
    ctx.warnings.push({
      line: oneOfSeveral,
      message: `Rows name a week but not its class day; each was read as one class on the week's first class day (of ${names}).`,
    });
  }
  return meetings;
}

/** "Week of Sep 9" on a day that is not a class day: the first class day of that week. */
export function weekOfDate(date: string, pattern: MeetingPattern | null): string {
  if (!pattern || pattern.days.includes(weekdayOfIso(date))) return date;
  for (let k = 1; k < 7; k++) {
    const d = addDays(date, k);
    if (pattern.days.includes(weekdayOfIso(d))) return d;
  }
  return date;
}
