// Shared steps of the talk-slot use cases: the slot deliverable, its presentation days, the groups, the current slots as domain data.
import { DateTime } from 'luxon';
import type { Deliverable } from '../../domain/deliverables.js';
import { meetingInterval } from '../../domain/due.js';
import type { StoredCourse, StoredMeeting } from '../../domain/stored-course.js';
import {
  dayCapacity,
  slotProblems,
  talkMinutesFromNotes,
  type SlotDay,
  type SlotProblem,
  type TalkSlot,
} from '../../domain/talk-slots.js';
import { ulid } from 'ulid';
import type { Db } from '../../storage/db.js';
import { listCourseMembers, listGroups } from '../../storage/repositories/groups.js';
import {
  findTalkSlotSettings,
  listTalkSlots,
  lockTalkSlots,
  type TalkSlotRow,
} from '../../storage/repositories/talk-slots.js';
import type { CourseAccess } from '../enrollment/course-access.js';
import { DomainError } from '../errors.js';
import { courseOf, deliverablesOf } from '../work/context.js';

export interface SlotGroup {
  id: string;
  name: string;
  members: string[];
}

export interface SlotDayView extends SlotDay {
  title: string | null;
  /** Class start and end instants (ISO UTC), or null when the schedule has no times. */
  start: string | null;
  end: string | null;
  /** Local "HH:MM" of the class start and end, for start-time fields. */
  startTime: string | null;
  endTime: string | null;
}

export interface SlotScope {
  course: StoredCourse;
  spec: Deliverable;
  days: SlotDayView[];
  groups: SlotGroup[];
  slots: TalkSlot[];
  rows: TalkSlotRow[];
  /** Staff's talk length, else one stated in the deliverable's notes, else null (days are only balanced). */
  talkMinutes: number | null;
  publishedAt: string | null;
}

/** The deliverables of a course held by the groups on talk slots. */
export function slotDeliverables(deliverables: ReadonlyArray<{ spec: Deliverable }>): Deliverable[] {
  return deliverables.map((d) => d.spec).filter((s) => s.holder === 'slot' && s.perMeeting);
}

export function dayOf(course: StoredCourse, meeting: StoredMeeting): SlotDayView {
  let start: string | null = null;
  let end: string | null = null;
  let minutes: number | null = null;
  try {
    ({ start, end } = meetingInterval(course, meeting));
    minutes = Math.round((Date.parse(end) - Date.parse(start)) / 60_000);
  } catch {
    // A class without times: no capacity, no start times to suggest.
  }
  return {
    meetingId: meeting.id,
    date: meeting.date,
    minutes,
    title: meeting.title,
    start,
    end,
    startTime: meeting.startTime ?? course.pattern?.startTime ?? null,
    endTime: meeting.endTime ?? course.pattern?.endTime ?? null,
  };
}

export function toTalkSlot(row: TalkSlotRow): TalkSlot {
  return {
    groupId: row.group_id,
    meetingId: row.meeting_id,
    position: row.position,
    startTime: row.start_time,
    locked: row.locked === 1,
  };
}

/**
 * Loads everything a slot use case needs for one deliverable. Unknown key → not_found; a
 * deliverable not held by slot groups (the lecture slides, say) → conflict saying where its
 * holders come from.
 */
/**
 * The rows that store `slots`: a group already placed keeps its row's id and creation time, and its
 * update time unless its place, start or lock changed.
 */
export function slotRows(scope: SlotScope, slots: readonly TalkSlot[], now: Date): TalkSlotRow[] {
  const at = now.toISOString();
  return slots.map((s) => {
    const before = scope.rows.find((r) => r.group_id === s.groupId);
    const same =
      before &&
      before.meeting_id === s.meetingId &&
      before.position === s.position &&
      before.start_time === s.startTime &&
      (before.locked === 1) === s.locked;
    return {
      id: before?.id ?? ulid(now.getTime()),
      course_id: scope.course.id,
      deliverable_key: scope.spec.key,
      meeting_id: s.meetingId,
      group_id: s.groupId,
      position: s.position,
      start_time: s.startTime,
      locked: s.locked ? 1 : 0,
      created_at: before?.created_at ?? at,
      updated_at: same ? before.updated_at : at,
    };
  });
}

