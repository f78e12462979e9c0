// GET …/room: the whole room of a class as the viewer sees it.
import type { RoomGroup, RoomPhase, RoomState, RoomTimer } from '../../contracts/room.js';
import { meetingInterval } from '../../domain/due.js';
import { presentedReadings } from '../../domain/demo-deliverables.js';
import { questionFor, seesCheckIn } from '../../domain/room.js';
import { remainingMs, type TimerState } from '../../domain/room-timer.js';
import { findRoll } from '../../storage/repositories/attendance.js';
import { findClassThreadRow } from '../../storage/repositories/discussions.js';
import type { RoomRow } from '../../storage/repositories/room.js';
import { listCritique } from '../../storage/repositories/room.js';
import { listActiveStudents, listGroupsWithMembers } from '../../storage/repositories/work-people.js';
import type { WorkCourse } from '../work/context.js';
import { loadBoard } from './board.js';
import { roomContext, type RoomContext, type RoomDeps } from './context.js';

export function timerOf(room: RoomRow): TimerState {
  return {
    durationMs: room.timer_duration_ms,
    startedAt: room.timer_started_at,
    elapsedMs: room.timer_elapsed_ms,
  };
}

export function timerView(room: RoomRow, now: Date): RoomTimer {
  const timer = timerOf(room);
  return {
    ...timer,
    running: timer.startedAt !== null,
    remainingMs: remainingMs(timer, now.getTime()),
    serverNow: now.toISOString(),
  };
}

async function panelOf(deps: RoomDeps, ctx: RoomContext): Promise<RoomState['panel']> {
  const courseId = ctx.work.course.id;
  const [groups, students] = await Promise.all([
    listGroupsWithMembers(deps.db, courseId),
    listActiveStudents(deps.db, courseId),
  ]);
  const pick = (ids: string[]): RoomGroup[] =>
    groups
      .filter((g) => ids.includes(g.id))
      .map((g) => ({
        groupId: g.id,
        name: g.name,
        members: g.members.map((m) => ({ userId: m.id, name: m.name })),
      }));
  const presenting = pick(ctx.panel.presenter);
  const summary = pick(ctx.panel.summarizer);
  const reviewers = pick(ctx.panel.reviewer);
  const onPanel = new Set(
    [...presenting, ...summary, ...reviewers].flatMap((g) => g.members.map((m) => m.userId)),
  );
  return { presenting, summary, reviewers, audienceCount: students.filter((s) => !onPanel.has(s.id)).length };
}

/** The check-in code while staff show it and it has not expired. */
export async function shownCode(deps: RoomDeps, ctx: RoomContext): Promise<string | null> {
  if (ctx.room.show_check_in !== 1) return null;
  const roll = await findRoll(deps.db, ctx.work.course.id, ctx.meeting.date);
  if (!roll?.check_in_code || !roll.code_expires_at) return null;
  return Date.parse(roll.code_expires_at) > ctx.now.getTime() ? roll.check_in_code : null;
}

function meetingTimes(ctx: RoomContext): { start: string | null; end: string | null } {
  try {
    return meetingInterval(ctx.work.course, ctx.meeting);
  } catch {
    return { start: null, end: null };
  }
}

export async function stateOf(deps: RoomDeps, ctx: RoomContext): Promise<RoomState> {
  const [board, panel, critique, checkInCode, thread] = await Promise.all([
    loadBoard(deps, ctx),
    panelOf(deps, ctx),
    listCritique(deps.db, ctx.meeting.id),
    shownCode(deps, ctx),
    findClassThreadRow(deps.db, ctx.work.course.id, ctx.meeting.id),
  ]);
  const { viewer } = ctx;
  return {
    meeting: {
      date: ctx.meeting.date,
      title: ctx.meeting.title,
      ...meetingTimes(ctx),
      timeZone: ctx.work.course.timeZone,
      papers: presentedReadings(ctx.meeting).map((r, index) => ({ index, title: r.title })),
    },
    phase: ctx.room.phase as RoomPhase,
    closed: ctx.closed,
    timer: timerView(ctx.room, ctx.now),
    panel,
    viewerRole: viewer.staff ? 'staff' : (viewer.panelRole ?? 'audience'),
    critique: critique.map((c) => ({ id: c.id, text: c.text, ticked: c.ticked === 1 })),
    questions: board.questions.map((q) => ({
      ...questionFor(q, viewer, ctx.anonymous),
      myVote: board.myVotes.has(q.id),
    })),
    clusters: board.clusters,
    questionsDueAt: board.questionsDueAt,
    anonymousQuestions: ctx.anonymous,
    checkInCode: seesCheckIn(viewer) ? checkInCode : null,
    abilities: ctx.abilities,
    discussionThreadId: thread?.id ?? null,
    lastEventId: ctx.room.last_event_id,
  };
}

export async function roomState(deps: RoomDeps, work: WorkCourse, date: string): Promise<RoomState> {
  return stateOf(deps, await roomContext(deps, work, date));
}
