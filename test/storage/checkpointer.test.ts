// The SQLite server's WAL is copied into the database by the checkpoint thread, and the connection's own checkpoints still bound it when the thread is gone.
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { Checkpointer } from '../../src/storage/checkpointer.js';
import { createDb, sqliteHandle, type Db } from '../../src/storage/db.js';
import { makeTempDir, type TempDir } from '../support/temp-dir.js';

const poll = <T>(read: () => T) => expect.poll(read, { timeout: 10_000, interval: 10 });
let temp: TempDir;
let db: Db;
let checkpointer: Checkpointer | null = null;

/** SQLite's report of a PASSIVE checkpoint from the server's own connection: frames in the WAL, frames already copied. */
const walState = () =>
  sqliteHandle(db)!.pragma('wal_checkpoint(PASSIVE)', { simple: false }) as Array<{
    busy: number;
    log: number;
    checkpointed: number;
  }>;

async function writeRows(from: number, count: number): Promise<void> {
  for (let i = from; i < from + count; i++)
    await sql`insert into notes (id, body) values (${i}, ${'x'.repeat(2000)})`.execute(db);
}

beforeEach(async () => {
  temp = makeTempDir('seminar-checkpoint-');
  db = createDb({ kind: 'sqlite', file: join(temp.path, 'seminar.db') });
  await sql`create table notes (id integer primary key, body text not null)`.execute(db);
});

afterEach(async () => {
  await checkpointer?.stop();
  checkpointer = null;
  await db.destroy();
  temp.remove();
});

it('copies what the server commits into the database from its own thread, a pass after each new commit', async () => {
  // Below the connection's own mark (1 000 pages): without the thread these frames would stay in the WAL.
  checkpointer = Checkpointer.start(db, { everyMs: 10 });
  expect(checkpointer).not.toBeNull();
  await writeRows(0, 50);
  await poll(() => checkpointer!.last?.checkpointed ?? 0).toBeGreaterThanOrEqual(50);
  const pass = checkpointer!.last!;
  expect(pass.busy).toBe(0);
  expect(pass.checkpointed).toBe(pass.log);
  const passes = checkpointer!.passes;
  // Nothing committed since: the thread only looks (data_version), it runs no pass.
  await new Promise((resolve) => setTimeout(resolve, 100));
  expect(checkpointer!.passes).toBe(passes);
  // Commits after a pass are copied by the next one; the server's connection finds nothing left to copy.
  await writeRows(50, 20);
  await poll(() => checkpointer!.passes).toBeGreaterThan(passes);
  await poll(() => checkpointer!.last!.checkpointed === checkpointer!.last!.log).toBe(true);
  const [state] = walState();
  expect(state!.checkpointed).toBe(state!.log);
  expect((await sql<{ n: number }>`select count(*) as n from notes`.execute(db)).rows[0]!.n).toBe(70);
});

it('leaves the WAL bounded by the connection’s own checkpoints once stopped, and has no thread for a database in memory', async () => {
  checkpointer = Checkpointer.start(db, { everyMs: 10 });
  await checkpointer!.stop();
  // About 2 500 pages of rows: past the 1 000-page mark, which the committing connection checkpoints by itself.
  await writeRows(0, 1200);
  const [state] = walState();
  expect(state!.log).toBeLessThan(1200);
  const memory = createDb({ kind: 'sqlite', file: ':memory:' });
  try {
    expect(Checkpointer.start(memory)).toBeNull();
  } finally {
    await memory.destroy();
  }
});
