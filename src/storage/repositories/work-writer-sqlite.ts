// The SQLite side of the hand-in writer: the batch's synchronous transaction on the event loop with its WAL sync on the
// thread pool, the rows as positional values, and the statements and items the writer thread takes.
import type SqliteDatabase from 'better-sqlite3';
import { statSync } from 'node:fs';
import { open, type FileHandle } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { ThreadItem, ThreadStatements } from '../writer-thread.js';
import { MAIL_JOB_COLUMNS, mailJobValues } from './mail-queue.js';
import type { NewSubmission } from './work.js';
import type { SubmissionRow } from './work-tables.js';
import type { WriterItem } from './work-writer.js';

export const SUBMISSION_COLUMNS = [
  'id',
  'course_id',
  'deliverable_key',
  'meeting_date',
  'reading_index',
  'slot',
  'owner',
  'version',
  'user_id',
  'group_id',
  'submitted_at',
  'due_at',
  'text',
  'late',
  'outcome',
  'late_by_ms',
  'sha256',
  'size',
  'warnings',
] as const;
/** Where the version sits among SUBMISSION_COLUMNS (the writer thread numbers it in the transaction). */
const VERSION_AT = SUBMISSION_COLUMNS.indexOf('version');

const FILE_COLUMNS = [
  'submission_id',
  'position',
  'sha256',
  'name',
  'type',
  'size',
  'pages',
  'readme',
] as const;

/** An insert with positional parameters (binding them is about twice as fast as named ones in better-sqlite3). */
function insertSql(table: string, columns: readonly string[]): string {
  return `insert into ${table} (${columns.join(', ')}) values (${columns.map(() => '?').join(', ')})`;
}

/** The values of `columns` in order (absent ones null), for an insertSql statement. */
function valuesOf(source: Record<string, unknown>, columns: readonly string[]): unknown[] {
  const out: unknown[] = new Array(columns.length);
  for (let i = 0; i < columns.length; i++) out[i] = source[columns[i]!] ?? null;
  return out;
}

/** A submission row as values in SUBMISSION_COLUMNS order (valuesOf without the lookups by name). */
export function submissionValues(r: NewSubmission['row'], version: number): unknown[] {
  return [
    r.id,
    r.course_id,
    r.deliverable_key,
    r.meeting_date ?? null,
    r.reading_index ?? null,
    r.slot,
    r.owner,
    version,
    r.user_id,
    r.group_id ?? null,
    r.submitted_at,
    r.due_at,
    r.text ?? null,
    r.late,
    r.outcome,
    r.late_by_ms,
    r.sha256,
    r.size,
    r.warnings,
  ];
}

export interface SqliteWriter {
  transaction: SqliteDatabase.Transaction<(items: WriterItem[]) => SubmissionRow[]>;
  /** Null for an in-memory database, outside WAL mode, or below synchronous=FULL: the transaction's own commit is all there is. */
  wal: WalSync | null;
}

/** The batch committed, but making the WAL durable failed: its hand-ins are not acknowledged. */
export class NotDurableError extends Error {
  constructor(cause: unknown) {
    super(`The hand-in was written but could not be made durable: ${String(cause)}`, { cause });
  }
}

/**
 * The fsync of a batch's COMMIT, off the event loop. SQLite in WAL mode with synchronous=FULL
 * does one thing more at a commit than with synchronous=NORMAL: it syncs the WAL file after
 * writing the transaction's frames (NORMAL syncs the WAL before each checkpoint, and a restarted
 * WAL's header, as FULL does). So the batch runs with synchronous=NORMAL, put back right after
 * its COMMIT (every other transaction on the connection keeps FULL), and `sync` then does that
 * missing fdatasync of the WAL file on libuv's thread pool; the hand-ins are acknowledged only
 * after it returned. Syncing the file makes everything written to it so far durable, so a later
 * FULL commit of another transaction also covers the batch's frames. Other requests may read the
 * batch's rows between its COMMIT and the sync, as in-flight hand-ins: nothing is acknowledged,
 * and the receipt mail is claimed by a FULL commit first (which syncs the WAL), before it is sent.
 */
class WalSync {
  private handle: Promise<FileHandle> | null = null;
  private inode = -1;

  private constructor(
    private readonly raw: SqliteDatabase.Database,
    private readonly path: string,
    private readonly relax: SqliteDatabase.Statement,
    private readonly restore: SqliteDatabase.Statement,
  ) {}

  static of(raw: SqliteDatabase.Database): WalSync | null {
    if (raw.memory || raw.readonly) return null;
    if (String(raw.pragma('journal_mode', { simple: true })).toLowerCase() !== 'wal') return null;
    const level = Number(raw.pragma('synchronous', { simple: true }));
    if (level < 2) return null;
    return new WalSync(
      raw,
      `${raw.name}-wal`,
      raw.prepare('pragma synchronous = NORMAL'),
      raw.prepare(`pragma synchronous = ${level === 3 ? 'EXTRA' : 'FULL'}`),
    );
  }

