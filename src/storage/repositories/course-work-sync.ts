// Keeps a course's hand-in data in step with a re-imported schedule, inside the import's transaction.
import { sql } from 'kysely';
import { ulid } from 'ulid';
import type { Deliverable } from '../../domain/deliverables.js';
import type { DeliverableMerge } from '../../domain/deliverable-merge.js';
import { daysBetween, moveInstantByDays, type MeetingMove } from '../../domain/meeting-moves.js';
import type { Db } from '../db.js';
import { bumpWorkVersion } from './hot-reads.js';
import { work, type WorkDb } from './work-tables.js';

/** Tables whose rows name a meeting by a "<date>#<reading>" slot (the others by meeting_date). */
const SLOT_TABLES = ['submissions', 'counted_versions'] as const;

/** Marks a row half-way through a move, so permutations of dates never hit a unique key. */
const PARKED = '~';

export interface RemovedDayRows {
  date: string;
  handIns: number;
  /** Attendance records (one per student marked). */
  attendance: number;
  /** Rolls taken or check-ins opened (0 or 1). */
  rolls: number;
  extensions: number;
}

/** How many rows of each kind a course holds on `date` (what a removed meeting takes along). */
async function countDay(w: WorkDb, courseId: string, date: string): Promise<RemovedDayRows> {
  const count = async (table: 'submissions' | 'attendance_records' | 'attendance_rolls' | 'extensions') => {
    const row = await w
      .selectFrom(table)
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('course_id', '=', courseId)
      .where('meeting_date', '=', date)
      .executeTakeFirstOrThrow();
    return Number(row.n);
  };
  return {
    date,
    handIns: await count('submissions'),
    attendance: await count('attendance_records'),
    rolls: await count('attendance_rolls'),
    extensions: await count('extensions'),
  };
}

/**
 * Clears what a removed meeting's date holds. Hand-ins are never deleted: they (with their
 * files, reviews and counted choices) are set aside under "<date>@removed-<stamp>", which no
 * class can fall on, so they stay in the deliverable's zip and in the database while a class
 * later moved onto that date starts clean. Extensions and the roll with its records, which only
 * mean something for a class that exists, are deleted. Answers what was there, per date.
 */
export async function deleteDayRows(
  db: Db,
  courseId: string,
  dates: readonly string[],
): Promise<RemovedDayRows[]> {
  const w = work(db);
  const out: RemovedDayRows[] = [];
  const stamp = Date.now().toString(36);
  for (const date of dates) {
    out.push(await countDay(w, courseId, date));
    const aside = `${date}@removed-${stamp}`;
    await w
      .updateTable('submissions')
      .set({ meeting_date: aside })
      .where('course_id', '=', courseId)
      .where('meeting_date', '=', date)
      .execute();
    for (const table of SLOT_TABLES) {
      await w
        .updateTable(table)
        .set({
          slot: sql<string>`cast(${aside} as text) || substr(slot, cast(${date.length + 1} as integer))`,
        })
        .where('course_id', '=', courseId)
        .where('slot', 'like', `${date}#%`)
        .execute();
    }
    for (const table of ['extensions', 'attendance_rolls', 'attendance_records'] as const)
      await w.deleteFrom(table).where('course_id', '=', courseId).where('meeting_date', '=', date).execute();
  }
  return out;
}

/**
 * Moves every row keyed by a moved meeting's date to its new date: meeting_date columns, slot
 * strings "<date>#<reading>", and extension deadlines (same local time, as many days later as
 * the meeting moved). In two passes — first to a parked date, then to the final one — so a
 * schedule whose dates overlap after the move (every class a week later) never collides on the
 * unique keys of rolls, records, versions and counted choices. Answers how many rows moved.
 */
