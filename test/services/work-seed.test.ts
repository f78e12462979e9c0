// The demo's hand-ins: past questions, slides, summaries with one late (zero), and rolls; re-running adds nothing.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DateTime } from 'luxon';
import { importSyllabus } from '../../src/services/import-syllabus.js';
import { seedDemoAccounts } from '../../src/services/demo/seed-accounts.js';
import { seedGroups } from '../../src/services/demo/seed-groups.js';
import { seedWork } from '../../src/services/demo/seed-work.js';
import { demoEnrollmentInstant } from '../../src/services/demo/semester-start.js';
import { seedGrades } from '../../src/services/demo/seed-grades.js';
import { seedComments } from '../../src/services/demo/seed-comments.js';
import { listSummaryComments } from '../../src/services/comments/summary-comments.js';
import { listRegrades, myGrades, staffGradebook } from '../../src/services/grades/views.js';
import { loadWorkCourse } from '../../src/services/work/context.js';
import { findUserByEmail } from '../../src/storage/repositories/users.js';
import { listSubmissions } from '../../src/storage/repositories/work.js';
import { listRolls } from '../../src/storage/repositories/attendance.js';
import { createTestDatabase, type TestDatabase } from '../support/dialects.js';
import { BlobStore } from '../../src/files/blob-store.js';

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
    // As `seminar demo` does: the class enrolled a week before the first class, groups from the demo's seed.
    await seedDemoAccounts(t.db, NOW, courseId, demoEnrollmentInstant(imported.stored, NOW));
    await seedGroups({ db: t.db, clock: () => NOW }, 'cs598-genai-f24', 2024);
  }, 60_000);
  afterAll(async () => {
    await t?.drop();
  });

  it('holds past questions, slides, summaries (one late, scoring zero) and the roll of past classes', async () => {
    const report = await seedWork(
      { db: t.db, files: new BlobStore(t.config.filesDir) },
      'cs598-genai-f24',
      NOW,
    );
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
    const again = await seedWork(
      { db: t.db, files: new BlobStore(t.config.filesDir) },
      'cs598-genai-f24',
      NOW,
    );
    expect(again).toMatchObject({ questions: 0, files: 0, summaries: 0, rolls: 0, skipped: true });
    expect((await listSubmissions(t.db, { courseId })).length).toBe(before);
    expect((await listRolls(t.db, courseId)).length).toBe(rolls);
  }, 60_000);

  it('holds a commented summary: an open comment answered by the group and a resolved one; re-running adds none', async () => {
    const report = await seedComments(t.db, 'cs598-genai-f24', NOW);
    expect(report).toEqual({ threads: 2, replies: 2, skipped: false });
    const rows = await listSubmissions(t.db, { courseId, deliverableKey: 'summary' });
    const first = rows
      .filter((r) => r.outcome === 'on-time')
      .sort((a, b) => a.meeting_date!.localeCompare(b.meeting_date!))[0]!;
    const ta = (await findUserByEmail(t.db, 'ta@example.edu'))!;
    const staff = await loadWorkCourse({ db: t.db, clock: () => NOW }, 'cs598-genai-f24', {
      userId: ta.id,
      isAdmin: false,
    });
    const view = await listSummaryComments({ db: t.db, clock: () => NOW }, staff, {
      deliverableKey: 'summary',
      meetingDate: first.meeting_date!,
      owner: first.owner,
    });
    expect(view.threads.map((x) => [x.state, x.resolved, x.replies.length])).toEqual([
      ['anchored', false, 1],
      ['anchored', true, 1],
    ]);
    expect(view.threads[0]!.author.staff).toBe(true);
    expect(view.threads[0]!.replies[0]!.author.staff).toBe(false);
    expect(await seedComments(t.db, 'cs598-genai-f24', NOW)).toMatchObject({ threads: 0, skipped: true });
  }, 60_000);

  it('holds grades: rubric scores and comments released and not, ungraded work, one regrade request', async () => {
    const report = await seedGrades(t.db, 'cs598-genai-f24', NOW);
    expect(report).toMatchObject({ regrades: 1, skipped: false });
    expect(report.released).toBeGreaterThan(0);
    expect(report.graded).toBeGreaterThan(report.released);
    expect(report.ungraded).toBeGreaterThan(0);
    const deps = { db: t.db, clock: () => NOW };
    const ta = (await findUserByEmail(t.db, 'ta@example.edu'))!;
    const staff = await loadWorkCourse(deps, 'cs598-genai-f24', { userId: ta.id, isAdmin: false });
    const book = await staffGradebook(deps, staff);
    expect(JSON.stringify(book)).toContain('limitations');
    const regrades = (await listRegrades(deps, staff)).regrades;
    expect(regrades).toHaveLength(1);
    // The student who asked sees released scores with rubric and comment, and nothing of unreleased ones.
    const asker = regrades[0]!.userId;
    const student = await loadWorkCourse(deps, 'cs598-genai-f24', { userId: asker, isAdmin: false });
    const mine = await myGrades(deps, student);
    const shown = mine.items.filter((i) => i.released && i.points !== null);
    expect(shown.length).toBeGreaterThan(0);
    for (const i of shown) {
      expect(i.rubricScores).not.toBeNull();
      expect(i.comment).not.toBe('');
    }
    for (const i of mine.items.filter((x) => !x.released))
      expect([i.points, i.rubricScores]).toEqual([null, null]);
    expect(mine.regrades).toHaveLength(1);
    // Run again: nothing changes.
    expect(await seedGrades(t.db, 'cs598-genai-f24', NOW)).toMatchObject({ graded: 0, skipped: true });
    expect((await listRegrades(deps, staff)).regrades).toHaveLength(1);
  }, 120_000);
});
