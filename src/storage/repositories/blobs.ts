// Blob rows: a content hash whose bytes are complete on disk (written and fsynced before the row).
import type { Db } from '../db.js';
import { work, type BlobRow } from './work-tables.js';

export async function findBlob(db: Db, sha256: string): Promise<BlobRow | undefined> {
  return work(db).selectFrom('blobs').selectAll().where('sha256', '=', sha256).executeTakeFirst();
}

/** Hashes no submission file points at (for cleaning up after a refused or failed hand-in). */
export async function isBlobReferenced(db: Db, sha256: string): Promise<boolean> {
  const row = await work(db)
    .selectFrom('submission_files')
    .select('submission_id')
    .where('sha256', '=', sha256)
    .executeTakeFirst();
  return row !== undefined;
}
