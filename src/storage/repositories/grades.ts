// Grades (migration 2026_12_05_0600_grades): categories, settings, items, scores, regrade requests, and the bulk reads a gradebook needs.
import type { Kysely } from 'kysely';
import type { Db } from '../db.js';
import type { CourseTables } from '../schema.js';
import type { AccountTables } from './account-tables.js';
import type { GroupTables } from './group-tables.js';
import type { WorkTables } from './work-tables.js';

export interface GradeCategoryRow {
  course_id: string;
  key: string;
  name: string;
  /** Decimal text, percent. */
  weight: string;
  drop_lowest: number;
  position: number;
  updated_at: string;
}

export interface GradeSettingsRow {
  course_id: string;
  cutoffs: string;
  participation: string;
  regrade_days: number;
  updated_at: string;
}

export interface GradeItemRow {
  id: string;
  course_id: string;
  key: string;
  category_key: string;
  title: string;
  points_possible: string;
  deliverable_keys: string;
  meeting_date: string | null;
  audience: 'individual' | 'group';
  group_ids: string | null;
  due_at: string | null;
  hand_in: number;
  rubric: string | null;
  source: 'deliverable' | 'participation' | 'staff';
  released_at: string | null;
  position: number;
  created_at: string;
  updated_at: string;
}

export interface GradeScoreRow {
  id: string;
  course_id: string;
  item_id: string;
  subject: string;
  points: string | null;
  rubric_scores: string | null;
  comment: string;
  excused: number;
  reason: string | null;
  graded_by: string | null;
  updated_at: string;
}

export interface GradeRegradeRow {
  id: string;
  course_id: string;
  item_id: string;
  user_id: string;
  reason: string;
  created_at: string;
  answer: string | null;
  answered_by: string | null;
  answered_at: string | null;
  points_before: string | null;
  points_after: string | null;
}

export interface GradeTables {
  grade_categories: GradeCategoryRow;
  grade_settings: GradeSettingsRow;
  grade_items: GradeItemRow;
  grade_scores: GradeScoreRow;
  grade_regrades: GradeRegradeRow;
}

type GradeDb = Kysely<GradeTables & WorkTables & AccountTables & GroupTables & CourseTables>;

function grades(db: Db): GradeDb {
  return db as unknown as GradeDb;
}

/** Runs `fn` in one transaction (or in the one already open): a failed step leaves nothing half-written. */
export async function inGradeTransaction<T>(db: Db, fn: (trx: Db) => Promise<T>): Promise<T> {
  if (db.isTransaction) return fn(db);
  return db.transaction().execute((trx) => fn(trx as unknown as Db));
}

/**
 * A use case run in one transaction: what it reads and writes (items synced on the way, the audit,
 * queued mail) commits together, and a refusal half-way leaves no row behind.
 */
export function transactional<D extends { db: Db }, A extends unknown[], R>(
  fn: (deps: D, ...args: A) => Promise<R>,
): (deps: D, ...args: A) => Promise<R> {
  return (deps, ...args) => inGradeTransaction(deps.db, (db) => fn({ ...deps, db }, ...args));
}

export async function listCategoryRows(db: Db, courseId: string): Promise<GradeCategoryRow[]> {
  return grades(db)
    .selectFrom('grade_categories')
    .selectAll()
    .where('course_id', '=', courseId)
    .orderBy('position')
    .execute();
}

export async function insertMissingCategories(db: Db, rows: GradeCategoryRow[]): Promise<void> {
  if (rows.length === 0) return;
  await grades(db)
    .insertInto('grade_categories')
    .values(rows)
    .onConflict((oc) => oc.columns(['course_id', 'key']).doNothing())
    .execute();
}

export async function updateCategoryRow(
  db: Db,
  courseId: string,
  key: string,
  patch: Partial<Pick<GradeCategoryRow, 'name' | 'weight' | 'drop_lowest' | 'updated_at'>>,
): Promise<number> {
  const r = await grades(db)
    .updateTable('grade_categories')
    .set(patch)
    .where('course_id', '=', courseId)
    .where('key', '=', key)
    .executeTakeFirst();
  return Number(r.numUpdatedRows);
}

export async function findSettingsRow(db: Db, courseId: string): Promise<GradeSettingsRow | undefined> {
  return grades(db)
    .selectFrom('grade_settings')
    .selectAll()
    .where('course_id', '=', courseId)
    .executeTakeFirst();
}

export async function upsertSettingsRow(db: Db, row: GradeSettingsRow): Promise<void> {
  await grades(db)
    .insertInto('grade_settings')
    .values(row)
    .onConflict((oc) =>
      oc.column('course_id').doUpdateSet({
        cutoffs: row.cutoffs,
        participation: row.participation,
        regrade_days: row.regrade_days,
        updated_at: row.updated_at,
      }),
    )
    .execute();
}

export async function listItemRows(db: Db, courseId: string): Promise<GradeItemRow[]> {
  return grades(db)
    .selectFrom('grade_items')
    .selectAll()
    .where('course_id', '=', courseId)
    .orderBy('position')
    .orderBy('key')
    .execute();
}

export async function insertItemRows(db: Db, rows: GradeItemRow[]): Promise<void> {
  for (let i = 0; i < rows.length; i += 100)
    await grades(db)
      .insertInto('grade_items')
      .values(rows.slice(i, i + 100))
      .onConflict((oc) => oc.columns(['course_id', 'key']).doNothing())
      .execute();
}

