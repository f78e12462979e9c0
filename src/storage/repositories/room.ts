// The live room of a class (migration 2026_12_08_0400_room): settings, the room row and its numbered events, live
// questions, status marks, votes and critique points.
import type { Kysely } from 'kysely';
import type { AnyDb } from '../db.js';

export interface RoomSettingsRow {
  course_id: string;
  timer_minutes: number | null;
  anonymous_questions: number;
  updated_at: string;
}

export interface RoomRow {
  meeting_id: string;
  course_id: string;
  phase: string;
  timer_duration_ms: number;
  timer_started_at: string | null;
  timer_elapsed_ms: number;
  show_check_in: number;
  last_event_id: number;
  updated_at: string;
}

export interface RoomEventRow {
  meeting_id: string;
  id: number;
  type: string;
  /** JSON of the event's payload, authors included (each viewer's projection hides them). */
  data: string;
  created_at: string;
}

export interface RoomQuestionRow {
  id: string;
  meeting_id: string;
  reading_index: number | null;
  author_id: string;
  text: string;
  created_at: string;
}

export interface RoomMarkRow {
  meeting_id: string;
  question_id: string;
  status: string;
  updated_by: string;
  updated_at: string;
}

export interface RoomVoteRow {
  meeting_id: string;
  question_id: string;
  user_id: string;
  created_at: string;
}

export interface CritiqueRow {
  id: string;
  meeting_id: string;
  text: string;
  ticked: number;
  created_at: string;
  updated_at: string;
}

interface RoomTables {
  room_settings: RoomSettingsRow;
  rooms: RoomRow;
  room_events: RoomEventRow;
  room_questions: RoomQuestionRow;
  room_question_marks: RoomMarkRow;
  room_votes: RoomVoteRow;
  room_critique: CritiqueRow;
}

function rooms(db: AnyDb): Kysely<RoomTables> {
  return db as unknown as Kysely<RoomTables>;
}

export async function findRoomSettings(db: AnyDb, courseId: string): Promise<RoomSettingsRow | undefined> {
  return rooms(db)
    .selectFrom('room_settings')
    .selectAll()
    .where('course_id', '=', courseId)
    .executeTakeFirst();
}

export async function upsertRoomSettings(db: AnyDb, row: RoomSettingsRow): Promise<void> {
  await rooms(db)
    .insertInto('room_settings')
    .values(row)
    .onConflict((oc) =>
      oc.column('course_id').doUpdateSet({
        timer_minutes: row.timer_minutes,
        anonymous_questions: row.anonymous_questions,
        updated_at: row.updated_at,
      }),
    )
    .execute();
}

export async function findRoom(db: AnyDb, meetingId: string): Promise<RoomRow | undefined> {
  return rooms(db).selectFrom('rooms').selectAll().where('meeting_id', '=', meetingId).executeTakeFirst();
}

/** Creates the room's row if it has none (inside the write's transaction). */
export async function ensureRoom(db: AnyDb, row: RoomRow): Promise<void> {
  await rooms(db)
    .insertInto('rooms')
    .values(row)
    .onConflict((oc) => oc.column('meeting_id').doNothing())
    .execute();
}

/**
 * Sets the room's last event id after a write numbered its events (inside the write's transaction, which holds the
 * room row's lock: ids are given, and committed, in order on PostgreSQL; SQLite's write transaction holds the file).
 */
export async function setLastEventId(db: AnyDb, meetingId: string, lastEventId: number): Promise<void> {
  await rooms(db)
    .updateTable('rooms')
    .set({ last_event_id: lastEventId })
    .where('meeting_id', '=', meetingId)
    .execute();
}

export async function updateRoom(
  db: AnyDb,
  meetingId: string,
  patch: Partial<Omit<RoomRow, 'meeting_id' | 'course_id' | 'last_event_id'>>,
): Promise<void> {
  await rooms(db).updateTable('rooms').set(patch).where('meeting_id', '=', meetingId).execute();
}

/** Stores a write's events (one statement per few hundred) and drops those older than the last `keep`. */
export async function insertRoomEvents(db: AnyDb, rows: RoomEventRow[], keep: number): Promise<void> {
  for (let i = 0; i < rows.length; i += 200)
    await rooms(db)
      .insertInto('room_events')
      .values(rows.slice(i, i + 200))
      .execute();
  const first = rows[0]?.id ?? 0;
  const last = rows.at(-1)?.id ?? 0;
  if (rows.length > 0 && Math.floor(last / 50) > Math.floor((first - 1) / 50))
    await rooms(db)
      .deleteFrom('room_events')
      .where('meeting_id', '=', rows[0]!.meeting_id)
      .where('id', '<=', last - keep)
      .execute();
}

