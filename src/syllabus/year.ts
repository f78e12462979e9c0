// The year of a schedule written without one: from the title's term, a term elsewhere, or a dated sentence
// ("due September 11, 2017"), checked against the weekdays; never from the clock.
import type { MeetingPattern } from '../domain/course.js';
import { findDates, isoDate, weekdayOfIso, type MonthDay } from './dates.js';
import { findTerm } from './header.js';
import { plain } from './text.js';

export interface YearSource {
  year: number;
  /** Where it was read, for the warning: 'the title ("Fall 2017")', 'line 12 ("due September 11, 2017")'. */
  where: string;
  /** True for the title heading's term (the usual place; no warning when the weekdays agree). */
  title: boolean;
}

/** Years the document states, in order of trust: the title's term, a term in the text, full dates in the text. */
export function documentYears(
  lines: string[],
  skip: (i: number) => boolean,
  titleTerm: { year: number; text: string } | null,
): YearSource[] {
  const out: YearSource[] = [];
  if (titleTerm) out.push({ year: titleTerm.year, where: `the title ("${titleTerm.text}")`, title: true });
  const dated: YearSource[] = [];
  for (let i = 0; i < lines.length && out.length + dated.length < 6; i++) {
    const line = lines[i]!;
    if (skip(i) || line.length > 4000 || !/\d{2}/.test(line)) continue;
    const text = plain(line);
    const t = findTerm(text);
    if (t && t.term.year >= 1900 && t.term.year < 2200) {
      const written = text.slice(t.index, t.index + t.length);
      out.push({ year: t.term.year, where: `the term on line ${i + 1} ("${written}")`, title: false });
      continue;
    }
    const d = findDates(text).find((x) => x.year !== null && x.year >= 1900 && x.year < 2200);
    if (d) {
      const written = text.slice(d.index, d.index + d.length);
      dated.push({ year: d.year!, where: `the date on line ${i + 1} ("${written}")`, title: false });
    }
  }
  return [...out, ...dated];
}

/** How well a year fits the written weekdays (or the meeting days, or the most common two weekdays). */
export function yearScore(dates: MonthDay[], pattern: MeetingPattern | null, y: number): number {
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
  return pattern || dates.some((d) => d.weekday) ? fits : (top[0] ?? 0) + (top[1] ?? 0);
}

/**
 * Weekdays repeat every few years, so ties go to the year nearest REFERENCE_YEAR (a fixed constant, never the
 * clock). Years 2000–2049 are tried.
 */
const REFERENCE_YEAR = 2025;

export function inferYear(
  dates: MonthDay[],
  pattern: MeetingPattern | null,
): { year: number; score: number } {
  let best = 2024;
  let bestScore = -1;
  for (let y = 2000; y < 2050; y++) {
    const score = yearScore(dates, pattern, y);
    if (
      score > bestScore ||
      (score === bestScore && Math.abs(y - REFERENCE_YEAR) < Math.abs(best - REFERENCE_YEAR))
    ) {
      best = y;
      bestScore = score;
    }
  }
  return { year: best, score: bestScore };
}

/** The year for the schedule's first row, with the warning to give (null when nothing needs saying). */
export function chooseYear(
  dates: MonthDay[],
  pattern: MeetingPattern | null,
  sources: YearSource[],
): { year: number; warning: string | null } {
  const best = inferYear(dates, pattern);
  const checked = sources.map((s) => ({ s, score: yearScore(dates, pattern, s.year) }));
  // The weekdays decide only when something says which day a date is (a weekday or the meeting days).
  const decisive = pattern !== null || dates.some((d) => d.weekday);
  const fits = checked.find((c) => !decisive || c.score >= best.score);
  if (fits) {
    if (fits.s.title) return { year: fits.s.year, warning: null };
    const agree = decisive ? ' and the weekdays agree' : '';
    return {
      year: fits.s.year,
      warning: `The schedule gives no year; ${fits.s.year} was taken from ${fits.s.where}${agree}.`,
    };
  }
  const first = checked[0];
  if (first) {
    return {
      year: first.s.year,
      warning: `The schedule gives no year; ${first.s.year} was taken from ${first.s.where}, but the weekdays fit ${best.year} better. Pass the year to be sure.`,
    };
  }
  return {
    year: best.year,
    warning: `No year is given for the schedule; ${best.year} was inferred from the weekdays. Pass the year to be sure.`,
  };
}
