// Builds the solver's input from the stored course (groups, presentable meetings, rankings, locks, exclusions) and its fingerprint.
import { DateTime } from 'luxon';
import type { AssignmentInput, RoleAssignment } from '../../assignment/index.js';
import type { StoredCourse } from '../../domain/stored-course.js';
import type { Db } from '../../storage/db.js';
import { listExclusions } from '../../storage/repositories/assignment-store.js';
import { listCourseMembers, listGroups } from '../../storage/repositories/groups.js';
import { listPreferencesOfCourse } from '../../storage/repositories/preferences.js';
import { listRoleRows, type RoleAssignmentRow } from '../../storage/repositories/roles.js';
import type { CourseGroupSettings } from '../groups/settings.js';
import { fingerprint } from './fingerprint.js';
import { classFreeze, type FreezeReason } from '../../domain/class-freeze.js';
import { localInstant } from '../../domain/due.js';
import { countHandInsByMeetingDate } from '../../storage/repositories/work.js';

export interface AssignmentState {
  input: AssignmentInput;
  /** sha-256 of everything the plan depends on: groups and members, meetings, rankings, locks, exclusions, settings. */
  inputHash: string;
  /** The roles stored now (locked or not). */
  current: RoleAssignment[];
  rows: RoleAssignmentRow[];
  groupNames: Map<string, string>;
  members: Map<string, string[]>;
  meetingLabels: Map<string, string>;
  meetingDates: Map<string, string>;
  /**
   * Presentable classes whose roles are fixed at the planning instant (started, first role deadline passed,
   * or holding a hand-in), with the reason. Empty when the state was loaded without an instant.
   */
  frozen: Map<string, FreezeReason>;
}

/** Why a class is frozen at `at`, or null; a class without times freezes from the day before it. */
function freezeOf(
  course: StoredCourse,
  meeting: StoredCourse['meetings'][number],
  at: Date,
  handIns: number,
) {
  try {
    return classFreeze(course, meeting, at.toISOString(), { handIns }).reason;
  } catch {
    const start = localInstant(meeting.date, '00:00', course.timeZone);
    return classFreeze(
      { timeZone: course.timeZone, pattern: null },
      { date: meeting.date, startTime: '00:00', endTime: '23:59' },
      at.toISOString(),
      { handIns, firstDeadline: start },
    ).reason;
  }
}

/** "Oct 2" for a local date. */
export function meetingLabel(date: string): string {
  return DateTime.fromISO(date).toFormat('LLL d');
}

export async function loadAssignmentState(
  db: Db,
  course: StoredCourse,
  settings: CourseGroupSettings,
  timeLimitSeconds?: number,
  /** The planning instant: when given, classes frozen then are inputs of a re-plan, not variables. */
  at?: Date,
): Promise<AssignmentState> {
  const [groups, members, prefs, rows, exclusions, handIns] = await Promise.all([
    listGroups(db, course.id),
    listCourseMembers(db, course.id, { activeOnly: true }),
    listPreferencesOfCourse(db, course.id),
    listRoleRows(db, course.id),
    listExclusions(db, course.id),
    at ? countHandInsByMeetingDate(db, course.id) : Promise.resolve(new Map<string, number>()),
  ]);
  const memberNames = new Map<string, string[]>();
  for (const m of members) memberNames.set(m.group_id, [...(memberNames.get(m.group_id) ?? []), m.name]);
  // Empty groups take no role (they can only exist for a moment during a staff reshuffle).
  const active = groups.filter((g) => memberNames.has(g.id)).sort((a, b) => (a.id < b.id ? -1 : 1));
  const activeIds = new Set(active.map((g) => g.id));
  const frozen = new Map<string, FreezeReason>();
  // Only a re-plan has a past to keep: the first plan of a course (no roles yet) covers the whole term.
  if (at && rows.length > 0) {
    for (const m of course.meetings) {
      if (!m.needsPresenters) continue;
      const reason = freezeOf(course, m, at, handIns.get(m.date) ?? 0);
      if (reason) frozen.set(m.id, reason);
    }
  }
  const meetings = course.meetings
    .filter((m) => m.needsPresenters && !frozen.has(m.id))
    .map((m) => ({ id: m.id, date: m.date, label: meetingLabel(m.date) }));
  const meetingIds = new Set(meetings.map((m) => m.id));
  const preferences: Record<string, string[]> = {};
  for (const p of [...prefs].sort((a, b) => a.rank - b.rank)) {
    if (!activeIds.has(p.group_id) || !meetingIds.has(p.meeting_id)) continue;
    (preferences[p.group_id] ??= []).push(p.meeting_id);
  }
  const locks = rows
    .filter((r) => r.locked === 1 && activeIds.has(r.group_id) && meetingIds.has(r.meeting_id))
    .map((r) => ({ groupId: r.group_id, meetingId: r.meeting_id, role: r.role }));
  const input: AssignmentInput = {
    groups: active.map((g) => ({ id: g.id, name: g.name, size: memberNames.get(g.id)!.length })),
    meetings,
    preferences,
    settings: settings.roles,
    locks,
    exclusions: exclusions
      .filter((e) => activeIds.has(e.group_id) && meetingIds.has(e.meeting_id))
      .map((e) => ({ groupId: e.group_id, meetingId: e.meeting_id })),
    ...(timeLimitSeconds ? { timeLimitSeconds } : {}),
  };
  if (at) {
    // A re-plan: roles of frozen classes count in the loads; the roles in force on the rest are kept where possible.
    const asRole = (r: RoleAssignmentRow) => ({ meetingId: r.meeting_id, groupId: r.group_id, role: r.role });
    input.prior = rows.filter((r) => frozen.has(r.meeting_id) && activeIds.has(r.group_id)).map(asRole);
    input.published = rows.filter((r) => meetingIds.has(r.meeting_id)).map(asRole);
  }
  const inputHash = fingerprint({
    groups: input.groups.map((g) => ({
      id: g.id,
      members: members
        .filter((m) => m.group_id === g.id)
        .map((m) => m.user_id)
        .sort(),
    })),
    meetings: input.meetings,
    preferences: input.preferences,
    settings: input.settings,
    locks: input.locks,
    exclusions: input.exclusions,
    ...(at ? { frozen: [...frozen.keys()].sort(), prior: input.prior, published: input.published } : {}),
  });
  return {
    input,
    inputHash,
    current: rows.map((r) => ({ meetingId: r.meeting_id, groupId: r.group_id, role: r.role })),
    rows,
    groupNames: new Map(groups.map((g) => [g.id, g.name])),
    members: memberNames,
    meetingLabels: new Map(course.meetings.map((m) => [m.id, meetingLabel(m.date)])),
    meetingDates: new Map(course.meetings.map((m) => [m.id, m.date])),
    frozen,
  };
}
