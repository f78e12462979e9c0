// The hot reads kept in memory on SQLite never outlive a change: a write in this process ends them at once, a commit by another connection or process from the next turn of the event loop.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { sql } from 'kysely';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { createDb, sqliteHandle, writeTransaction, type Db } from '../../src/storage/db.js';
import { migrateToLatest } from '../../src/storage/migrate.js';
import { saveCourse } from '../../src/storage/repositories/course-writer.js';
import { findCourseRef, insertEnrollment } from '../../src/storage/repositories/enrollments.js';
import { insertMember, insertGroup } from '../../src/storage/repositories/groups.js';
import {
  findLiveSession,
  findWorkStanding,
  HOT_READS,
  listExtensionsFor,
} from '../../src/storage/repositories/hot-reads.js';
import { readsFromDatabase } from '../../src/storage/read-cache.js';
import { NOT_PREPARED, readPrepared } from '../../src/storage/prepared.js';
import { deleteSession, insertSession } from '../../src/storage/repositories/sessions.js';
import { buildCourse } from '../support/course-factory.js';
import { makeTempDir, type TempDir } from '../support/temp-dir.js';
import { insertPlainUsers } from '../support/writer-items.js';

const T0 = '2026-11-26T09:00:00.000Z';
const SLUG = 'cache-seminar';
let temp: TempDir;
let file: string;
let db: Db;
let courseId: string;

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

beforeEach(async () => {
  temp = makeTempDir('seminar-read-cache-');
  file = join(temp.path, 'seminar.db');
  db = createDb({ kind: 'sqlite', file });
  await migrateToLatest(db);
  await saveCourse(db, SLUG, buildCourse(), T0);
  courseId = (await findCourseRef(db, SLUG))!.id;
  await insertPlainUsers(db, ['ann', 'bo'], T0);
  await insertSession(db, {
    id: 'session-ann',
    user_id: 'ann',
    csrf_token: 'csrf',
    created_at: T0,
    last_seen_at: T0,
    expires_at: '2027-01-01T00:00:00.000Z',
    ip: null,
    user_agent: null,
  });
});

afterEach(async () => {
  await db.destroy();
  temp.remove();
});

it('ends a session at once when this process signs it out, even within the turn that read it', async () => {
  expect((await findLiveSession(db, 'session-ann'))?.user.id).toBe('ann');
  expect((await findLiveSession(db, 'session-ann'))?.user.id).toBe('ann');
  await deleteSession(db, 'session-ann');
  expect(await findLiveSession(db, 'session-ann')).toBeUndefined();
});

it('sees a student enrolled, grouped and dropped mid-semester on the very next read', async () => {
  expect((await findWorkStanding(db, SLUG, 'bo'))?.enrollment).toBeNull();
  await insertEnrollment(db, {
    course_id: courseId,
    user_id: 'bo',
    role: 'student',
    created_at: T0,
    updated_at: T0,
    dropped_at: null,
  });
  expect((await findWorkStanding(db, SLUG, 'bo'))?.enrollment).toEqual({ role: 'student', dropped_at: null });
  expect((await findWorkStanding(db, SLUG, 'bo'))?.group).toBeNull();
  // A group formed late, in a transaction (the way the service forms one).
  await writeTransaction(db, async (trx) => {
    await insertGroup(trx as unknown as Db, {
      id: 'g1',
      course_id: courseId,
      name: 'Late Group',
      created_at: T0,
      created_by: 'bo',
    });
    await insertMember(trx as unknown as Db, {
      group_id: 'g1',
      course_id: courseId,
      user_id: 'bo',
      joined_at: T0,
    });
  });
  expect((await findWorkStanding(db, SLUG, 'bo'))?.group).toEqual({ id: 'g1', name: 'Late Group' });
  await sql`update enrollments set dropped_at = ${T0} where user_id = 'bo'`.execute(db);
  expect((await findWorkStanding(db, SLUG, 'bo'))?.enrollment?.dropped_at).toBe(T0);
});

it('counts an insert … returning as a write (it reads rows back, yet it changes the database)', async () => {
  expect(await listExtensionsFor(db, courseId, 'question', 'ann', null)).toEqual([]);
  const [row] = (
    await sql<{
      id: string;
    }>`insert into extensions (id, course_id, deliverable_key, meeting_date, target_kind, target_id, due_at, granted_by, granted_at, reason)
      values ('x1', ${courseId}, 'question', null, 'student', 'ann', '2026-12-01T00:00:00.000Z', 'ann', ${T0}, 'ill') returning id`.execute(
      db,
    )
  ).rows;
  expect(row?.id).toBe('x1');
  expect((await listExtensionsFor(db, courseId, 'question', 'ann', null)).map((e) => e.id)).toEqual(['x1']);
});

