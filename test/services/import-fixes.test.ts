// Fixes from the import review are stored with the course and re-applied by a later import of a new version.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { importSyllabus } from '../../src/services/import-syllabus.js';
import { DomainError } from '../../src/services/errors.js';
import { loadCourse } from '../../src/storage/repositories/course-reader.js';
import { loadSyllabusFixes } from '../../src/storage/repositories/syllabus-fixes.js';
import type { Db } from '../../src/storage/db.js';
import type { SyllabusFix } from '../../src/syllabus/index.js';
import { createMemoryDb } from '../support/memory-db.js';
import { fixturePath, readText } from '../syllabus/helpers.js';

const clock = () => new Date('2026-11-26T09:00:00Z');
const base = { slug: 'cs500', timeZone: 'America/Chicago' };
const FIXES: SyllabusFix[] = [
  { kind: 'required', date: '2024-09-03', reading: 'Paper B', required: true },
  { kind: 'required', date: '2024-09-05', reading: 'Paper C', required: true },
  { kind: 'merge', date: '2024-09-05', into: '2024-09-03' },
];

describe('importSyllabus with fixes', () => {
  let db: Db;
  beforeEach(async () => {
    db = await createMemoryDb();
  });
  afterEach(async () => {
    await db.destroy();
  });

  it('stores the fixes and re-applies them to a new version, dropping (and naming) those that no longer apply', async () => {
    const first = await importSyllabus(
      { db, clock },
      { ...base, source: readText(fixturePath('review-v1.md')), fixes: FIXES },
    );
    expect(first.fixes.every((o) => o.applied)).toBe(true);
    expect(await loadSyllabusFixes(db, 'cs500')).toEqual(FIXES);

    // A re-import without fixes (the CLI's) takes the stored ones.
    const again = await importSyllabus(
      { db, clock },
      { ...base, source: readText(fixturePath('review-v2.md')) },
    );
    expect(again.fixes.map((o) => o.applied)).toEqual([true, false, true]);
    expect(again.warnings.map((w) => w.message)).toContainEqual(
      'Not applied: "Paper C" of 2024-09-05 required — that class has no reading "Paper C". It is no longer kept.',
    );
    const stored = await loadCourse(db, 'cs500');
    expect(stored!.meetings.map((m) => m.date)).toEqual(['2024-09-03', '2024-09-12']);
    expect(stored!.meetings[0]!.readings.map((r) => [r.title, r.required])).toEqual([
      ['Paper A', false],
      ['Paper B', true],
      ['Paper C, revised', false],
    ]);
    expect(await loadSyllabusFixes(db, 'cs500')).toEqual([FIXES[0], FIXES[2]]);
  });

  it('refuses a file without a schedule unless the partial course is accepted, which stores no class', async () => {
    const source = readText(fixturePath('refused-no-schedule.md'));
    const refused = await importSyllabus({ db, clock }, { ...base, source }).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(DomainError);
    expect((refused as DomainError).details).toMatchObject({
      reason: 'not_a_syllabus',
      partial: { staff: 1 },
    });
    expect(await loadCourse(db, 'cs500')).toBeNull();

    const partial = await importSyllabus({ db, clock }, { ...base, source, acceptPartial: true });
    expect(partial.created).toBe(true);
    const stored = await loadCourse(db, 'cs500');
    expect(stored!.meetings).toEqual([]);
    expect(stored!.title).toBe(partial.course.title);
  });

  it('keeps an existing course’s classes, their pattern and zone, and its fixes when a refused syllabus is saved as read', async () => {
    // Classes without hours of their own (Tue/Thu 3:30–4:45 pm from the pattern), in another zone than the default.
    const source = readText(fixturePath('review-v1.md'));
    await importSyllabus({ db, clock }, { ...base, timeZone: 'America/New_York', source, fixes: FIXES });
    const before = (await loadCourse(db, 'cs500'))!;
    const fixesBefore = await loadSyllabusFixes(db, 'cs500');
    expect(before.pattern).not.toBeNull();
    expect(fixesBefore.length).toBeGreaterThan(0);
    const partial = await importSyllabus(
      { db, clock },
      // The import's zone (Chicago) does not move the classes kept: their hours stay in New York's.
      { ...base, source: 'no schedule here', acceptPartial: true },
    );
    const after = (await loadCourse(db, 'cs500'))!;
    expect(after.title).toBe('Untitled course');
    expect(after.version).toBe(before.version + 1);
    expect([after.timeZone, after.pattern]).toEqual([before.timeZone, before.pattern]);
    expect(after.meetings).toEqual(before.meetings);
    expect(await loadSyllabusFixes(db, 'cs500')).toEqual(fixesBefore);
    expect(partial.fixes.map((o) => [o.fix, o.applied])).toEqual(fixesBefore.map((fix) => [fix, true]));
    expect(partial.warnings.map((w) => w.message)).toContainEqual(
      expect.stringContaining(`keeps its ${before.meetings.length} classes as they were`),
    );
  });
});
