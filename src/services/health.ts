// The liveness check's one use case: the database answers.
import { pingDb, type Db } from '../storage/db.js';

/** Resolves when the database answers a trivial query; rejects otherwise. */
export async function checkDatabase(db: Db): Promise<void> {
  await pingDb(db);
}
