// Edits staff make to a stored course in the browser (no Markdown): pure, ids kept, a refusal says why.
import type { MeetingKind, PolicySection, StaffMember } from './course.js';
import type { StoredCourse, StoredMeeting, StoredReading, WithId } from './stored-course.js';

/** An edit that cannot be made, with the sentence staff read. */
export class EditRefused extends Error {
  constructor(
    readonly reason: 'date-taken' | 'no-meeting' | 'invalid' | 'already-cancelled',
    message: string,
  ) {
    super(message);
  }
}

export interface MeetingFields {
  /** Local date YYYY-MM-DD in the course's zone. */
  date: string;
  /** Local "HH:mm" in the course's zone, or null for the course's pattern. */
  startTime: string | null;
  endTime: string | null;
  title: string | null;
  /** Title of a unit of the course, or null. */
  unit: string | null;
}

export interface ReadingFields {
  /** A stored reading of this class keeps its id (its questions stay with it); absent for a new one. */
  id?: string;
  title: string;
  url: string | null;
  required: boolean;
  note: string | null;
}

/** The title a cancelled class takes: a special day that says it was cancelled. */
export const CANCELLED_TITLE = 'Cancelled';

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;

function validDate(date: string): boolean {
  if (!DATE.test(date)) return false;
  const d = new Date(`${date}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === date;
}

/** "Mon, Aug 26" for a valid local date (the date alone: no zone is involved). */
function dayName(date: string): string {
  return new Date(`${date}T00:00:00Z`).toLocaleDateString('en-US', {
    weekday: 'short',
    month: 'short',
    day: 'numeric',
    timeZone: 'UTC',
  });
}

export function findStoredMeeting(course: StoredCourse, meetingId: string): StoredMeeting {
  const found = course.meetings.find((m) => m.id === meetingId);
  if (!found)
    throw new EditRefused('no-meeting', 'This course has no such class (it may have been removed).');
  return found;
}

function checkFields(course: StoredCourse, fields: MeetingFields, self: string | null): void {
  if (!validDate(fields.date)) throw new EditRefused('invalid', 'Give the date as a real day, YYYY-MM-DD.');
  for (const t of [fields.startTime, fields.endTime])
    if (t !== null && !TIME.test(t)) throw new EditRefused('invalid', 'Give times as HH:mm (24-hour).');
  if ((fields.startTime === null) !== (fields.endTime === null))
    throw new EditRefused(
      'invalid',
      'Give both a start and an end time, or neither (the usual class hours).',
    );
  if (fields.startTime !== null && fields.endTime !== null && fields.endTime <= fields.startTime)
    throw new EditRefused('invalid', 'The class must end after it starts.');
  if (fields.unit !== null && !course.units.some((u) => u.title === fields.unit))
    throw new EditRefused('invalid', `This course has no unit "${fields.unit.slice(0, 80)}".`);
  const taken = course.meetings.find((m) => m.date === fields.date && m.id !== self);
  if (taken)
    throw new EditRefused(
      'date-taken',
      `${dayName(fields.date)} already has a class ("${taken.title ?? taken.kind}"). Move or cancel that one first, or pick another day.`,
    );
}

/** Meetings in date order (stable, so the order within a day is kept). */
function byDate(meetings: StoredMeeting[]): StoredMeeting[] {
  return meetings
    .map((m, i) => ({ m, i }))
    .sort((a, b) => a.m.date.localeCompare(b.m.date) || a.i - b.i)
    .map(({ m }) => m);
}

export function addMeeting(
  course: StoredCourse,
  fields: MeetingFields & { kind: MeetingKind },
  newId: () => string,
): { course: StoredCourse; meeting: StoredMeeting } {
  checkFields(course, fields, null);
  const meeting: StoredMeeting = {
    id: newId(),
    date: fields.date,
    kind: fields.kind,
    title: fields.title,
    startTime: fields.startTime,
    endTime: fields.endTime,
    unit: fields.unit,
    readings: [],
    needsPresenters: fields.kind === 'lecture',
    notes: [],
    extra: {},
  };
  return { course: { ...course, meetings: byDate([...course.meetings, meeting]) }, meeting };
}

/** The same class (same row: its roles, hand-ins and discussion follow) on another day, time or title. */
export function changeMeeting(course: StoredCourse, meetingId: string, fields: MeetingFields): StoredCourse {
  const meeting = findStoredMeeting(course, meetingId);
  checkFields(course, fields, meeting.id);
  const changed: StoredMeeting = { ...meeting, ...fields };
  return { ...course, meetings: byDate(course.meetings.map((m) => (m.id === meetingId ? changed : m))) };
}

/** A cancelled class stays on its day as a special day: no class, no presenters, its readings kept for reference. */
export function cancelMeeting(course: StoredCourse, meetingId: string): StoredCourse {
  const meeting = findStoredMeeting(course, meetingId);
  if (meeting.kind === 'no_class')
    throw new EditRefused('already-cancelled', 'This day has no class already: there is nothing to cancel.');
  const was = meeting.title ? ` (was: ${meeting.title})` : '';
  const cancelled: StoredMeeting = {
    ...meeting,
    kind: 'no_class',
    title: CANCELLED_TITLE,
    needsPresenters: false,
    notes: [...meeting.notes, `Class cancelled${was}.`],
  };
  return { ...course, meetings: course.meetings.map((m) => (m.id === meetingId ? cancelled : m)) };
}

/** The readings of a class as listed (added, edited, removed, reordered); stored ones keep their ids. */
export function setReadings(
  course: StoredCourse,
  meetingId: string,
  readings: ReadingFields[],
  newId: () => string,
): StoredCourse {
  const meeting = findStoredMeeting(course, meetingId);
  const own = new Set(meeting.readings.map((r) => r.id));
  const seen = new Set<string>();
  const next: StoredReading[] = readings.map((r) => {
    if (r.title.trim() === '') throw new EditRefused('invalid', 'Every reading needs a title.');
    const keep = r.id !== undefined && own.has(r.id) && !seen.has(r.id);
    if (r.id !== undefined && !keep)
      throw new EditRefused(
        'invalid',
        'A reading in the list is not one of this class: reload and try again.',
      );
    if (r.id) seen.add(r.id);
    return {
      id: keep ? r.id! : newId(),
      title: r.title.trim(),
      url: r.url,
      required: r.required,
      note: r.note,
    };
  });
  return {
    ...course,
    meetings: course.meetings.map((m) => (m.id === meetingId ? { ...m, readings: next } : m)),
  };
}

/**
 * The units as listed: one renamed (named by its id) is renamed on its classes too; one left out leaves its
 * classes without a unit.
 */
export function setUnits(
  course: StoredCourse,
  units: Array<{ id?: string; title: string }>,
  newId: () => string,
): StoredCourse {
  const titles = units.map((u) => u.title.trim());
  if (titles.some((t) => t === '')) throw new EditRefused('invalid', 'Every unit needs a title.');
  if (new Set(titles).size !== titles.length)
    throw new EditRefused('invalid', 'Two units have the same title: give each its own.');
  const oldTitle = new Map(course.units.map((u) => [u.id, u.title]));
  const renamed = new Map<string, string>();
  const next: Array<WithId<{ title: string }>> = units.map((u, i) => {
    const known = u.id !== undefined && oldTitle.has(u.id);
    if (known) renamed.set(oldTitle.get(u.id!)!, titles[i]!);
    return { id: known ? u.id! : newId(), title: titles[i]! };
  });
  return {
    ...course,
    units: next,
    meetings: course.meetings.map((m) => (m.unit === null ? m : { ...m, unit: renamed.get(m.unit) ?? null })),
  };
}

export function setStaff(course: StoredCourse, staff: StaffMember[]): StoredCourse {
  if (staff.some((s) => s.name.trim() === ''))
    throw new EditRefused('invalid', 'Every staff member needs a name.');
  return {
    ...course,
    staff: staff.map((s) => ({ ...s, name: s.name.trim(), role: s.role.trim().toLowerCase() })),
  };
}

/** "Late Policy" → "late-policy", as the importer makes anchors of headings. */
export function policySlug(title: string): string {
  return (
    title
      .toLowerCase()
      .normalize('NFKD')
      .replace(/[^\p{L}\p{N}\s-]/gu, '')
      .trim()
      .replace(/\s+/g, '-') || 'policy'
  );
}

export function setPolicies(
  course: StoredCourse,
  policies: Array<{ id?: string; title: string; markdown: string }>,
  newId: () => string,
): StoredCourse {
  const known = new Map(course.policies.map((p) => [p.id, p]));
  const slugs = new Set<string>();
  const next: Array<WithId<PolicySection>> = policies.map((p) => {
    const title = p.title.trim();
    if (title === '') throw new EditRefused('invalid', 'Every policy needs a title.');
    const old = p.id !== undefined ? known.get(p.id) : undefined;
    let slug = old?.slug ?? policySlug(title);
    for (let n = 2; slugs.has(slug); n++) slug = `${policySlug(title)}-${n}`;
    slugs.add(slug);
    return { id: old?.id ?? newId(), slug, title, markdown: p.markdown };
  });
  return { ...course, policies: next };
}