export async function loadSlotScope(
  db: Db,
  access: CourseAccess,
  deliverableKey: string,
  now: Date,
): Promise<SlotScope> {
  const course = await courseOf(db, access.course.slug);
  const spec = (await deliverablesOf(db, course, now))
    .map((d) => d.spec)
    .find((s) => s.key === deliverableKey);
  if (!spec)
    throw new DomainError('not_found', `This course has no deliverable "${deliverableKey.slice(0, 40)}".`);
  if (spec.holder !== 'slot' || !spec.perMeeting) {
    throw new DomainError(
      'conflict',
      `"${spec.title}" is not given out by presentation-day slots; its groups come from the role assignment or the groups.`,
      { reason: 'not-a-slot-deliverable' },
    );
  }
  const days = spec.meetingDates
    .map((date) => course.meetings.find((m) => m.date === date))
    .filter((m): m is StoredMeeting => m !== undefined)
    .map((m) => dayOf(course, m));
  const [groupRows, members, rows, settings] = await Promise.all([
    listGroups(db, course.id),
    listCourseMembers(db, course.id, { activeOnly: true }),
    listTalkSlots(db, course.id, spec.key),
    findTalkSlotSettings(db, course.id, spec.key),
  ]);
  const groups = groupRows
    .map((g) => ({
      id: g.id,
      name: g.name,
      members: members.filter((m) => m.group_id === g.id).map((m) => m.name),
    }))
    .sort((a, b) => a.name.localeCompare(b.name, 'en', { numeric: true }) || (a.id < b.id ? -1 : 1));
  return {
    course,
    spec,
    days,
    groups,
    slots: rows.map(toTalkSlot),
    rows,
    talkMinutes: settings?.talk_minutes ?? talkMinutesFromNotes(spec.notes),
    publishedAt: settings?.published_at ?? null,
  };
}

/** loadSlotScope inside a write transaction, after taking the deliverable's slot lock (the key is checked first). */
export async function lockedScope(
  trx: Db,
  access: CourseAccess,
  deliverableKey: string,
  now: Date,
): Promise<SlotScope> {
  const checked = await loadSlotScope(trx, access, deliverableKey, now);
  await lockTalkSlots(trx, checked.course.id, checked.spec.key, now.toISOString());
  return loadSlotScope(trx, access, deliverableKey, now);
}

export function problemsOf(
  scope: Pick<SlotScope, 'days' | 'groups' | 'talkMinutes'>,
  slots: readonly TalkSlot[],
): SlotProblem[] {
  return slotProblems({
    days: scope.days,
    groupIds: scope.groups.map((g) => g.id),
    slots,
    talkMinutes: scope.talkMinutes,
    names: new Map(scope.groups.map((g) => [g.id, g.name])),
  });
}

export interface BoardTalk {
  groupId: string;
  groupName: string;
  members: string[];
  /** 0-based order within the day. */
  position: number;
  startTime: string | null;
  locked: boolean;
}

export interface BoardDay {
  meetingId: string;
  date: string;
  title: string | null;
  start: string | null;
  end: string | null;
  startTime: string | null;
  endTime: string | null;
  minutes: number | null;
  capacity: number | null;
  talks: BoardTalk[];
}

/** The days with their talks in order, and the groups on no day. */
export function boardOf(
  scope: Pick<SlotScope, 'days' | 'groups' | 'talkMinutes'>,
  slots: readonly TalkSlot[],
): { days: BoardDay[]; unplaced: SlotGroup[] } {
  const byId = new Map(scope.groups.map((g) => [g.id, g]));
  const days = scope.days.map((d) => ({
    meetingId: d.meetingId,
    date: d.date,
    title: d.title,
    start: d.start,
    end: d.end,
    startTime: d.startTime,
    endTime: d.endTime,
    minutes: d.minutes,
    capacity: dayCapacity(d.minutes, scope.talkMinutes),
    talks: slots
      .filter((s) => s.meetingId === d.meetingId)
      .sort((a, b) => a.position - b.position)
      .map((s) => ({
        groupId: s.groupId,
        groupName: byId.get(s.groupId)?.name ?? 'A removed group',
        members: byId.get(s.groupId)?.members ?? [],
        position: s.position,
        startTime: s.startTime,
        locked: s.locked,
      })),
  }));
  const placed = new Set(slots.map((s) => s.groupId));
  return { days, unplaced: scope.groups.filter((g) => !placed.has(g.id)) };
}

/** "Mon Oct 21" for a local date. */
export function dayLabel(date: string): string {
  return DateTime.fromISO(date).toFormat('ccc LLL d');
}