it("reads another connection's commit from the next turn of the event loop: within one turn the two requests crossed", async () => {
  expect((await findLiveSession(db, 'session-ann'))?.user.name).toBe('ann');
  const other = new SqliteDatabase(file);
  try {
    other.prepare(`update users set name = 'Ann Lee' where id = 'ann'`).run();
    // The same turn: the answer read in it stands (the commit and this read were concurrent).
    expect((await findLiveSession(db, 'session-ann'))?.user.name).toBe('ann');
    await nextTurn();
    expect((await findLiveSession(db, 'session-ann'))?.user.name).toBe('Ann Lee');
    other.prepare(`delete from sessions where id = 'session-ann'`).run();
    await nextTurn();
    expect(await findLiveSession(db, 'session-ann')).toBeUndefined();
  } finally {
    other.close();
  }
});

it('sees a sign-out made by another process (the CLI beside the server) on the next read', async () => {
  expect((await findLiveSession(db, 'session-ann'))?.user.id).toBe('ann');
  const script = `const D = require('better-sqlite3'); const d = new D(process.argv[1]); d.prepare("delete from sessions where id = 'session-ann'").run(); d.close();`;
  const done = spawnSync(process.execPath, ['-e', script, file], { cwd: process.cwd(), encoding: 'utf8' });
  expect(done.stderr).toBe('');
  expect(done.status).toBe(0);
  await nextTurn();
  expect(await findLiveSession(db, 'session-ann')).toBeUndefined();
});

it('never answers from memory inside a transaction on the connection (it could hold uncommitted rows)', async () => {
  const read = () => readPrepared(db, 'select name from users where id = ?', 'get', ['ann']);
  expect(read()).toEqual({ name: 'ann' });
  const raw = sqliteHandle(db)!;
  await db.connection().execute(async (conn) => {
    await sql`begin`.execute(conn);
    try {
      raw.prepare(`update users set name = 'uncommitted' where id = 'ann'`).run();
      expect(read()).toBe(NOT_PREPARED);
    } finally {
      await sql`rollback`.execute(conn);
    }
  });
  expect(read()).toEqual({ name: 'ann' });
});

it("keeps its answers through another connection's commit that leaves the tables it reads alone (the writer thread's hand-ins), and not through one that touches them", async () => {
  expect((await findLiveSession(db, 'session-ann'))?.user.name).toBe('ann');
  await nextTurn();
  const other = new SqliteDatabase(file);
  try {
    other
      .prepare(
        `insert into mail_queue (id, kind, user_id, address, payload, created_at, attempts, next_attempt_at) values ('m1', 'receipt', 'ann', null, '{}', ?, 0, ?)`,
      )
      .run(T0, T0);
    await nextTurn();
    const before = readsFromDatabase();
    expect((await findLiveSession(db, 'session-ann'))?.user.name).toBe('ann');
    expect(readsFromDatabase()).toBe(before);
    other.prepare(`update users set name = 'Ann Lee' where id = 'ann'`).run();
    await nextTurn();
    expect((await findLiveSession(db, 'session-ann'))?.user.name).toBe('Ann Lee');
    expect(readsFromDatabase()).toBe(before + 1);
  } finally {
    other.close();
  }
});

it('counts every write to each table a kept query reads (insert, update and delete triggers)', async () => {
  const tables = new Set(
    HOT_READS.flatMap((text) => [...text.matchAll(/\b(?:from|join)\s+(\w+)/g)].map((m) => m[1]!)),
  );
  expect([...tables].sort()).toEqual([
    'course_work_versions',
    'courses',
    'enrollments',
    'extensions',
    'group_members',
    'groups',
    'sessions',
    'users',
  ]);
  const triggers = new Set(
    (
      await sql<{
        name: string;
      }>`select name from sqlite_master where type = 'trigger' and name like '%_cache_epoch_%'`.execute(db)
    ).rows.map((r) => r.name),
  );
  for (const table of tables)
    for (const op of ['ai', 'au', 'ad'])
      expect(triggers.has(`${table}_cache_epoch_${op}`), `${table} ${op}`).toBe(true);
});
