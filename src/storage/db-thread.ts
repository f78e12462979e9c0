// Threads of the server that keep a connection of their own to its SQLite file (checkpoints, hand-in writes).
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import { sqliteHandle, type Db } from './db.js';

/**
 * Starts `script` (CommonJS source) on a thread, its workerData holding `driver` (better-sqlite3's path, for
 * its own connection), `file` (the database) and `data`; null where a second connection cannot open the
 * same database (PostgreSQL, in-memory, read-only).
 */
export function startDbThread(db: Db, script: string, data: Record<string, unknown>): Worker | null {
  const raw = sqliteHandle(db);
  if (!raw || raw.memory || raw.readonly) return null;
  return new Worker(script, {
    eval: true,
    workerData: { driver: createRequire(import.meta.url).resolve('better-sqlite3'), file: raw.name, ...data },
  });
}

/** Asks the thread to stop (it closes its connection; messages before 'stop' are handled first), then ends it. */
export async function stopDbThread(worker: Worker, waitMs: number): Promise<void> {
  const exited = new Promise<void>((resolve) => worker.once('exit', () => resolve()));
  worker.postMessage('stop');
  await Promise.race([exited, new Promise<void>((resolve) => setTimeout(resolve, waitMs).unref())]);
  await worker.terminate();
}
