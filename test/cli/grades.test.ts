// `seminar grades SLUG`: the Canvas gradebook import CSV, the plain CSV with totals and JSON, from the built CLI on SQLite.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { createDb, type Db } from '../../src/storage/db.js';
import { migrateToLatest } from '../../src/storage/migrate.js';
import { insertMember } from '../../src/storage/repositories/groups.js';
import { enterScore, releaseItem } from '../../src/services/grades/edit-grades.js';
import { loadGradeCourse } from '../../src/services/grades/load.js';
import { loadWorkCourse } from '../../src/services/work/context.js';
import { buildCourse } from '../support/course-factory.js';
import { makePerson } from '../http/auth-client.js';
import { buildWorkWorld, SLUG, type WorkWorld } from '../http/work-helpers.js';
import { ensureBuilt } from '../support/built-seminar.js';
import { runSeminar } from './run-cli.js';

const START = new Date('2024-08-27T12:00:00Z');
const COMPONENTS = [
  { key: 'participation', name: 'Participation', weight: 10 },
  { key: 'paper-presentation-discussion', name: 'Paper Presentation & Discussion', weight: 15 },
  { key: 'paper-summary', name: 'Paper Summary', weight: 15 },
  { key: 'project-report', name: 'Project Report', weight: 40 },
  { key: 'project-presentations', name: 'Project Presentations', weight: 20 },
];

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