export async function updateItemRow(
  db: Db,
  courseId: string,
  id: string,
  patch: Partial<Omit<GradeItemRow, 'id' | 'course_id' | 'key' | 'created_at'>>,
): Promise<number> {
  const r = await grades(db)
    .updateTable('grade_items')
    .set(patch)
    .where('course_id', '=', courseId)
    .where('id', '=', id)
    .executeTakeFirst();
  return Number(r.numUpdatedRows);
}

export async function deleteItemRow(db: Db, courseId: string, id: string): Promise<number> {
  const r = await grades(db)
    .deleteFrom('grade_items')
    .where('course_id', '=', courseId)
    .where('id', '=', id)
    .executeTakeFirst();
  return Number(r.numDeletedRows);
}

export async function listScoreRows(db: Db, courseId: string, itemId?: string): Promise<GradeScoreRow[]> {
  let q = grades(db).selectFrom('grade_scores').selectAll().where('course_id', '=', courseId);
  if (itemId) q = q.where('item_id', '=', itemId);
  return q.orderBy('item_id').orderBy('subject').execute();
}

/** Writes one score (one item, one subject), replacing what was there. */
export async function upsertScoreRow(db: Db, row: GradeScoreRow): Promise<void> {
  const { id: _id, course_id: _c, item_id: _i, subject: _s, ...rest } = row;
  await grades(db)
    .insertInto('grade_scores')
    .values(row)
    .onConflict((oc) => oc.columns(['item_id', 'subject']).doUpdateSet(rest))
    .execute();
}

export async function deleteScoreRow(db: Db, itemId: string, subject: string): Promise<number> {
  const r = await grades(db)
    .deleteFrom('grade_scores')
    .where('item_id', '=', itemId)
    .where('subject', '=', subject)
    .executeTakeFirst();
  return Number(r.numDeletedRows);
}

export async function insertRegradeRow(db: Db, row: GradeRegradeRow): Promise<void> {
  await grades(db).insertInto('grade_regrades').values(row).execute();
}

export async function listRegradeRows(db: Db, courseId: string, userId?: string): Promise<GradeRegradeRow[]> {
  let q = grades(db).selectFrom('grade_regrades').selectAll().where('course_id', '=', courseId);
  if (userId) q = q.where('user_id', '=', userId);
  return q.orderBy('created_at').orderBy('id').execute();
}

/** Answers an open request once: 0 when it was answered already (or is not of this course). */
export async function answerRegradeRow(
  db: Db,
  courseId: string,
  id: string,
  answer: Pick<GradeRegradeRow, 'answer' | 'answered_by' | 'answered_at' | 'points_before' | 'points_after'>,
): Promise<number> {
  const r = await grades(db)
    .updateTable('grade_regrades')
    .set(answer)
    .where('course_id', '=', courseId)
    .where('id', '=', id)
    .where('answered_at', 'is', null)
    .executeTakeFirst();
  return Number(r.numUpdatedRows);
}

/** Everyone enrolled as a student (dropped ones too: their enrollment period ended), with names and e-mails. */
export async function listStudentEnrollments(
  db: Db,
  courseId: string,
): Promise<
  Array<{
    id: string;
    name: string;
    email: string;
    net_id: string | null;
    created_at: string;
    dropped_at: string | null;
    canvas_id?: string | null;
    sis_user_id?: string | null;
    sis_login_id?: string | null;
  }>
> {
  return grades(db)
    .selectFrom('enrollments')
    .innerJoin('users', 'users.id', 'enrollments.user_id')
    .select([
      'users.id',
      'users.name',
      'users.email',
      'users.net_id',
      'enrollments.created_at',
      'enrollments.dropped_at',
      'enrollments.canvas_id',
      'enrollments.sis_user_id',
      'enrollments.sis_login_id',
    ])
    .where('enrollments.course_id', '=', courseId)
    .where('enrollments.role', '=', 'student')
    .orderBy('users.name')
    .orderBy('users.id')
    .execute();
}

export async function listMemberships(
  db: Db,
  courseId: string,
): Promise<Array<{ group_id: string; user_id: string; joined_at: string; name: string }>> {
  return grades(db)
    .selectFrom('group_members')
    .innerJoin('groups', 'groups.id', 'group_members.group_id')
    .select(['group_members.group_id', 'group_members.user_id', 'group_members.joined_at', 'groups.name'])
    .where('group_members.course_id', '=', courseId)
    .execute();
}

/** Every hand-in version of a course, reduced to what grades need (whose, for what, how late). */
export async function listHandInFacts(
  db: Db,
  courseId: string,
): Promise<
  Array<{
    deliverable_key: string;
    meeting_date: string | null;
    reading_index: number | null;
    owner: string;
    outcome: string;
    version: number;
    id: string;
  }>
> {
  return grades(db)
    .selectFrom('submissions')
    .select(['deliverable_key', 'meeting_date', 'reading_index', 'owner', 'outcome', 'version', 'id'])
    .where('course_id', '=', courseId)
    .execute();
}

export async function listAttendanceFacts(
  db: Db,
  courseId: string,
): Promise<{ rolls: string[]; marks: Array<{ meeting_date: string; user_id: string; status: string }> }> {
  const rolls = await grades(db)
    .selectFrom('attendance_rolls')
    .select('meeting_date')
    .where('course_id', '=', courseId)
    .execute();
  const marks = await grades(db)
    .selectFrom('attendance_records')
    .select(['meeting_date', 'user_id', 'status'])
    .where('course_id', '=', courseId)
    .execute();
  return { rolls: rolls.map((r) => r.meeting_date), marks };
}
