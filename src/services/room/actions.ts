// The writes of a class's room: timer, phase, live questions, votes, status marks, critique points, the projector.
import { ulid } from 'ulid';
import type { AskBody, RoomPhase, RoomQuestionStatus, RoomState, VoteReply } from '../../contracts/room.js';
import { CRITIQUE_POINTS_MAX } from '../../contracts/room.js';
import { pauseTimer, resetTimer, startTimer, type TimerState } from '../../domain/room-timer.js';
import type { Db } from '../../storage/db.js';
import {
  countVotes,
  deleteCritique,
  deleteVote,
  findLiveQuestion,
  insertCritique,
  insertLiveQuestion,
  insertVote,
  listCritique,
  listLiveQuestions,
  updateCritique,
  updateRoom,
  upsertMark,
} from '../../storage/repositories/room.js';
import { openCheckIn } from '../attendance/roll.js';
import { DomainError } from '../errors.js';
import type { WorkCourse } from '../work/context.js';
import { handedIn, loadBoard } from './board.js';
import { requireAbility, roomContext, withFreshRoom, type RoomContext, type RoomDeps } from './context.js';
import { shownCode, stateOf, timerOf } from './state.js';
import { commitRoom, type PendingEvent } from './write.js';

/** Live questions one student may ask in one class. */
const LIVE_QUESTIONS_MAX = 20;

function timerEvent(timer: TimerState): PendingEvent {
  return { type: 'timer', data: { timer: { ...timer, running: timer.startedAt !== null } } };
}

function timerPatch(timer: TimerState) {
  return {
    timer_duration_ms: timer.durationMs,
    timer_started_at: timer.startedAt,
    timer_elapsed_ms: Math.min(timer.elapsedMs, 1_000_000_000),
  };
}

/** Runs a write on the class's room, then answers the room as the writer now sees it. */
async function act(
  deps: RoomDeps,
  work: WorkCourse,
  date: string,
  write: (ctx: RoomContext) => Promise<void>,
): Promise<RoomState> {
  const ctx = await roomContext(deps, work, date);
  await write(ctx);
  return stateOf(deps, await withFreshRoom(deps, ctx));
}

export function runTimer(
  deps: RoomDeps,
  work: WorkCourse,
  date: string,
  body: { action: 'start' | 'pause' | 'reset'; minutes?: number | undefined },
): Promise<RoomState> {
  return act(deps, work, date, async (ctx) => {
    requireAbility(ctx, 'runTimer');
    if (body.minutes !== undefined && body.action !== 'reset')
      throw new DomainError('invalid_input', 'Give minutes only when resetting the timer.');
    await commitRoom(deps.db, ctx, async (trx, room) => {
      const timer = timerOf(room);
      const next =
        body.action === 'start'
          ? startTimer(timer, ctx.now)
          : body.action === 'pause'
            ? pauseTimer(timer, ctx.now)
            : resetTimer(body.minutes ?? ctx.timerMinutes ?? ctx.defaultMinutes);
      if (next === timer) return [];
      await updateRoom(trx, room.meeting_id, timerPatch(next));
      return [timerEvent(next)];
    });
  });
}

export function setPhase(
  deps: RoomDeps,
  work: WorkCourse,
  date: string,
  phase: RoomPhase,
): Promise<RoomState> {
  return act(deps, work, date, async (ctx) => {
    requireAbility(ctx, 'setPhase');
    await commitRoom(deps.db, ctx, async (trx, room) => {
      if (room.phase === phase) return [];
      const events: PendingEvent[] = [{ type: 'phase', data: { phase } }];
      await updateRoom(trx, room.meeting_id, { phase });
      // The class ending stops its timer.
      const timer = timerOf(room);
      const paused = phase === 'ended' ? pauseTimer(timer, ctx.now) : timer;
      if (paused !== timer) {
        await updateRoom(trx, room.meeting_id, timerPatch(paused));
        events.push(timerEvent(paused));
      }
      return events;
    });
  });
}

/** The question's event as stored (with its author; each viewer's projection hides what it must). */
async function questionEvents(trx: Db, deps: RoomDeps, ctx: RoomContext, id: string, withClusters: boolean) {
  const board = await loadBoard({ db: trx, clock: deps.clock }, ctx);
  const question = board.questions.find((q) => q.id === id)!;
  const events: PendingEvent[] = [{ type: 'question', data: { question, anonymous: ctx.anonymous } }];
  if (withClusters) events.push({ type: 'clusters', data: { clusters: board.clusters } });
  return events;
}

export function askLive(deps: RoomDeps, work: WorkCourse, date: string, body: AskBody): Promise<RoomState> {
  return act(deps, work, date, async (ctx) => {
    requireAbility(ctx, 'ask');
    const papers = ctx.meeting.readings.length;
    if (body.paperIndex !== null && body.paperIndex >= papers)
      throw new DomainError('invalid_input', 'There is no such paper in this class; pick one of the list.');
    await commitRoom(deps.db, ctx, async (trx, room) => {
      const mine = (await listLiveQuestions(trx, room.meeting_id)).filter(
        (q) => q.author_id === ctx.viewer.userId,
      );
      if (mine.length >= LIVE_QUESTIONS_MAX)
        throw new DomainError(
          'conflict',
          `You have asked ${LIVE_QUESTIONS_MAX} questions in this class already.`,
        );
      const id = ulid();
      await insertLiveQuestion(trx, {
        id,
        meeting_id: room.meeting_id,
        reading_index: body.paperIndex,
        author_id: ctx.viewer.userId,
        text: body.text,
        created_at: ctx.now.toISOString(),
      });
      return questionEvents(trx, deps, ctx, id, true);
    });
  });
}

