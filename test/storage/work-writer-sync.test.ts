// Acknowledged means durable on SQLite: the hand-in writer's promise waits for the WAL file's sync, which runs off the event loop.
import { join } from 'node:path';
import { afterEach, beforeEach, expect, it, vi } from 'vitest';
import { createDb, sqliteHandle, type Db } from '../../src/storage/db.js';
import { migrateToLatest } from '../../src/storage/migrate.js';
import { saveCourse } from '../../src/storage/repositories/course-writer.js';
import { findCourseRef } from '../../src/storage/repositories/enrollments.js';
import { listReceiptHashes } from '../../src/storage/repositories/work.js';
import { SubmissionWriter } from '../../src/storage/repositories/work-writer.js';
import { NotDurableError } from '../../src/storage/repositories/work-writer-sqlite.js';
import { buildCourse } from '../support/course-factory.js';
import { makeTempDir, type TempDir } from '../support/temp-dir.js';
import { insertPlainUsers, questionItem } from '../support/writer-items.js';

/** Every fdatasync the code under test asks for, held until the test lets it go (or fails it). */
const gate = vi.hoisted(() => ({
  held: [] as Array<{ path: string; release: () => void; fail: (error: Error) => void }>,
  hold: false,
}));

vi.mock('node:fs/promises', async (original) => {
  const real = await original<typeof import('node:fs/promises')>();
  const open: typeof real.open = async (path, ...rest) => {
    const handle = await real.open(path, ...rest);
    const datasync = handle.datasync.bind(handle);
    handle.datasync = async () => {
      if (gate.hold)
        await new Promise<void>((release, fail) => gate.held.push({ path: String(path), release, fail }));
      return datasync();
    };
    return handle;
  };
  return { ...real, open, default: { ...real, open } };
});

const T0 = '2026-11-26T09:00:00.000Z';
let temp: TempDir;
let db: Db;
let courseId: string;

beforeEach(async () => {
  temp = makeTempDir('seminar-writer-sync-');
  db = createDb({ kind: 'sqlite', file: join(temp.path, 'seminar.db') });
  await migrateToLatest(db);
  await saveCourse(db, 'sync-seminar', buildCourse(), T0);
  courseId = (await findCourseRef(db, 'sync-seminar'))!.id;
  await insertPlainUsers(db, ['u1'], T0);
  gate.held.length = 0;
  gate.hold = true;
});

afterEach(async () => {
  gate.hold = false;
  for (const h of gate.held) h.release();
  await db.destroy();
  temp.remove();
});

const handIn = (id: string, text: string) => questionItem(courseId, id, 'u1', text, T0);

/** Lets the event loop run a few turns (the writer batches on setImmediate, the sync goes to the thread pool). */
async function turns(n = 20): Promise<void> {
  for (let i = 0; i < n; i++) await new Promise<void>((r) => setImmediate(r));
}

/** The next held sync (the open and the sync go through the thread pool: waited for, not counted in turns). */
async function held(): Promise<(typeof gate.held)[number]> {
  await vi.waitFor(() => expect(gate.held.length).toBeGreaterThan(0), { timeout: 30_000, interval: 5 });
  return gate.held.shift()!;
}

it('answers a batch only after the WAL file was synced, and leaves the connection at synchronous=FULL', async () => {
  const writer = new SubmissionWriter(db);
  let answered = 0;
  const writes = [writer.write(handIn('s1', 'one')), writer.write(handIn('s2', 'two'))].map((p) =>
    p.then((row) => {
      answered++;
      return row;
    }),
  );
  const sync = await held();
  expect(sync.path.endsWith('seminar.db-wal')).toBe(true);
  // Committed (one batch, numbered 1 and 2) but not acknowledged while the sync is held.
  await turns();
  expect(answered).toBe(0);
  expect((await listReceiptHashes(db, courseId)).map((r) => r.id).sort()).toEqual(['s1', 's2']);
  expect(sqliteHandle(db)!.pragma('synchronous', { simple: true })).toBe(2);
  sync.release();
  const rows = await Promise.all(writes);
  expect(rows.map((r) => r.version)).toEqual([1, 2]);
  expect(answered).toBe(2);
});

it('does not acknowledge a batch whose sync failed, nor write it again', async () => {
  const writer = new SubmissionWriter(db);
  const write = writer.write(handIn('s3', 'three'));
  const outcome = write.then(
    () => 'acknowledged',
    (error: unknown) => error,
  );
  (await held()).fail(new Error('EIO: the disk said no'));
  const error = await outcome;
  expect(error).toBeInstanceOf(NotDurableError);
  // Written once (the batch is not retried item by item after its commit).
  expect((await listReceiptHashes(db, courseId)).map((r) => r.id)).toEqual(['s3']);
});

it('commits the next batch while a sync is held, acknowledging each batch only after a sync that began after its commit', async () => {
  const writer = new SubmissionWriter(db);
  const answered: string[] = [];
  const track = (p: Promise<{ id: string }>) => p.then((row) => void answered.push(row.id));
  const first = track(writer.write(handIn('p1', 'one')));
  const firstSync = await held();
  // The second batch commits while the first one's sync is held, and waits for a sync of its own.
  const second = track(writer.write(handIn('p2', 'two')));
  const secondSync = await held();
  expect((await listReceiptHashes(db, courseId)).map((r) => r.id).sort()).toEqual(['p1', 'p2']);
  // Two syncs in flight: a third batch waits in the queue, not committed yet.
  const third = track(writer.write(handIn('p3', 'three')));
  await turns();
  expect((await listReceiptHashes(db, courseId)).map((r) => r.id).sort()).toEqual(['p1', 'p2']);
  expect(writer.busy()).toBe(true);
  // The second sync returns first: only its batch is acknowledged.
  secondSync.release();
  await second;
  expect(answered).toEqual(['p2']);
  // A sync slot is free: the third batch commits and waits for its own sync.
  const thirdSync = await held();
  expect((await listReceiptHashes(db, courseId)).map((r) => r.id).sort()).toEqual(['p1', 'p2', 'p3']);
  firstSync.release();
  await first;
  thirdSync.release();
  await third;
  expect(answered).toEqual(['p2', 'p1', 'p3']);
  const rows = await listReceiptHashes(db, courseId);
  expect(rows).toHaveLength(3);
});

it('fails only the batch whose sync failed while the next one, committed after it, is acknowledged by its own sync', async () => {
  const writer = new SubmissionWriter(db);
  const first = writer.write(handIn('f1', 'one')).then(
    () => 'acknowledged',
    (error: unknown) => error,
  );
  const firstSync = await held();
  const second = writer.write(handIn('f2', 'two'));
  const secondSync = await held();
  firstSync.fail(new Error('EIO: the disk said no'));
  expect(await first).toBeInstanceOf(NotDurableError);
  secondSync.release();
  // Its own sync ran after its commit, so it covers it (and the frames before it).
  expect((await second).version).toBe(2);
});
