// Group commit for hand-ins: submissions arriving together share one durable transaction (one fsync), each acknowledged after it.
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import type SqliteDatabase from 'better-sqlite3';
import { sqliteHandle, type Db } from '../db.js';
import { INSERT_MAIL_JOB_SQL, insertMailJobs, mailJobParams, type NewMailJob } from './mail-queue.js';
import { type NewSubmission } from './work.js';
import { work, type SubmissionRow, type WorkDb } from './work-tables.js';

/** One hand-in to record, with the mail it sends (receipts), written in the same transaction. */
export interface WriterItem extends NewSubmission {
  mail?: NewMailJob[];
}

interface Pending {
  item: WriterItem;
  resolve: (row: SubmissionRow) => void;
  reject: (error: unknown) => void;
}

/** How long after the last write the writer still counts as busy (the mail worker waits meanwhile). */
const BUSY_MS = 250;

/**
 * Queues submissions and writes everything queued in one transaction on the next turn of the
 * event loop. A caller's promise resolves only after the COMMIT returned (SQLite
 * synchronous=FULL: fsynced; PostgreSQL: flushed WAL), so an acknowledged hand-in is durable.
 * When a batch fails (say, one duplicate version), each item is retried alone so that one bad
 * item cannot fail its neighbours.
 *
 * On a SQLite file the transaction runs on a second connection in a worker thread (same
 * pragmas, synchronous=FULL): the fsync of a commit no longer stops the event loop, and the
 * next batch gathers while the previous one is made durable.
 */
export class SubmissionWriter {
  private queue: Pending[] = [];
  private flushing = false;
  private scheduled = false;
  private lastWriteAt = 0;
  private readonly thread: WriterThread | null;

  constructor(
    private readonly db: Db,
    private readonly maxBatch = 256,
  ) {
    const raw = sqliteHandle(db);
    this.thread = raw && !raw.memory && !raw.readonly ? new WriterThread(raw.name) : null;
  }

  write(item: WriterItem): Promise<SubmissionRow> {
    return new Promise((resolve, reject) => {
      this.queue.push({ item, resolve, reject });
      this.schedule();
    });
  }

  /** True while hand-ins are arriving (a write within the last quarter second, or one queued). */
  busy(now = Date.now()): boolean {
    return this.queue.length > 0 || this.flushing || now - this.lastWriteAt < BUSY_MS;
  }

  /** Waits for what is queued to be written, then stops the writer thread (a later write starts it again). */
  async close(): Promise<void> {
    while (this.queue.length > 0 || this.flushing || this.scheduled) await new Promise((r) => setTimeout(r, 5));
    await this.thread?.stop();
  }

  private schedule(): void {
    if (this.scheduled || this.flushing) return;
    this.scheduled = true;
    setImmediate(() => {
      this.scheduled = false;
      void this.flush();
    });
  }

  private insert(items: WriterItem[]): Promise<SubmissionRow[]> {
    if (this.thread) return this.thread.insert(items.map(withFullMailRows));
    return insertBatch(this.db, items);
  }

  private async flush(): Promise<void> {
    if (this.flushing || this.queue.length === 0) return;
    this.flushing = true;
    const batch = this.queue.splice(0, this.maxBatch);
    try {
      const rows = await this.insert(batch.map((p) => p.item));
      batch.forEach((p, i) => p.resolve(rows[i]!));
    } catch {
      for (const p of batch) {
        try {
          const [row] = await this.insert([p.item]);
          p.resolve(row!);
        } catch (error) {
          p.reject(error);
        }
      }
    } finally {
      this.lastWriteAt = Date.now();
      this.flushing = false;
      if (this.queue.length > 0) this.schedule();
    }
  }
}

/**
 * Records versions with their files, blob rows and queued mail in one transaction, each
 * version number taken inside it (max + 1; the unique key makes a concurrent duplicate fail,
 * never overwrite). On the handle's own connection: synchronous on SQLite (in-memory
 * databases), a Kysely transaction on PostgreSQL.
 */
export async function insertBatch(db: Db, items: WriterItem[]): Promise<SubmissionRow[]> {
  const raw = sqliteHandle(db);
  if (raw) {
    // Holding Kysely's one connection: no other unit is open on it while this runs.
    return db.connection().execute(async () => {
      const versions = sqliteTransaction(raw).immediate(items.map(withFullMailRows));
      return items.map((item, i) => ({ ...item.row, version: versions[i]! }));
    });
  }
  return work(db)
    .transaction()
    .execute(async (trx) => {
      const out: SubmissionRow[] = [];
      for (const item of items) out.push(await insertOneKysely(trx as unknown as WorkDb, item));
      return out;
    });
}

