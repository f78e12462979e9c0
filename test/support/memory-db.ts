// A migrated in-memory SQLite database for service tests (real SQL, no mocks), closed by the caller.
import { createDb, type Db } from '../../src/storage/db.js';
import { migrateToLatest } from '../../src/storage/migrate.js';

export async function createMemoryDb(): Promise<Db> {
  const db = createDb({ kind: 'sqlite', file: ':memory:' });
  await migrateToLatest(db);
  return db;
}
