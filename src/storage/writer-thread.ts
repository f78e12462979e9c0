// The SQLite server's hand-in transactions, run by a thread of their own: the event loop hands a batch over and
// serves requests while the thread numbers, inserts, commits and syncs it.
import type { Worker } from 'node:worker_threads';
import type { Db } from './db.js';
import { startDbThread, stopDbThread } from './db-thread.js';

/** One hand-in as the thread writes it: values in the order of each insert's columns. */
export interface ThreadItem {
  /** course, deliverable, slot, owner: whose versions it numbers. */
  key: [string, string, string, string];
  /** The submission's values, a placeholder where the version goes (numbered in the transaction). */
  submission: unknown[];
  /** Index of the version in `submission`. */
  versionAt: number;
  blobs: Array<Record<string, unknown>>;
  /** File rows' values, each without the submission id, which comes first. */
  files: unknown[][];
  mail: unknown[][];
}

/** What the thread answers for each item: its version, or the error that refused it alone. */
export type ThreadResult = { version: number } | { error: { message: string; code: string | null } };

/** The statements the thread prepares (the writer's SQL, so that both paths write the same rows). */
export interface ThreadStatements {
  maxVersion: string;
  insertBlob: string;
  insertSubmission: string;
  insertFile: string;
  insertMail: string;
}

/**
 * Runs in the thread: its own connection to the database file, BEGIN IMMEDIATE … COMMIT per batch (each item
 * numbered inside it), then the WAL file synced before the answer, as the writer on the event loop does. The
 * commit runs at synchronous=NORMAL and the sync follows it, so the write lock is not held through the sync
 * (the server's own connection may want it meanwhile). A failed batch is written again item by item, so that
 * one bad item cannot fail its neighbours. A failed sync answers `notDurable`: nothing of the batch is
 * acknowledged (and nothing written again).
 */
const WORKER = `
const { parentPort, workerData } = require('node:worker_threads');
const fs = require('node:fs');
const path = require('node:path');
const Database = require(workerData.driver);
const db = new Database(workerData.file, { fileMustExist: true });
db.pragma('journal_mode = WAL');
db.pragma('synchronous = NORMAL');
db.pragma('foreign_keys = ON');
db.pragma('busy_timeout = ' + workerData.busyMs);
db.pragma('cache_size = -' + workerData.cacheKib);
const s = workerData.sql;
const maxVersion = db.prepare(s.maxVersion);
const insertBlob = db.prepare(s.insertBlob);
const insertSubmission = db.prepare(s.insertSubmission);
const insertFile = db.prepare(s.insertFile);
const insertMail = db.prepare(s.insertMail);
const one = (item) => {
  const max = maxVersion.get(item.key[0], item.key[1], item.key[2], item.key[3]);
  const version = Number((max && max.v) || 0) + 1;
  item.submission[item.versionAt] = version;
  for (const blob of item.blobs) insertBlob.run(blob);
  insertSubmission.run(item.submission);
  for (const f of item.files) insertFile.run([item.submission[0], ...f]);
  for (const m of item.mail) insertMail.run(m);
  return version;
};
const all = db.transaction((items) => items.map(one));
const walPath = workerData.file + '-wal';
let wal = null;
function sync() {
  const ino = fs.statSync(walPath).ino;
  if (!wal || wal.ino !== ino) {
    if (wal) fs.closeSync(wal.fd);
    wal = null;
    const fd = fs.openSync(walPath, 'r');
    // A new WAL file's name must survive too (SQLite syncs the folder at its first sync of a new file).
    try {
      const dir = fs.openSync(path.dirname(walPath), 'r');
      try { fs.fsyncSync(dir); } catch {} finally { fs.closeSync(dir); }
    } catch {}
    wal = { fd, ino };
  }
  fs.fdatasyncSync(wal.fd);
}
const failure = (error) => ({ error: { message: String((error && error.message) || error), code: (error && error.code) || null } });
parentPort.on('message', (message) => {
  if (message === 'stop') {
    if (wal) fs.closeSync(wal.fd);
    db.close();
    parentPort.close();
    return;
  }
  let results;
  try {
    results = all.immediate(message.items).map((version) => ({ version }));
  } catch (error) {
    // The write lock stayed taken past the busy timeout (another process's long transaction): every item
    // would wait as long again, so the batch is refused as a whole.
    const code = String((error && error.code) || '');
    if (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED')) results = message.items.map(() => failure(error));
    else results = message.items.map((item) => {
      try { return { version: all.immediate([item])[0] }; } catch (error) { return failure(error); }
    });
  }
  try {
    if (results.some((r) => r.version !== undefined)) sync();
    parentPort.postMessage({ id: message.id, results });
  } catch (error) {
    parentPort.postMessage({ id: message.id, notDurable: String((error && error.message) || error) });
  }
});
`;

