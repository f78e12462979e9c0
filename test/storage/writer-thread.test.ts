// Hand-ins written by the writer thread: numbered in its transactions, acknowledged once committed and synced, one bad
// item refused alone, and a thread that stops or fails never leaves a hand-in acknowledged that it did not write.
import SqliteDatabase from 'better-sqlite3';
import { sql } from 'kysely';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { createDb, PAGE_CACHE_KIB, type Db } from '../../src/storage/db.js';
import { migrateToLatest } from '../../src/storage/migrate.js';
import { saveCourse } from '../../src/storage/repositories/course-writer.js';
import { findCourseRef } from '../../src/storage/repositories/enrollments.js';
import { listMailJobs } from '../../src/storage/repositories/mail-queue.js';
import { listReceiptHashes } from '../../src/storage/repositories/work.js';
import { SubmissionWriter, type WriterItem } from '../../src/storage/repositories/work-writer.js';
import { threadStatements } from '../../src/storage/repositories/work-writer-sqlite.js';
import type { SubmissionRow } from '../../src/storage/repositories/work-tables.js';
import { WriterThread } from '../../src/storage/writer-thread.js';
import { buildCourse } from '../support/course-factory.js';
import { makeTempDir, type TempDir } from '../support/temp-dir.js';
import { insertPlainUsers, questionItem } from '../support/writer-items.js';

const T0 = '2026-11-26T09:00:00.000Z';
let temp: TempDir;
let db: Db;
let courseId: string;
let thread: WriterThread | null;

beforeEach(async () => {
  temp = makeTempDir('seminar-writer-thread-');
  db = createDb({ kind: 'sqlite', file: join(temp.path, 'seminar.db') });
  await migrateToLatest(db);
  await saveCourse(db, 'thread-seminar', buildCourse(), T0);
  courseId = (await findCourseRef(db, 'thread-seminar'))!.id;
  await insertPlainUsers(db, ['u1', 'u2'], T0);
  thread = WriterThread.start(db, threadStatements(), PAGE_CACHE_KIB);
});

afterEach(async () => {
  await thread?.stop();
  await db.destroy();
  temp.remove();
});

function handIn(id: string, user: string, opts: { withMail?: boolean; withFile?: boolean } = {}): WriterItem {
  const item = questionItem(courseId, id, user, `Question ${id}`, T0);
  const sha = item.row.sha256;
  if (opts.withFile) {
    item.row = { ...item.row, text: null, size: 10 };
    item.files = [
      {
        position: 0,
        sha256: sha,
        name: 'talk.pdf',
        type: 'application/pdf',
        size: 10,
        pages: 3,
        readme: null,
      },
    ];
    item.blobs = [{ sha256: sha, size: 10, type: 'application/pdf', created_at: T0 }];
  }
  if (opts.withMail)
    item.mail = [
      {
        id: `m-${id}`,
        kind: 'receipt',
        user_id: user,
        address: null,
        payload: '{}',
        created_at: T0,
        request_id: `r-${id}`,
      },
    ];
  return item;
}

