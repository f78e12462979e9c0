// Moves the dates written in a syllabus's prose ("by **Sept 5**", "October 21 and October 23") with its schedule.
import { DateTime } from 'luxon';

const MONTH_WORD =
  '(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)';
// "Sept 5", "September 26, 2024", "Dec. 4th".
const MONTH_DAY = `\\b${MONTH_WORD}(\\.?)(\\s+)(\\d{1,2})(st|nd|rd|th)?\\b(,?\\s+\\d{4}\\b)?`;
// "20 December", "4th Oct 2024".
const DAY_MONTH = `\\b(\\d{1,2})(st|nd|rd|th)?(\\s+)${MONTH_WORD}(\\.?)\\b(,?\\s+\\d{4}\\b)?`;
const ISO_DATE = '\\b(\\d{4})-(\\d{2})-(\\d{2})\\b';
const ANY_DATE = new RegExp(`${MONTH_DAY}|${DAY_MONTH}|${ISO_DATE}`, 'gi');

const FULL = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];
const SHORT = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

function monthIndex(word: string): number {
  return SHORT.findIndex((s) => s.toLowerCase() === word.slice(0, 3).toLowerCase());
}

/** The month's name written the way the original was: full, "Sept", or a three-letter abbreviation. */
function monthName(original: string, month: number): string {
  let name: string;
  if (original.length > 4 || /^(may|june|july)$/i.test(original)) name = FULL[month]!;
  else if (original.length === 4)
    name = month === 8 ? 'Sept' : FULL[month]!.length <= 4 ? FULL[month]! : SHORT[month]!;
  else name = SHORT[month]!;
  if (original === original.toUpperCase()) return name.toUpperCase();
  if (original === original.toLowerCase()) return name.toLowerCase();
  return name;
}

function ordinal(day: number, suffix: string | undefined): string {
  if (!suffix) return '';
  if (day % 100 >= 11 && day % 100 <= 13) return 'th';
  return ['th', 'st', 'nd', 'rd'][day % 10] ?? 'th';
}

export interface ProseShift {
  /** Whole days the schedule moved (a multiple of 7 keeps every weekday). */
  days: number;
  /** The first and last meeting dates before the move (YYYY-MM-DD): a date without a year is read near them. */
  from: string;
  to: string;
}

/** The date a "month day" without a year means: the year that puts it closest to the course's span. */
function resolve(month: number, day: number, year: number | null, shift: ProseShift): DateTime | null {
  if (year !== null) {
    const d = DateTime.fromObject({ year, month: month + 1, day }, { zone: 'UTC' });
    return d.isValid ? d : null;
  }
  const from = DateTime.fromISO(shift.from, { zone: 'UTC' });
  const to = DateTime.fromISO(shift.to, { zone: 'UTC' });
  let best: DateTime | null = null;
  let bestDistance = Infinity;
  for (const y of [from.year - 1, from.year, from.year + 1, to.year + 1]) {
    const d = DateTime.fromObject({ year: y, month: month + 1, day }, { zone: 'UTC' });
    if (!d.isValid) continue;
    const distance = d < from ? from.diff(d, 'days').days : d > to ? d.diff(to, 'days').days : 0;
    if (distance < bestDistance) {
      best = d;
      bestDistance = distance;
    }
  }
  return best;
}

function yearText(written: string | undefined, year: number): string {
  if (!written) return '';
  return written.replace(/\d{4}/, String(year));
}

/**
 * Rewrites every date written in a piece of prose by the schedule's shift, in the way it was written
 * ("Sept 5" stays an abbreviation, "September 26" a full name, a year moves when it changes). Dates
 * inside link targets are left alone: a URL is not prose.
 */
export function shiftProse(text: string, shift: ProseShift): string {
  if (shift.days === 0 || text === '') return text;
  // Link targets "(...)" after "]" and bare URLs are kept out of the rewrite.
  const parts = text.split(/(\]\([^)]*\)|<?https?:\/\/[^\s)>]+>?)/);
  return parts.map((part, i) => (i % 2 === 1 ? part : shiftPlain(part, shift))).join('');
}

function shiftPlain(text: string, shift: ProseShift): string {
  const move = (d: DateTime) => d.plus({ days: shift.days });
  const yearOfText = (year: string | undefined) => (year ? Number(/\d{4}/.exec(year)![0]) : null);
  // One pass over all three shapes, so a rewritten date is never read a second time.
  return text.replace(ANY_DATE, (whole, ...groups: Array<string | undefined>) => {
    const [mdMonth, mdDot, mdSpace, mdDay, mdSuffix, mdYear] = groups.slice(0, 6);
    const [dmDay, dmSuffix, dmSpace, dmMonth, dmDot, dmYear] = groups.slice(6, 12);
    const [isoY, isoM, isoD] = groups.slice(12, 15);
    if (mdMonth !== undefined) {
      if (/^ma[yr]$/.test(mdMonth)) return whole; // "you may 2", lower case: a verb, not a month
      const date = resolve(monthIndex(mdMonth), Number(mdDay), yearOfText(mdYear), shift);
      if (!date) return whole;
      const moved = move(date);
      return `${monthName(mdMonth, moved.month - 1)}${mdDot}${mdSpace}${moved.day}${ordinal(moved.day, mdSuffix)}${yearText(mdYear, moved.year)}`;
    }
    if (dmMonth !== undefined) {
      if (/^ma[yr]$/.test(dmMonth)) return whole;
      const date = resolve(monthIndex(dmMonth), Number(dmDay), yearOfText(dmYear), shift);
      if (!date) return whole;
      const moved = move(date);
      return `${moved.day}${ordinal(moved.day, dmSuffix)}${dmSpace}${monthName(dmMonth, moved.month - 1)}${dmDot}${yearText(dmYear, moved.year)}`;
    }
    const date = DateTime.fromObject({ year: +isoY!, month: +isoM!, day: +isoD! }, { zone: 'UTC' });
    return date.isValid ? (move(date).toISODate() ?? whole) : whole;
  });
}