interface Waiting {
  resolve: (results: ThreadResult[]) => void;
  reject: (error: Error) => void;
}

/** The thread failed, or was stopped, with batches in its hands: none of them is acknowledged. */
export class WriterThreadError extends Error {}

/** The sync after a batch's commit failed: the batch is written but not known to be durable. */
export class ThreadNotDurableError extends Error {}

/**
 * The hand-in writer thread of a SQLite file database, or null (PostgreSQL, in-memory). Batches are
 * answered in the order they were given; `write` resolves once the batch is committed and synced.
 */
export class WriterThread {
  private readonly waiting = new Map<number, Waiting>();
  private next = 1;
  private failed: Error | null = null;
  private stopped = false;
  private exited = false;

  private constructor(private readonly worker: Worker) {
    worker.on('message', (message: { id: number; results?: ThreadResult[]; notDurable?: string }) => {
      const waiting = this.waiting.get(message.id);
      if (!waiting) return;
      this.waiting.delete(message.id);
      if (this.waiting.size === 0) worker.unref();
      if (message.results) waiting.resolve(message.results);
      else
        waiting.reject(
          new ThreadNotDurableError(
            `The hand-in was written but could not be made durable: ${message.notDurable}`,
          ),
        );
    });
    const fail = (error: Error) => {
      this.failed = error;
      for (const w of this.waiting.values())
        w.reject(new WriterThreadError(`hand-in writer thread: ${error.message}`));
      this.waiting.clear();
    };
    worker.on('error', fail);
    worker.on('exit', () => {
      this.exited = true;
      fail(new Error('it stopped'));
    });
    worker.unref();
  }

  static start(
    db: Db,
    statements: ThreadStatements,
    cacheKib: number,
    /** How long a batch waits for the write lock (another process's transaction) before it is refused. */
    busyMs = 5000,
  ): WriterThread | null {
    const worker = startDbThread(db, WORKER, { sql: statements, cacheKib, busyMs });
    return worker && new WriterThread(worker);
  }

  /** False once the thread failed or was stopped (the writer then writes on the event loop). */
  get running(): boolean {
    return this.failed === null && !this.stopped;
  }

  /** Batches handed over and not answered yet. */
  get inFlight(): number {
    return this.waiting.size;
  }

  write(items: ThreadItem[]): Promise<ThreadResult[]> {
    if (!this.running) return Promise.reject(new WriterThreadError('hand-in writer thread is not running'));
    const id = this.next++;
    return new Promise((resolve, reject) => {
      this.waiting.set(id, { resolve, reject });
      // The process stays up while a batch is in the thread's hands (an idle thread keeps nobody waiting).
      this.worker.ref();
      // Plain values only (arrays of strings and numbers): structured cloning them costs about 2 µs per
      // hand-in, less than writing and reading them as JSON text.
      this.worker.postMessage({ id, items });
    });
  }

  /** Ends the thread once the batches it holds are answered (its connection closed first). */
  async stop(): Promise<void> {
    if (this.stopped || this.exited) {
      this.stopped = true;
      return;
    }
    this.stopped = true;
    // Messages are taken in order: the batches already handed over are written before the stop.
    await stopDbThread(this.worker, 5000);
  }
}