describe('seminar grades', () => {
  let dataDir = '';
  let world: WorkWorld;
  let items: Array<{ id: string; key: string; title: string; points: string }> = [];
  const env = () => ({ DATA_DIR: dataDir });
  const withDb = async <T>(fn: (db: Db) => Promise<T>): Promise<T> => {
    const db = createDb(loadConfig({ DATA_DIR: dataDir }).database);
    try {
      return await fn(db);
    } finally {
      await db.destroy();
    }
  };

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'seminar-cli-grades-'));
    await withDb(async (db) => {
      await migrateToLatest(db);
      world = await buildWorkWorld(db, START, buildCourse({ components: COMPONENTS }));
      // Eve enrols on Sept 10 and joins Alpha then: Alpha's Aug 28 presentation was before she joined.
      const joined = new Date('2024-09-10T15:00:00Z');
      const eve = await makePerson(db, joined, 'eve@example.edu', {
        courseId: world.courseId,
        role: 'student',
        name: 'Eve',
      });
      await insertMember(db, {
        group_id: world.groups.alpha,
        user_id: eve.id,
        course_id: world.courseId,
        joined_at: joined.toISOString(),
      });
      const deps = { db, clock: () => new Date('2024-08-28T18:00:00Z') };
      const work = await loadWorkCourse(deps, SLUG, { userId: world.ids.prof, isAdmin: false });
      items = (await loadGradeCourse(deps, work)).items;
      const talk = items.find((i) => i.key === 'presentation@2024-08-28')!;
      await enterScore(deps, work, talk.id, {
        subject: { kind: 'group', groupId: world.groups.alpha },
        points: '90',
        comment: 'Clear background, "quoted", and, commas.',
      });
      await enterScore(deps, work, talk.id, {
        subject: { kind: 'student', userId: world.ids.ben },
        points: '80.5',
        reason: 'Did not take part in the panel.',
      });
      await releaseItem({ ...deps, publicUrl: 'http://localhost' }, work, talk.id, true);
    });
    // The CLI runs from dist/: built here, once, so that no test below spends its time on the build.
    await ensureBuilt();
  }, 600_000);
  afterAll(() => {
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  it('writes the Canvas gradebook import: the fixed header, Points Possible, one row per student', async () => {
    const out = join(dataDir, 'canvas.csv');
    const run = await runSeminar(
      ['grades', SLUG, '--format', 'canvas', '--out', out, '--at', '2024-09-06T12:00:00-05:00'],
      env(),
    );
    expect(run).toMatchObject({ code: 0, stdout: '' });
    expect(run.stderr).toBe(`wrote ${out}\n`);
    const text = readFileSync(out, 'utf8');
    const header = `Student,ID,SIS User ID,SIS Login ID,Section,${items.map((i) => `${i.title} (${i.key})`).join(',')}`;
    expect(text.split('\r\n')[0]).toBe(header);
    const rows = parse(text) as string[][];
    expect(rows[1]).toEqual(['Points Possible', '', '', '', '', ...items.map((i) => i.points)]);
    expect(rows.slice(2).map((r) => [r[0], r[3], r[4]])).toEqual([
      ['Ada', 'ada@example.edu', 'Alpha'],
      ['Ben', 'ben@example.edu', 'Alpha'],
      ['Cat', 'cat@example.edu', 'Beta'],
      ['Dan', 'dan@example.edu', ''],
      ['Eve', 'eve@example.edu', 'Alpha'],
    ]);
    const talk = items.find((i) => i.key === 'presentation@2024-08-28')!;
    const col = rows[0]!.indexOf(`${talk.title} (${talk.key})`);
    expect(col).toBeGreaterThan(4);
    const byLogin = new Map(rows.slice(2).map((r) => [r[3], r[col]]));
    // The group's 90 for Ada, Ben's override rounded once, Eve joined after the class: excused.
    expect(Object.fromEntries(byLogin)).toEqual({
      'ada@example.edu': '90',
      'ben@example.edu': '80.5',
      'cat@example.edu': '',
      'dan@example.edu': '',
      'eve@example.edu': 'EX',
    });
  }, 120_000);

  it('writes the plain CSV with category and final columns; missing work counts 0 only after its deadline', async () => {
    const at = async (instant: string) => {
      const run = await runSeminar(['grades', SLUG, '--format', 'csv', '--at', instant], env());
      expect(run.code).toBe(0);
      return new Map((parse(run.stdout, { columns: true }) as Json[]).map((r) => [r.Email as string, r]));
    };
    // Before the Sept 4 poster session: the poster is not due yet and Project Presentations holds nothing.
    // Ada: participation 100 (within the allowances), presentation 90 → (10 × 100 + 15 × 90) / 25 = 94.00.
    const before = await at('2024-09-03T12:00:00-05:00');
    expect(before.get('ada@example.edu')).toMatchObject({
      'Paper Presentation & Discussion (15 %)': '90.00',
      'Project Presentations (20 %)': '',
      'Final %': '94.00',
      Letter: 'A',
    });
    // After it: the poster counts 0 → (10 × 100 + 15 × 90 + 20 × 0) / 45 = 52.22; Ben (80.5):
    // (1000 + 1207.5) / 45 = 49.0555… → 49.06, rounded once, half up.
    const after = await at('2024-09-06T12:00:00-05:00');
    expect(after.get('ada@example.edu')).toMatchObject({
      'Participation (10 %)': '100.00',
      'Project Presentations (20 %)': '0.00',
      'Final %': '52.22',
      Letter: 'F',
    });
    expect(after.get('ben@example.edu')).toMatchObject({
      'Paper Presentation & Discussion (15 %)': '80.50',
      'Final %': '49.06',
    });
    // The past stays as it was: the same instant gives the same file.
    expect((await at('2024-09-03T12:00:00-05:00')).get('ada@example.edu')).toEqual(
      before.get('ada@example.edu'),
    );
  }, 120_000);

  it('prints JSON with --json, the same numbers as the CSV', async () => {
    const run = await runSeminar(['grades', SLUG, '--json', '--at', '2024-09-06T12:00:00-05:00'], env());
    expect(run.code).toBe(0);
    const body = JSON.parse(run.stdout) as Json;
    expect(body.course).toBe(SLUG);
    expect(body.exportedAt).toBe('2024-09-06T17:00:00.000Z');
    expect(body.categories.map((c: Json) => [c.key, c.weight])).toEqual(
      COMPONENTS.map((c) => [c.key, String(c.weight)]),
    );
    const ada = body.students.find((s: Json) => s.email === 'ada@example.edu');
    expect(ada).toMatchObject({ group: 'Alpha', final: '52.22', letter: 'F' });
    const talk = items.find((i) => i.key === 'presentation@2024-08-28')!;
    expect(ada.items[talk.id]).toEqual({ state: 'scored', points: '90' });
    const eve = body.students.find((s: Json) => s.email === 'eve@example.edu');
    expect(eve.items[talk.id]).toMatchObject({ state: 'before-joined', points: null });
  }, 120_000);

  it('refuses a bad format, mixed flags, a bad instant and an unknown course with one line', async () => {
    const bad = await runSeminar(['grades', SLUG, '--format', 'xlsx'], env());
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/expected canvas \(the Canvas gradebook import\), csv or json/);
    const mixed = await runSeminar(['grades', SLUG, '--json', '--format', 'canvas'], env());
    expect(mixed).toMatchObject({ code: 1, stdout: '' });
    expect(mixed.stderr.trim()).toBe('seminar: --json and --format canvas ask for different files.');
    const when = await runSeminar(['grades', SLUG, '--at', 'Sept 6'], env());
    expect(when.code).toBe(1);
    expect(when.stderr).toMatch(/--at takes an ISO-8601 instant with an offset/);
    const none = await runSeminar(['grades', 'no-such-course'], env());
    expect(none.code).toBe(1);
    expect(none.stderr.trim()).toBe('seminar: No course "no-such-course" here.');
  }, 120_000);
});
