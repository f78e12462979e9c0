// The course as the browser editor shows it: ids, raw fields, local dates and times in the course's labelled zone.
import { DateTime } from 'luxon';
import type { CourseEditView } from '../../contracts/course-edit.js';
import type { StoredCourse } from '../../domain/stored-course.js';
import type { Db } from '../../storage/db.js';
import { listOpenCourseEdits } from '../../storage/repositories/course-edits.js';

/** "Mon, Sep 9" for a local date. */
export function dayLabel(date: string, timeZone: string): string {
  const d = DateTime.fromISO(date, { zone: timeZone });
  return d.isValid ? d.toFormat('ccc, LLL d') : date;
}

/** "America/Chicago (CST)" at `now`. */
export function zoneLabel(timeZone: string, now: Date): string {
  const abbr = DateTime.fromJSDate(now).setZone(timeZone).toFormat('ZZZZ');
  return abbr && abbr !== timeZone ? `${timeZone} (${abbr})` : timeZone;
}

export async function courseEditView(
  db: Db,
  course: StoredCourse,
  now: Date,
  done?: string,
): Promise<CourseEditView> {
  const edits = await listOpenCourseEdits(db, course.id);
  return {
    now: now.toISOString(),
    slug: course.slug,
    title: [course.code, course.title].filter(Boolean).join(' '),
    timeZone: course.timeZone,
    zoneLabel: zoneLabel(course.timeZone, now),
    pattern: course.pattern ? { startTime: course.pattern.startTime, endTime: course.pattern.endTime } : null,
    meetings: course.meetings.map((m) => ({
      id: m.id,
      date: m.date,
      day: dayLabel(m.date, course.timeZone),
      kind: m.kind,
      title: m.title,
      startTime: m.startTime,
      endTime: m.endTime,
      unit: m.unit,
      readings: m.readings.map((r) => ({
        id: r.id,
        title: r.title,
        url: r.url,
        required: r.required,
        note: r.note,
      })),
    })),
    units: course.units.map((u) => ({ id: u.id, title: u.title })),
    staff: course.staff.map((s) => ({
      name: s.name,
      role: s.role,
      netId: s.netId,
      url: s.url,
      officeHours: s.officeHours,
      officeLocation: s.officeLocation,
    })),
    staffEmail: course.staffEmail,
    policies: course.policies.map((p) => ({ id: p.id, slug: p.slug, title: p.title, markdown: p.markdown })),
    edits: edits.map((e) => ({ at: e.created_at, summary: e.summary })),
    ...(done ? { done } : {}),
  };
}
