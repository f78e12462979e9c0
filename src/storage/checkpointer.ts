// The SQLite server's WAL checkpoints, run by a thread of their own so that a burst of hand-ins does not wait on them.
import type { Worker } from 'node:worker_threads';
import type { Db } from './db.js';
import { startDbThread, stopDbThread } from './db-thread.js';

/** What a checkpoint pass reports (SQLite's wal_checkpoint: busy flag, frames in the WAL, frames copied). */
export interface CheckpointPass {
  busy: number;
  log: number;
  checkpointed: number;
}

/**
 * Runs in the thread: its own connection to the database file; every `everyMs`, when another connection has
 * committed since its last look (data_version), a PASSIVE checkpoint (it waits for no reader or writer: the
 * server's connection goes on appending to the WAL meanwhile). Its syncs (the WAL before copying, the database
 * file after) block this thread, not the event loop.
 */
const WORKER = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
const db = new Database(workerData.file, { fileMustExist: true });
db.pragma('synchronous = FULL');
const version = db.prepare('pragma data_version').pluck();
const checkpoint = db.prepare('pragma wal_checkpoint(PASSIVE)');
let seen = -1;
const timer = setInterval(() => {
  try {
    const now = version.get();
    if (now === seen) return;
    seen = now;
    parentPort.postMessage({ pass: checkpoint.get() });
  } catch (error) {
    parentPort.postMessage({ error: String(error && error.message || error) });
  }
}, workerData.everyMs);
parentPort.on('message', (message) => {
  if (message !== 'stop') return;
  clearInterval(timer);
  db.close();
  parentPort.close();
});
`;

export interface CheckpointerOptions {
  /** How often the thread looks for new commits (ms). */
  everyMs?: number;
  /** Told of a failed pass (the connection's own checkpoints then take over). */
  onError?: (message: string) => void;
}

/**
 * The checkpoint thread of a SQLite file database, or null (PostgreSQL, in-memory). SQLite checkpoints a WAL
 * by itself at the commit that takes it past 1 000 pages, on the committing thread: in the server that is the
 * event loop, for a copy of every page and two fsyncs. With this thread copying the WAL into the database a
 * few times a second, the commit that crosses the mark finds (almost) nothing left to copy; and should the
 * thread fail, the commits' own checkpoints still bound the WAL.
 */
export class Checkpointer {
  /** The last pass's report (null before the first). */
  last: CheckpointPass | null = null;
  /** Passes that ran. */
  passes = 0;
  private stopped = false;

  private constructor(
    private readonly worker: Worker,
    onError: (message: string) => void,
  ) {
    worker.on('message', (message: { pass?: CheckpointPass; error?: string }) => {
      if (message.pass) {
        this.last = message.pass;
        this.passes++;
      } else if (message.error) onError(`checkpoint: ${message.error}`);
    });
    worker.on('error', (error) => onError(`checkpoint thread failed: ${error.message}`));
    worker.unref();
  }

  static start(db: Db, options: CheckpointerOptions = {}): Checkpointer | null {
    const worker = startDbThread(db, WORKER, { everyMs: options.everyMs ?? 100 });
    return worker && new Checkpointer(worker, options.onError ?? (() => {}));
  }

  /** Ends the thread (its connection closed first); the server's connection may then close the database. */
  async stop(): Promise<void> {
    if (this.stopped) return;
    this.stopped = true;
    await stopDbThread(this.worker, 2000);
  }
}
