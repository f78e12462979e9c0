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

/** Of `hashes`, those a blob row or a submission file names (the orphan sweep keeps these). */
export async function referencedHashes(db: Db, hashes: string[]): Promise<Set<string>> {
  const found = new Set<string>();
  for (let i = 0; i < hashes.length; i += 500) {
    const chunk = hashes.slice(i, i + 500);
    const rows = await work(db)
      .selectFrom('blobs')
      .select('sha256')
      .where('sha256', 'in', chunk)
      .union(work(db).selectFrom('submission_files').select('sha256').where('sha256', 'in', chunk))
      .execute();
    for (const r of rows) found.add(r.sha256);
  }
  return found;
}
