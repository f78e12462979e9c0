// Orphan sweep of a blob store: blobs no row names and abandoned uploads (a server killed mid-upload leaves both behind).
import type { ListedBlob, ListedTemp, SweepableStore } from '../../files/blob-store.js';
import { referencedHashes } from '../../storage/repositories/blobs.js';
import { nowOf, type ServiceDeps } from '../deps.js';

/** A blob is written (fsynced, renamed into place) just before its row commits: younger ones are never swept. */
export const BLOB_MIN_AGE_MS = 15 * 60_000;
/** A live upload writes continuously: a temp file idle this long was abandoned. */
export const TEMP_GRACE_MS = 60 * 60_000;

export interface SweepOptions {
  /** List what would go, delete nothing. */
  dryRun?: boolean;
  blobMinAgeMs?: number;
  tempGraceMs?: number;
}

export interface SweepReport {
  dryRun: boolean;
  /** Orphan blobs removed (or, dry run, that would be). */
  blobs: ListedBlob[];
  /** Abandoned temp files removed (or that would be). */
  temp: ListedTemp[];
  /** Blobs looked at and kept (referenced, or too young). */
  kept: number;
  bytes: number;
}

export async function sweepOrphans(
  deps: ServiceDeps,
  store: SweepableStore,
  options: SweepOptions = {},
): Promise<SweepReport> {
  const now = nowOf(deps).getTime();
  const blobBefore = new Date(now - (options.blobMinAgeMs ?? BLOB_MIN_AGE_MS));
  const tempBefore = new Date(now - (options.tempGraceMs ?? TEMP_GRACE_MS));
  const dryRun = options.dryRun === true;
  const report: SweepReport = { dryRun, blobs: [], temp: [], kept: 0, bytes: 0 };

  let page: ListedBlob[] = [];
  const sweepPage = async () => {
    const old = page.filter((b) => b.modifiedAt < blobBefore);
    report.kept += page.length - old.length;
    const referenced = await referencedHashes(
      deps.db,
      old.map((b) => b.sha256),
    );
    for (const blob of old) {
      if (referenced.has(blob.sha256) || !(dryRun || (await store.deleteBlob(blob.sha256, blobBefore))))
        report.kept++;
      else report.blobs.push(blob);
    }
    page = [];
  };
  for await (const blob of store.listBlobs()) {
    page.push(blob);
    if (page.length >= 500) await sweepPage();
  }
  await sweepPage();

  for await (const temp of store.listTemp()) {
    if (temp.modifiedAt >= tempBefore) continue;
    if (dryRun || (await store.deleteTemp(temp.name, tempBefore))) report.temp.push(temp);
  }
  report.bytes = [...report.blobs, ...report.temp].reduce((sum, f) => sum + f.size, 0);
  return report;
}
