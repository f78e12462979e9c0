// Live updates of class rooms. Events are rows of room_events, numbered per room under the room row's lock. Once a
// write commits, its rows go to this instance's listeners straight away (SQLite: in process; PostgreSQL: a NOTIFY
// sent inside the transaction carries them, so every instance hears them at commit and in commit order). A listener
// gets the rows of one commit together (one write to each connection for a whole burst). When rows arrive out of
// turn (a gap, a payload too large for NOTIFY), the instance reads what it has not delivered yet from the table,
// once for all its listeners of that room, in order.
//
// A vote count that a later count of the same question in the same delivery makes stale is left out of it, once for
// every listener (counts are absolute: a viewer sent the newer one has lost nothing; a burst of votes reaches each
// viewer as one count per question). On PostgreSQL a commit's announcement leaves them out too, so a burst's commit
// fits one NOTIFY; the table keeps every row, for resuming.
import { dialectOf, listenPostgres, notifyPostgres, type Db } from '../../storage/db.js';
import { findRoom, listRoomEventsAfter, type RoomEventRow } from '../../storage/repositories/room.js';

const CHANNEL = 'seminar_room';
const BATCH = 500;
/** PostgreSQL refuses NOTIFY payloads from 8000 bytes on; rows are sent in pieces below it. */
const PAYLOAD_MAX = 7000;

/**
 * Rows of one room, in id order, stale vote counts left out (ids may skip them); a 'reset' row (id: the last
 * delivered) tells viewers to refetch. The same array goes to every listener of the delivery.
 */
type Listener = (rows: RoomEventRow[]) => void;

interface Channel {
  courseId: string;
  listeners: Set<Listener>;
  /** The last event id delivered to this instance's listeners. */
  lastId: number;
  ready: Promise<void>;
  isReady: boolean;
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

/** The rows without the vote counts that a later count of the same question among them makes stale. */
export function currentRows(rows: RoomEventRow[]): RoomEventRow[] {
  if (rows.length < 2) return rows;
  const latest = new Map<string, number>();
  rows.forEach((row, i) => {
    if (row.type === 'votes') latest.set(questionOf(row), i);
  });
  if (latest.size === rows.filter((r) => r.type === 'votes').length) return rows;
  return rows.filter((row, i) => row.type !== 'votes' || latest.get(questionOf(row)) === i);
}

function questionOf(row: RoomEventRow): string {
  return (JSON.parse(row.data) as { questionId?: string }).questionId ?? '';
}

function emit(channel: Channel, rows: RoomEventRow[]): void {
  if (rows.length === 0) return;
  channel.lastId = rows.at(-1)!.id;
  for (const listener of channel.listeners) listener(rows);
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
      emit(channel, currentRows(rows));
      more = channel.again || rows.length === BATCH;
    }
  } catch {
    // A failed read loses nothing: the next nudge (or a client's resume) reads from lastId again.
  } finally {
    channel.pumping = false;
  }
}

/**
 * Delivers committed rows (ids from `from` on, stale counts left out) as they are when they follow what was
 * delivered; else reads the table.
 */
function deliver(db: Db, meetingId: string, from: number, rows: RoomEventRow[]): void {
  const channel = busOf(db).rooms.get(meetingId);
  if (!channel) return;
  const fresh = rows.filter((r) => r.id > channel.lastId);
  if (fresh.length === 0) return;
  const inTurn = channel.isReady && !channel.pumping && from <= channel.lastId + 1;
  if (inTurn) emit(channel, fresh);
  else void pump(db, meetingId);
}

/** SQLite: hands the rows of a committed write to this process's listeners. */
export function publishRoomEvents(db: Db, meetingId: string, rows: RoomEventRow[]): void {
  if (dialectOf(db) === 'postgres') {
    void notifyPostgres(db, CHANNEL, meetingId).catch(() => {});
    return;
  }
  if (rows.length > 0) deliver(db, meetingId, rows[0]!.id, currentRows(rows));
}

/**
 * PostgreSQL, inside the write's transaction: announces its rows (heard by every instance once committed), stale
 * counts left out; each piece says the first id it covers (`from`), so a listener knows it follows what it has.
 */
export async function announceRoomEvents(trx: Db, meetingId: string, rows: RoomEventRow[]): Promise<void> {
  if (rows.length === 0) return;
  let from = rows[0]!.id;
  let piece: RoomEventRow[] = [];
  let size = 0;
  const send = async () => {
    if (piece.length === 0) return;
    const payload = JSON.stringify({ m: meetingId, from, rows: piece });
    await notifyPostgres(trx, CHANNEL, payload.length < PAYLOAD_MAX ? payload : meetingId);
    from = piece.at(-1)!.id + 1;
    piece = [];
    size = 0;
  };
  for (const row of currentRows(rows)) {
    const length = JSON.stringify(row).length + 1;
    if (size + length > PAYLOAD_MAX - 200) await send();
    piece.push(row);
    size += length;
  }
  await send();
}

function heard(db: Db, payload: string): void {
  if (!payload.startsWith('{')) return void pump(db, payload);
  try {
    const message = JSON.parse(payload) as {
      m?: string;
      from?: number;
      rows?: RoomEventRow[];
      resetCourse?: string;
      at?: string;
    };
    if (message.resetCourse) resetChannels(db, message.resetCourse, message.at ?? '');
    else if (message.m && message.rows?.length)
      deliver(db, message.m, message.from ?? message.rows[0]!.id, message.rows);
  } catch {
    // Not ours to read: ignored.
  }
}

function resetChannels(db: Db, courseId: string, at: string): void {
  for (const [meetingId, channel] of busOf(db).rooms) {
    if (channel.courseId !== courseId) continue;
    const row: RoomEventRow = {
      meeting_id: meetingId,
      id: channel.lastId,
      type: 'reset',
      data: JSON.stringify({ reason: 'settings-changed' }),
      created_at: at,
    };
    for (const listener of channel.listeners) listener([row]);
  }
}

/**
 * Tells every viewer of the course's rooms (on every instance) to refetch their room: a setting that changes what
 * they may see (anonymous questions) took effect.
 */
export async function resetCourseRooms(db: Db, courseId: string, at: string): Promise<void> {
  if (dialectOf(db) !== 'postgres') return resetChannels(db, courseId, at);
  await notifyPostgres(db, CHANNEL, JSON.stringify({ resetCourse: courseId, at }));
}

/**
 * Listens to a room's events from now on (on PostgreSQL, those committed through any instance); resolves once
 * listening, to the function that stops.
 */
export async function onRoomEvent(
  db: Db,
  room: { meetingId: string; courseId: string },
  listener: Listener,
): Promise<() => void> {
  const { meetingId } = room;
  const bus = busOf(db);
  if (dialectOf(db) === 'postgres' && !bus.listening) {
    bus.listening = listenPostgres(db, CHANNEL, (payload) => heard(db, payload)).catch(() => {
      bus.listening = null;
      return null;
    });
  }
  await bus.listening;
  let channel = bus.rooms.get(meetingId);
  if (!channel) {
    const created: Channel = {
      courseId: room.courseId,
      listeners: new Set(),
      lastId: 0,
      ready: Promise.resolve(),
      isReady: false,
      pumping: false,
      again: false,
    };
    created.ready = findRoom(db, meetingId).then(
      (row) => {
        created.lastId = Number(row?.last_event_id ?? 0);
        created.isReady = true;
      },
      () => {
        created.isReady = true;
      },
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
