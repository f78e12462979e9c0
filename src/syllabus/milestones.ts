// Project milestones: deadlines read from policy sentences ("by September 26", "on or before 6:00PM CDT on
// December 19"), presentation days from the schedule, and the explicit list written by the exporter.
import { DateTime } from 'luxon';
import type { Meeting, Milestone } from '../domain/course.js';
import { dayNumber, findDates, isoDate, parseClock, type MonthDay } from './dates.js';
import { capitalize, collapse, plain, slugify } from './text.js';
import type { SyllabusWarning } from './types.js';

export interface SentenceSource {
  /** Markdown of the sentence, whitespace collapsed. */
  markdown: string;
  line: number;
}

const TZ = '(CDT|CST|CT|EDT|EST|ET|PDT|PST|PT|MDT|MST|MT|UTC|GMT|AoE|Central|Eastern|Pacific|Mountain)';
const ZONES: Record<string, string> = {
  C: 'America/Chicago',
  E: 'America/New_York',
  P: 'America/Los_Angeles',
  M: 'America/Denver',
  U: 'UTC',
  G: 'UTC',
  A: 'Etc/GMT+12',
};
const TRIGGER =
  /\b(on or before|no later than|due(?:\s+(?:on|by|before|at))?|deadline(?:\s+is)?|by|before)\b\s*:?\s*/gi;
const CLOCK_FIRST = new RegExp(
  `^(\\d{1,2}(?::\\d{2})?\\s*[ap]\\.?\\s*m\\.?|noon|midnight|\\d{1,2}:\\d{2})\\s*(?:\\(?${TZ}\\)?\\s*)?(?:on\\s+)?`,
  'i',
);
const CLOCK_AFTER = new RegExp(
  `^\\s*,?\\s*(?:at\\s+|@\\s*|by\\s+)?(\\d{1,2}(?::\\d{2})?\\s*[ap]\\.?\\s*m\\.?|noon|midnight|\\d{1,2}:\\d{2})\\s*(?:\\(?${TZ}\\)?)?`,
  'i',
);
const WEEKDAY_SKIP = /^(?:the\s+)?(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)[a-z]*\.?,?\s+/i;

/** 23:59, read as the end of the day (23:59:59.999 local). */
export const END_OF_DAY_MINUTES = 23 * 60 + 59;

export interface Deadline {
  when: MonthDay;
  minutes: number;
  zoneWord: string | null;
}

/**
 * The deadline written in a plain-text sentence, or null. Without a time it is the end of that day, and so are
 * "midnight" and "11:59 PM": 23:59:59.999 local, the instant src/domain/due.ts's endOfLocalDay gives.
 */
export function findDeadline(text: string): Deadline | null {
  for (const m of text.matchAll(TRIGGER)) {
    // A deadline is written right after its trigger word: look at a short window only (long texts stay linear).
    let rest = text.slice(m.index + m[0]!.length, m.index + m[0]!.length + 120);
    let minutes: number | null = null;
    let zoneWord: string | null = null;
    const first = CLOCK_FIRST.exec(rest);
    if (first) {
      minutes = parseClock(first[1]!.replace(/\s+/g, ''));
      zoneWord = first[2]! ?? null;
      rest = rest.slice(first[0]!.length);
    }
    rest = rest.replace(WEEKDAY_SKIP, '');
    const dates = findDates(rest);
    if (dates.length === 0 || rest.slice(0, dates[0]!.index).trim() !== '') continue;
    const d = dates[0]!;
    if (minutes === null) {
      const after = CLOCK_AFTER.exec(rest.slice(d.index + d.length));
      if (after) {
        minutes = parseClock(after[1]!.replace(/\s+/g, ''));
        zoneWord = after[2] ?? null;
      }
    }
    return { when: d, minutes: minutes ?? END_OF_DAY_MINUTES, zoneWord };
  }
  return null;
}

export interface CourseSpan {
  first: string;
  last: string;
}

/** Year for a month/day written without one: the one that puts it nearest the course's meetings. */
export function yearNear(md: MonthDay, span: CourseSpan): number {
  if (md.year) return md.year;
  const base = Number(span.first.slice(0, 4));
  let best = base;
  let bestDist = Infinity;
  for (const y of [base, base + 1, base - 1]) {
    const iso = isoDate(y, md.month, md.day);
    if (!iso) continue;
    const dist = iso < span.first ? dayDiff(iso, span.first) : iso > span.last ? dayDiff(span.last, iso) : 0;
    if (dist < bestDist) {
      best = y;
      bestDist = dist;
    }
  }
  return best;
}

