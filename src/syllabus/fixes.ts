// Staff's fixes of a syllabus as read (import review): pure, keyed by meeting date + reading title so they outlive a re-import.
import { DateTime } from 'luxon';
import type { CourseModel, Meeting, Milestone, Weekday } from '../domain/course.js';
import { plain, slugify } from './text.js';

/** One correction of what the importer read. Settings (year, zone, start) are read options; the rest edit the result. */
export type SyllabusFix =
  | { kind: 'required'; date: string; reading: string; required: boolean }
  /** The class of `date` joins the class of `into` (its readings and notes follow, in order). */
  | { kind: 'merge'; date: string; into: string }
  /** The reading `reading` of the class of `date`, and those after it, become a new class on `newDate`. */
  | { kind: 'split'; date: string; reading: string; newDate: string }
  | { kind: 'special-day'; date: string }
  | { kind: 'milestone'; date: string; title: string }
  | { kind: 'year'; year: number }
  | { kind: 'zone'; zone: string }
  | { kind: 'start'; date: string }
  | { kind: 'class-times'; days: Weekday[]; startTime: string; endTime: string };

export interface FixOutcome {
  fix: SyllabusFix;
  applied: boolean;
  /** What the fix did, or why it no longer applies. */
  message: string;
}

/** The read options that the settings among the fixes give (the last of each kind counts). */
export interface FixSettings {
  year?: number;
  timeZone?: string;
  start?: string;
}

export function settingsOf(fixes: readonly SyllabusFix[]): FixSettings {
  const settings: FixSettings = {};
  for (const f of fixes) {
    if (f.kind === 'year') settings.year = f.year;
    else if (f.kind === 'zone') settings.timeZone = f.zone;
    else if (f.kind === 'start') settings.start = f.date;
  }
  return settings;
}

/** A meeting as the review shows it: the course's meeting plus the source lines (1-based) it was read from. */
export interface SourcedMeeting {
  meeting: Meeting;
  lines: number[];
}

export interface FixedCourse {
  course: CourseModel;
  /** Source lines of each meeting of `course.meetings`, in the same order. */
  meetingLines: number[][];
  outcomes: FixOutcome[];
}

const sameTitle = (a: string, b: string) => plain(a).trim().toLowerCase() === plain(b).trim().toLowerCase();

/** A short name of a fix, for messages: "reading "X" of 2024-09-03 required". */
export function describeFix(f: SyllabusFix): string {
  switch (f.kind) {
    case 'required':
      return `"${f.reading}" of ${f.date} ${f.required ? 'required' : 'optional'}`;
    case 'merge':
      return `the class of ${f.date} merged into ${f.into}`;
    case 'split':
      return `the class of ${f.date} split at "${f.reading}" (new class on ${f.newDate})`;
    case 'special-day':
      return `the class of ${f.date} a special day`;
    case 'milestone':
      return `the class of ${f.date} the milestone "${f.title}"`;
    case 'year':
      return `year ${f.year}`;
    case 'zone':
      return `time zone ${f.zone}`;
    case 'start':
      return `first day of classes ${f.date}`;
    case 'class-times':
      return `class times ${f.startTime}–${f.endTime}`;
  }
}

/**
 * Re-applies the fixes, in order, to a course as read. A fix whose class or reading is no longer
 * there is skipped and said so; the others still apply. Settings (year, zone, start) were given
 * to the reader and are reported as applied.
 */