  /** Runs a transaction whose COMMIT writes the WAL without syncing it (call `sync` before acknowledging). */
  unsynced<T>(fn: () => T): T {
    if (this.raw.inTransaction) return fn();
    this.relax.run();
    try {
      return fn();
    } finally {
      this.restore.run();
    }
  }

  /** Syncs the WAL file (and, the first time a WAL file is seen, its folder): what synchronous=FULL syncs at a commit. */
  async sync(): Promise<void> {
    try {
      await (await this.walHandle()).datasync();
    } catch (error) {
      throw new NotDurableError(error);
    }
  }

  /** The open WAL file; it stays while the connection is open, and a new file (say, after a restore) is opened anew. */
  private walHandle(): Promise<FileHandle> {
    const inode = statSync(this.path).ino;
    if (!this.handle || inode !== this.inode) {
      const previous = this.handle;
      this.inode = inode;
      // Two syncs in flight share one opening.
      this.handle = (async () => {
        await (await previous?.catch(() => null))?.close().catch(() => {});
        const handle = await open(this.path, 'r');
        // A new WAL file's name must survive too (SQLite syncs the folder at its first sync of a new file).
        await syncFolder(dirname(this.path));
        return handle;
      })();
      // A failed opening is tried again by the next sync.
      this.handle.catch(() => {
        if (this.inode === inode) this.inode = -1;
      });
    }
    return this.handle;
  }
}

async function syncFolder(path: string): Promise<void> {
  let folder: FileHandle;
  try {
    folder = await open(path, 'r');
  } catch {
    return; // a platform that cannot open a folder (it has no folder sync either)
  }
  // As SQLite does for its own folder syncs, a file system that refuses one is not an error.
  await folder.sync().catch(() => {});
  await folder.close();
}

const MAX_VERSION_SQL =
  'select max(version) as v from submissions where course_id = ? and deliverable_key = ? and slot = ? and owner = ?';
const INSERT_BLOB_SQL =
  'insert into blobs (sha256, size, type, created_at) values (@sha256, @size, @type, @created_at) on conflict (sha256) do nothing';

const sqliteWriters = new WeakMap<SqliteDatabase.Database, SqliteWriter>();

export function sqliteStatements(raw: SqliteDatabase.Database): SqliteWriter {
  let found = sqliteWriters.get(raw);
  if (found) return found;
  const maxVersion = raw.prepare(MAX_VERSION_SQL);
  const insertBlob = raw.prepare(INSERT_BLOB_SQL);
  const insertSubmission = raw.prepare(insertSql('submissions', SUBMISSION_COLUMNS));
  const insertFile = raw.prepare(insertSql('submission_files', FILE_COLUMNS));
  const insertMail = raw.prepare(insertSql('mail_queue', MAIL_JOB_COLUMNS));
  const insertOne = (item: WriterItem): SubmissionRow => {
    const { row, files, blobs } = item;
    const max = maxVersion.get(row.course_id, row.deliverable_key, row.slot, row.owner) as
      { v: number | null } | undefined;
    const full: SubmissionRow = { ...row, version: Number(max?.v ?? 0) + 1 };
    for (const blob of blobs) insertBlob.run(blob);
    insertSubmission.run(submissionValues(row, full.version));
    for (const f of files) insertFile.run(valuesOf({ ...f, submission_id: row.id }, FILE_COLUMNS));
    for (const job of item.mail ?? []) insertMail.run(mailJobValues(job));
    return full;
  };
  found = {
    transaction: raw.transaction((items: WriterItem[]) => items.map(insertOne)),
    wal: WalSync.of(raw),
  };
  sqliteWriters.set(raw, found);
  return found;
}

/** The SQL the writer thread prepares: the same statements as the event loop's path. */
export function threadStatements(): ThreadStatements {
  return {
    maxVersion: MAX_VERSION_SQL,
    insertBlob: INSERT_BLOB_SQL,
    insertSubmission: insertSql('submissions', SUBMISSION_COLUMNS),
    insertFile: insertSql('submission_files', FILE_COLUMNS),
    insertMail: insertSql('mail_queue', MAIL_JOB_COLUMNS),
  };
}

/** A hand-in as the writer thread takes it: positional values only (cheap to copy between threads). */
export function threadItemOf(item: WriterItem): ThreadItem {
  const { row } = item;
  return {
    key: [row.course_id, row.deliverable_key, row.slot, row.owner],
    submission: submissionValues(row, 0),
    versionAt: VERSION_AT,
    blobs: item.blobs as unknown as Array<Record<string, unknown>>,
    files: item.files.map((f) => valuesOf(f as unknown as Record<string, unknown>, FILE_COLUMNS).slice(1)),
    mail: (item.mail ?? []).map(mailJobValues),
  };
}
