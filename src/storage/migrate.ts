// The one migrator: runs the ordered files of src/storage/migrations/ (used by `seminar migrate` and at start-up).
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { FileMigrationProvider, Migrator, type MigrationResultSet } from 'kysely';
import type { Db } from './db.js';

const migrationFolder = fileURLToPath(new URL('./migrations', import.meta.url));

export interface MigrationReport {
  /** Names of the migrations run (or undone) by this call, in order. */
  applied: string[];
  direction: 'up' | 'down';
}

export class MigrationError extends Error {}

function migratorFor(db: Db): Migrator {
  return new Migrator({ db, provider: new FileMigrationProvider({ fs, path, migrationFolder }) });
}

function report(result: MigrationResultSet, direction: 'up' | 'down'): MigrationReport {
  if (result.error) {
    const failed = result.results?.find((r) => r.status === 'Error');
    const reason = result.error instanceof Error ? result.error.message : String(result.error);
    throw new MigrationError(failed ? `migration ${failed.migrationName} failed: ${reason}` : `migrations failed: ${reason}`);
  }
  return { applied: (result.results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName), direction };
}

/** Brings the schema to the newest migration. Safe to call from several instances at once (Kysely locks). */
export async function migrateToLatest(db: Db): Promise<MigrationReport> {
  return report(await migratorFor(db).migrateToLatest(), 'up');
}

/** Undoes the most recent migration. */
export async function migrateDown(db: Db): Promise<MigrationReport> {
  return report(await migratorFor(db).migrateDown(), 'down');
}

/** Names of all migrations with whether each has run. */
export async function listMigrations(db: Db): Promise<Array<{ name: string; executedAt: string | null }>> {
  const all = await migratorFor(db).getMigrations();
  return all.map((m) => ({ name: m.name, executedAt: m.executedAt ? m.executedAt.toISOString() : null }));
}
