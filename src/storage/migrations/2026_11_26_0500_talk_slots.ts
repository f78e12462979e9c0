// Talk slots of presentation days: which group presents on which day, in which order; per-deliverable talk length and publication.
import type { Kysely } from 'kysely';

const MIDTERM_KEY = 'midterm-presentation';

// Instants are ISO-8601 UTC text, booleans 0/1, ids app-generated text: the same on SQLite and PostgreSQL.
export async function up(db: Kysely<any>): Promise<void> {
  // One row per group and deliverable (a group presents once per deliverable). Kept apart from
  // role_assignments, which the paper-assignment solver replaces wholesale.
  await db.schema
    .createTable('talk_slots')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('course_id', 'text', (c) => c.notNull().references('courses.id').onDelete('cascade'))
    .addColumn('deliverable_key', 'text', (c) => c.notNull())
    .addColumn('meeting_id', 'text', (c) => c.notNull().references('meetings.id').onDelete('cascade'))
    .addColumn('group_id', 'text', (c) => c.notNull().references('groups.id').onDelete('cascade'))
    // Order within the day, 0-based.
    .addColumn('position', 'integer', (c) => c.notNull())
    // Local "HH:MM" in the course's zone, when staff set one.
    .addColumn('start_time', 'text')
    // Placed by hand: auto-fill keeps it.
    .addColumn('locked', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('talk_slots_group_once', ['course_id', 'deliverable_key', 'group_id'])
    .execute();
  await db.schema
    .createIndex('talk_slots_meeting_idx')
    .on('talk_slots')
    .columns(['meeting_id', 'position'])
    .execute();

  // Per course and deliverable: the talk length (for the day capacity) and when staff published the slots.
  await db.schema
    .createTable('talk_slot_settings')
    .addColumn('course_id', 'text', (c) => c.notNull().references('courses.id').onDelete('cascade'))
    .addColumn('deliverable_key', 'text', (c) => c.notNull())
    .addColumn('talk_minutes', 'integer')
    .addColumn('published_at', 'text')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('talk_slot_settings_pk', ['course_id', 'deliverable_key'])
    .execute();

  // Courses whose deliverables were stored before slots existed: the mid-semester presentation
  // was held by 'presenter', a role no group can hold on a presentation day. It is now held by
  // the groups on the day's slots.
  await setMidtermHolder(db, 'presenter', 'slot');
}

export async function down(db: Kysely<any>): Promise<void> {
  await setMidtermHolder(db, 'slot', 'presenter');
  await db.schema.dropTable('talk_slot_settings').execute();
  await db.schema.dropTable('talk_slots').execute();
}

async function setMidtermHolder(db: Kysely<any>, from: string, to: string): Promise<void> {
  const rows = (await db
    .selectFrom('deliverables')
    .select(['id', 'spec'])
    .where('key', '=', MIDTERM_KEY)
    .execute()) as Array<{ id: string; spec: string }>;
  for (const row of rows) {
    let spec: Record<string, unknown>;
    try {
      spec = JSON.parse(row.spec) as Record<string, unknown>;
    } catch {
      continue;
    }
    if (spec.holder !== from) continue;
    await db
      .updateTable('deliverables')
      .set({ spec: JSON.stringify({ ...spec, holder: to }) })
      .where('id', '=', row.id)
      .execute();
  }
}
