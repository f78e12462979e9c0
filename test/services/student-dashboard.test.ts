// The student's "what is due" says why a hand-in is refused, shows extensions and carries the upload rules the form needs.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BlobStore } from '../../src/files/blob-store.js';
import { loadWorkCourse, type WorkDeps } from '../../src/services/work/context.js';
import { grantExtension, updateDeliverable } from '../../src/services/work/staff.js';
import { studentDashboard } from '../../src/services/dashboard/student.js';
import { createTestDatabase, type TestDatabase } from '../support/dialects.js';
import { buildWorkWorld, SLUG, type WorkWorld } from '../http/work-helpers.js';

describe('what is due for a student', () => {
  let t: TestDatabase & { drop(): Promise<void> };
  let world: WorkWorld;
  let deps: WorkDeps;
  const now = new Date('2024-08-27T12:00:00Z');
  const classStart = new Date('2024-08-28T14:30:00Z'); // Wed Aug 28, 9:30 CDT

  beforeAll(async () => {
    t = await createTestDatabase('sqlite');
    world = await buildWorkWorld(t.db, now);
    deps = {
      db: t.db,
      files: new BlobStore(t.config.filesDir),
      mailer: null,
      clock: () => now,
      publicUrl: 'http://localhost',
    };
  });
  afterAll(async () => {
    await t?.drop();
  });

  const as = (userId: string) => loadWorkCourse(deps, SLUG, { userId, isAdmin: false });
  const item = async (userId: string, key: string, at: Date) =>
    (await studentDashboard(deps, await as(userId), at)).items.find(
      (i) => i.deliverableKey === key && (i.meetingDate === '2024-08-28' || i.meetingDate === null),
    )!;

  it('gives the slides’ accepted types and 50 MB limit, and says a late hand-in is flagged', async () => {
    const slides = await item(world.ids.ada, 'slides', now);
    expect(new Set(slides.fileTypes)).toEqual(new Set(['pdf', 'pptx']));
    expect(slides.maxBytes).toBe(50 * 1024 * 1024);
    expect(slides.lateRule).toBe('flag');
    expect(slides.blocker).toBeNull();
  });

  it('closes a question day one second after class starts, because late questions are not taken', async () => {
    expect((await item(world.ids.dan, 'question', classStart)).blocker).toBeNull();
    const after = await item(world.ids.dan, 'question', new Date(classStart.getTime() + 1000));
    expect(after).toMatchObject({ state: 'missed', blocker: 'late-rejected', lateAccepted: false });
  });

  it('shows a granted extension with the regular deadline beside the new one', async () => {
    await grantExtension(deps, await as(world.ids.ta), {
      deliverableKey: 'question',
      meetingDate: '2024-08-28',
      target: { kind: 'student', userId: world.ids.ben },
      dueAt: '2024-08-29T14:30:00Z',
      reason: 'Illness',
    });
    const ben = await item(world.ids.ben, 'question', new Date(classStart.getTime() + 60_000));
    expect(ben).toMatchObject({
      extended: true,
      state: 'open',
      blocker: null,
      dueAt: '2024-08-29T14:30:00.000Z',
    });
    expect(Date.parse(ben.regularDueAt)).toBe(classStart.getTime());
    expect((await item(world.ids.dan, 'question', now)).extended).toBe(false);
  });

  it('says a deliverable staff closed is closed, even before its deadline', async () => {
    await updateDeliverable(deps, await as(world.ids.prof), 'summary', { closed: true });
    expect((await item(world.ids.cat, 'summary', now)).blocker).toBe('closed');
  });
});
