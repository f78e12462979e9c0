// The events of a course's public calendar: every class with its readings and room, days without class, course-wide deadlines.
import type { CalendarEvent } from '../../domain/icalendar.js';
import { DueRuleError, meetingInterval } from '../../domain/due.js';
import type { Deliverable } from '../../domain/deliverables.js';
import type { StoredCourse, StoredMeeting } from '../../domain/stored-course.js';
import { regularDue, type CourseDeliverable } from '../work/context.js';

/** Role work held by a group (a slot of the mid-semester talks counts like one): not on the public calendar. */
const ROLE_HOLDERS: ReadonlySet<Deliverable['holder']> = new Set(['presenter', 'summarizer', 'slot']);

/** "CS 598" or the course title: the prefix of every event's summary. */
export function courseLabel(course: StoredCourse): string {
  return course.code ?? course.title;
}

/** Stable per course and event, whatever the day the event falls on. */
export function eventUid(course: StoredCourse, ...parts: string[]): string {
  return `${parts.join('-')}-${course.id}@seminar`;
}

export function schedulePage(publicUrl: string, course: StoredCourse): string {
  return `${publicUrl.replace(/\/+$/, '')}/courses/${course.slug}/schedule`;
}

function meetingTitle(meeting: StoredMeeting): string {
  if (meeting.title) return meeting.title;
  if (meeting.kind === 'no_class') return 'No class';
  if (meeting.kind === 'poster') return 'Poster session';
  if (meeting.kind === 'presentations') return 'Presentations';
  return 'Class';
}

function meetingDescription(course: StoredCourse, meeting: StoredMeeting, extra: string[]): string {
  const lines: string[] = [...extra];
  if (meeting.unit) lines.push(`Unit: ${meeting.unit}`);
  if (meeting.readings.length > 0) {
    lines.push('Readings:');
    for (const r of meeting.readings) {
      const tags = [r.required ? 'required' : 'optional', r.note].filter(Boolean).join(', ');
      lines.push(`- ${r.title} (${tags})${r.url ? ` ${r.url}` : ''}`);
    }
  }
  for (const note of meeting.notes) lines.push(note);
  if (lines.length === 0) lines.push(course.title);
  return lines.join('\n');
}

/**
 * One class as an event: its own times or the course's pattern, in the course's zone; a day without
 * class (or a class without any time) is a whole-day event shown as free.
 */
export function meetingEvent(
  course: StoredCourse,
  meeting: StoredMeeting,
  publicUrl: string,
  mine: { roles: string[]; notes: string[] } = { roles: [], notes: [] },
): CalendarEvent {
  const label = courseLabel(course);
  const roles = mine.roles.length > 0 ? ` (your group: ${mine.roles.join(', ')})` : '';
  const base = {
    uid: eventUid(course, 'class', meeting.id),
    summary: `${label}: ${meetingTitle(meeting)}${roles}`,
    description: meetingDescription(course, meeting, mine.notes),
    url: schedulePage(publicUrl, course),
  };
  if (meeting.kind === 'no_class')
    return {
      ...base,
      when: { kind: 'allDay', date: meeting.date },
      transparent: true,
      categories: ['No class'],
    };
  let interval: { start: string; end: string } | null = null;
  try {
    interval = meetingInterval(course, meeting);
  } catch (error) {
    if (!(error instanceof DueRuleError)) throw error;
  }
  return {
    ...base,
    location: course.location,
    categories: ['Class'],
    when: interval
      ? { kind: 'timed', start: interval.start, end: interval.end }
      : { kind: 'allDay', date: meeting.date },
  };
}

/** Deliverables due once for the whole course and not held by a role (proposal, poster, final report, code). */
export function courseWideDeliverables(deliverables: readonly CourseDeliverable[]): Deliverable[] {
  return deliverables.map((d) => d.spec).filter((s) => !s.perMeeting && !ROLE_HOLDERS.has(s.holder));
}

export function deadlineEvent(
  course: StoredCourse,
  uidParts: string[],
  summary: string,
  due: string,
  description: string,
  publicUrl: string,
): CalendarEvent {
  return {
    uid: eventUid(course, 'due', ...uidParts),
    summary: `${courseLabel(course)}: ${summary}`,
    description,
    url: schedulePage(publicUrl, course),
    categories: ['Deadline'],
    transparent: true,
    when: { kind: 'timed', start: due, end: null },
  };
}

/** The public calendar's events, classes first in schedule order, then deadlines. */
export function courseEvents(
  course: StoredCourse,
  deliverables: readonly CourseDeliverable[],
  publicUrl: string,
): CalendarEvent[] {
  const events = course.meetings.map((m) => meetingEvent(course, m, publicUrl));
  const specs = courseWideDeliverables(deliverables);
  for (const spec of specs) {
    const due = regularDue(course, spec, null);
    events.push(
      deadlineEvent(course, [spec.key], `${spec.title} due`, due, spec.notes.join('\n'), publicUrl),
    );
  }
  // Milestones with a date that no deliverable stands for (group formation, a draft…).
  const keys = new Set(deliverables.map((d) => d.spec.key));
  for (const milestone of course.milestones) {
    if (!milestone.dueAt || keys.has(milestone.key)) continue;
    events.push(
      deadlineEvent(
        course,
        ['milestone', milestone.key],
        milestone.title,
        milestone.dueAt,
        milestone.source,
        publicUrl,
      ),
    );
  }
  return events;
}
