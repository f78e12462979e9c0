// Moves a course's whole schedule so that its first meeting falls on a given date, keeping weekdays.
import { DateTime } from 'luxon';
import type { CourseModel } from '../domain/course.js';
import { shiftProse } from './shift-prose.js';

export interface ShiftResult {
  course: CourseModel;
  /** Plain messages (a shift has no syllabus lines to point at). */
  warnings: string[];
}

function addDays(date: string, days: number): string {
  return DateTime.fromISO(date, { zone: 'UTC' }).plus({ days }).toISODate() ?? date;
}

/**
 * Shifts meeting dates, milestone meeting dates and deadlines by whole days so the first meeting lands on
 * the first date on or after `toDate` with the same weekday. Deadlines keep their local wall-clock time
 * (18:00 stays 18:00 across a daylight-saving change). The term's year follows the shift. Dates written in
 * the prose (description, objectives, policies, milestone sentences, class notes) move by the same days, so
 * the text never names a deadline the schedule no longer has.
 */
export function shiftCourse(course: CourseModel, toDate: string): ShiftResult {
  const warnings: string[] = [];
  const target = DateTime.fromISO(toDate, { zone: 'UTC' });
  if (!/^\d{4}-\d{2}-\d{2}$/.test(toDate) || !target.isValid) {
    return { course, warnings: [`"${toDate}" is not a date (YYYY-MM-DD); the schedule was not moved.`] };
  }
  if (course.meetings.length === 0)
    return { course, warnings: ['The course has no meetings; nothing was moved.'] };
  const first = course.meetings.reduce((min, m) => (m.date < min ? m.date : min), course.meetings[0]!.date);
  const firstDay = DateTime.fromISO(first, { zone: 'UTC' });
  const ahead = (firstDay.weekday - target.weekday + 7) % 7;
  const landing = target.plus({ days: ahead });
  const days = Math.round(landing.diff(firstDay, 'days').days);
  if (ahead !== 0) {
    warnings.push(
      `${toDate} is a ${target.toFormat('cccc')}; the first meeting (a ${firstDay.toFormat('cccc')}) moves to ${landing.toISODate()}.`,
    );
  }
  const zone = course.timeZone;
  const shiftInstant = (iso: string): string => {
    const local = DateTime.fromISO(iso, { zone: 'UTC' }).setZone(zone);
    const moved = local.plus({ days });
    if (moved.hour !== local.hour || moved.minute !== local.minute) {
      warnings.push(
        `The deadline ${local.toFormat('yyyy-MM-dd HH:mm')} falls in a daylight-saving gap after the move; it is now ${moved.toFormat('yyyy-MM-dd HH:mm')}.`,
      );
    }
    return moved.toUTC().toISO() ?? iso;
  };
  const last = course.meetings.reduce((max, m) => (m.date > max ? m.date : max), first);
  const prose = (text: string) => shiftProse(text, { days, from: first, to: last });
  const shifted: CourseModel = {
    ...course,
    description: prose(course.description),
    objectives: course.objectives.map(prose),
    policies: course.policies.map((p) => ({ ...p, markdown: prose(p.markdown) })),
    term: course.term ? { ...course.term, year: course.term.year + (landing.year - firstDay.year) } : null,
    meetings: course.meetings.map((m) => ({ ...m, date: addDays(m.date, days), notes: m.notes.map(prose) })),
    milestones: course.milestones.map((m) => ({
      ...m,
      dueAt: m.dueAt ? shiftInstant(m.dueAt) : null,
      meetingDates: m.meetingDates.map((d) => addDays(d, days)),
      source: prose(m.source),
    })),
  };
  return { course: shifted, warnings };
}
