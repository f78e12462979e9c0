// The one migrator: runs the ordered files of src/storage/migrations/ (used by `seminar migrate` and at start-up).
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import {
  Migrator,
  sql,
  type DatabaseIntrospector,
  type Migration,
  type MigrationProvider,
  type MigrationResultSet,
  type TableMetadata,
} from 'kysely';
import { dialectOf, type Db } from './db.js';

const migrationFolder = fileURLToPath(new URL('./migrations', import.meta.url));

export interface MigrationReport {
  /** Names of the migrations run (or undone) by this call, in order. */
  applied: string[];
  direction: 'up' | 'down';
}

export class MigrationError extends Error {}

/**
 * The database carries migrations this program does not know: a newer Seminar upgraded it. Serving
 * it could corrupt data, so the program stops (the CLI exits with code 3) instead of starting.
 */
export class SchemaNewerError extends MigrationError {
  override name = 'SchemaNewerError';
  constructor(readonly unknown: string[]) {
    super(
      `the database was upgraded by a newer version of Seminar (it has migration${unknown.length > 1 ? 's' : ''} ${unknown.join(', ')} that this version does not know): run the newer version, or restore a backup made before the upgrade`,
    );
  }
}

/**
 * Every `*.ts`/`*.js` file of the folder, by name (the timestamp prefix orders them). Imported
 * from our own code rather than Kysely's FileMigrationProvider so that the TypeScript loader
 * in use (Vitest) handles the files; the compiled program loads dist/storage/migrations/*.js.
 */
const folderProvider: MigrationProvider = {
  async getMigrations() {
    const files = (await readdir(migrationFolder))
      .filter((f) => /\.(ts|js|mjs)$/.test(f) && !f.endsWith('.d.ts'))
      .sort();
    const migrations: Record<string, Migration> = {};
    for (const file of files) {
      const mod = (await import(pathToFileURL(join(migrationFolder, file)).href)) as Partial<Migration>;
      if (typeof mod.up !== 'function') throw new MigrationError(`migration ${file} exports no up()`);
      migrations[file.replace(/\.(ts|js|mjs)$/, '')] = mod as Migration;
    }
    return migrations;
  },
};

/**
 * On PostgreSQL the bookkeeping tables go in the connection's current schema explicitly:
 * Kysely otherwise looks for them in every schema and can mistake another schema's for ours.
 * Its table look-up also reads every schema's columns (pg_get_serial_sequence per column), which
 * fails ("column … does not exist") when another schema of the database changes at that moment —
 * test suites and other instances migrate their own schemas concurrently. The migrator therefore
 * sees an introspector that lists the tables of its own schema only.
 */
async function migratorFor(db: Db): Promise<Migrator> {
  if (dialectOf(db) === 'postgres') {
    const { rows } = await sql<{ schema: string }>`select current_schema() as schema`.execute(db);
    const schema = rows[0]?.schema;
    if (schema)
      return new Migrator({
        db: ownSchemaOnly(db, schema),
        provider: folderProvider,
        migrationTableSchema: schema,
      });
  }
  return new Migrator({ db, provider: folderProvider });
}

function ownSchemaOnly(db: Db, schema: string): Db {
  const introspection: DatabaseIntrospector = {
    getSchemas: () => db.introspection.getSchemas(),
    async getTables(): Promise<TableMetadata[]> {
      const { rows } = await sql<{ name: string }>`
        select table_name as name from information_schema.tables where table_schema = ${schema}
      `.execute(db);
      return rows.map((r) => ({ name: r.name, schema, isView: false, columns: [] }));
    },
    async getMetadata() {
      return { tables: await this.getTables() };
    },
  };
  // Kysely keeps its state in private fields, so methods run on the real instance.
  return new Proxy(db, {
    get(target, prop) {
      if (prop === 'introspection') return introspection;
      const value: unknown = Reflect.get(target, prop, target);
      return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
    },
  });
}

function report(result: MigrationResultSet, direction: 'up' | 'down'): MigrationReport {
  if (result.error) {
    const failed = result.results?.find((r) => r.status === 'Error');
    const reason = result.error instanceof Error ? result.error.message : String(result.error);
    // Kysely's own check, should a newer instance have migrated between our check and its lock.
    const missing = /previously executed migration (\S+) is missing/.exec(reason);
    if (missing) throw new SchemaNewerError([missing[1]!]);
    throw new MigrationError(
      failed ? `migration ${failed.migrationName} failed: ${reason}` : `migrations failed: ${reason}`,
    );
  }
  return {
    applied: (result.results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName),
    direction,
  };
}

