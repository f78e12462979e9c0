// Group rankings of meetings: the current ranking (replaced whole) and the history of who changed it.
import type { Db } from '../db.js';
import type { PreferenceHistoryRow, PreferenceRow } from './group-tables.js';

export type { PreferenceRow, PreferenceHistoryRow } from './group-tables.js';

export async function listPreferencesOfCourse(db: Db, courseId: string): Promise<PreferenceRow[]> {
  return db
    .selectFrom('preferences')
    .selectAll()
    .where('course_id', '=', courseId)
    .orderBy('group_id')
    .orderBy('rank')
    .execute();
}

export async function listPreferencesOfGroup(db: Db, groupId: string): Promise<PreferenceRow[]> {
  return db.selectFrom('preferences').selectAll().where('group_id', '=', groupId).orderBy('rank').execute();
}

/** Replaces the group's ranking and records the change; call inside a transaction. */
export async function replaceRanking(
  db: Db,
  entry: {
    groupId: string;
    courseId: string;
    userId: string | null;
    at: string;
    meetingIds: string[];
    historyId: string;
  },
): Promise<void> {
  await db.deleteFrom('preferences').where('group_id', '=', entry.groupId).execute();
  if (entry.meetingIds.length > 0) {
    await db
      .insertInto('preferences')
      .values(
        entry.meetingIds.map((meetingId, i) => ({
          group_id: entry.groupId,
          meeting_id: meetingId,
          course_id: entry.courseId,
          rank: i + 1,
          updated_by: entry.userId,
          updated_at: entry.at,
        })),
      )
      .execute();
  }
  await db
    .insertInto('preference_history')
    .values({
      id: entry.historyId,
      group_id: entry.groupId,
      course_id: entry.courseId,
      user_id: entry.userId,
      at: entry.at,
      ranking: JSON.stringify(entry.meetingIds),
    })
    .execute();
}

/** The group's ranking changes, newest first, with the name of who made each. */
export async function listRankingHistory(
  db: Db,
  groupId: string,
  limit = 20,
): Promise<Array<PreferenceHistoryRow & { user_name: string | null }>> {
  return db
    .selectFrom('preference_history')
    .leftJoin('users', 'users.id', 'preference_history.user_id')
    .selectAll('preference_history')
    .select('users.name as user_name')
    .where('preference_history.group_id', '=', groupId)
    .orderBy('preference_history.id', 'desc')
    .limit(limit)
    .execute();
}
