// Importing a syllabus as a stored course: created then updated in place, bad files and slugs store nothing.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { toCourseModel } from '../../src/domain/stored-course.js';
import { DomainError } from '../../src/services/errors.js';
import { importSyllabus, readSyllabus } from '../../src/services/import-syllabus.js';
import { listCourses } from '../../src/services/list-courses.js';
import { getCourse } from '../../src/services/get-course.js';
import type { Db } from '../../src/storage/db.js';
import { fixtureBytes, FIXTURE_SLUG } from '../support/fixture.js';
import { createMemoryDb } from '../support/memory-db.js';

const clock = () => new Date('2026-11-26T09:00:00Z');
const zone = 'America/Chicago';

async function expectDomainError(promise: Promise<unknown>, code: string, reason?: string) {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(DomainError);
  expect((error as DomainError).code).toBe(code);
  if (reason) expect((error as DomainError).details).toMatchObject({ reason });
  expect((error as DomainError).message.length).toBeGreaterThan(10);
}

describe('importSyllabus', () => {
  let db: Db;
  beforeEach(async () => {
    db = await createMemoryDb();
  });
  afterEach(async () => {
    await db.destroy();
  });

  it('stores the fixture as a new course with every meeting and reading the parser read', async () => {
    const result = await importSyllabus(
      { db, clock },
      { source: fixtureBytes(), slug: FIXTURE_SLUG, timeZone: zone },
    );
    expect(result.created).toBe(true);
    const parsed = readSyllabus({ source: fixtureBytes(), timeZone: zone }).course;
    expect(toCourseModel(result.stored)).toEqual(parsed);
    expect(result.stored.meetings.length).toBe(parsed.meetings.length);
    expect(result.stored.meetings.flatMap((m) => m.readings).length).toBe(
      parsed.meetings.flatMap((m) => m.readings).length,
    );
    expect(result.stored.createdAt).toBe('2026-11-26T09:00:00.000Z');
    expect(await listCourses({ db })).toEqual([
      expect.objectContaining({
        slug: FIXTURE_SLUG,
        code: 'CS 598',
        title: 'Systems for Generative AI',
        term: { season: 'Fall', year: 2024 },
      }),
    ]);
  });

  it('updates the course in place when the same slug is imported again', async () => {
    const first = await importSyllabus(
      { db, clock },
      { source: fixtureBytes(), slug: FIXTURE_SLUG, timeZone: zone },
    );
    const second = await importSyllabus(
      { db, clock },
      { source: fixtureBytes(), slug: FIXTURE_SLUG, timeZone: zone },
    );
    expect(second.created).toBe(false);
    expect(second.stored.id).toBe(first.stored.id);
    expect(second.stored.version).toBe(first.stored.version + 1);
    expect(second.stored.meetings.map((m) => m.id)).toEqual(first.stored.meetings.map((m) => m.id));
    expect(await listCourses({ db })).toHaveLength(1);
    const meetings = await db.selectFrom('meetings').select('id').execute();
    expect(meetings).toHaveLength(first.stored.meetings.length);
  });

  it('moves the schedule with shiftTo so the first meeting falls on that date, keeping ids on a later re-shift', async () => {
    const first = await importSyllabus(
      { db, clock },
      { source: fixtureBytes(), slug: FIXTURE_SLUG, timeZone: zone, shiftTo: '2026-10-12' },
    );
    expect(first.stored.meetings[0]!.date).toBe('2026-10-12');
    const later = await importSyllabus(
      { db, clock },
      { source: fixtureBytes(), slug: FIXTURE_SLUG, timeZone: zone, shiftTo: '2026-10-19' },
    );
    expect(later.stored.meetings[0]!.date).toBe('2026-10-19');
    expect(later.stored.meetings.map((m) => m.id)).toEqual(first.stored.meetings.map((m) => m.id));
  });

  it.each([
    ['an empty file', new Uint8Array(0), 'empty'],
    ['a binary file', new Uint8Array([0x7f, 0x45, 0x4c, 0x46, 0, 0, 0, 1, 2, 3]), 'binary'],
    ['a Markdown file without a schedule', '# Notes\n\nJust some text.\n', 'not_a_syllabus'],
    ['a file over 5 MB', 'x'.repeat(5 * 1024 * 1024 + 1), 'too_large'],
  ])('refuses %s with invalid_syllabus and stores nothing', async (_name, source, reason) => {
    await expectDomainError(
      importSyllabus({ db, clock }, { source, slug: 'bad-file', timeZone: zone }),
      'invalid_syllabus',
      reason,
    );
    expect(await listCourses({ db })).toEqual([]);
  });

  it.each(['CS598', 'a b', '../../etc', '', 'x'.repeat(65), 'été'])(
    'refuses the slug %j and stores nothing',
    async (slug) => {
      await expectDomainError(
        importSyllabus({ db, clock }, { source: fixtureBytes(), slug, timeZone: zone }),
        'invalid_slug',
      );
      expect(await listCourses({ db })).toEqual([]);
    },
  );

  it('refuses an unknown time zone and a malformed shift date', async () => {
    await expectDomainError(
      importSyllabus({ db, clock }, { source: fixtureBytes(), slug: 'tz', timeZone: 'Mars/Olympus' }),
      'invalid_input',
    );
    await expectDomainError(
      importSyllabus(
        { db, clock },
        { source: fixtureBytes(), slug: 'tz', timeZone: zone, shiftTo: '2026-13-40' },
      ),
      'invalid_input',
    );
    expect(await listCourses({ db })).toEqual([]);
  });

  it('answers not_found for an unknown or malformed slug', async () => {
    await expectDomainError(getCourse({ db }, 'nothing-here'), 'not_found');
    await expectDomainError(getCourse({ db }, '../../etc/passwd'), 'not_found');
  });
});
