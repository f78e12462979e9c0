// Grades: categories with weights, grade items with rubrics, scores (per student or per group, member overrides), regrade requests, settings.
import type { Kysely } from 'kysely';

// Numbers a person entered (weights, points) are decimal text, read exactly by src/domain/exact.ts: no
// floating point in storage. Instants ISO-8601 UTC text, booleans 0/1, ids app-generated text.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('grade_categories')
    .addColumn('course_id', 'text', (c) => c.notNull().references('courses.id').onDelete('cascade'))
    .addColumn('key', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('weight', 'text', (c) => c.notNull())
    .addColumn('drop_lowest', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('grade_categories_pk', ['course_id', 'key'])
    .execute();

  await db.schema
    .createTable('grade_settings')
    .addColumn('course_id', 'text', (c) => c.primaryKey().references('courses.id').onDelete('cascade'))
    // JSON [{letter, min}] with min as decimal text.
    .addColumn('cutoffs', 'text', (c) => c.notNull())
    // JSON ParticipationFormula.
    .addColumn('participation', 'text', (c) => c.notNull())
    // Days after an item's release within which a student may ask for a regrade.
    .addColumn('regrade_days', 'integer', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('grade_items')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('course_id', 'text', (c) => c.notNull().references('courses.id').onDelete('cascade'))
    // Derived items: "summary@2024-09-09", "final-report", "participation"; staff items: "staff-<id>".
    .addColumn('key', 'text', (c) => c.notNull())
    .addColumn('category_key', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('points_possible', 'text', (c) => c.notNull())
    // JSON string[]: the deliverables whose hand-ins are shown beside it.
    .addColumn('deliverable_keys', 'text', (c) => c.notNull())
    .addColumn('meeting_date', 'text')
    .addColumn('audience', 'text', (c) => c.notNull())
    // JSON string[] of group ids, or null for every student / every group.
    .addColumn('group_ids', 'text')
    .addColumn('due_at', 'text')
    .addColumn('hand_in', 'integer', (c) => c.notNull())
    // JSON RubricCriterion[] or null.
    .addColumn('rubric', 'text')
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('released_at', 'text')
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('grade_items_key', ['course_id', 'key'])
    .execute();

  await db.schema
    .createTable('grade_scores')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('course_id', 'text', (c) => c.notNull().references('courses.id').onDelete('cascade'))
    .addColumn('item_id', 'text', (c) => c.notNull().references('grade_items.id').onDelete('cascade'))
    // "u:<userId>" (a student; on group work, an override of that member) or "g:<groupId>".
    .addColumn('subject', 'text', (c) => c.notNull())
    .addColumn('points', 'text')
    // JSON {criterionKey: decimal} or null.
    .addColumn('rubric_scores', 'text')
    // Markdown.
    .addColumn('comment', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('excused', 'integer', (c) => c.notNull().defaultTo(0))
    // Why a group member's score differs from the group's (required for an override).
    .addColumn('reason', 'text')
    .addColumn('graded_by', 'text')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('grade_scores_once', ['item_id', 'subject'])
    .execute();
  await db.schema.createIndex('grade_scores_course_idx').on('grade_scores').columns(['course_id']).execute();

  await db.schema
    .createTable('grade_regrades')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('course_id', 'text', (c) => c.notNull().references('courses.id').onDelete('cascade'))
    .addColumn('item_id', 'text', (c) => c.notNull().references('grade_items.id').onDelete('cascade'))
    .addColumn('user_id', 'text', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('answer', 'text')
    .addColumn('answered_by', 'text')
    .addColumn('answered_at', 'text')
    .addColumn('points_before', 'text')
    .addColumn('points_after', 'text')
    .execute();
  await db.schema
    .createIndex('grade_regrades_item_idx')
    .on('grade_regrades')
    .columns(['item_id', 'user_id'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('grade_regrades').execute();
  await db.schema.dropTable('grade_scores').execute();
  await db.schema.dropTable('grade_items').execute();
  await db.schema.dropTable('grade_settings').execute();
  await db.schema.dropTable('grade_categories').execute();
}
