// Course assignment settings, exclusions and stored plans (role and group-formation plans with their input hash).
import { dialectOf, type Db } from '../db.js';
import type { AssignmentPlanRow, AssignmentSettingsRow, ExclusionRow } from './group-tables.js';

export type { AssignmentPlanRow, AssignmentSettingsRow, ExclusionRow } from './group-tables.js';

export async function findSettings(db: Db, courseId: string): Promise<AssignmentSettingsRow | undefined> {
  return db
    .selectFrom('assignment_settings')
    .selectAll()
    .where('course_id', '=', courseId)
    .executeTakeFirst();
}

/** Creates the row if missing, then applies the patch. */
export async function upsertSettings(
  db: Db,
  courseId: string,
  patch: Partial<Omit<AssignmentSettingsRow, 'course_id' | 'updated_at'>>,
  at: string,
): Promise<void> {
  const existing = await findSettings(db, courseId);
  if (!existing) {
    await db
      .insertInto('assignment_settings')
      .values({
        course_id: courseId,
        group_min: null,
        group_max: null,
        group_deadline: null,
        presenters_per_meeting: null,
        summarizers_per_meeting: null,
        reviewers_per_meeting: null,
        roles_published_at: null,
        ...patch,
        updated_at: at,
      })
      .execute();
  } else {
    await db
      .updateTable('assignment_settings')
      .set({ ...patch, updated_at: at })
      .where('course_id', '=', courseId)
      .execute();
  }
}

export async function listExclusions(db: Db, courseId: string): Promise<ExclusionRow[]> {
  return db
    .selectFrom('exclusions')
    .selectAll()
    .where('course_id', '=', courseId)
    .orderBy('group_id')
    .orderBy('meeting_id')
    .execute();
}

export async function insertExclusion(db: Db, row: ExclusionRow): Promise<void> {
  await db.insertInto('exclusions').values(row).execute();
}

export async function deleteExclusion(db: Db, groupId: string, meetingId: string): Promise<void> {
  await db
    .deleteFrom('exclusions')
    .where('group_id', '=', groupId)
    .where('meeting_id', '=', meetingId)
    .execute();
}

export async function insertPlan(db: Db, row: AssignmentPlanRow): Promise<void> {
  await db.insertInto('assignment_plans').values(row).execute();
}

export async function findPlan(db: Db, planId: string): Promise<AssignmentPlanRow | undefined> {
  return db.selectFrom('assignment_plans').selectAll().where('id', '=', planId).executeTakeFirst();
}

export async function latestPlan(
  db: Db,
  courseId: string,
  kind: AssignmentPlanRow['kind'],
): Promise<AssignmentPlanRow | undefined> {
  return db
    .selectFrom('assignment_plans')
    .selectAll()
    .where('course_id', '=', courseId)
    .where('kind', '=', kind)
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst();
}

/** Deletes the course's stored plans of one kind (the publication kept is only the last). */
export async function deletePlansOfKind(
  db: Db,
  courseId: string,
  kind: AssignmentPlanRow['kind'],
): Promise<void> {
  await db
    .deleteFrom('assignment_plans')
    .where('course_id', '=', courseId)
    .where('kind', '=', kind)
    .execute();
}

/** Marks a plan applied; returns false when it already was (a second apply of the same plan). */
export async function markPlanApplied(db: Db, planId: string, at: string): Promise<boolean> {
  const r = await db
    .updateTable('assignment_plans')
    .set({ applied_at: at })
    .where('id', '=', planId)
    .where('applied_at', 'is', null)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/**
 * Inside a write transaction `trx` opened on `db`: waits for any other writer of the course's roles (PostgreSQL row lock on the
 * course; SQLite's write transaction already holds the whole file), so two applies never interleave.
 */
export async function lockCourseRoles(db: Db, trx: Db, courseId: string): Promise<void> {
  if (dialectOf(db) !== 'postgres') return;
  await trx.selectFrom('courses').select('id').where('id', '=', courseId).forUpdate().execute();
}
