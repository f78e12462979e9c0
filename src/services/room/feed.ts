// A viewer's live feed of a class's room: stored events projected for them (names hidden from classmates when the
// course asks, the check-in code only to staff and presenters), resumable from an event id. An event's message is
// made once for every viewer who sees it alike (most events: all of them), and a live delivery's bytes once for
// every viewer who sees all of its rows alike: the same Buffer is written to each of their connections.
import type { RoomEvent } from '../../contracts/room.js';
import { questionFor, seesCheckIn, type BoardQuestion } from '../../domain/room.js';
import {
  listRoomEventsAfter,
  oldestRoomEventId,
  type RoomEventRow,
} from '../../storage/repositories/room.js';
import type { WorkCourse } from '../work/context.js';
import { currentRows, onRoomEvent } from './bus.js';
import { roomContext, type RoomContext, type RoomDeps } from './context.js';

type Viewing = Pick<RoomContext, 'viewer' | 'anonymous'>;

/** The event as this viewer receives it, sent at serverNow. */
export function projectEvent(row: RoomEventRow, ctx: Viewing, serverNow: string): RoomEvent {
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

const authors = new WeakMap<RoomEventRow, string>();

/** What makes two viewers see a row differently ('' for rows everyone sees alike). */
function viewKey(row: RoomEventRow, ctx: Viewing): string {
  if (row.type === 'check-in') return seesCheckIn(ctx.viewer) ? 'sees' : 'not';
  if (row.type !== 'question') return '';
  let author = authors.get(row);
  if (author === undefined) {
    author = (JSON.parse(row.data) as { question?: { authorId?: string } }).question?.authorId ?? '';
    authors.set(row, author);
  }
  return `${ctx.viewer.staff ? 's' : ''}${ctx.anonymous ? 'a' : ''}${author === ctx.viewer.userId ? 'm' : ''}`;
}

const messages = new WeakMap<RoomEventRow, Map<string, string>>();

/** The row's Server-Sent Events message for this viewer, made once per way of seeing it. */
export function eventMessage(row: RoomEventRow, ctx: Viewing, serverNow: () => string): string {
  let made = messages.get(row);
  if (!made) {
    made = new Map();
    messages.set(row, made);
  }
  const key = viewKey(row, ctx);
  let text = made.get(key);
  if (text === undefined) {
    const event = projectEvent(row, ctx, serverNow());
    text = `id: ${event.id}\nevent: ${event.type}\ndata: ${JSON.stringify(event)}\n\n`;
    made.set(key, text);
  }
  return text;
}

/** A delivery's bytes per way of seeing all of its rows (the key: each row's view key). */
const deliveries = new WeakMap<RoomEventRow[], Map<string, Buffer>>();

/**
 * Authorizes the viewer (members and staff), then returns how to follow the room from `after` (null: from now).
 * `follow` replays the kept events after it (or sends one reset when they are no longer kept) and then the live
 * ones, each once and in order, as ready-made Server-Sent Events text; it resolves to the function that stops.
 */
export async function roomFeed(deps: RoomDeps, work: WorkCourse, date: string) {
  const ctx = await roomContext(deps, work, date);
  const meetingId = ctx.meeting.id;
  const now = () => deps.clock().toISOString();
  return {
    follow: async (after: number | null, write: (text: string | Buffer) => void): Promise<() => void> => {
      let last = after ?? ctx.room.last_event_id;
      let replaying = true;
      const queue: RoomEventRow[] = [];
      const deliver = (rows: RoomEventRow[]) => {
        if (rows.length === 0) return;
        // Live, every row is new to the viewer: the bytes made for the first viewer who sees them alike.
        if (rows.every((row) => row.type === 'reset' || row.id > last)) {
          let made = deliveries.get(rows);
          if (!made) {
            made = new Map();
            deliveries.set(rows, made);
          }
          const key = rows.map((row) => viewKey(row, ctx)).join('|');
          let bytes = made.get(key);
          if (!bytes) {
            bytes = Buffer.from(rows.map((row) => eventMessage(row, ctx, now)).join(''));
            made.set(key, bytes);
          }
          for (const row of rows) if (row.type !== 'reset') last = row.id;
          write(bytes);
          return;
        }
        let text = '';
        for (const row of rows) {
          if (row.type === 'reset') {
            text += eventMessage(row, ctx, now);
            continue;
          }
          if (row.id <= last) continue;
          last = row.id;
          text += eventMessage(row, ctx, now);
        }
        if (text) write(text);
      };
      const stop = await onRoomEvent(deps.db, { meetingId, courseId: work.course.id }, (rows) => {
        if (replaying) queue.push(...rows);
        else deliver(rows);
      });
      if (after !== null) {
        const oldest = await oldestRoomEventId(deps.db, meetingId);
        const newest = ctx.room.last_event_id;
        const behind = after < newest && (oldest === null || after < oldest - 1);
        if (behind || after > newest) {
          const reset: RoomEvent = { id: newest, type: 'reset', reason: 'too-far-behind', serverNow: now() };
          write(`id: ${newest}\nevent: reset\ndata: ${JSON.stringify(reset)}\n\n`);
          last = newest;
        } else {
          for (;;) {
            const rows = await listRoomEventsAfter(deps.db, meetingId, last, 500);
            deliver(currentRows(rows));
            if (rows.length < 500) break;
          }
        }
      }
      replaying = false;
      deliver(currentRows(queue.splice(0)));
      return stop;
    },
  };
}