function dayDiff(a: string, b: string): number {
  return dayNumber(b) - dayNumber(a);
}

/** The UTC instant of a deadline; warns when a stated CDT/CST does not match the date. */
export function deadlineInstant(
  d: Deadline,
  span: CourseSpan,
  timeZone: string,
  line: number,
  warnings: SyllabusWarning[],
): string | null {
  const year = yearNear(d.when, span);
  let zone = timeZone;
  const word = d.zoneWord?.toUpperCase() ?? null;
  if (word) {
    const family = ZONES[word[0]!];
    const probe = DateTime.fromObject(
      { year, month: d.when.month, day: d.when.day },
      { zone: family, locale: 'en-US' },
    );
    const local = DateTime.fromObject(
      { year, month: d.when.month, day: d.when.day },
      { zone: timeZone, locale: 'en-US' },
    );
    if (family && probe.isValid && local.isValid && probe.offset !== local.offset && family !== timeZone) {
      const sameFamily =
        probe.offsetNameShort?.[0] === local.offsetNameShort?.[0] &&
        /^[A-Z]{3}$/.test(local.offsetNameShort ?? '');
      if (!sameFamily) zone = family;
    }
  }
  // The end of the day (no time written, "midnight", "11:59 PM") is its last instant, as endOfLocalDay has it.
  const endOfDay = d.minutes === END_OF_DAY_MINUTES;
  const dt = DateTime.fromObject(
    {
      year,
      month: d.when.month,
      day: d.when.day,
      hour: Math.floor(d.minutes / 60),
      minute: d.minutes % 60,
      second: endOfDay ? 59 : 0,
      millisecond: endOfDay ? 999 : 0,
    },
    { zone, locale: 'en-US' },
  );
  if (!dt.isValid) return null;
  if (zone !== timeZone) {
    warnings.push({
      line,
      message: `The deadline is stated in ${d.zoneWord}; it was read as ${dt.toFormat('HH:mm')} ${zone}.`,
    });
  } else if (word && /^[CEPM][SD]T$/.test(word)) {
    const actual = dt.offsetNameShort ?? '';
    if (/^[CEPM][SD]T$/.test(actual) && actual !== word) {
      warnings.push({
        line,
        message: `${dt.toFormat('MMM d yyyy')} is in ${actual} (UTC${dt.toFormat('ZZ')}), not ${word}; the deadline is read as ${dt.toFormat('HH:mm')} ${zone} wall-clock time.`,
      });
    }
  }
  return dt.toUTC().toISO();
}

interface Kind {
  key: string;
  title: string;
}

function kindOfSentence(t: string): Kind | null {
  if (/\bproposals?\b/i.test(t)) return { key: 'proposal', title: 'Project proposal' };
  if (/\bmid-?\s?(semester|term)\b|\bprogress\b/i.test(t) && /\bpresent/i.test(t))
    return { key: 'midterm-presentations', title: 'Mid-semester presentations' };
  if (/\bmid-?\s?(semester|term)\b|\bprogress\b/i.test(t) && /\breport/i.test(t))
    return { key: 'midterm-report', title: 'Mid-semester report' };
  if (/\bposters?\b/i.test(t)) return { key: 'poster', title: 'Poster session' };
  if (/\breports?\b/i.test(t)) return { key: 'final-report', title: 'Final report' };
  if (/\b(groups?|teams?)\b/i.test(t) && /\b(form|declare|membership|join|sign|register|register)/i.test(t))
    return { key: 'groups', title: 'Group formation' };
  if (/\b(essays?|term papers?|final papers?)\b/i.test(t))
    return /\bpaper/i.test(t) ? { key: 'term-paper', title: 'Term paper' } : { key: 'essay', title: 'Essay' };
  const other = /\b(milestone|checkpoint|draft|demo|final presentation|presentation|project)\b/i.exec(t);
  if (other) return { key: slugify(other[1]!), title: capitalize(other[1]!.toLowerCase()) };
  return null;
}

