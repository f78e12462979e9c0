// How every room write commits: the room row locked (created on first use), the change, its events numbered and
// stored in the same transaction; the nudge to listeners only after commit.
import type { RoomEventType } from '../../contracts/room.js';
import { writeTransaction, type Db } from '../../storage/db.js';
import {
  ensureRoom,
  findRoom,
  insertRoomEvent,
  takeEventId,
  updateRoom,
  type RoomRow,
} from '../../storage/repositories/room.js';
import { publishRoomEvents } from './bus.js';
import type { RoomContext } from './context.js';

/** Events kept per room for resuming; a client further behind is told to refetch. */
export const EVENTS_KEPT = 1000;

export interface PendingEvent {
  type: Exclude<RoomEventType, 'reset'>;
  data: Record<string, unknown>;
}

/** Runs `change` on the locked, fresh room row; stores the events it returns; publishes once committed. */
export async function commitRoom(
  db: Db,
  ctx: RoomContext,
  change: (trx: Db, room: RoomRow) => Promise<PendingEvent[]>,
): Promise<void> {
  const meetingId = ctx.meeting.id;
  const at = ctx.now.toISOString();
  const clock = ctx.clock;
  const stored = await writeTransaction(db, async (trx) => {
    await ensureRoom(trx, ctx.room);
    // The update takes the row's lock: concurrent writes of one room run one after the other.
    await updateRoom(trx, meetingId, { updated_at: at });
    const room = (await findRoom(trx, meetingId))!;
    const events = await change(trx, room);
    for (const event of events) {
      const id = await takeEventId(trx, meetingId);
      await insertRoomEvent(
        trx,
        // Stamped at insert, just before commit (the room's bench measures fan-out from it).
        {
          meeting_id: meetingId,
          id,
          type: event.type,
          data: JSON.stringify(event.data),
          created_at: clock().toISOString(),
        },
        EVENTS_KEPT,
      );
    }
    return events.length;
  });
  if (stored > 0) publishRoomEvents(db, meetingId);
}
