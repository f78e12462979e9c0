// What every room use case starts from: the class, the viewer's part in it, the course's room settings, the room row.
import { DateTime } from 'luxon';
import type { RoomAbilities, RoomPhase } from '../../contracts/room.js';
import { presentationMinutesFrom } from '../../domain/demo-deliverables.js';
import { canInCourse } from '../../domain/permissions.js';
import {
  roomAbilities,
  roomClosed,
  wouldBeAllowed,
  type PanelRole,
  type RoomViewer,
} from '../../domain/room.js';
import { DEFAULT_TIMER_MINUTES } from '../../domain/room-timer.js';
import type { StoredMeeting } from '../../domain/stored-course.js';
import { rolesInForce } from '../../storage/repositories/roles.js';
import { findRoom, findRoomSettings, type RoomRow } from '../../storage/repositories/room.js';
import { authorize } from '../enrollment/course-access.js';
import { DomainError } from '../errors.js';
import { findMeeting, type WorkCourse, type WorkDeps } from '../work/context.js';

export type RoomDeps = Pick<WorkDeps, 'db' | 'clock'>;

export interface RoomContext {
  work: WorkCourse;
  meeting: StoredMeeting;
  viewer: RoomViewer;
  /** Group ids of the panel's roles in force for this class. */
  panel: Record<PanelRole, string[]>;
  defaultMinutes: number;
  timerMinutes: number | null;
  anonymous: boolean;
  room: RoomRow;
  closed: boolean;
  abilities: RoomAbilities;
  now: Date;
  clock: () => Date;
}

/** The timer's length when staff have not set one: the syllabus's "at most N minutes", else 40. */
export function syllabusMinutes(work: WorkCourse): number {
  return presentationMinutesFrom(work.course) ?? DEFAULT_TIMER_MINUTES;
}

/** The room of the class on `date` as the viewer (a member or staff) stands in it. */
export async function roomContext(deps: RoomDeps, work: WorkCourse, date: string): Promise<RoomContext> {
  authorize(work.access, 'viewPrivate');
  const meeting = findMeeting(work.course, date);
  const now = deps.clock();
  const courseId = work.course.id;
  const [roles, settings, row] = await Promise.all([
    rolesInForce(deps.db, courseId),
    findRoomSettings(deps.db, courseId),
    findRoom(deps.db, meeting.id),
  ]);
  const panel: Record<PanelRole, string[]> = { presenter: [], summarizer: [], reviewer: [] };
  for (const r of roles) if (r.meetingId === meeting.id) panel[r.role].push(r.groupId);
  const access = work.access;
  const viewerId = access.viewer!.userId;
  const staff = canInCourse('viewAllSubmissions', access.viewer, access.membership);
  const student = access.membership.role === 'student' && !access.membership.dropped;
  const groupId = work.group?.id ?? null;
  const panelRole = groupId
    ? ((['presenter', 'summarizer', 'reviewer'] as const).find((role) => panel[role].includes(groupId)) ??
      null)
    : null;
  const viewer: RoomViewer = { userId: viewerId, staff, student, panelRole };
  const defaultMinutes = syllabusMinutes(work);
  const timerMinutes = settings?.timer_minutes ?? null;
  const room: RoomRow = row ?? {
    meeting_id: meeting.id,
    course_id: courseId,
    phase: 'before',
    timer_duration_ms: (timerMinutes ?? defaultMinutes) * 60_000,
    timer_started_at: null,
    timer_elapsed_ms: 0,
    show_check_in: 0,
    last_event_id: 0,
    updated_at: now.toISOString(),
  };
  const today = DateTime.fromJSDate(now).setZone(work.course.timeZone).toISODate() ?? date;
  const closed = roomClosed(room.phase as RoomPhase, date, today);
  return {
    work,
    meeting,
    viewer,
    panel,
    defaultMinutes,
    timerMinutes,
    anonymous: settings?.anonymous_questions === 1,
    room,
    closed,
    abilities: roomAbilities(viewer, closed),
    now,
    clock: deps.clock,
  };
}

/** The context with the room row read again (after a write): phase, timer, closed and abilities as they are now. */
export async function withFreshRoom(deps: RoomDeps, ctx: RoomContext): Promise<RoomContext> {
  const row = await findRoom(deps.db, ctx.meeting.id);
  if (!row) return ctx;
  const today =
    DateTime.fromJSDate(ctx.now).setZone(ctx.work.course.timeZone).toISODate() ?? ctx.meeting.date;
  const closed = roomClosed(row.phase as RoomPhase, ctx.meeting.date, today);
  return { ...ctx, room: row, closed, abilities: roomAbilities(ctx.viewer, closed) };
}

const NOT_YOURS: Record<keyof RoomAbilities, string> = {
  runTimer: 'Only staff and the presenting group run the timer.',
  setPhase: 'Only staff and the presenting group move the class to its next part.',
  mark: 'Only staff and the panel (presenting, summary and reviewer groups) mark questions.',
  ask: 'Only students of the course ask questions in the room.',
  vote: 'Only students of the course vote on questions.',
  editCritique: 'Only staff and the reviewer group edit the critique points.',
  manage: 'Only staff do this.',
};

/** Throws unless the viewer may do it now: 403 when it is not theirs to do, 409 when the class is over. */
export function requireAbility(ctx: RoomContext, ability: keyof RoomAbilities): void {
  if (ctx.abilities[ability]) return;
  if (!wouldBeAllowed(ctx.viewer, ability)) throw new DomainError('forbidden', NOT_YOURS[ability]);
  throw new DomainError(
    'conflict',
    'This class is over: its room is read-only now. Ask the staff if something needs changing.',
    { reason: 'room-closed' },
  );
}
