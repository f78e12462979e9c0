// Use cases of editing a course in the browser (staff): add or change a class, its readings, units, staff, policies.
import type {
  AddMeetingBody,
  CourseEditView,
  MeetingFieldsBody,
  PoliciesBody,
  ReadingsBody,
  StaffBody,
  UnitsBody,
} from '../../contracts/course-edit.js';
import { isSafeLinkUrl } from '../../contracts/safe-links.js';
import {
  addMeeting,
  changeMeeting,
  findStoredMeeting,
  setPolicies,
  setReadings,
  setStaff,
  setUnits,
} from '../../domain/course-edits.js';
import { presentedReadings } from '../../domain/demo-deliverables.js';
import type { StoredCourse } from '../../domain/stored-course.js';
import { readingIndexesInUse } from '../../storage/repositories/course-edits.js';
import { loadCourse } from '../../storage/repositories/course-reader.js';
import { authorize, type CourseAccess } from '../enrollment/course-access.js';
import { DomainError } from '../errors.js';
import { nowOf, type ServiceDeps } from '../deps.js';
import { courseEditView, dayLabel } from './edit-view.js';
import { saveEdit, type CourseChange } from './save-edit.js';

const blankToNull = (v: string | null | undefined): string | null => (v && v.trim() !== '' ? v.trim() : null);

/** A link staff typed: kept when safe (http(s), mailto, relative), refused with a sentence otherwise. */
function checkedUrl(url: string | null, what: string): string | null {
  const value = blankToNull(url);
  if (value !== null && !isSafeLinkUrl(value))
    throw new DomainError(
      'invalid_input',
      `The link of ${what} is not a web address (http, https or mailto).`,
      {
        reason: 'unsafe-link',
      },
    );
  return value;
}

async function edit(
  deps: ServiceDeps,
  access: CourseAccess,
  change: (course: StoredCourse, newId: () => string) => CourseChange,
  alsoInTrx?: Parameters<typeof saveEdit>[3],
): Promise<CourseEditView> {
  const { course, summary } = await saveEdit(deps, access, change, alsoInTrx);
  return courseEditView(deps.db, course, nowOf(deps), summary);
}

const named = (title: string | null) => (title ? `“${title}”` : '');

function timeText(fields: { startTime: string | null; endTime: string | null }): string {
  return fields.startTime ? `, ${fields.startTime}–${fields.endTime}` : '';
}

export function addClass(
  deps: ServiceDeps,
  access: CourseAccess,
  body: AddMeetingBody,
): Promise<CourseEditView> {
  return edit(deps, access, (course, newId) => {
    const fields = { ...body, title: blankToNull(body.title), unit: blankToNull(body.unit) };
    const { course: next } = addMeeting(course, fields, newId);
    return {
      course: next,
      summary: `added a class${fields.title ? ` “${fields.title}”` : ''} on ${dayLabel(body.date, course.timeZone)}${timeText(body)}`,
    };
  });
}

export function changeClass(
  deps: ServiceDeps,
  access: CourseAccess,
  meetingId: string,
  body: MeetingFieldsBody,
): Promise<CourseEditView> {
  return edit(deps, access, (course) => {
    const old = findStoredMeeting(course, meetingId);
    const fields = { ...body, title: blankToNull(body.title), unit: blankToNull(body.unit) };
    const next = changeMeeting(course, meetingId, fields);
    const from = dayLabel(old.date, course.timeZone);
    const what = `the class ${named(fields.title ?? old.title)}`.trimEnd();
    const moved =
      old.date !== body.date || old.startTime !== body.startTime || old.endTime !== body.endTime
        ? `moved ${what} from ${from}${timeText(old)} to ${dayLabel(body.date, course.timeZone)}${timeText(body)}`
        : `edited ${what} of ${from}`;
    return { course: next, summary: moved };
  });
}

