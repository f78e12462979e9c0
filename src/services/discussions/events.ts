// Live updates of discussions: who is listening to which course's posts. One bus per database handle; on SQLite an
// event reaches the listeners of this process, on PostgreSQL it travels through NOTIFY to every instance (see relay).
import { EventEmitter } from 'node:events';
import type { Db } from '../../storage/db.js';

export interface DiscussionEvent {
  /** What happened: a new thread, a new post, or a change (edit, delete, moderation, reaction). */
  kind: 'thread' | 'post' | 'change';
  threadId: string;
  postId: string | null;
}

/** Sends an event to every instance (PostgreSQL NOTIFY); absent, events stay in this process. */
export type Relay = (courseId: string, event: DiscussionEvent) => void;

interface Bus {
  emitter: EventEmitter;
  relay: Relay | null;
}

const buses = new WeakMap<Db, Bus>();

function busOf(db: Db): Bus {
  let bus = buses.get(db);
  if (!bus) {
    bus = { emitter: new EventEmitter(), relay: null };
    bus.emitter.setMaxListeners(0);
    buses.set(db, bus);
  }
  return bus;
}

/** Hands an event to this process's listeners of the course. */
function deliverDiscussionEvent(db: Db, courseId: string, event: DiscussionEvent): void {
  busOf(db).emitter.emit(courseId, event);
}

/** Publishes an event after its write committed: through the relay when there is one, else in-process. */
export function publishDiscussionEvent(db: Db, courseId: string, event: DiscussionEvent): void {
  const bus = busOf(db);
  if (bus.relay) bus.relay(courseId, event);
  else deliverDiscussionEvent(db, courseId, event);
}
