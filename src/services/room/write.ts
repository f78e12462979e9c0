// How every room write commits: the room row locked (created on first use), the change, its events numbered and
// stored in the same transaction; the nudge to listeners only after commit.
//
// Group commit: writes that arrive while a room's transaction is running wait, and the next transaction takes all
// of them (if one of them is refused, each runs again alone, so a refused write leaves the others). A write is answered, and its
// events are shown, only after the transaction holding it committed: a vote is durable before anyone sees it. A
// burst of votes then costs one fsync (SQLite) or one commit (PostgreSQL) per batch rather than one per vote.
import type { RoomEventType } from '../../contracts/room.js';
import { dialectOf, writeTransaction, type Db } from '../../storage/db.js';
import {
  ensureRoom,
  findRoom,
  insertRoomEvents,
  setLastEventId,
  updateRoom,
  type RoomEventRow,
  type RoomRow,
} from '../../storage/repositories/room.js';
import { announceRoomEvents, publishRoomEvents } from './bus.js';
import type { RoomContext } from './context.js';

/** Events kept per room for resuming; a client further behind is told to refetch. */
export const EVENTS_KEPT = 1000;

/** Writes of one room committed together at most (a burst beyond it takes several transactions). */
const BATCH_MAX = 100;

export interface PendingEvent {
  type: Exclude<RoomEventType, 'reset'>;
  data: Record<string, unknown>;
}

/** What a committed write tells its caller: the room's last event id once the write's events were numbered. */
export interface Committed {
  lastEventId: number;
}

type Change = (trx: Db, room: RoomRow) => Promise<PendingEvent[]>;

interface Waiting {
  ctx: RoomContext;
  change: Change;
  resolve: (committed: Committed) => void;
  reject: (error: unknown) => void;
}

interface Queue {
  waiting: Waiting[];
  running: boolean;
}

const queues = new WeakMap<Db, Map<string, Queue>>();

/** Runs `change` on the locked, fresh room row; stores the events it returns; resolves once committed. */
export function commitRoom(db: Db, ctx: RoomContext, change: Change): Promise<Committed> {
  let rooms = queues.get(db);
  if (!rooms) {
    rooms = new Map();
    queues.set(db, rooms);
  }
  const meetingId = ctx.meeting.id;
  let queue = rooms.get(meetingId);
  if (!queue) {
    queue = { waiting: [], running: false };
    rooms.set(meetingId, queue);
  }
  const q = queue;
  const done = new Promise<Committed>((resolve, reject) => q.waiting.push({ ctx, change, resolve, reject }));
  if (!q.running) void drain(db, meetingId, q, rooms);
  return done;
}

async function drain(db: Db, meetingId: string, queue: Queue, rooms: Map<string, Queue>): Promise<void> {
  queue.running = true;
  try {
    while (queue.waiting.length > 0) await commitBatch(db, meetingId, queue.waiting.splice(0, BATCH_MAX));
  } finally {
    queue.running = false;
    if (queue.waiting.length > 0) void drain(db, meetingId, queue, rooms);
    else if (rooms.get(meetingId) === queue) rooms.delete(meetingId);
  }
}

interface Stored {
  rows: RoomEventRow[];
  /** Per write of the batch: the room's last event id just after it. */
  lastIds: number[];
}

/**
 * Commits the batch in one transaction; if any write of it fails, the transaction rolls back and each write runs
 * again in a transaction of its own (so one refused write is refused alone, and the others still commit).
 */
async function commitBatch(db: Db, meetingId: string, batch: Waiting[]): Promise<void> {
  if (batch.length > 1) {
    try {
      const stored = await transact(db, meetingId, batch);
      return settle(db, meetingId, batch, stored);
    } catch {
      // One of them failed: each again on its own below.
    }
  }
  for (const item of batch) {
    try {
      settle(db, meetingId, [item], await transact(db, meetingId, [item]));
    } catch (error) {
      item.reject(error);
    }
  }
}

function settle(db: Db, meetingId: string, batch: Waiting[], stored: Stored): void {
  if (stored.rows.length > 0 && dialectOf(db) !== 'postgres') publishRoomEvents(db, meetingId, stored.rows);
  batch.forEach((item, i) => item.resolve({ lastEventId: stored.lastIds[i]! }));
}

function transact(db: Db, meetingId: string, batch: Waiting[]): Promise<Stored> {
  return writeTransaction(db, async (trx) => {
    const first = batch[0]!.ctx;
    await ensureRoom(trx, first.room);
    // The update takes the row's lock: concurrent writes of one room (other instances) run one after the other.
    await updateRoom(trx, meetingId, { updated_at: first.now.toISOString() });
    const rows: RoomEventRow[] = [];
    const lastIds: number[] = [];
    let lastId: number | null = null;
    for (const item of batch) {
      const found = (await findRoom(trx, meetingId))!;
      lastId ??= Number(found.last_event_id);
      const events = await item.change(trx, { ...found, last_event_id: lastId });
      for (const event of events)
        rows.push({
          meeting_id: meetingId,
          id: ++lastId,
          type: event.type,
          data: JSON.stringify(event.data),
          created_at: '',
        });
      lastIds.push(lastId);
    }
    if (rows.length > 0) {
      // Stamped once, when stored, just before commit (the room's bench measures fan-out from it); the batch's
      // events are shown together after its commit.
      const stamp = first.clock().toISOString();
      for (const row of rows) row.created_at = stamp;
      await setLastEventId(trx, meetingId, lastId!);
      await insertRoomEvents(trx, rows, EVENTS_KEPT);
      // On PostgreSQL the announcement is part of the transaction: every instance hears it at commit, in order.
      if (dialectOf(db) === 'postgres') await announceRoomEvents(trx, meetingId, rows);
    }
    return { rows, lastIds };
  });
}