export async function listRoomEventsAfter(
  db: AnyDb,
  meetingId: string,
  afterId: number,
  limit: number,
): Promise<RoomEventRow[]> {
  const rows = await rooms(db)
    .selectFrom('room_events')
    .selectAll()
    .where('meeting_id', '=', meetingId)
    .where('id', '>', afterId)
    .orderBy('id')
    .limit(limit)
    .execute();
  return rows.map((r) => ({ ...r, id: Number(r.id) }));
}

/** The oldest event still kept, or null. */
export async function oldestRoomEventId(db: AnyDb, meetingId: string): Promise<number | null> {
  const row = await rooms(db)
    .selectFrom('room_events')
    .select((eb) => eb.fn.min('id').as('id'))
    .where('meeting_id', '=', meetingId)
    .executeTakeFirst();
  return row?.id === null || row?.id === undefined ? null : Number(row.id);
}

export async function listLiveQuestions(db: AnyDb, meetingId: string): Promise<RoomQuestionRow[]> {
  return rooms(db)
    .selectFrom('room_questions')
    .selectAll()
    .where('meeting_id', '=', meetingId)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
}

export async function findLiveQuestion(
  db: AnyDb,
  meetingId: string,
  id: string,
): Promise<RoomQuestionRow | undefined> {
  return rooms(db)
    .selectFrom('room_questions')
    .selectAll()
    .where('meeting_id', '=', meetingId)
    .where('id', '=', id)
    .executeTakeFirst();
}

export async function insertLiveQuestion(db: AnyDb, row: RoomQuestionRow): Promise<void> {
  await rooms(db).insertInto('room_questions').values(row).execute();
}

export async function listMarks(db: AnyDb, meetingId: string): Promise<RoomMarkRow[]> {
  return rooms(db)
    .selectFrom('room_question_marks')
    .selectAll()
    .where('meeting_id', '=', meetingId)
    .execute();
}

export async function upsertMark(db: AnyDb, row: RoomMarkRow): Promise<void> {
  await rooms(db)
    .insertInto('room_question_marks')
    .values(row)
    .onConflict((oc) =>
      oc
        .columns(['meeting_id', 'question_id'])
        .doUpdateSet({ status: row.status, updated_by: row.updated_by, updated_at: row.updated_at }),
    )
    .execute();
}

export async function listVotes(
  db: AnyDb,
  meetingId: string,
): Promise<Array<{ questionId: string; userId: string }>> {
  const rows = await rooms(db)
    .selectFrom('room_votes')
    .select(['question_id', 'user_id'])
    .where('meeting_id', '=', meetingId)
    .execute();
  return rows.map((r) => ({ questionId: r.question_id, userId: r.user_id }));
}

/** Records a vote; a second vote by the same person is no change (the primary key). Returns whether it was new. */
export async function insertVote(db: AnyDb, row: RoomVoteRow): Promise<boolean> {
  const result = await rooms(db)
    .insertInto('room_votes')
    .values(row)
    .onConflict((oc) => oc.columns(['meeting_id', 'question_id', 'user_id']).doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
}

export async function deleteVote(
  db: AnyDb,
  meetingId: string,
  questionId: string,
  userId: string,
): Promise<boolean> {
  const result = await rooms(db)
    .deleteFrom('room_votes')
    .where('meeting_id', '=', meetingId)
    .where('question_id', '=', questionId)
    .where('user_id', '=', userId)
    .executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}

export async function countVotes(db: AnyDb, meetingId: string, questionId: string): Promise<number> {
  const row = await rooms(db)
    .selectFrom('room_votes')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('meeting_id', '=', meetingId)
    .where('question_id', '=', questionId)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function listCritique(db: AnyDb, meetingId: string): Promise<CritiqueRow[]> {
  return rooms(db)
    .selectFrom('room_critique')
    .selectAll()
    .where('meeting_id', '=', meetingId)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
}

export async function insertCritique(db: AnyDb, row: CritiqueRow): Promise<void> {
  await rooms(db).insertInto('room_critique').values(row).execute();
}

export async function updateCritique(
  db: AnyDb,
  meetingId: string,
  id: string,
  patch: Partial<Pick<CritiqueRow, 'text' | 'ticked' | 'updated_at'>>,
): Promise<boolean> {
  const result = await rooms(db)
    .updateTable('room_critique')
    .set(patch)
    .where('meeting_id', '=', meetingId)
    .where('id', '=', id)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

export async function deleteCritique(db: AnyDb, meetingId: string, id: string): Promise<boolean> {
  const result = await rooms(db)
    .deleteFrom('room_critique')
    .where('meeting_id', '=', meetingId)
    .where('id', '=', id)
    .executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}
