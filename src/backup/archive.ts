// `seminar backup` / `restore`: one zip holding every table as JSON lines (dialect-neutral), every file blob, and a
// manifest of row counts and sha-256 sums; restore checks every sum and count and loads into an empty target only.
import { createHash } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import yazl from 'yazl';
import type { BlobStorage } from '../files/blob-store.js';
import { dialectOf, type Db } from '../storage/db.js';
import {
  countRows,
  loadTables,
  nonEmptyTables,
  withSnapshot,
  type TableShape,
  type TableSource,
} from '../storage/dump.js';
import { listMigrations, migrateTo, migrateToLatest } from '../storage/migrate.js';
import { openZip, readEntry, type ZipReader } from './zip-reader.js';

export const FORMAT = 'seminar-backup/1';

export interface Manifest {
  format: string;
  createdAt: string;
  source: 'sqlite' | 'postgres';
  migrations: string[];
  tables: Array<TableShape & { rows: number; sha256: string }>;
  blobs: Array<{ sha256: string; size: number }>;
}

export class BackupError extends Error {}

/** Writes the archive to `out`: tables from one snapshot, then the blobs the snapshot's rows name. */
export async function backup(
  deps: { db: Db; files: BlobStorage; now: Date },
  out: string,
): Promise<Manifest> {
  const work = await mkdtemp(join(tmpdir(), 'seminar-backup-'));
  try {
    const zip = new yazl.ZipFile();
    const written = pipeline(zip.outputStream, createWriteStream(out));
    const { tables, migrations, blobs } = await withSnapshot(deps.db, work, async (r) => {
      const tables: Manifest['tables'] = [];
      let blobs: Manifest['blobs'] = [];
      for (const table of r.tables) {
        const file = join(work, `${table.name}.jsonl`);
        const hash = createHash('sha256');
        const sink = createWriteStream(file);
        let rows = 0;
        for await (const page of r.pages(table)) {
          const text = page.map((row) => JSON.stringify(row)).join('\n') + '\n';
          hash.update(text);
          rows += page.length;
          if (!sink.write(text)) await new Promise<void>((ok) => sink.once('drain', () => ok()));
          if (table.name === 'blobs') {
            const sha = table.columns.indexOf('sha256');
            const size = table.columns.indexOf('size');
            blobs = blobs.concat(page.map((v) => ({ sha256: String(v[sha]), size: Number(v[size]) })));
          }
        }
        await new Promise<void>((ok, fail) => sink.end((e?: Error | null) => (e ? fail(e) : ok())));
        tables.push({ ...table, rows, sha256: hash.digest('hex') });
      }
      return { tables, migrations: r.migrations, blobs };
    });
    for (const t of tables) zip.addFile(join(work, `${t.name}.jsonl`), `db/${t.name}.jsonl`);
    // Blobs are stored as they are (most are PDFs and zips already compressed), read one at a time.
    for (const b of blobs)
      zip.addReadStream(deps.files.open(b.sha256), `blobs/${b.sha256}`, { compress: false });
    const manifest: Manifest = {
      format: FORMAT,
      createdAt: deps.now.toISOString(),
      source: dialectOf(deps.db),
      migrations,
      tables,
      blobs,
    };
    zip.addBuffer(Buffer.from(JSON.stringify(manifest, null, 1)), 'manifest.json');
    zip.end();
    await written;
    return manifest;
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

export interface RestoreReport {
  tables: number;
  rows: number;
  blobs: number;
  bytes: number;
}

/**
 * Loads an archive into an empty database and file store: checks the manifest, brings the schema to the
 * archive's migration, stores and verifies every blob, loads every table in one transaction (each table's
 * sum checked first), migrates to the newest schema, and compares the row counts.
 */
export async function restore(
  deps: { db: Db; files: BlobStorage },
  file: string,
  options: { blobs?: 'copy' | 'check' } = {},
): Promise<RestoreReport> {
  const zip = await openZip(file);
  try {
    const manifest = JSON.parse((await readEntry(zip, 'manifest.json')).toString('utf8')) as Manifest;
    if (manifest.format !== FORMAT) throw new BackupError(`${file} is not a Seminar backup (${FORMAT}).`);
    await refuseNonEmpty(deps, options.blobs === 'check');
    const known = (await listMigrations(deps.db)).map((m) => m.name);
    const unknown = manifest.migrations.filter((m) => !known.includes(m));
    if (unknown.length > 0)
      throw new BackupError(
        `The backup was made by a newer Seminar (migration ${unknown[0]}); restore it with that version or later.`,
      );
    const applied = (await listMigrations(deps.db)).filter((m) => m.executedAt).map((m) => m.name);
    if (applied.some((m) => !manifest.migrations.includes(m)))
      throw new BackupError(
        'The target database is at a newer schema than the backup; restore into a new, empty database.',
      );
    const last = manifest.migrations.at(-1);
    if (last) await migrateTo(deps.db, last);

    let bytes = 0;
    for (const b of manifest.blobs) {
      if (options.blobs === 'check') {
        if ((await deps.files.sizeOf(b.sha256)) !== b.size)
          throw new BackupError(`The file ${b.sha256} is missing from ${deps.files.location}.`);
      } else {
        const temp = await deps.files.receive(await zip.stream(`blobs/${b.sha256}`), Number.MAX_SAFE_INTEGER);
        if (temp.sha256 !== b.sha256 || temp.size !== b.size) {
          await deps.files.discard(temp);
          throw new BackupError(`The file ${b.sha256} in the backup is damaged (its sha-256 differs).`);
        }
        await deps.files.commit(temp);
      }
      bytes += b.size;
    }

    const counts = await loadTables(deps.db, tableSources(zip, manifest));
    await migrateToLatest(deps.db);
    const after = await countRows(deps.db);
    for (const t of manifest.tables) {
      if (counts[t.name] !== t.rows || (after[t.name] ?? 0) < t.rows)
        throw new BackupError(`Table ${t.name}: ${after[t.name] ?? 0} rows restored of ${t.rows}.`);
    }
    return {
      tables: manifest.tables.length,
      rows: manifest.tables.reduce((n, t) => n + t.rows, 0),
      blobs: manifest.blobs.length,
      bytes,
    };
  } finally {
    zip.close();
  }
}

async function refuseNonEmpty(deps: { db: Db; files: BlobStorage }, keepFiles: boolean): Promise<void> {
  const tables = await nonEmptyTables(deps.db);
  if (tables.length > 0)
    throw new BackupError(
      `The target database is not empty (${tables.slice(0, 3).join(', ')}${tables.length > 3 ? ', …' : ''} hold rows); restore into a new, empty database or data folder.`,
    );
  if (keepFiles) return;
  for await (const b of deps.files.listBlobs()) {
    throw new BackupError(
      `The target file store ${deps.files.location} is not empty (it holds ${b.sha256.slice(0, 12)}…); restore into an empty one.`,
    );
  }
}

async function* tableSources(zip: ZipReader, manifest: Manifest): AsyncIterable<TableSource> {
  for (const t of manifest.tables) {
    const text = await readEntry(zip, `db/${t.name}.jsonl`);
    if (createHash('sha256').update(text).digest('hex') !== t.sha256)
      throw new BackupError(`Table ${t.name} in the backup is damaged (its sha-256 differs).`);
    const lines = text
      .toString('utf8')
      .split('\n')
      .filter((l) => l !== '');
    yield { table: t, rows: Readable.from(lines.map((l) => JSON.parse(l) as unknown[])) };
  }
}
