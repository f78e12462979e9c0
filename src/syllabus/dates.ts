// Reading dates, clock times, time ranges and weekday sets as syllabi write them ("Sept 6", "8/26", "TTh 2:00-3:15 PM").
import { DateTime } from 'luxon';
import type { Weekday } from '../domain/course.js';

export interface MonthDay {
  month: number;
  day: number;
  /** Four-digit year when written. */
  year: number | null;
  /** Weekday named next to the date ("Tue 9/3"), if any. */
  weekday: Weekday | null;
}

const MONTHS: Record<string, number> = {
  jan: 1,
  feb: 2,
  mar: 3,
  apr: 4,
  may: 5,
  jun: 6,
  jul: 7,
  aug: 8,
  sep: 9,
  oct: 10,
  nov: 11,
  dec: 12,
};
export const MONTH_NAMES = [
  'Jan',
  'Feb',
  'Mar',
  'Apr',
  'May',
  'June',
  'July',
  'Aug',
  'Sept',
  'Oct',
  'Nov',
  'Dec',
];
export const WEEKDAY_NAMES = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];

const MONTH =
  '(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)';
const WEEKDAY_WORD =
  '(mon(?:day)?|tue(?:s(?:day)?)?|wed(?:nesday)?|thu(?:r(?:s(?:day)?)?)?|fri(?:day)?|sat(?:urday)?|sun(?:day)?)';

const NAMED = new RegExp(`\\b${MONTH}\\.?\\s+(\\d{1,2})(?:st|nd|rd|th)?\\b(?:,?\\s+(\\d{4})\\b)?`, 'i');
// "20 December", "12-Sep-2024".
const NAMED_DM = new RegExp(`\\b(\\d{1,2})(?:st|nd|rd|th)?[\\s-]+${MONTH}\\.?(?:,?[\\s-]+(\\d{4})\\b)?`, 'i');
// "17.09.2024", "17.09." (day first, as written in most of Europe); schedule cells only, not running text.
const DOTTED = /(?<![\d.])(\d{1,2})\.(\d{1,2})\.(?:(\d{4}|\d{2})(?![\d.]))?/;
const NUMERIC = /(?<![\d/.])(\d{1,2})\/(\d{1,2})(?:\/(\d{4}|\d{2}))?(?![\d/])/;
const ISO = /\b(\d{4})-(\d{2})-(\d{2})\b/;
const WEEKDAY_RE = new RegExp(`\\b${WEEKDAY_WORD}\\b\\.?`, 'i');

function monthOf(word: string): number {
  return MONTHS[word.slice(0, 3).toLowerCase()]!;
}

function yearOf(y: string | undefined): number | null {
  if (!y) return null;
  const n = Number(y);
  return y.length === 2 ? 2000 + n : n;
}

export function weekdayOf(word: string): Weekday | null {
  const key = word.slice(0, 2).toLowerCase();
  const map: Record<string, Weekday> = { mo: 1, tu: 2, we: 3, th: 4, fr: 5, sa: 6, su: 7 };
  return map[key] ?? null;
}

function valid(month: number, day: number): boolean {
  return month >= 1 && month <= 12 && day >= 1 && day <= 31;
}

