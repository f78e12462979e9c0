// Staff's fixes of a course's syllabus (migration 2026_12_08_0100_syllabus_fixes): one JSON list per course.
import type { Kysely } from 'kysely';
import type { AnyDb } from '../db.js';
import type { SyllabusFix } from '../../syllabus/fixes.js';

interface SyllabusFixesRow {
  course_id: string;
  fixes: string;
  updated_at: string;
}

interface FixTables {
  syllabus_fixes: SyllabusFixesRow;
  courses: { id: string; slug: string };
}

const fixTables = (db: AnyDb) => db as unknown as Kysely<FixTables>;

/** The fixes stored with the course `slug` (none for an unknown course or one imported without review). */
export async function loadSyllabusFixes(db: AnyDb, slug: string): Promise<SyllabusFix[]> {
  const row = await fixTables(db)
    .selectFrom('syllabus_fixes')
    .innerJoin('courses', 'courses.id', 'syllabus_fixes.course_id')
    .select('syllabus_fixes.fixes')
    .where('courses.slug', '=', slug)
    .executeTakeFirst();
  if (!row) return [];
  const parsed: unknown = JSON.parse(row.fixes);
  return Array.isArray(parsed) ? (parsed as SyllabusFix[]) : [];
}

/** Replaces the course's fixes (an empty list removes the row). */
export async function saveSyllabusFixes(
  db: AnyDb,
  courseId: string,
  fixes: readonly SyllabusFix[],
  now: string,
): Promise<void> {
  const t = fixTables(db);
  await t.deleteFrom('syllabus_fixes').where('course_id', '=', courseId).execute();
  if (fixes.length === 0) return;
  await t
    .insertInto('syllabus_fixes')
    .values({ course_id: courseId, fixes: JSON.stringify(fixes), updated_at: now })
    .execute();
}