export function applyFixes(
  course: CourseModel,
  meetingLines: readonly number[][],
  fixes: readonly SyllabusFix[],
): FixedCourse {
  let rows: SourcedMeeting[] = course.meetings.map((meeting, k) => ({
    meeting,
    lines: [...(meetingLines[k] ?? [])],
  }));
  let milestones = [...course.milestones];
  let pattern = course.pattern;
  const outcomes: FixOutcome[] = [];
  const find = (date: string) => rows.find((r) => r.meeting.date === date);
  const missing = (f: SyllabusFix, what: string): FixOutcome => ({
    fix: f,
    applied: false,
    message: `Not applied: ${describeFix(f)} — ${what}.`,
  });
  const done = (f: SyllabusFix): FixOutcome => ({
    fix: f,
    applied: true,
    message: `Applied: ${describeFix(f)}.`,
  });
  const noClass = (date: string) => `the schedule has no class on ${date}`;

  for (const f of fixes) {
    if (f.kind === 'year' || f.kind === 'zone' || f.kind === 'start') {
      outcomes.push(done(f));
    } else if (f.kind === 'class-times') {
      pattern = { days: [...f.days].sort((a, b) => a - b), startTime: f.startTime, endTime: f.endTime };
      outcomes.push(done(f));
    } else if (f.kind === 'required') {
      const row = find(f.date);
      const at = row ? row.meeting.readings.findIndex((r) => sameTitle(r.title, f.reading)) : -1;
      if (!row) outcomes.push(missing(f, noClass(f.date)));
      else if (at < 0) outcomes.push(missing(f, `that class has no reading "${f.reading}"`));
      else {
        const readings = row.meeting.readings.map((r, k) => (k === at ? { ...r, required: f.required } : r));
        row.meeting = { ...row.meeting, readings };
        outcomes.push(done(f));
      }
    } else if (f.kind === 'merge') {
      const from = find(f.date);
      const into = find(f.into);
      if (!from || !into || from === into)
        outcomes.push(missing(f, !from ? noClass(f.date) : !into ? noClass(f.into) : 'it is the same class'));
      else {
        into.meeting = mergeMeetings(into.meeting, from.meeting);
        into.lines = [...new Set([...into.lines, ...from.lines])].sort((a, b) => a - b);
        rows = rows.filter((r) => r !== from);
        milestones = milestones.map((m) => ({
          ...m,
          meetingDates: [...new Set(m.meetingDates.map((d) => (d === f.date ? f.into : d)))],
        }));
        outcomes.push(done(f));
      }
    } else if (f.kind === 'split') {
      const row = find(f.date);
      const at = row ? row.meeting.readings.findIndex((r) => sameTitle(r.title, f.reading)) : -1;
      if (!row) outcomes.push(missing(f, noClass(f.date)));
      else if (at < 0) outcomes.push(missing(f, `that class has no reading "${f.reading}"`));
      else if (find(f.newDate)) outcomes.push(missing(f, `there is already a class on ${f.newDate}`));
      else {
        const moved = row.meeting.readings.slice(at);
        row.meeting = { ...row.meeting, readings: row.meeting.readings.slice(0, at) };
        const added: Meeting = {
          ...row.meeting,
          date: f.newDate,
          title: row.meeting.title,
          readings: moved,
          notes: [],
          extra: {},
          startTime: null,
          endTime: null,
        };
        rows = [...rows, { meeting: added, lines: [...row.lines] }].sort((a, b) =>
          a.meeting.date < b.meeting.date ? -1 : a.meeting.date > b.meeting.date ? 1 : 0,
        );
        outcomes.push(done(f));
      }
    } else if (f.kind === 'special-day') {
      const row = find(f.date);
      if (!row) outcomes.push(missing(f, noClass(f.date)));
      else {
        const m = row.meeting;
        row.meeting = {
          ...m,
          kind: 'no_class',
          title: m.title ?? 'No class',
          readings: [],
          notes: [...m.readings.map((r) => r.title), ...m.notes],
          needsPresenters: false,
        };
        outcomes.push(done(f));
      }
    } else {
      const row = find(f.date);
      if (!row) outcomes.push(missing(f, noClass(f.date)));
      else {
        rows = rows.filter((r) => r !== row);
        milestones = addMilestone(milestones, f.title, f.date, course.timeZone);
        outcomes.push(done(f));
      }
    }
  }
  return {
    course: { ...course, pattern, milestones, meetings: rows.map((r) => r.meeting) },
    meetingLines: rows.map((r) => r.lines),
    outcomes,
  };
}

function mergeMeetings(into: Meeting, from: Meeting): Meeting {
  const extra = { ...into.extra };
  for (const [k, v] of Object.entries(from.extra)) extra[k] = extra[k] ? `${extra[k]}<br>${v}` : v;
  const notes = [...into.notes];
  if (from.title !== null && into.title !== null && !sameTitle(from.title, into.title))
    notes.push(`**${from.title}**`);
  return {
    ...into,
    title: into.title ?? from.title,
    readings: [...into.readings, ...from.readings],
    notes: [...notes, ...from.notes],
    extra,
    needsPresenters: into.needsPresenters || from.needsPresenters,
  };
}

/** A milestone due at the end of that day in the course's zone, with a key no other milestone has. */
function addMilestone(milestones: Milestone[], title: string, date: string, zone: string): Milestone[] {
  const base = slugify(title);
  let key = base;
  for (let n = 2; milestones.some((m) => m.key === key); n++) key = `${base}-${n}`;
  const due = DateTime.fromISO(`${date}T23:59`, { zone }).toUTC().toISO({ suppressMilliseconds: true });
  const milestone: Milestone = {
    key,
    title,
    dueAt: due,
    meetingDates: [],
    source: `Set at import review: the row of ${date} is this milestone, not a class.`,
  };
  return [...milestones, milestone];
}
