// The demo's discussions: a class discussion opened by its summary group (linking the summary), a Q&A question whose
// staff answer is endorsed and accepted, an anonymous and a private question; re-running adds nothing.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DateTime } from 'luxon';
import { importSyllabus } from '../../src/services/import-syllabus.js';
import { seedDemoAccounts } from '../../src/services/demo/seed-accounts.js';
import { seedDiscussions } from '../../src/services/demo/seed-discussions.js';
import { seedGroups } from '../../src/services/demo/seed-groups.js';
import { seedWork } from '../../src/services/demo/seed-work.js';
import { demoEnrollmentInstant } from '../../src/services/demo/semester-start.js';
import { listDiscussions, readThread } from '../../src/services/discussions/threads.js';
import { loadWorkCourse } from '../../src/services/work/context.js';
import { findUserByEmail } from '../../src/storage/repositories/users.js';
import { createTestDatabase, type TestDatabase } from '../support/dialects.js';
import { BlobStore } from '../../src/files/blob-store.js';

const NOW = new Date('2026-11-26T15:00:00Z');

describe('the demo discussions', () => {
  let t: TestDatabase & { drop(): Promise<void> };

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
    await seedDemoAccounts(t.db, NOW, imported.stored.id, demoEnrollmentInstant(imported.stored, NOW));
    await seedGroups({ db: t.db, clock: () => NOW }, 'cs598-genai-f24', 2024);
    await seedWork({ db: t.db, files: new BlobStore(t.config.filesDir) }, 'cs598-genai-f24', NOW);
  }, 120_000);
  afterAll(async () => {
    await t?.drop();
  });

  const as = async (email: string) => {
    const user = (await findUserByEmail(t.db, email))!;
    return loadWorkCourse({ db: t.db, clock: () => NOW }, 'cs598-genai-f24', {
      userId: user.id,
      isAdmin: false,
    });
  };
  const deps = () => ({ db: t.db, clock: () => NOW, publicUrl: '' });

  it('holds a class discussion linking its summary, and a question with an endorsed, accepted answer', async () => {
    const report = await seedDiscussions(t.db, 'cs598-genai-f24', NOW);
    expect(report).toMatchObject({ threads: 4, skipped: false });
    const student = await as('john9@example.edu');
    const list = await listDiscussions(deps(), student, {});
    // A classmate sees the class discussion, the project question and the anonymous one; never the private one.
    expect(list.threads.map((x) => x.title).sort()).toEqual(
      [
        list.threads.find((x) => x.kind === 'class')!.title,
        'Is the quiz on the reading graded?',
        'May the project build on a paper outside the reading list?',
      ].sort(),
    );
    const cls = await readThread(deps(), student, list.threads.find((x) => x.kind === 'class')!.id);
    expect(cls.thread.summary).not.toBeNull();
    expect(cls.posts[0]!.byStaff).toBe(false);
    const question = list.threads.find((x) => x.category === 'project')!;
    const t2 = await readThread(deps(), student, question.id);
    const accepted = t2.posts.find((p) => p.id === t2.thread.acceptedPostId)!;
    expect(accepted).toMatchObject({ endorsed: true, byStaff: true });
    expect(t2.thread.resolved).toBe(true);
    const anon = list.threads.find((x) => x.title === 'Is the quiz on the reading graded?')!;
    expect(anon.author.name).toBe('Anonymous classmate');
    const staffList = await listDiscussions(deps(), await as('ta@example.edu'), {});
    expect(staffList.threads).toHaveLength(4);
  }, 60_000);

  it('adds nothing when run again', async () => {
    expect(await seedDiscussions(t.db, 'cs598-genai-f24', NOW)).toMatchObject({ skipped: true, threads: 0 });
  });
});
