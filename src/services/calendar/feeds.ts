// Calendar feeds: the course's public one, and a member's personal one (the course's plus their group's roles and deadlines).
import { renderCalendar, type CalendarEvent } from '../../domain/icalendar.js';
import { describeDueRule } from '../../domain/due.js';
import type { Viewer } from '../../domain/permissions.js';
import { listRoleHolders } from '../../storage/repositories/work-people.js';
import { studentDashboard } from '../dashboard/student.js';
import { loadWorkCourse, type WorkCourse, type WorkDeps } from '../work/context.js';
import { courseEvents, courseLabel, deadlineEvent, meetingEvent } from './course-events.js';

export type FeedDeps = Pick<WorkDeps, 'db' | 'clock' | 'publicUrl'>;

/** The course's public feed: anyone who may see the schedule may subscribe. */
export async function courseFeed(deps: FeedDeps, slug: string): Promise<string> {
  const work = await loadWorkCourse(deps, slug, null);
  const { course } = work;
  return renderCalendar({
    name: `${courseLabel(course)} ${course.title === courseLabel(course) ? '' : course.title}`.trim(),
    description: `Classes, readings and deadlines of ${course.title}`,
    timeZone: course.timeZone,
    stamp: deps.clock().toISOString(),
    events: courseEvents(course, work.deliverables, deps.publicUrl),
  });
}

const ROLE_WORDS: Record<string, string> = {
  presenter: 'presenting',
  summarizer: 'summary',
  reviewer: 'reviewing',
};

/**
 * A member's events: the course's, with the classes their group holds a role in (the roles in force:
 * what staff last published) marked, and for a student every deadline they owe at their own due
 * instant (extensions applied; nothing due before they joined the course or the group).
 */
async function personalEvents(deps: FeedDeps, work: WorkCourse): Promise<CalendarEvent[]> {
  const { course } = work;
  const events = courseEvents(course, work.deliverables, deps.publicUrl);
  if (work.access.membership.role !== 'student' || work.access.membership.dropped) return events;
  const groupId = work.group?.id ?? null;
  const held = groupId
    ? (await listRoleHolders(deps.db, course.id)).filter((r) => r.group_id === groupId)
    : [];
  const byUid = new Map(events.map((e, i) => [e.uid, i]));
  for (const meeting of course.meetings) {
    const roles = held.filter((r) => r.meeting_id === meeting.id).map((r) => ROLE_WORDS[r.role] ?? r.role);
    if (roles.length === 0) continue;
    const event = meetingEvent(course, meeting, deps.publicUrl, {
      roles,
      notes: [`Your group (${work.group!.name}): ${roles.join(', ')}.`],
    });
    events[byUid.get(event.uid)!] = event;
  }
  const dashboard = await studentDashboard(deps, work, deps.clock());
  for (const item of dashboard.items) {
    if (item.obligation !== 'owed') continue;
    const meeting = item.meetingDate ? course.meetings.find((m) => m.date === item.meetingDate) : undefined;
    const spec = work.deliverables.find((d) => d.spec.key === item.deliverableKey)?.spec;
    const lines = [
      spec ? `Due ${describeDueRule(spec.dueRule, course.timeZone)}.` : '',
      item.extended ? `Extended for you (regularly due ${item.regularDueAt}).` : '',
      ...item.readings.map((r) => `- ${r}`),
      ...item.notes,
    ].filter((l) => l !== '');
    const what = meeting ? `${item.title} for ${meeting.title ?? item.meetingDate}` : item.title;
    const event = deadlineEvent(
      course,
      [item.deliverableKey, ...(meeting ? [meeting.id] : [])],
      `${what} due${item.extended ? ' (extended)' : ''}`,
      item.dueAt,
      lines.join('\n'),
      deps.publicUrl,
    );
    const at = byUid.get(event.uid);
    if (at === undefined) events.push(event);
    else events[at] = event;
  }
  return events;
}

/** The personal feed of a member (the token's holder), or null when they may no longer see the course. */
export async function personalFeed(deps: FeedDeps, slug: string, viewer: Viewer): Promise<string | null> {
  const work = await loadWorkCourse(deps, slug, viewer);
  const { membership } = work.access;
  if (!viewer.isAdmin && (membership.role === null || membership.dropped)) return null;
  const { course } = work;
  return renderCalendar({
    name: `${courseLabel(course)} (mine)`,
    description: `My classes, roles and deadlines in ${course.title}`,
    timeZone: course.timeZone,
    stamp: deps.clock().toISOString(),
    events: await personalEvents(deps, work),
  });
}