it('numbers the versions of batches handed over together, and every acknowledged hand-in is in the database', async () => {
  const writer = new SubmissionWriter(db);
  writer.useThread(thread);
  // Three turns of hand-ins: several batches in the thread's hands at once.
  const writes: Array<Promise<SubmissionRow>> = [];
  for (let turn = 0; turn < 3; turn++) {
    for (let i = 0; i < 5; i++)
      writes.push(writer.write(handIn(`t${turn}-${i}`, i % 2 ? 'u2' : 'u1', { withMail: true })));
    await new Promise<void>((r) => setImmediate(r));
  }
  const rows = await Promise.all(writes);
  const versions = (user: string) => rows.filter((r) => r.user_id === user).map((r) => r.version);
  expect(versions('u1').sort((a, b) => a - b)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
  expect(versions('u2').sort((a, b) => a - b)).toEqual([1, 2, 3, 4, 5, 6]);
  const stored = new Map((await listReceiptHashes(db, courseId)).map((r) => [r.id, r.sha256]));
  for (const r of rows) expect(stored.get(r.id)).toBe(`sha-${r.id}`);
  // The receipt mail of each, in the same transaction, with the request that caused it.
  const mail = await listMailJobs(db);
  expect(mail.map((m) => m.request_id).sort()).toEqual(rows.map((r) => `r-${r.id}`).sort());
  expect(writer.busy()).toBe(true); // just written: the mail worker still waits
});

it('writes a file hand-in with its blob and file rows', async () => {
  const writer = new SubmissionWriter(db);
  writer.useThread(thread);
  const row = await writer.write(handIn('f1', 'u1', { withFile: true }));
  expect(row.version).toBe(1);
  const files = (
    await sql<Record<string, unknown>>`select * from submission_files where submission_id = 'f1'`.execute(db)
  ).rows;
  expect(files).toEqual([
    expect.objectContaining({ submission_id: 'f1', position: 0, name: 'talk.pdf', pages: 3 }),
  ]);
  expect((await sql`select sha256 from blobs where sha256 = 'sha-f1'`.execute(db)).rows).toHaveLength(1);
});

it('refuses a bad hand-in alone: its neighbours in the batch are written and acknowledged', async () => {
  const writer = new SubmissionWriter(db);
  writer.useThread(thread);
  const good = writer.write(handIn('g1', 'u1'));
  const bad = writer.write(handIn('g2', 'nobody')); // no such account: the foreign key refuses it
  const alsoGood = writer.write(handIn('g3', 'u2'));
  expect((await good).version).toBe(1);
  await expect(bad).rejects.toThrow(/FOREIGN KEY/);
  expect((await alsoGood).version).toBe(1);
  expect((await listReceiptHashes(db, courseId)).map((r) => r.id).sort()).toEqual(['g1', 'g3']);
});

it('answers the batches it holds before it stops, and the writer goes on on the event loop after', async () => {
  const writer = new SubmissionWriter(db);
  writer.useThread(thread);
  const held = [writer.write(handIn('s1', 'u1')), writer.write(handIn('s2', 'u1'))];
  await new Promise<void>((r) => setImmediate(r));
  const stopping = thread!.stop();
  expect((await Promise.all(held)).map((r) => r.version)).toEqual([1, 2]);
  await stopping;
  expect(thread!.running).toBe(false);
  expect((await writer.write(handIn('s3', 'u1'))).version).toBe(3);
});

it('acknowledges nothing it cannot vouch for when the thread dies mid-burst; the next hand-ins are written on the event loop', async () => {
  const writer = new SubmissionWriter(db);
  writer.useThread(thread);
  expect((await writer.write(handIn('k1', 'u1'))).version).toBe(1);
  const inFlight = writer.write(handIn('k2', 'u1'));
  await new Promise<void>((r) => setImmediate(r));
  await (thread as unknown as { worker: { terminate(): Promise<number> } }).worker.terminate();
  await expect(inFlight).rejects.toThrow(/writer thread/);
  expect(thread!.running).toBe(false);
  const after = await writer.write(handIn('k3', 'u1'));
  const stored = (await listReceiptHashes(db, courseId)).map((r) => r.id);
  // k2 may or may not have been committed before the thread died; it was never acknowledged either way.
  expect(stored).toContain('k1');
  expect(stored).toContain('k3');
  expect(after.version).toBe(stored.length);
});

it('refuses a batch as a whole, after one wait, when another process holds the write lock past the busy timeout', async () => {
  await thread!.stop();
  thread = WriterThread.start(db, threadStatements(), PAGE_CACHE_KIB, 300);
  const writer = new SubmissionWriter(db);
  writer.useThread(thread);
  const other = new SqliteDatabase(join(temp.path, 'seminar.db'));
  try {
    other.exec('begin immediate');
    const started = Date.now();
    const outcomes = await Promise.allSettled([1, 2, 3, 4].map((i) => writer.write(handIn(`b${i}`, 'u1'))));
    expect(outcomes.map((o) => o.status)).toEqual(['rejected', 'rejected', 'rejected', 'rejected']);
    expect(String((outcomes[0] as PromiseRejectedResult).reason)).toMatch(/locked|busy/i);
    // One wait for the batch, not one per hand-in.
    expect(Date.now() - started).toBeLessThan(4 * 300);
    other.exec('rollback');
    expect((await writer.write(handIn('b5', 'u1'))).version).toBe(1);
  } finally {
    other.close();
  }
});

it('takes the hand-ins of a student who joined mid-burst, and leaves the versions written before as they were', async () => {
  const writer = new SubmissionWriter(db);
  writer.useThread(thread);
  const early = await Promise.all([writer.write(handIn('e1', 'u1')), writer.write(handIn('e2', 'u1'))]);
  const before = await listReceiptHashes(db, courseId);
  // A late enrollee's account is made on the server's own connection while the thread keeps writing.
  const during = writer.write(handIn('e3', 'u1'));
  await insertPlainUsers(db, ['late'], '2026-11-27T09:00:00.000Z');
  const late = await writer.write(handIn('l1', 'late'));
  expect((await during).version).toBe(3);
  expect(late.version).toBe(1);
  expect(early.map((r) => r.version)).toEqual([1, 2]);
  const after = new Map((await listReceiptHashes(db, courseId)).map((r) => [r.id, r.sha256]));
  for (const r of before) expect(after.get(r.id)).toBe(r.sha256);
  expect(after.get('l1')).toBe('sha-l1');
});
