// Live updates of discussions: who listens to which course's posts. One bus per database handle: on SQLite an event
// reaches the listeners of this process; on PostgreSQL it travels through NOTIFY, so the listeners of every instance
// (each LISTENing once it has a listener of its own) receive it.
import { EventEmitter } from 'node:events';
import { dialectOf, listenPostgres, notifyPostgres, type Db } from '../../storage/db.js';

export interface DiscussionEvent {
  /** What happened: a new thread, a new post, or a change (edit, delete, moderation, reaction). */
  kind: 'thread' | 'post' | 'change';
  threadId: string;
  postId: string | null;
}

const CHANNEL = 'seminar_discussions';

interface Bus {
  emitter: EventEmitter;
  /** The LISTEN connection (PostgreSQL), started with the first listener. */
  listening: Promise<(() => Promise<void>) | null> | null;
}

const buses = new WeakMap<Db, Bus>();

function busOf(db: Db): Bus {
  let bus = buses.get(db);
  if (!bus) {
    bus = { emitter: new EventEmitter(), listening: null };
    bus.emitter.setMaxListeners(0);
    buses.set(db, bus);
  }
  return bus;
}

function deliver(db: Db, courseId: string, event: DiscussionEvent): void {
  busOf(db).emitter.emit(courseId, event);
}

/** Publishes an event once its write committed; a failed NOTIFY loses only a live refresh, never data. */
export function publishDiscussionEvent(db: Db, courseId: string, event: DiscussionEvent): void {
  if (dialectOf(db) !== 'postgres') {
    deliver(db, courseId, event);
    return;
  }
  void notifyPostgres(db, CHANNEL, JSON.stringify({ courseId, event })).catch(() => {});
}

/** Listens to a course's events (on PostgreSQL, from every instance); resolves to the function that stops. */
export async function onDiscussionEvent(
  db: Db,
  courseId: string,
  listener: (event: DiscussionEvent) => void,
): Promise<() => void> {
  const bus = busOf(db);
  if (dialectOf(db) === 'postgres' && !bus.listening) {
    bus.listening = listenPostgres(db, CHANNEL, (payload) => {
      try {
        const { courseId: id, event } = JSON.parse(payload) as { courseId: string; event: DiscussionEvent };
        deliver(db, id, event);
      } catch {
        // Not one of ours: ignored.
      }
    }).catch(() => {
      bus.listening = null;
      return null;
    });
  }
  await bus.listening;
  bus.emitter.on(courseId, listener);
  return () => bus.emitter.off(courseId, listener);
}

/** Stops this handle's LISTEN connection (the app closing). */
export async function stopDiscussionEvents(db: Db): Promise<void> {
  const bus = buses.get(db);
  if (!bus?.listening) return;
  const stop = await bus.listening;
  bus.listening = null;
  bus.emitter.removeAllListeners();
  await stop?.();
}
