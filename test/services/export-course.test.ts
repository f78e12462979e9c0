// Exporting a stored course as Markdown: importing the export gives the same course back, for the demo and for
// syllabi of other shapes (test/syllabus/shapes-*.test.ts; `seminar export` itself is run in test/cli).
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toCourseModel } from '../../src/domain/stored-course.js';
import { exportCourse } from '../../src/services/export-course.js';
import { importSyllabus, readSyllabus } from '../../src/services/import-syllabus.js';
import { getCourse } from '../../src/services/get-course.js';
import type { Db } from '../../src/storage/db.js';
import { fixtureBytes, FIXTURE_SLUG } from '../support/fixture.js';
import { createMemoryDb } from '../support/memory-db.js';

describe('exportCourse', () => {
  let db: Db;
  beforeAll(async () => {
    db = await createMemoryDb();
    await importSyllabus({ db }, { source: fixtureBytes(), slug: FIXTURE_SLUG, timeZone: 'America/Chicago' });
  });
  afterAll(async () => {
    await db.destroy();
  });

  it('writes the course back as Markdown that imports to the same course', async () => {
    const markdown = await exportCourse({ db }, FIXTURE_SLUG);
    expect(markdown).toContain('Systems for Generative AI');
    await importSyllabus({ db }, { source: markdown, slug: 'round-trip', timeZone: 'America/Chicago' });
    const original = toCourseModel(await getCourse({ db }, FIXTURE_SLUG));
    const again = toCourseModel(await getCourse({ db }, 'round-trip'));
    expect(again).toEqual(original);
  });

  it.each([
    'legend-o-marks.md',
    'year-from-sentence.md',
    'weeks-tue-thu.md',
    'mondays-zurich.md',
    'deadlines-est.md',
    'deadlines-teams-breaks.md',
    'papers-around-links.md',
    'topics-only.md',
    'one-date-several-rows.md',
    'nested-weeks.md',
    'jekyll-definition-list.md',
  ])('writes %s back so that reading the export gives the stored course', async (name) => {
    const slug = name.replace(/\.md$/, '');
    const source = readFileSync(`test/fixtures/syllabi/${name}`);
    await importSyllabus({ db }, { source, slug, timeZone: 'America/Chicago' });
    const stored = toCourseModel(await getCourse({ db }, slug));
    const again = readSyllabus({ source: await exportCourse({ db }, slug), timeZone: 'America/Chicago' });
    expect(again.course).toEqual(stored);
  });
});