async function insertOneKysely(trx: WorkDb, item: WriterItem): Promise<SubmissionRow> {
  const { row, files, blobs } = item;
  const max = await trx
    .selectFrom('submissions')
    .select((eb) => eb.fn.max('version').as('v'))
    .where('course_id', '=', row.course_id)
    .where('deliverable_key', '=', row.deliverable_key)
    .where('slot', '=', row.slot)
    .where('owner', '=', row.owner)
    .executeTakeFirst();
  const full: SubmissionRow = { ...row, version: Number(max?.v ?? 0) + 1 };
  for (const blob of blobs) {
    await trx.insertInto('blobs').values(blob).onConflict((oc) => oc.column('sha256').doNothing()).execute();
  }
  await trx.insertInto('submissions').values(full).execute();
  if (files.length > 0) {
    await trx
      .insertInto('submission_files')
      .values(files.map((f) => ({ ...f, submission_id: row.id })))
      .execute();
  }
  if (item.mail) await insertMailJobs(trx, item.mail);
  return full;
}

/** The item with its mail jobs as complete rows (what the prepared insert binds). */
function withFullMailRows(item: WriterItem): WriterItem {
  return item.mail && item.mail.length > 0 ? { ...item, mail: item.mail.map(mailJobParams) } : item;
}

// The SQLite statements, shared by the in-process path and the writer thread (which receives them as text).
const SUBMISSION_COLUMNS = ['id', 'course_id', 'deliverable_key', 'meeting_date', 'reading_index', 'slot', 'owner', 'version', 'user_id', 'group_id', 'submitted_at', 'due_at', 'text', 'late', 'outcome', 'late_by_ms', 'sha256', 'size', 'warnings'];
const FILE_COLUMNS = ['submission_id', 'position', 'sha256', 'name', 'type', 'size', 'pages', 'readme'];
const MAIL_COLUMNS = Object.keys(mailJobParams({ id: '', kind: '', user_id: null, address: null, payload: '', created_at: '' }));

function insertSql(table: string, columns: readonly string[]): string {
  return `insert into ${table} (${columns.join(', ')}) values (${columns.map((c) => `@${c}`).join(', ')})`;
}

const STATEMENTS = {
  maxVersion: 'select max(version) as v from submissions where course_id = ? and deliverable_key = ? and slot = ? and owner = ?',
  insertBlob: 'insert into blobs (sha256, size, type, created_at) values (@sha256, @size, @type, @created_at) on conflict (sha256) do nothing',
  insertSubmission: insertSql('submissions', SUBMISSION_COLUMNS),
  insertFile: insertSql('submission_files', FILE_COLUMNS),
  insertMail: INSERT_MAIL_JOB_SQL,
};

/**
 * The transaction as a function of (prepared statements, items) → versions. Written as plain
 * JavaScript source so that the writer thread runs the very same code (it is handed this text).
 */
const TRANSACTION_SOURCE = `(function makeInsert(db, sql, columns) {
  const maxVersion = db.prepare(sql.maxVersion);
  const insertBlob = db.prepare(sql.insertBlob);
  const insertSubmission = db.prepare(sql.insertSubmission);
  const insertFile = db.prepare(sql.insertFile);
  const insertMail = db.prepare(sql.insertMail);
  const pick = (source, names) => {
    const out = {};
    for (const n of names) out[n] = source[n] === undefined ? null : source[n];
    return out;
  };
  const insertOne = (item) => {
    const row = item.row;
    const max = maxVersion.get(row.course_id, row.deliverable_key, row.slot, row.owner);
    const version = Number((max && max.v) || 0) + 1;
    for (const blob of item.blobs) insertBlob.run(blob);
    insertSubmission.run(pick(Object.assign({}, row, { version }), columns.submission));
    for (const f of item.files) insertFile.run(pick(Object.assign({}, f, { submission_id: row.id }), columns.file));
    for (const job of item.mail || []) insertMail.run(pick(job, columns.mail));
    return version;
  };
  return db.transaction((items) => items.map(insertOne));
})`;

const COLUMNS = { submission: SUBMISSION_COLUMNS, file: FILE_COLUMNS, mail: MAIL_COLUMNS };

type VersionsTransaction = SqliteDatabase.Transaction<(items: WriterItem[]) => number[]>;

// The source is a constant of this module (no input reaches it); evaluated once at load.
const makeTransaction = new Function(`return ${TRANSACTION_SOURCE}`)() as (db: SqliteDatabase.Database, sql: typeof STATEMENTS, columns: typeof COLUMNS) => VersionsTransaction;

