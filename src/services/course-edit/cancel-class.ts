// Cancelling a class: first what it holds (roles, talk slots, hand-ins, deadlines), then — confirmed — a special day "Cancelled".
import { DateTime } from 'luxon';
import type { ClassAttachments, CourseEditView } from '../../contracts/course-edit.js';
import { cancelMeeting, findStoredMeeting } from '../../domain/course-edits.js';
import { appliesToMeeting } from '../../domain/deliverables.js';
import { dueAt } from '../../domain/due.js';
import type { StoredCourse } from '../../domain/stored-course.js';
import { countHandInsOfDate, releaseMeetingRoles } from '../../storage/repositories/course-edits.js';
import { loadCourse } from '../../storage/repositories/course-reader.js';
import { listDeliverableSpecs } from '../../storage/repositories/course-work-sync.js';
import { listGroups } from '../../storage/repositories/groups.js';
import { listRoleRows, listRoles } from '../../storage/repositories/roles.js';
import { groupsOnSlots } from '../../storage/repositories/talk-slots.js';
import { authorize, type CourseAccess } from '../enrollment/course-access.js';
import { DomainError } from '../errors.js';
import { nowOf, type ServiceDeps } from '../deps.js';
import { courseEditView, dayLabel } from './edit-view.js';
import { refusal, saveEdit } from './save-edit.js';

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

async function attachmentsOf(
  deps: ServiceDeps,
  course: StoredCourse,
  meetingId: string,
): Promise<ClassAttachments> {
  let meeting;
  try {
    meeting = findStoredMeeting(course, meetingId);
  } catch (error) {
    throw refusal(error);
  }
  const db = deps.db;
  const [groups, working, published, slotGroups, handIns, specs] = await Promise.all([
    listGroups(db, course.id),
    listRoleRows(db, course.id),
    listRoles(db, course.id, { publishedOnly: true }),
    groupsOnSlots(db, meetingId),
    countHandInsOfDate(db, course.id, meeting.date),
    listDeliverableSpecs(db, course.id),
  ]);
  const groupName = new Map(groups.map((g) => [g.id, g.name]));
  const roles = new Map<string, ClassAttachments['roles'][number]>();
  for (const r of working.filter((w) => w.meeting_id === meetingId))
    roles.set(`${r.role}|${r.group_id}`, {
      role: r.role,
      group: groupName.get(r.group_id) ?? 'A group',
      published: false,
    });
  for (const r of published.filter((p) => p.meetingId === meetingId))
    roles.set(`${r.role}|${r.groupId}`, {
      role: r.role,
      group: groupName.get(r.groupId) ?? 'A group',
      published: true,
    });
  for (const g of slotGroups)
    roles.set(`talk slot|${g}`, {
      role: 'talk slot',
      group: groupName.get(g) ?? 'A group',
      published: false,
    });
  const title = new Map(specs.map((s) => [s.key, s.title]));
  const deadlines = specs
    .filter((s) => appliesToMeeting(s, meeting.date))
    .map((s) => {
      const at = dueAt(s.dueRule, course, meeting);
      return {
        deliverable: s.title,
        dueAt: at,
        due: DateTime.fromISO(at, { zone: course.timeZone }).toFormat('ccc, LLL d, HH:mm ZZZZ'),
      };
    });
  const handInList = handIns.map((h) => ({
    deliverable: title.get(h.deliverableKey) ?? h.deliverableKey,
    count: h.count,
  }));
  const received = handInList.reduce((n, h) => n + h.count, 0);
  const consequences = [
    `The class becomes a special day “Cancelled” on ${dayLabel(meeting.date, course.timeZone)}: no class, no presenters.`,
    roles.size > 0
      ? `Its ${plural(roles.size, 'role is', 'roles are')} released: plan them again on Assignment${[...roles.values()].some((r) => r.published) ? ', then publish — students see the published roles until you do' : ''}.`
      : 'No group holds a role in it.',
    received > 0
      ? `The ${plural(received, 'hand-in', 'hand-ins')} received stay, listed under this day, and in each deliverable's download.`
      : 'No hand-ins were received for it.',
    deadlines.length > 0
      ? `Its ${plural(deadlines.length, 'deadline no longer applies', 'deadlines no longer apply')}.`
      : 'No deadline hangs on it.',
  ];
  return {
    meetingId,
    day: dayLabel(meeting.date, course.timeZone),
    title: meeting.title,
    roles: [...roles.values()],
    handIns: handInList,
    deadlines,
    readings: meeting.readings.length,
    consequences,
  };
}

/** What a class holds, for the screen that asks before cancelling it (staff only). */
export async function classAttachments(
  deps: ServiceDeps,
  access: CourseAccess,
  meetingId: string,
): Promise<ClassAttachments> {
  authorize(access, 'manageCourse');
  const course = await loadCourse(deps.db, access.course.slug);
  if (!course) throw new DomainError('not_found', 'This course is gone.');
  return attachmentsOf(deps, course, meetingId);
}

/** Cancels a class once staff confirmed what it holds; its roles are released in the same commit. */
export async function cancelClass(
  deps: ServiceDeps,
  access: CourseAccess,
  meetingId: string,
): Promise<CourseEditView & { cancelled: ClassAttachments }> {
  authorize(access, 'manageCourse');
  const before = await loadCourse(deps.db, access.course.slug);
  if (!before) throw new DomainError('not_found', 'This course is gone.');
  const attached = await attachmentsOf(deps, before, meetingId);
  const { course, summary } = await saveEdit(
    deps,
    access,
    (c) => {
      const m = findStoredMeeting(c, meetingId);
      const held = [
        attached.roles.length > 0 ? `${plural(attached.roles.length, 'role', 'roles')} released` : null,
        attached.handIns.length > 0
          ? `${plural(
              attached.handIns.reduce((n, h) => n + h.count, 0),
              'hand-in',
              'hand-ins',
            )} kept`
          : null,
      ].filter(Boolean);
      return {
        course: cancelMeeting(c, meetingId),
        summary: `cancelled the class${m.title ? ` “${m.title}”` : ''} of ${dayLabel(m.date, c.timeZone)}${held.length ? ` (${held.join(', ')})` : ''}`,
      };
    },
    (trx) => releaseMeetingRoles(trx, meetingId),
  );
  return { ...(await courseEditView(deps.db, course, nowOf(deps), summary)), cancelled: attached };
}