/**
 * Brings the schema to the newest migration; refuses (SchemaNewerError) a database newer than this
 * code. Safe to run from several instances at once: on PostgreSQL the migrator holds an advisory
 * lock (Kysely's pg_advisory_xact_lock) for the whole run, so the second instance waits and then
 * finds nothing to do. On SQLite (where Kysely takes no lock) the whole run is one `BEGIN IMMEDIATE`
 * transaction: a second process waits on the busy timeout (and tries again), and a failed run
 * leaves the schema as it was.
 */
export async function migrateToLatest(db: Db): Promise<MigrationReport> {
  await refuseNewerSchema(db);
  if (dialectOf(db) === 'postgres') return report(await (await migratorFor(db)).migrateToLatest(), 'up');
  for (let attempt = 1; ; attempt++) {
    try {
      return await db.connection().execute(async (conn) => {
        await sql`begin immediate`.execute(conn);
        try {
          const result = report(await (await migratorFor(conn)).migrateToLatest(), 'up');
          await sql`commit`.execute(conn);
          return result;
        } catch (error) {
          await sql`rollback`.execute(conn).catch(() => {});
          throw error;
        }
      });
    } catch (error) {
      if (attempt >= SQLITE_ATTEMPTS || !isBusy(error)) throw error;
      await new Promise((r) => setTimeout(r, 100 * attempt));
    }
  }
}

const SQLITE_ATTEMPTS = 10;

/** SQLite refused a lock ("database is locked"): another process is writing (e.g. migrating) right now. */
function isBusy(error: unknown): boolean {
  return error instanceof Error && /database is locked|SQLITE_BUSY/i.test(error.message);
}

/** Names of this program's migrations, read once (the folder does not change while it runs). */
let knownNames: Promise<string[]> | null = null;
function knownMigrations(): Promise<string[]> {
  knownNames ??= folderProvider.getMigrations().then((all) => Object.keys(all).sort());
  return knownNames;
}

/** Names of the migrations the database has run (none when it was never migrated). */
async function executedMigrations(db: Db): Promise<string[]> {
  try {
    const { rows } = await sql<{ name: string }>`select name from kysely_migration`.execute(db);
    return rows.map((r) => r.name);
  } catch (error) {
    if (error instanceof Error && /no such table|does not exist/i.test(error.message)) return [];
    throw error;
  }
}

export interface SchemaStatus {
  /** This program's migrations the database has not run yet. */
  pending: string[];
  /** Migrations the database ran that this program does not know (a newer version upgraded it). */
  unknown: string[];
}

/** How the database's schema compares with this program's migrations (the readiness check asks). */
export async function schemaStatus(db: Db): Promise<SchemaStatus> {
  const [known, executed] = await Promise.all([knownMigrations(), executedMigrations(db)]);
  const ran = new Set(executed);
  const mine = new Set(known);
  return {
    pending: known.filter((name) => !ran.has(name)),
    unknown: executed.filter((name) => !mine.has(name)).sort(),
  };
}

async function refuseNewerSchema(db: Db): Promise<void> {
  const { unknown } = await schemaStatus(db);
  if (unknown.length > 0) throw new SchemaNewerError(unknown);
}

/** Undoes the most recent migration. */
export async function migrateDown(db: Db): Promise<MigrationReport> {
  return report(await (await migratorFor(db)).migrateDown(), 'down');
}

/** Names of all migrations with whether each has run. */
export async function listMigrations(db: Db): Promise<Array<{ name: string; executedAt: string | null }>> {
  const all = await (await migratorFor(db)).getMigrations();
  return all.map((m) => ({ name: m.name, executedAt: m.executedAt ? m.executedAt.toISOString() : null }));
}

/** Brings the schema up (or down) to the named migration (a restore loads rows at the level they were saved). */
export async function migrateTo(db: Db, name: string): Promise<MigrationReport> {
  return report(await (await migratorFor(db)).migrateTo(name), 'up');
}
