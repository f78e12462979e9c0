// The liveness check (the database answers) and the readiness check (the database answers and its schema is this code's).
import { pingDb, type Db } from '../storage/db.js';
import { schemaStatus } from '../storage/migrate.js';

/** Resolves when the database answers a trivial query; rejects otherwise. */
export async function checkDatabase(db: Db): Promise<void> {
  await pingDb(db);
}

export type Readiness =
  | { ready: true }
  | { ready: false; code: 'database_unreachable' | 'migrations_pending' | 'schema_newer'; message: string };

/** Whether this instance can serve: the database answers and has run exactly this code's migrations. */
export async function checkReadiness(db: Db): Promise<Readiness> {
  let status;
  try {
    await pingDb(db);
    status = await schemaStatus(db);
  } catch {
    return { ready: false, code: 'database_unreachable', message: 'The database does not answer.' };
  }
  if (status.unknown.length > 0)
    return {
      ready: false,
      code: 'schema_newer',
      message: `The database was upgraded by a newer version (${status.unknown.join(', ')}); this instance must be replaced.`,
    };
  if (status.pending.length > 0)
    return {
      ready: false,
      code: 'migrations_pending',
      message: `The database lacks ${status.pending.length} migration(s) of this version; run "seminar migrate".`,
    };
  return { ready: true };
}
