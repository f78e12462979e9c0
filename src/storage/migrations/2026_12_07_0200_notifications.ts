// Announcements, notification settings (per person and kind, with a digest hour), digests, and course reminders with their sent keys.
import type { Kysely } from 'kysely';

// Instants ISO-8601 UTC text, ids app-generated text: the same on SQLite and PostgreSQL. The
// "deliveries" tables are the exactly-once keys: a row is inserted (primary key) before the mail is
// queued in the same transaction, so overlapping runs, a restart or two instances queue it once.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('announcements')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('course_id', 'text', (c) => c.notNull().references('courses.id').onDelete('cascade'))
    .addColumn('author_id', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('title', 'text', (c) => c.notNull())
    // Markdown, rendered (sanitized) when shown or mailed.
    .addColumn('body', 'text', (c) => c.notNull())
    // When it is shown and mailed (now, or a scheduled instant).
    .addColumn('publish_at', 'text', (c) => c.notNull())
    // Set once the mail to everyone enrolled was queued.
    .addColumn('mailed_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('announcements_course')
    .on('announcements')
    .columns(['course_id', 'publish_at'])
    .execute();
  await db.schema
    .createTable('announcement_deliveries')
    .addColumn('announcement_id', 'text', (c) =>
      c.notNull().references('announcements.id').onDelete('cascade'),
    )
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('announcement_deliveries_pk', ['announcement_id', 'user_id'])
    .execute();

  await db.schema
    .createTable('notification_prefs')
    .addColumn('user_id', 'text', (c) => c.primaryKey().references('users.id').onDelete('cascade'))
    // The local hour (0–23) and IANA zone a daily digest goes out at.
    .addColumn('digest_hour', 'integer', (c) => c.notNull())
    .addColumn('digest_zone', 'text', (c) => c.notNull())
    // Signs the one-click unsubscribe tokens (per person; each token names one kind).
    .addColumn('unsub_secret', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('notification_settings')
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    // announcements | replies | mentions | discussions | reminders
    .addColumn('kind', 'text', (c) => c.notNull())
    // instant | digest | off
    .addColumn('mode', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('notification_settings_pk', ['user_id', 'kind'])
    .execute();
  await db.schema
    .createTable('digest_items')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('subject', 'text', (c) => c.notNull())
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('link', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    // The person's local date of the digest that carried it (null: waiting).
    .addColumn('digest_date', 'text')
    .execute();
  await db.schema
    .createIndex('digest_items_waiting')
    .on('digest_items')
    .columns(['digest_date', 'user_id'])
    .execute();
  await db.schema
    .createTable('digests_sent')
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('local_date', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('digests_sent_pk', ['user_id', 'local_date'])
    .execute();

  await db.schema
    .createTable('reminder_settings')
    .addColumn('course_id', 'text', (c) => c.primaryKey().references('courses.id').onDelete('cascade'))
    // JSON: per reminder kind, on/off and its occasions (see src/domain/reminders.ts).
    .addColumn('settings', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('reminder_deliveries')
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    // course|deliverable|meeting date|occasion name: one reminder per person and occasion.
    .addColumn('occasion', 'text', (c) => c.notNull())
    .addColumn('course_id', 'text', (c) => c.notNull().references('courses.id').onDelete('cascade'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('reminder_deliveries_pk', ['user_id', 'occasion'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of [
    'reminder_deliveries',
    'reminder_settings',
    'digests_sent',
    'digest_items',
    'notification_settings',
    'notification_prefs',
    'announcement_deliveries',
    'announcements',
  ])
    await db.schema.dropTable(t).execute();
}