/** Throws 404 unless the question is on the class's board now. */
async function requireOnBoard(db: Db, deps: RoomDeps, ctx: RoomContext, questionId: string): Promise<void> {
  if (await findLiveQuestion(db, ctx.meeting.id, questionId)) return;
  const { rows } = await handedIn({ db, clock: deps.clock }, ctx);
  if (!rows.some((r) => r.id === questionId))
    throw new DomainError('not_found', 'That question is not on this class’s board.');
}

/** Votes (or takes back a vote); answers the question's count as committed, not the whole room. */
export async function vote(
  deps: RoomDeps,
  work: WorkCourse,
  date: string,
  questionId: string,
  on: boolean,
): Promise<VoteReply> {
  const ctx = await roomContext(deps, work, date);
  requireAbility(ctx, 'vote');
  await requireOnBoard(deps.db, deps, ctx, questionId);
  let votes = 0;
  const { lastEventId } = await commitRoom(deps.db, ctx, async (trx, room) => {
    const row = { meeting_id: room.meeting_id, question_id: questionId, user_id: ctx.viewer.userId };
    const changed = on
      ? await insertVote(trx, { ...row, created_at: ctx.now.toISOString() })
      : await deleteVote(trx, room.meeting_id, questionId, ctx.viewer.userId);
    votes = await countVotes(trx, room.meeting_id, questionId);
    return changed ? [{ type: 'votes', data: { questionId, votes } }] : [];
  });
  return { questionId, votes, myVote: on, lastEventId };
}

export function markQuestion(
  deps: RoomDeps,
  work: WorkCourse,
  date: string,
  questionId: string,
  status: RoomQuestionStatus,
): Promise<RoomState> {
  return act(deps, work, date, async (ctx) => {
    requireAbility(ctx, 'mark');
    await requireOnBoard(deps.db, deps, ctx, questionId);
    await commitRoom(deps.db, ctx, async (trx, room) => {
      await upsertMark(trx, {
        meeting_id: room.meeting_id,
        question_id: questionId,
        status,
        updated_by: ctx.viewer.userId,
        updated_at: ctx.now.toISOString(),
      });
      return questionEvents(trx, deps, ctx, questionId, false);
    });
  });
}

async function critiqueEvent(trx: Db, meetingId: string): Promise<PendingEvent[]> {
  const points = await listCritique(trx, meetingId);
  return [
    {
      type: 'critique',
      data: { critique: points.map((p) => ({ id: p.id, text: p.text, ticked: p.ticked === 1 })) },
    },
  ];
}

const NO_POINT = 'That critique point is not in this class (it may have been deleted); reload the room.';

export type CritiqueChange =
  | { op: 'add'; text: string }
  | { op: 'edit'; id: string; text?: string | undefined; ticked?: boolean | undefined }
  | { op: 'delete'; id: string };

export function editCritique(
  deps: RoomDeps,
  work: WorkCourse,
  date: string,
  change: CritiqueChange,
): Promise<RoomState> {
  return act(deps, work, date, async (ctx) => {
    requireAbility(ctx, 'editCritique');
    const at = ctx.now.toISOString();
    await commitRoom(deps.db, ctx, async (trx, room) => {
      const meetingId = room.meeting_id;
      if (change.op === 'add') {
        if ((await listCritique(trx, meetingId)).length >= CRITIQUE_POINTS_MAX)
          throw new DomainError('conflict', `A class has at most ${CRITIQUE_POINTS_MAX} critique points.`);
        await insertCritique(trx, {
          id: ulid(),
          meeting_id: meetingId,
          text: change.text,
          ticked: 0,
          created_at: at,
          updated_at: at,
        });
      } else if (change.op === 'edit') {
        const patch = {
          ...(change.text !== undefined ? { text: change.text } : {}),
          ...(change.ticked !== undefined ? { ticked: change.ticked ? 1 : 0 } : {}),
          updated_at: at,
        };
        if (!(await updateCritique(trx, meetingId, change.id, patch)))
          throw new DomainError('not_found', NO_POINT);
      } else if (!(await deleteCritique(trx, meetingId, change.id)))
        throw new DomainError('not_found', NO_POINT);
      return critiqueEvent(trx, meetingId);
    });
  });
}

/** Staff show or hide the check-in code on the projector; showing opens check-in when no code is valid. */
export function showCheckIn(
  deps: RoomDeps,
  work: WorkCourse,
  date: string,
  show: boolean,
): Promise<RoomState> {
  return act(deps, work, date, async (ctx) => {
    requireAbility(ctx, 'manage');
    if (show && (await shownCode(deps, { ...ctx, room: { ...ctx.room, show_check_in: 1 } })) === null)
      await openCheckIn(deps, work, date);
    await commitRoom(deps.db, ctx, async (trx, room) => {
      await updateRoom(trx, room.meeting_id, { show_check_in: show ? 1 : 0 });
      const code = show
        ? await shownCode({ db: trx, clock: deps.clock }, { ...ctx, room: { ...room, show_check_in: 1 } })
        : null;
      return [{ type: 'check-in', data: { checkInCode: code } }];
    });
  });
}
