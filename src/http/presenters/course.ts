// Builds the course response bodies (summary list and detail) from stored courses: times in the course zone, HTML, next meeting.
import { DateTime } from 'luxon';
import type { CourseDetail, CourseSummary, MeetingView } from '../../contracts/course.js';
import type { MeetingPattern, Term } from '../../domain/course.js';
import type { StoredCourse, StoredMeeting } from '../../domain/stored-course.js';
import { renderInlineMarkdown, renderMarkdown } from '../../markdown/render.js';
import type { CourseListItem } from '../../services/list-courses.js';

const WEEKDAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'] as const;

export function termLabel(term: Term | null): string | null {
  return term ? `${term.season} ${term.year}` : null;
}

/** "9:30" from "09:30"; "14:05" stays. */
function clock(time: string): string {
  return time.replace(/^0(\d):/, '$1:');
}

export function patternLabel(pattern: MeetingPattern): string {
  const days = pattern.days.map((d) => WEEKDAYS[d - 1]).join(', ');
  return `${days} ${clock(pattern.startTime)}–${clock(pattern.endTime)}`;
}

/** Start and end instants (ISO UTC) of a meeting in the course zone; null for days without class. */
export function meetingInstants(
  meeting: Pick<StoredMeeting, 'date' | 'kind' | 'startTime' | 'endTime'>,
  pattern: MeetingPattern | null,
  timeZone: string,
): { startsAt: string | null; endsAt: string | null } {
  if (meeting.kind === 'no_class') return { startsAt: null, endsAt: null };
  const start = meeting.startTime ?? pattern?.startTime ?? null;
  const end = meeting.endTime ?? pattern?.endTime ?? null;
  const at = (time: string | null) => {
    if (time === null) return null;
    const dt = DateTime.fromISO(`${meeting.date}T${time}`, { zone: timeZone });
    return dt.isValid ? dt.toUTC().toISO({ suppressMilliseconds: true }) : null;
  };
  return { startsAt: at(start), endsAt: at(end) ?? at(start) };
}

export function presentCourseSummary(course: CourseListItem | StoredCourse): CourseSummary {
  return {
    slug: course.slug,
    code: course.code,
    title: course.title,
    term: termLabel(course.term),
    timeZone: course.timeZone,
  };
}

function presentMeeting(m: StoredMeeting, course: StoredCourse): MeetingView {
  const weekday = DateTime.fromISO(m.date, { zone: course.timeZone });
  return {
    id: m.id,
    date: m.date,
    weekday: weekday.isValid ? WEEKDAYS[weekday.weekday - 1]! : '',
    kind: m.kind,
    title: m.title,
    startTime: m.startTime,
    endTime: m.endTime,
    ...meetingInstants(m, course.pattern, course.timeZone),
    unit: m.unit,
    readings: m.readings.map((r) => ({ title: r.title, url: r.url, required: r.required, note: r.note })),
    needsPresenters: m.needsPresenters,
    notes: m.notes,
    notesHtml: m.notes.map(renderInlineMarkdown),
    extra: m.extra,
  };
}

/**
 * The meeting that is next (or under way) at `now`: the first one with class whose end is
 * after now. Null once the last has ended.
 */
export function nextMeetingId(meetings: Array<Pick<MeetingView, 'id' | 'endsAt'>>, now: Date): string | null {
  const t = now.getTime();
  for (const m of meetings) if (m.endsAt !== null && Date.parse(m.endsAt) > t) return m.id;
  return null;
}

/** The detail body of GET /api/courses/:slug. Abilities are the viewer's (anonymous: none yet). */
export function presentCourseDetail(
  course: StoredCourse,
  now: Date,
  abilities: Record<string, boolean> = {},
): CourseDetail {
  const meetings = course.meetings.map((m) => presentMeeting(m, course));
  return {
    ...presentCourseSummary(course),
    location: course.location,
    pattern: course.pattern ? { ...course.pattern, label: patternLabel(course.pattern) } : null,
    staff: course.staff,
    forum: course.forum,
    staffEmail: course.staffEmail,
    description: course.description,
    descriptionHtml: renderMarkdown(course.description),
    objectives: course.objectives,
    units: course.units.map((u) => ({ title: u.title })),
    meetings,
    components: course.components.map((c) => ({ key: c.key, name: c.name, weight: c.weight })),
    policies: course.policies.map((p) => ({
      slug: p.slug,
      title: p.title,
      markdown: p.markdown,
      html: renderMarkdown(p.markdown),
    })),
    milestones: course.milestones.map((m) => ({
      key: m.key,
      title: m.title,
      dueAt: m.dueAt,
      meetingDates: m.meetingDates,
      source: m.source,
      sourceHtml: renderMarkdown(m.source),
    })),
    resources: course.resources,
    groupSize: course.groupSize,
    nextMeetingId: nextMeetingId(meetings, now),
    abilities,
  };
}