export async function moveDayRows(
  db: Db,
  courseId: string,
  moves: readonly MeetingMove[],
  timeZone: string,
): Promise<number> {
  const w = work(db);
  const real = moves.filter((m) => m.from !== m.to);
  if (real.length === 0) return 0;
  let moved = 0;
  // Extensions have no unique key on the date: one pass, their deadline moved along.
  const shift = new Map(real.map((m) => [m.from, m]));
  const extensions = await w
    .selectFrom('extensions')
    .select(['id', 'meeting_date', 'due_at'])
    .where('course_id', '=', courseId)
    .where('meeting_date', 'in', [...shift.keys()])
    .execute();
  for (const e of extensions) {
    const move = shift.get(e.meeting_date!)!;
    await w
      .updateTable('extensions')
      .set({
        meeting_date: move.to,
        due_at: moveInstantByDays(e.due_at, daysBetween(move.from, move.to), timeZone),
      })
      .where('id', '=', e.id)
      .execute();
    moved++;
  }
  for (const { from, to } of real) {
    for (const table of ['submissions', 'attendance_rolls', 'attendance_records'] as const) {
      const r = await w
        .updateTable(table)
        .set({ meeting_date: PARKED + to })
        .where('course_id', '=', courseId)
        .where('meeting_date', '=', from)
        .executeTakeFirst();
      moved += Number(r.numUpdatedRows ?? 0);
    }
    for (const table of SLOT_TABLES) {
      // "<from>#<reading>" → "~<to>#<reading>": the text after the date is kept as it is.
      await w
        .updateTable(table)
        .set({
          slot: sql<string>`cast(${PARKED + to} as text) || substr(slot, cast(${from.length + 1} as integer))`,
        })
        .where('course_id', '=', courseId)
        .where('slot', 'like', `${from}#%`)
        .execute();
    }
  }
  for (const table of ['submissions', 'attendance_rolls', 'attendance_records'] as const) {
    await w
      .updateTable(table)
      .set({ meeting_date: sql<string>`substr(meeting_date, 2)` })
      .where('course_id', '=', courseId)
      .where('meeting_date', 'like', `${PARKED}%`)
      .execute();
  }
  for (const table of SLOT_TABLES) {
    await w
      .updateTable(table)
      .set({ slot: sql<string>`substr(slot, 2)` })
      .where('course_id', '=', courseId)
      .where('slot', 'like', `${PARKED}%`)
      .execute();
  }
  return moved;
}

/** The stored deliverables of a course, as specs in order (empty when none were created yet). */
export async function listDeliverableSpecs(db: Db, courseId: string): Promise<Deliverable[]> {
  const rows = await work(db)
    .selectFrom('deliverables')
    .select(['spec'])
    .where('course_id', '=', courseId)
    .orderBy('position')
    .execute();
  return rows.map((r) => JSON.parse(r.spec) as Deliverable);
}

/**
 * Writes a merge of deliverables (changed specs, new ones after the last) and, when anything
 * was written, bumps the course's work version — the one every instance's deliverable cache
 * compares (see services/work/context.ts) — in the same transaction.
 */
export async function applyDeliverableMerge(
  db: Db,
  courseId: string,
  merge: DeliverableMerge,
  now: string,
): Promise<void> {
  const w = work(db);
  for (const spec of merge.changed) {
    await w
      .updateTable('deliverables')
      .set({ spec: JSON.stringify(spec), updated_at: now })
      .where('course_id', '=', courseId)
      .where('key', '=', spec.key)
      .execute();
  }
  if (merge.added.length > 0) {
    const last = await w
      .selectFrom('deliverables')
      .select((eb) => eb.fn.max('position').as('p'))
      .where('course_id', '=', courseId)
      .executeTakeFirst();
    const start = last?.p === null || last?.p === undefined ? 0 : Number(last.p) + 1;
    await w
      .insertInto('deliverables')
      .values(
        merge.added.map((spec, i) => ({
          id: ulid(),
          course_id: courseId,
          key: spec.key,
          position: start + i,
          spec: JSON.stringify(spec),
          closed: 0,
          created_at: now,
          updated_at: now,
        })),
      )
      .onConflict((oc) => oc.columns(['course_id', 'key']).doNothing())
      .execute();
  }
}

/** Tells every instance that the course's deliverables or hand-in rows changed. */
export async function bumpCourseWork(db: Db, courseId: string): Promise<void> {
  await bumpWorkVersion(db, courseId);
}
