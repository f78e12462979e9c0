// A viewer's live feed of a class's room: stored events projected for them (names hidden from classmates when the
// course asks, the check-in code only to staff and presenters), resumable from an event id.
import type { RoomEvent } from '../../contracts/room.js';
import { questionFor, seesCheckIn, type BoardQuestion } from '../../domain/room.js';
import {
  listRoomEventsAfter,
  oldestRoomEventId,
  type RoomEventRow,
} from '../../storage/repositories/room.js';
import type { WorkCourse } from '../work/context.js';
import { onRoomEvent } from './bus.js';
import { roomContext, type RoomContext, type RoomDeps } from './context.js';

/** The event as this viewer receives it, sent at serverNow. */
export function projectEvent(
  row: RoomEventRow,
  ctx: Pick<RoomContext, 'viewer' | 'anonymous'>,
  serverNow: string,
): RoomEvent {
  const data = JSON.parse(row.data) as Record<string, unknown>;
  const base = { id: row.id, serverNow };
  switch (row.type) {
    case 'question': {
      const anonymous = ctx.anonymous || data.anonymous === true;
      return {
        ...base,
        type: 'question',
        question: questionFor(data.question as BoardQuestion, ctx.viewer, anonymous),
      };
    }
    case 'check-in':
      return {
        ...base,
        type: 'check-in',
        checkInCode: seesCheckIn(ctx.viewer) ? (data.checkInCode as string | null) : null,
      };
    default:
      return { ...data, ...base, type: row.type } as RoomEvent;
  }
}

/**
 * Authorizes the viewer (members and staff), then returns how to follow the room from `after` (null: from now).
 * `follow` replays the kept events after it (or sends one reset when they are no longer kept) and then the live
 * ones, each once and in order; it resolves to the function that stops.
 */
export async function roomFeed(deps: RoomDeps, work: WorkCourse, date: string) {
  const ctx = await roomContext(deps, work, date);
  const meetingId = ctx.meeting.id;
  return {
    follow: async (after: number | null, send: (event: RoomEvent) => void): Promise<() => void> => {
      let last = after ?? ctx.room.last_event_id;
      let replaying = true;
      const queue: RoomEventRow[] = [];
      const deliver = (row: RoomEventRow) => {
        if (row.id <= last) return;
        last = row.id;
        send(projectEvent(row, ctx, deps.clock().toISOString()));
      };
      const stop = await onRoomEvent(deps.db, meetingId, (row) => {
        if (replaying) queue.push(row);
        else deliver(row);
      });
      if (after !== null) {
        const oldest = await oldestRoomEventId(deps.db, meetingId);
        const newest = ctx.room.last_event_id;
        const behind = after < newest && (oldest === null || after < oldest - 1);
        if (behind || after > newest) {
          send({
            id: newest,
            type: 'reset',
            reason: 'too-far-behind',
            serverNow: deps.clock().toISOString(),
          });
          last = newest;
        } else {
          for (;;) {
            const rows = await listRoomEventsAfter(deps.db, meetingId, last, 500);
            for (const row of rows) deliver(row);
            if (rows.length < 500) break;
          }
        }
      }
      replaying = false;
      for (const row of queue.splice(0)) deliver(row);
      return stop;
    },
  };
}
