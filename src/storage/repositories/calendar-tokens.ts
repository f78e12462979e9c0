// Personal calendar tokens (migration 2026_12_07_0100_calendar_tokens): one per member and course, stored by sha-256.
import type { Kysely } from 'kysely';
import type { Db } from '../db.js';

export interface CalendarTokenRow {
  id: string;
  course_id: string;
  user_id: string;
  token_hash: string;
  created_at: string;
}

interface CalendarTables {
  calendar_tokens: CalendarTokenRow;
  courses: { id: string; slug: string };
}

function calendars(db: Db): Kysely<CalendarTables> {
  return db as unknown as Kysely<CalendarTables>;
}

export async function findCalendarToken(
  db: Db,
  courseId: string,
  userId: string,
): Promise<CalendarTokenRow | undefined> {
  return calendars(db)
    .selectFrom('calendar_tokens')
    .selectAll()
    .where('course_id', '=', courseId)
    .where('user_id', '=', userId)
    .executeTakeFirst();
}

/** Looked up by hash: an equality match on a digest, so the time taken says nothing about the token. */
export async function findCalendarTokenByHash(
  db: Db,
  tokenHash: string,
): Promise<(CalendarTokenRow & { slug: string }) | undefined> {
  return calendars(db)
    .selectFrom('calendar_tokens')
    .innerJoin('courses', 'courses.id', 'calendar_tokens.course_id')
    .selectAll('calendar_tokens')
    .select('courses.slug')
    .where('calendar_tokens.token_hash', '=', tokenHash)
    .executeTakeFirst();
}

/** Makes or replaces the member's token in one transaction: the old URL stops working as the new one starts. */
export async function replaceCalendarToken(db: Db, row: CalendarTokenRow): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const t = calendars(trx as unknown as Db);
    await t
      .deleteFrom('calendar_tokens')
      .where('course_id', '=', row.course_id)
      .where('user_id', '=', row.user_id)
      .execute();
    await t.insertInto('calendar_tokens').values(row).execute();
  });
}

export async function deleteCalendarToken(db: Db, courseId: string, userId: string): Promise<number> {
  const result = await calendars(db)
    .deleteFrom('calendar_tokens')
    .where('course_id', '=', courseId)
    .where('user_id', '=', userId)
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}
