// The demo's hand-ins: past questions, slides, summaries with one late (zero), and rolls; re-running adds nothing.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DateTime } from 'luxon';
import { importSyllabus } from '../../src/services/import-syllabus.js';
import { seedDemoAccounts } from '../../src/services/demo/seed-accounts.js';
import { seedGroups } from '../../src/services/demo/seed-groups.js';
import { seedWork } from '../../src/services/demo/seed-work.js';
import { listSubmissions } from '../../src/storage/repositories/work.js';
import { listRolls } from '../../src/storage/repositories/attendance.js';
import { createTestDatabase, type TestDatabase } from '../support/dialects.js';

const NOW = new Date('2026-11-26T15:00:00Z');

describe('the demo hand-ins', () => {
  let t: TestDatabase & { drop(): Promise<void> };
  let courseId: string;

  beforeAll(async () => {
    t = await createTestDatabase('sqlite');
    const shiftTo = DateTime.fromJSDate(NOW)
      .setZone('America/Chicago')
      .startOf('week')
      .minus({ weeks: 6 })
      .toISODate()!;
    const imported = await importSyllabus(
      { db: t.db, clock: () => NOW },
      {
        source: readFileSync('examples/cs598-genai-f24.md'),
        slug: 'cs598-genai-f24',
        timeZone: 'America/Chicago',
        shiftTo,
      },
    );
    courseId = imported.stored.id;
    await seedDemoAccounts(t.db, NOW, courseId);
    await seedGroups({ db: t.db, clock: () => NOW }, 'cs598-genai-f24', 598);
  }, 60_000);
  afterAll(async () => {
    await t?.drop();
  });

  it('holds past questions, slides, summaries (one late, scoring zero) and the roll of past classes', async () => {
    const report = await seedWork({ db: t.db, filesDir: t.config.filesDir }, 'cs598-genai-f24', NOW);
    expect(report.questions).toBeGreaterThan(50);
    expect(report.files).toBeGreaterThan(0);
    expect(report.summaries).toBeGreaterThan(0);
    expect(report.rolls).toBeGreaterThan(3);
    const rows = await listSubmissions(t.db, { courseId });
    expect(rows.filter((r) => r.deliverable_key === 'summary' && r.outcome === 'late-zero')).toHaveLength(1);
    expect(rows.every((r) => Date.parse(r.submitted_at) < NOW.getTime())).toBe(true);
  }, 120_000);

  it('adds nothing when run again', async () => {
    const before = (await listSubmissions(t.db, { courseId })).length;
    const rolls = (await listRolls(t.db, courseId)).length;
    const again = await seedWork({ db: t.db, filesDir: t.config.filesDir }, 'cs598-genai-f24', NOW);
    expect(again).toMatchObject({ questions: 0, files: 0, summaries: 0, rolls: 0, skipped: true });
    expect((await listSubmissions(t.db, { courseId })).length).toBe(before);
    expect((await listRolls(t.db, courseId)).length).toBe(rolls);
  }, 60_000);
});