export function editReadings(
  deps: ServiceDeps,
  access: CourseAccess,
  meetingId: string,
  body: ReadingsBody,
): Promise<CourseEditView> {
  const readings = body.readings.map((r, i) => ({
    ...r,
    url: checkedUrl(r.url, `reading ${i + 1}`),
    note: blankToNull(r.note),
  }));
  return edit(
    deps,
    access,
    (course, newId) => {
      const meeting = findStoredMeeting(course, meetingId);
      const next = setReadings(course, meetingId, readings, newId);
      const n = readings.length;
      return {
        course: next,
        summary: `set the readings of ${dayLabel(meeting.date, course.timeZone)} (${n} ${n === 1 ? 'reading' : 'readings'}, ${readings.filter((r) => r.required).length} required)`,
      };
    },
    (trx, before) => keepHandedInPositions(trx, before, meetingId, readings),
  );
}

/**
 * Questions handed in (and asked in the room) name their reading by its position among the class's presented
 * readings. An edit that would put another reading, or none, at a position holding students' work is refused
 * (409) with the positions named, so no question silently moves to another paper; titles and links may change,
 * readings may be added after the last one in use.
 */
async function keepHandedInPositions(
  trx: Parameters<typeof readingIndexesInUse>[0],
  before: StoredCourse,
  meetingId: string,
  readings: ReadingsBody['readings'],
): Promise<void> {
  const meeting = findStoredMeeting(before, meetingId);
  const inUse = await readingIndexesInUse(trx, before.id, meeting.id, meeting.date);
  if (inUse.length === 0) return;
  const was = presentedReadings(meeting);
  const will = presentedReadings({ ...meeting, readings: readings.map((r) => ({ ...r, id: r.id ?? '' })) });
  const moved = inUse.filter((i) => was[i] && will[i]?.id !== was[i].id);
  if (moved.length === 0) return;
  const named = moved.map((i) => `${i + 1} (“${was[i]!.title}”)`).join(', ');
  throw new DomainError(
    'conflict',
    `Students already handed in questions on required reading ${named} of this class, and a question names its reading by position: keep that reading at its place (you may edit its title or link, or add readings after it).`,
    { reason: 'readings-in-use', positions: moved.map((i) => i + 1) },
  );
}

export function editUnits(deps: ServiceDeps, access: CourseAccess, body: UnitsBody): Promise<CourseEditView> {
  return edit(deps, access, (course, newId) => ({
    course: setUnits(course, body.units, newId),
    summary: `set the units (${body.units.map((u) => u.title.trim()).join(', ') || 'none'})`,
  }));
}

export function editStaff(deps: ServiceDeps, access: CourseAccess, body: StaffBody): Promise<CourseEditView> {
  const staff = body.staff.map((s, i) => ({
    name: s.name,
    role: s.role || 'ta',
    netId: blankToNull(s.netId),
    url: checkedUrl(s.url, `staff member ${i + 1}`),
    officeHours: blankToNull(s.officeHours),
    officeLocation: blankToNull(s.officeLocation),
  }));
  const email = body.staffEmail === undefined ? undefined : blankToNull(body.staffEmail);
  if (email && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email))
    throw new DomainError('invalid_input', 'The staff e-mail is not an e-mail address.', {
      reason: 'bad-email',
    });
  return edit(deps, access, (course) => ({
    course: { ...setStaff(course, staff), staffEmail: email === undefined ? course.staffEmail : email },
    summary: `set the staff (${staff.map((s) => s.name.trim()).join(', ') || 'none'})`,
  }));
}

export function editPolicies(
  deps: ServiceDeps,
  access: CourseAccess,
  body: PoliciesBody,
): Promise<CourseEditView> {
  return edit(deps, access, (course, newId) => ({
    course: setPolicies(course, body.policies, newId),
    summary: `set the policies (${body.policies.map((p) => p.title.trim()).join(', ') || 'none'})`,
  }));
}

/** The editor's first view (staff only). */
export async function viewCourseForEdit(deps: ServiceDeps, access: CourseAccess): Promise<CourseEditView> {
  authorize(access, 'manageCourse');
  const course = await loadCourse(deps.db, access.course.slug);
  if (!course) throw new DomainError('not_found', 'This course is gone.');
  return courseEditView(deps.db, course, nowOf(deps));
}
