// Live updates of class rooms. Events are rows of room_events, numbered per room under the room row's lock; a commit
// is followed by a nudge (in-process on SQLite, NOTIFY on PostgreSQL so every instance hears it) and each instance
// reads the rows it has not delivered yet, once for all its listeners of that room, in order.
import { dialectOf, listenPostgres, notifyPostgres, type Db } from '../../storage/db.js';
import { findRoom, listRoomEventsAfter, type RoomEventRow } from '../../storage/repositories/room.js';

const CHANNEL = 'seminar_room';
const BATCH = 500;

type Listener = (row: RoomEventRow) => void;

interface Channel {
  listeners: Set<Listener>;
  /** The last event id delivered to this instance's listeners. */
  lastId: number;
  ready: Promise<void>;
  pumping: boolean;
  again: boolean;
}

interface Bus {
  rooms: Map<string, Channel>;
  listening: Promise<(() => Promise<void>) | null> | null;
}

const buses = new WeakMap<Db, Bus>();

function busOf(db: Db): Bus {
  let bus = buses.get(db);
  if (!bus) {
    bus = { rooms: new Map(), listening: null };
    buses.set(db, bus);
  }
  return bus;
}

/** Reads and delivers the room's undelivered events; one pump at a time per room, run again if nudged meanwhile. */
async function pump(db: Db, meetingId: string): Promise<void> {
  const channel = busOf(db).rooms.get(meetingId);
  if (!channel) return;
  await channel.ready;
  if (channel.pumping) {
    channel.again = true;
    return;
  }
  channel.pumping = true;
  try {
    let more = true;
    while (more) {
      channel.again = false;
      const rows = await listRoomEventsAfter(db, meetingId, channel.lastId, BATCH);
      for (const row of rows) {
        channel.lastId = row.id;
        for (const listener of channel.listeners) listener(row);
      }
      more = channel.again || rows.length === BATCH;
    }
  } catch {
    // A failed read loses nothing: the next nudge (or a client's resume) reads from lastId again.
  } finally {
    channel.pumping = false;
  }
}

/** Tells every instance that the room has new events (call once the write committed). */
export function publishRoomEvents(db: Db, meetingId: string): void {
  if (dialectOf(db) !== 'postgres') {
    void pump(db, meetingId);
    return;
  }
  void notifyPostgres(db, CHANNEL, meetingId).catch(() => {});
}

/**
 * Listens to a room's events from now on (on PostgreSQL, those committed through any instance); resolves once
 * listening, to the function that stops.
 */
export async function onRoomEvent(db: Db, meetingId: string, listener: Listener): Promise<() => void> {
  const bus = busOf(db);
  if (dialectOf(db) === 'postgres' && !bus.listening) {
    bus.listening = listenPostgres(db, CHANNEL, (payload) => void pump(db, payload)).catch(() => {
      bus.listening = null;
      return null;
    });
  }
  await bus.listening;
  let channel = bus.rooms.get(meetingId);
  if (!channel) {
    const created: Channel = {
      listeners: new Set(),
      lastId: 0,
      ready: Promise.resolve(),
      pumping: false,
      again: false,
    };
    created.ready = findRoom(db, meetingId).then(
      (room) => {
        created.lastId = room?.last_event_id ?? 0;
      },
      () => {},
    );
    bus.rooms.set(meetingId, created);
    channel = created;
  }
  channel.listeners.add(listener);
  await channel.ready;
  const joined = channel;
  return () => {
    joined.listeners.delete(listener);
    if (joined.listeners.size === 0 && bus.rooms.get(meetingId) === joined) bus.rooms.delete(meetingId);
  };
}

/** Stops this handle's LISTEN connection (the app closing). */
export async function stopRoomEvents(db: Db): Promise<void> {
  const bus = buses.get(db);
  if (!bus) return;
  bus.rooms.clear();
  if (!bus.listening) return;
  const stop = await bus.listening;
  bus.listening = null;
  await stop?.();
}