/** Milestones read from sentences of the policies, then from presentation and poster days of the schedule. */
export function deriveMilestones(
  sentences: SentenceSource[],
  meetings: Meeting[],
  timeZone: string,
  warnings: SyllabusWarning[],
): Milestone[] {
  if (meetings.length === 0) return [];
  const span: CourseSpan = { first: meetings[0]!.date, last: meetings[meetings.length - 1]!.date };
  for (const m of meetings) {
    if (m.date < span.first) span.first = m.date;
    if (m.date > span.last) span.last = m.date;
  }
  const out: Milestone[] = [];
  const meetingDates = new Set(meetings.map((m) => m.date));
  for (const s of sentences) {
    // A deadline sentence is short; kilobytes without a full stop are not one.
    if (s.markdown.length > 4000) continue;
    const text = plain(s.markdown);
    const kind = kindOfSentence(text);
    if (!kind) continue;
    const deadline = findDeadline(text);
    if (deadline) {
      const dueAt = deadlineInstant(deadline, span, timeZone, s.line, warnings);
      if (dueAt) out.push({ key: kind.key, title: kind.title, dueAt, meetingDates: [], source: s.markdown });
      continue;
    }
    if (!/\b(present|presentations?|posters?|demos?|session)\b/i.test(text)) continue;
    const dates = findDates(text)
      .map((d) => isoDate(yearNear(d, span), d.month, d.day))
      .filter((d): d is string => d !== null && meetingDates.has(d));
    if (dates.length > 0)
      out.push({
        key: kind.key,
        title: kind.title,
        dueAt: null,
        meetingDates: [...new Set(dates)].sort(),
        source: s.markdown,
      });
  }
  for (const kind of ['presentations', 'poster'] as const) {
    const days = meetings.filter((m) => m.kind === kind);
    if (days.length === 0) continue;
    const titles = days.map((d) => d.title ?? '').join(' ');
    const [key, title] =
      kind === 'poster'
        ? ['poster', 'Poster session']
        : /\bmid-?\s?(semester|term)\b|\bprogress\b/i.test(titles)
          ? ['midterm-presentations', 'Mid-semester presentations']
          : /\bfinal\b/i.test(titles)
            ? ['final-presentations', 'Final presentations']
            : ['presentations', 'Presentations'];
    const existing = out.find((o) => o.key === key);
    if (existing) {
      existing.meetingDates = [...new Set([...existing.meetingDates, ...days.map((d) => d.date)])].sort();
      continue;
    }
    out.push({
      key,
      title,
      dueAt: null,
      meetingDates: days.map((d) => d.date),
      source: days[0]!.title ?? title,
    });
  }
  const seen = new Map<string, number>();
  for (const m of out) {
    const n = (seen.get(m.key) ?? 0) + 1;
    seen.set(m.key, n);
    if (n > 1) m.key = `${m.key}-${n}`;
  }
  const sortKey = (m: Milestone): string =>
    m.meetingDates[0] ?? (m.dueAt ? (DateTime.fromISO(m.dueAt).setZone(timeZone).toISODate() ?? '') : '9999');
  return out
    .map((m, k) => ({ m, k }))
    .sort((a, b) => sortKey(a.m).localeCompare(sortKey(b.m)) || a.k - b.k)
    .map((x) => x.m);
}

/** One line of the exporter's milestone list. */
export function formatMilestone(m: Milestone, timeZone: string): string {
  const parts: string[] = [];
  if (m.dueAt) {
    const local = DateTime.fromISO(m.dueAt, { zone: 'UTC' }).setZone(timeZone);
    parts.push(`due ${local.toFormat('yyyy-MM-dd HH:mm')} (${m.dueAt})`);
  }
  if (m.meetingDates.length > 0) parts.push(`in class on ${m.meetingDates.join(', ')}`);
  if (parts.length === 0) parts.push('no date');
  return `- **${m.title.replace(/\*/g, '\\*')}** (\`${m.key}\`): ${parts.join('; ')}. Source: ${collapse(m.source)}`;
}

const EXPLICIT = /^\*\*(.+?)\*\* \(`([^`]+)`\): (.+?)\. Source: ?([\s\S]*)$/;

/** Reads a list item written by formatMilestone; null for anything else. */
export function readExplicitMilestone(item: string): Milestone | null {
  const m = EXPLICIT.exec(item.trim());
  if (!m) return null;
  const due = /due \d{4}-\d{2}-\d{2} \d{2}:\d{2} \(([^)]+)\)/.exec(m[3]!);
  const dates = /in class on ([\d\-, ]+)/.exec(m[3]!);
  if (!due && !dates && m[3]! !== 'no date') return null;
  const dueAt = due ? DateTime.fromISO(due[1]!, { zone: 'UTC' }) : null;
  if (dueAt && !dueAt.isValid) return null;
  return {
    key: m[2]!,
    title: m[1]!.replace(/\\\*/g, '*'),
    dueAt: dueAt ? dueAt.toISO() : null,
    meetingDates: dates
      ? dates[1]!
          .split(',')
          .map((d) => d.trim())
          .filter(Boolean)
      : [],
    source: m[4]!,
  };
}
