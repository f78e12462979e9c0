// The review's list of fixes: adding one replaces an earlier fix of the same thing; each fix said in words.
import type { SyllabusFixView } from '../../../../src/contracts/syllabus-review.js';
import { formatDay } from '../../time.js';

export type Fix = SyllabusFixView;

const DAY_NAMES = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];

/** What a fix is about: two fixes with the same key cannot both stand. */
function keyOf(f: Fix): string {
  switch (f.kind) {
    case 'required':
      return `required:${f.date}:${f.reading.toLowerCase()}`;
    case 'merge':
    case 'split':
    case 'special-day':
    case 'milestone':
      return `class:${f.date}:${f.kind}`;
    default:
      return f.kind;
  }
}

export function withFix(fixes: readonly Fix[], fix: Fix): Fix[] {
  return [...fixes.filter((f) => keyOf(f) !== keyOf(fix)), fix];
}

export function dayNames(days: readonly number[]): string {
  return days.map((d) => DAY_NAMES[d - 1] ?? String(d)).join(', ');
}

/** The fix in words, dates as people read them. */
export function sayFix(f: Fix): string {
  switch (f.kind) {
    case 'required':
      return `“${f.reading}” (${formatDay(f.date)}) is ${f.required ? 'required' : 'optional'}`;
    case 'merge':
      return `The class of ${formatDay(f.date)} is part of the class of ${formatDay(f.into)}`;
    case 'split':
      return `The class of ${formatDay(f.date)} splits at “${f.reading}”: a new class on ${formatDay(f.newDate)}`;
    case 'special-day':
      return `${formatDay(f.date)} is a special day (no class)`;
    case 'milestone':
      return `${formatDay(f.date)} is the milestone “${f.title}”, not a class`;
    case 'year':
      return `The schedule's year is ${f.year}`;
    case 'zone':
      return `The course's time zone is ${f.zone}`;
    case 'start':
      return `Classes begin on ${formatDay(f.date)}`;
    case 'class-times':
      return `Classes meet ${dayNames(f.days)}, ${f.startTime}–${f.endTime}`;
  }
}
