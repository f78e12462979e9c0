// One counter that every write to the tables behind the in-memory hot reads moves (SQLite): a commit by another
// connection that leaves them alone (the hand-in writer's thread, say) does not end the answers kept in memory.
import { PostgresAdapter, sql, type Kysely } from 'kysely';

const onPostgres = (db: Kysely<any>) => db.getExecutor().adapter instanceof PostgresAdapter;

/** The tables the hot reads read (src/storage/repositories/hot-reads.ts), as they stood at this migration. */
const WATCHED = [
  'sessions',
  'users',
  'courses',
  'course_work_versions',
  'enrollments',
  'group_members',
  'groups',
  'extensions',
];

const OPERATIONS = { ai: 'insert', au: 'update', ad: 'delete' } as const;

export async function up(db: Kysely<any>): Promise<void> {
  // The table exists on both dialects (so backups and moves see the same tables); it starts empty (a restore
  // wants an empty database) and its one row appears with the first write it counts.
  await db.schema
    .createTable('cache_epoch')
    .addColumn('id', 'integer', (c) => c.primaryKey())
    .addColumn('value', 'bigint', (c) => c.notNull())
    .execute();
  // Each instance on PostgreSQL reads the database on every request: nothing to count there.
  if (onPostgres(db)) return;
  for (const table of WATCHED)
    for (const [suffix, operation] of Object.entries(OPERATIONS))
      await sql
        .raw(
          `create trigger ${table}_cache_epoch_${suffix} after ${operation} on ${table} begin ` +
            'insert into cache_epoch (id, value) values (1, 1) on conflict (id) do update set value = value + 1; end',
        )
        .execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  if (!onPostgres(db))
    for (const table of WATCHED)
      for (const suffix of Object.keys(OPERATIONS))
        await sql.raw(`drop trigger if exists ${table}_cache_epoch_${suffix}`).execute(db);
  await db.schema.dropTable('cache_epoch').ifExists().execute();
}
