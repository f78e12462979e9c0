// What the hand-in path caches stays right: deliverables follow edits made anywhere, and nothing cached outlives a drop or a group change.
import { sql } from 'kysely';
import { expect, it } from 'vitest';
import { BlobStore } from '../../src/files/blob-store.js';
import { deliverablesChanged, loadWorkCourse, type WorkDeps } from '../../src/services/work/context.js';
import { submitWork } from '../../src/services/work/submit.js';
import { updateDeliverableRow } from '../../src/storage/repositories/work.js';
import { describeEachDialect } from '../support/dialects.js';
import { buildWorkWorld, SLUG, type WorkWorld } from '../http/work-helpers.js';

describeEachDialect('hand-in caches', (get) => {
  const now = new Date('2024-08-27T12:00:00Z');
  let world: WorkWorld | null = null;
  const deps = (): WorkDeps => ({
    db: get().db,
    files: new BlobStore(get().config.filesDir),
    mailer: null,
    clock: () => now,
    publicUrl: 'http://localhost',
  });
  const setUp = async () => (world ??= await buildWorkWorld(get().db, now));
  const as = (userId: string) => loadWorkCourse(deps(), SLUG, { userId, isAdmin: false });
  const question = async (userId: string) =>
    submitWork(deps(), await as(userId), {
      deliverableKey: 'question',
      meetingDate: '2024-08-28',
      readingIndex: 0,
      text: 'What breaks first at scale?',
      file: null,
      acknowledgePolicy: true,
      now,
    });

  it('sees a deliverable closed by a write of any instance on the next request (the work version moves with it)', async () => {
    const w = await setUp();
    const before = await as(w.ids.dan);
    const spec = before.deliverables.find((d) => d.spec.key === 'question')!;
    expect(spec.closed).toBe(false);
    // What updateDeliverable does on whichever instance staff reach: the row and the version in one transaction.
    await updateDeliverableRow(get().db, w.courseId, 'question', {
      spec: JSON.stringify({ ...spec.spec, title: 'Questions (edited)' }),
      closed: 1,
      updated_at: now.toISOString(),
    });
    const after = await as(w.ids.dan);
    expect(after.deliverables.find((d) => d.spec.key === 'question')).toMatchObject({
      closed: true,
      spec: { title: 'Questions (edited)' },
    });
    await expect(question(w.ids.dan)).rejects.toMatchObject({
      code: 'conflict',
      details: { reason: 'closed' },
    });
    await updateDeliverableRow(get().db, w.courseId, 'question', {
      spec: JSON.stringify(spec.spec),
      closed: 0,
      updated_at: now.toISOString(),
    });
    expect((await question(w.ids.dan)).outcome).toBe('on-time');
  });

  it('keeps serving the cached deliverables until the version moves, then reloads them (the hook for other writers)', async () => {
    const w = await setUp();
    const cached = (await as(w.ids.dan)).deliverables;
    // A write that forgets the version is not seen: the cache really is in use …
    await sql`update deliverables set closed = 1 where course_id = ${w.courseId} and key = 'question'`.execute(
      get().db,
    );
    expect((await as(w.ids.dan)).deliverables).toBe(cached);
    // … and the invalidation hook makes every instance reload.
    await deliverablesChanged(get().db, w.courseId);
    const reloaded = (await as(w.ids.dan)).deliverables;
    expect(reloaded).not.toBe(cached);
    expect(reloaded.find((d) => d.spec.key === 'question')!.closed).toBe(true);
    await sql`update deliverables set closed = 0 where course_id = ${w.courseId} and key = 'question'`.execute(
      get().db,
    );
    await deliverablesChanged(get().db, w.courseId);
    expect((await as(w.ids.dan)).deliverables.find((d) => d.spec.key === 'question')!.closed).toBe(false);
  });

  it('shares deliverables between requests frozen, so that no request can change them for the next', async () => {
    const w = await setUp();
    const work = await as(w.ids.dan);
    const spec = work.deliverables[0]!.spec;
    expect(Object.isFrozen(spec)).toBe(true);
    expect(() => {
      (spec as { title: string }).title = 'changed';
    }).toThrow(TypeError);
  });

  it('reads enrollment and group on every request: a drop and a group change apply at once', async () => {
    const w = await setUp();
    expect((await as(w.ids.cat)).group).toMatchObject({ name: 'Beta' });
    await sql`update group_members set group_id = ${w.groups.alpha} where user_id = ${w.ids.cat} and course_id = ${w.courseId}`.execute(
      get().db,
    );
    expect((await as(w.ids.cat)).group).toMatchObject({ name: 'Alpha' });
    await sql`update group_members set group_id = ${w.groups.beta} where user_id = ${w.ids.cat} and course_id = ${w.courseId}`.execute(
      get().db,
    );

    expect((await as(w.ids.dan)).access.membership).toEqual({ role: 'student', dropped: false });
    await sql`update enrollments set dropped_at = ${now.toISOString()} where user_id = ${w.ids.dan} and course_id = ${w.courseId}`.execute(
      get().db,
    );
    await expect(question(w.ids.dan)).rejects.toMatchObject({ code: 'forbidden' });
    await sql`update enrollments set dropped_at = null where user_id = ${w.ids.dan} and course_id = ${w.courseId}`.execute(
      get().db,
    );
    expect((await question(w.ids.dan)).version).toBeGreaterThan(0);
  });
});