const transactions = new WeakMap<SqliteDatabase.Database, VersionsTransaction>();

function sqliteTransaction(raw: SqliteDatabase.Database): VersionsTransaction {
  let found = transactions.get(raw);
  if (!found) {
    found = makeTransaction(raw, STATEMENTS, COLUMNS);
    transactions.set(raw, found);
  }
  return found;
}

/** What runs in the writer thread: its own connection with the server's pragmas, one transaction per message. */
const THREAD_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
const db = new Database(workerData.file);
db.pragma('journal_mode = WAL');
db.pragma('synchronous = FULL');
db.pragma('foreign_keys = ON');
db.pragma('busy_timeout = 15000');
const transaction = (${TRANSACTION_SOURCE})(db, workerData.sql, workerData.columns);
parentPort.on('message', (message) => {
  if (message.stop) {
    db.close();
    parentPort.postMessage({ stopped: true });
    parentPort.close();
    return;
  }
  try {
    parentPort.postMessage({ id: message.id, versions: transaction.immediate(message.items) });
  } catch (error) {
    parentPort.postMessage({ id: message.id, error: { message: String((error && error.message) || error), code: error && error.code, name: error && error.name } });
  }
});
`;

const DRIVER = createRequire(import.meta.url).resolve('better-sqlite3');

/** How long the writer thread may sit idle before it stops (it starts again on the next write). */
const IDLE_MS = 30_000;

/** The writer thread of one SQLite file: started on the first write, stopped when idle; unref'd (never keeps the process up). */
class WriterThread {
  private worker: Worker | null = null;
  private nextId = 1;
  private readonly waiting = new Map<number, { items: WriterItem[]; resolve: (rows: SubmissionRow[]) => void; reject: (error: unknown) => void }>();
  private idle: NodeJS.Timeout | null = null;

  constructor(private readonly file: string) {}

  insert(items: WriterItem[]): Promise<SubmissionRow[]> {
    const worker = this.start();
    if (this.idle) clearTimeout(this.idle);
    this.idle = null;
    // Referenced while a batch is out (a CLI awaiting its write stays up), not while idle.
    worker.ref();
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.waiting.set(id, { items, resolve, reject });
      worker.postMessage({ id, items });
    });
  }

  async stop(): Promise<void> {
    const worker = this.worker;
    if (!worker) return;
    this.worker = null;
    if (this.idle) clearTimeout(this.idle);
    this.idle = null;
    await new Promise<void>((resolve) => {
      worker.once('exit', () => resolve());
      worker.postMessage({ stop: true });
    });
  }

  private start(): Worker {
    if (this.worker) return this.worker;
    const worker = new Worker(THREAD_SOURCE, { eval: true, workerData: { driver: DRIVER, file: this.file, sql: STATEMENTS, columns: COLUMNS } });
    worker.unref();
    worker.on('message', (message: { id?: number; versions?: number[]; error?: { message: string; code?: string; name?: string } }) => {
      if (message.id === undefined) return;
      const entry = this.waiting.get(message.id);
      if (!entry) return;
      this.waiting.delete(message.id);
      if (message.error) entry.reject(Object.assign(new Error(message.error.message), { code: message.error.code, name: message.error.name ?? 'Error' }));
      else entry.resolve(entry.items.map((item, i) => ({ ...item.row, version: message.versions![i]! })));
      if (this.waiting.size === 0) {
        worker.unref();
        this.armIdle(worker);
      }
    });
    const fail = (error: unknown) => {
      if (this.worker === worker) this.worker = null;
      for (const entry of this.waiting.values()) entry.reject(error);
      this.waiting.clear();
    };
    worker.on('error', fail);
    worker.on('exit', (code) => fail(new Error(`the submission writer thread exited (${code})`)));
    this.worker = worker;
    return worker;
  }

  private armIdle(worker: Worker): void {
    if (this.idle) clearTimeout(this.idle);
    this.idle = setTimeout(() => {
      if (this.worker === worker && this.waiting.size === 0) void this.stop();
    }, IDLE_MS);
    this.idle.unref();
  }
}

const writers = new WeakMap<Db, SubmissionWriter>();

/** The one writer of a database handle (so every request on it shares the batches). */
export function submissionWriterFor(db: Db): SubmissionWriter {
  let writer = writers.get(db);
  if (!writer) {
    writer = new SubmissionWriter(db);
    writers.set(db, writer);
  }
  return writer;
}

/** Stops the writer of a handle, if it has one (before the handle is destroyed). */
export async function closeSubmissionWriter(db: Db): Promise<void> {
  await writers.get(db)?.close();
}