/** Reads the date of a schedule cell; null when the cell holds no date. */
export function parseDateCell(cell: string): MonthDay | null {
  const text = cell
    .replace(/[*_`]/g, '')
    .replace(/<br\s*\/?>/gi, ' ')
    .trim();
  if (text === '' || text.length > 60) return null;
  const wd = WEEKDAY_RE.exec(text);
  const weekday = wd ? weekdayOf(wd[1]!) : null;
  let m = ISO.exec(text);
  if (m) {
    const r = { year: Number(m[1]!), month: Number(m[2]!), day: Number(m[3]!), weekday };
    return valid(r.month, r.day) ? r : null;
  }
  m = NAMED.exec(text);
  if (m) {
    const r = { month: monthOf(m[1]!), day: Number(m[2]!), year: yearOf(m[3]!), weekday };
    return valid(r.month, r.day) ? r : null;
  }
  m = NAMED_DM.exec(text);
  if (m) {
    const r = { month: monthOf(m[2]!), day: Number(m[1]!), year: yearOf(m[3]!), weekday };
    return valid(r.month, r.day) ? r : null;
  }
  m = DOTTED.exec(text);
  if (m) {
    const r = { month: Number(m[2]!), day: Number(m[1]!), year: yearOf(m[3]!), weekday };
    return valid(r.month, r.day) ? r : null;
  }
  m = NUMERIC.exec(text);
  if (m) {
    const r = { month: Number(m[1]!), day: Number(m[2]!), year: yearOf(m[3]!), weekday };
    return valid(r.month, r.day) ? r : null;
  }
  return null;
}

export interface DateMention extends MonthDay {
  index: number;
  length: number;
}

/** Every date written in running text ("September 26", "Dec. 19, 2024", "12/19"), in order. */
export function findDates(text: string): DateMention[] {
  const out: DateMention[] = [];
  const re = new RegExp(`${NAMED.source}|${NAMED_DM.source}|${NUMERIC.source}|${ISO.source}`, 'gi');
  for (const m of text.matchAll(re)) {
    let md: MonthDay | null = null;
    if (m[1]!) md = { month: monthOf(m[1]!), day: Number(m[2]!), year: yearOf(m[3]!), weekday: null };
    else if (m[5]!) md = { month: monthOf(m[5]!), day: Number(m[4]!), year: yearOf(m[6]!), weekday: null };
    else if (m[7]!) md = { month: Number(m[7]!), day: Number(m[8]!), year: yearOf(m[9]!), weekday: null };
    else if (m[10]!) md = { year: Number(m[10]!), month: Number(m[11]!), day: Number(m[12]!), weekday: null };
    if (md && valid(md.month, md.day)) out.push({ ...md, index: m.index, length: m[0]!.length });
  }
  return out;
}

/** Minutes after midnight of a clock reading: "6:00PM", "9:30 am", "14:00", "noon". */
export function parseClock(s: string, meridiemHint?: 'a' | 'p'): number | null {
  const t = s.trim().toLowerCase();
  if (t === 'noon') return 12 * 60;
  if (t === 'midnight') return 23 * 60 + 59;
  const m = /^(\d{1,2})(?::(\d{2}))?\s*(?:([ap])\.?\s*m\.?)?$/.exec(t);
  if (!m) return null;
  let h = Number(m[1]!);
  const min = Number(m[2]! ?? 0);
  const mer = (m[3]! as 'a' | 'p' | undefined) ?? meridiemHint;
  if (min > 59) return null;
  if (mer) {
    if (h < 1 || h > 12) return null;
    if (mer === 'p' && h !== 12) h += 12;
    if (mer === 'a' && h === 12) h = 0;
  } else if (h > 23) return null;
  return h * 60 + min;
}

export function hhmm(minutes: number): string {
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  return `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`;
}

export function minutesOf(hhmmText: string): number {
  const [h = 0, m = 0] = hhmmText.split(':').map(Number);
  return h * 60 + m;
}

/** "10:30 AM", "12:00 PM" from "HH:mm". */
export function clock12(hhmmText: string): string {
  const total = minutesOf(hhmmText);
  const h = Math.floor(total / 60);
  const m = total % 60;
  const mer = h < 12 ? 'AM' : 'PM';
  const h12 = h % 12 === 0 ? 12 : h % 12;
  return `${h12}:${String(m).padStart(2, '0')} ${mer}`;
}

export interface TimeRange {
  start: string;
  end: string;
  index: number;
  length: number;
}

const CLOCK = '(\\d{1,2}(?::\\d{2})?|noon)\\s*((?:[ap])\\.?\\s*m\\.?)?';
const RANGE = new RegExp(`(?<![\\d:/])${CLOCK}\\s*(?:-|–|—|to|until)\\s*${CLOCK}(?![\\d/])`, 'i');

/** The first time range in the text ("9:30 AM – 10:45 AM", "2:00-3:15 PM", "14:00–15:15", "10:30AM - 12PM"). */
export function findTimeRange(text: string): TimeRange | null {
  const m = RANGE.exec(text);
  if (!m) return null;
  const a = m[1] ?? '';
  const am = m[2];
  const b = m[3] ?? '';
  const bm = m[4];
  const hasMer = Boolean(am || bm);
  if (!hasMer && !a.includes(':') && !b.includes(':')) return null;
  const merA = am ? (am[0]!.toLowerCase() as 'a' | 'p') : undefined;
  const merB = bm ? (bm[0]!.toLowerCase() as 'a' | 'p') : undefined;
  let end = parseClock(b, merB ?? merA);
  let start = parseClock(a, merA ?? merB);
  if (start === null || end === null) return null;
  if (!merA && merB && start > end) {
    // "11:00-12:15 PM": the start is in the morning.
    start = parseClock(a, merB === 'p' ? 'a' : 'p');
  }
  if (!hasMer && start !== null && start < 7 * 60) {
    start += 12 * 60;
    if (end < start) end += 12 * 60;
  }
  if (start === null || end === null || end <= start || end >= 24 * 60) return null;
  return { start: hhmm(start), end: hhmm(end), index: m.index, length: m[0]!.length };
}

const DAY_WORDS: Record<string, Weekday> = {
  monday: 1,
  mon: 1,
  mo: 1,
  tuesday: 2,
  tues: 2,
  tue: 2,
  tu: 2,
  wednesday: 3,
  wed: 3,
  we: 3,
  thursday: 4,
  thurs: 4,
  thur: 4,
  thu: 4,
  th: 4,
  friday: 5,
  fri: 5,
  fr: 5,
  saturday: 6,
  sat: 6,
  sa: 6,
  sunday: 7,
  sun: 7,
  su: 7,
};
const LETTERS: Record<string, Weekday> = {
  M: 1,
  T: 2,
  Tu: 2,
  W: 3,
  R: 4,
  Th: 4,
  F: 5,
  Sa: 6,
  S: 6,
  Su: 7,
  U: 7,
};

/** Weekdays of one word: "MW", "TTh", "TuTh", "MWF", "TR", "Tuesday", "Mon". Null when it is not a day word. */
export function parseDayWord(word: string): Weekday[] | null {
  const w = word.replace(/[.:]/g, '');
  if (w === '') return null;
  const lower = w.toLowerCase();
  const full: Weekday | undefined =
    DAY_WORDS[lower] ??
    (lower.length > 6 && lower.endsWith('days') ? DAY_WORDS[lower.slice(0, -1)] : undefined);
  if (full && (w.length > 2 || /^[A-Z][a-z]$/.test(w))) return [full];
  if (!/^(Th|Tu|Sa|Su|M|T|W|R|F|S|U)+$/.test(w)) return null;
  const out: Weekday[] = [];
  for (const m of w.matchAll(/Th|Tu|Sa|Su|M|T|W|R|F|S|U/g)) out.push(LETTERS[m[0]]!);
  return out;
}

/** The weekday set written just before position `at` ("…, MW: " or "Tuesday/Thursday "), and where it starts. */
export function daysBefore(text: string, at: number): { days: Weekday[]; start: number } | null {
  const head = text.slice(0, at);
  const words = [...head.matchAll(/[A-Za-z.]+/g)];
  const days: Weekday[] = [];
  let start = -1;
  let gapEnd = head.length;
  for (let k = words.length - 1; k >= 0; k--) {
    const w = words[k]!;
    const gap = head.slice(w.index + w[0]!.length, gapEnd);
    if (!/^\s*(?:[/,&+:]\s*)?$/.test(gap)) break;
    if (w[0]!.toLowerCase() === 'and' && days.length > 0) {
      gapEnd = w.index;
      continue;
    }
    const d = parseDayWord(w[0]!);
    if (!d) break;
    days.unshift(...d);
    start = w.index;
    gapEnd = w.index;
  }
  if (days.length === 0) return null;
  const unique = [...new Set(days)].sort((a, b) => a - b) as Weekday[];
  return { days: unique, start };
}

/** Letter code of a weekday set: [1,3] -> "MW", [2,4] -> "TuTh". */
export function dayCode(days: Weekday[]): string {
  const code: Record<Weekday, string> = { 1: 'M', 2: 'Tu', 3: 'W', 4: 'Th', 5: 'F', 6: 'Sa', 7: 'Su' };
  return days.map((d) => code[d]).join('');
}

const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function leap(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

/** "YYYY-MM-DD" when the day exists (plain arithmetic: this runs once per schedule row). */
export function isoDate(year: number, month: number, day: number): string | null {
  if (!Number.isInteger(year) || year < 1 || year > 9999 || month < 1 || month > 12 || day < 1) return null;
  const max = month === 2 && leap(year) ? 29 : MONTH_DAYS[month - 1]!;
  if (day > max) return null;
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's days_from_civil). */
export function dayNumber(date: string): number {
  let y = Number(date.slice(0, 4));
  const m = Number(date.slice(5, 7));
  const d = Number(date.slice(8, 10));
  y -= m <= 2 ? 1 : 0;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

export function weekdayOfIso(date: string): Weekday {
  const n = dayNumber(date);
  return (((((n + 3) % 7) + 7) % 7) + 1) as Weekday;
}

/** "Sat Dec 7 2024" style label for warnings. */
export function describeDate(date: string): string {
  const d = DateTime.fromISO(date, { zone: 'UTC' });
  return `${MONTH_NAMES[d.month - 1]} ${d.day} ${d.year}`;
}
