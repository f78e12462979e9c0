// Hand-in use cases on real SQLite: extensions, the proposal's approve/return and resubmit, staff's counted version, interrupted uploads.
import { Readable } from 'node:stream';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BlobStore, TooLargeError } from '../../src/files/blob-store.js';
import { loadWorkCourse, type WorkDeps } from '../../src/services/work/context.js';
import { submitWork } from '../../src/services/work/submit.js';
import { chooseCountedVersion, grantExtension, reviewSubmission } from '../../src/services/work/staff.js';
import { studentDashboard } from '../../src/services/dashboard/student.js';
import { loadHandIns } from '../../src/services/work/status.js';
import { countSubmissions } from '../../src/storage/repositories/work.js';
import { createTestDatabase, type TestDatabase } from '../support/dialects.js';
import { makePdf } from '../files/build.js';
import { buildWorkWorld, SLUG, type WorkWorld } from '../http/work-helpers.js';

describe('hand-in rules on SQLite', () => {
  let t: TestDatabase & { drop(): Promise<void> };
  let world: WorkWorld;
  let deps: WorkDeps;
  let now = new Date('2024-08-27T12:00:00Z');

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
  const question = (userId: string, at: Date) =>
    as(userId).then((w) =>
      submitWork(deps, w, {
        deliverableKey: 'question',
        meetingDate: '2024-08-28',
        readingIndex: 0,
        text: 'What breaks first at scale?',
        file: null,
        acknowledgePolicy: true,
        now: at,
      }),
    );

  it('refuses a question one second after class starts, and takes it once staff extend the student’s deadline', async () => {
    const start = new Date('2024-08-28T14:30:00Z');
    await expect(question(world.ids.dan, new Date(start.getTime() + 1000))).rejects.toMatchObject({
      code: 'conflict',
      details: { reason: 'late-rejected' },
    });
    expect((await question(world.ids.dan, start)).outcome).toBe('on-time');
    await grantExtension(deps, await as(world.ids.ta), {
      deliverableKey: 'question',
      meetingDate: '2024-08-28',
      target: { kind: 'student', userId: world.ids.ben },
      dueAt: '2024-08-29T14:30:00Z',
      reason: 'Illness',
    });
    const receipt = await question(world.ids.ben, new Date('2024-08-29T10:00:00Z'));
    expect(receipt).toMatchObject({ outcome: 'on-time', dueAt: '2024-08-29T14:30:00.000Z' });
  });

  it('lets staff return a proposal with comments, the group resubmit, and staff approve the new version', async () => {
    const submitProposal = async (at: Date) => {
      const temp = await deps.files.receive(Readable.from([await makePdf(2)]), 50 * 1024 * 1024);
      return submitWork(deps, await as(world.ids.ada), {
        deliverableKey: 'proposal',
        meetingDate: null,
        readingIndex: null,
        text: null,
        file: { temp, name: 'proposal.pdf' },
        acknowledgePolicy: true,
        now: at,
      });
    };
    const first = await submitProposal(new Date('2024-09-20T12:00:00Z'));
    await reviewSubmission(deps, await as(world.ids.prof), first.id, {
      decision: 'returned',
      body: 'Narrow the scope to one system.',
    });
    now = new Date('2024-09-21T12:00:00Z');
    const ben = await studentDashboard(deps, await as(world.ids.ben), now);
    expect(ben.items.find((i) => i.deliverableKey === 'proposal')?.review).toMatchObject({
      decision: 'returned',
      body: 'Narrow the scope to one system.',
    });
    const second = await submitProposal(new Date('2024-09-22T12:00:00Z'));
    expect(second.version).toBe(2);
    await reviewSubmission(deps, await as(world.ids.prof), second.id, { decision: 'approved', body: '' });
    await expect(
      reviewSubmission(deps, await as(world.ids.ta), second.id, { decision: 'returned', body: '' }),
    ).rejects.toMatchObject({ code: 'invalid_input' });
  });

  it('counts the last version on time unless staff choose another', async () => {
    const w = await as(world.ids.cat);
    const summary = (text: string, at: string) =>
      submitWork(deps, w, {
        deliverableKey: 'summary',
        meetingDate: '2024-08-28',
        readingIndex: null,
        text,
        file: null,
        acknowledgePolicy: true,
        now: new Date(at),
      });
    const onTime = await summary('First draft', '2024-08-29T10:00:00Z');
    const late = await summary('Better, but late', '2024-08-29T20:00:00Z');
    expect(late.outcome).toBe('late-zero');
    const counted = () =>
      loadHandIns(t.db, world.courseId, { deliverableKey: 'summary' }).then(
        (m) => [...m.values()][0]!.counted!.id,
      );
    expect(await counted()).toBe(onTime.id);
    await chooseCountedVersion(deps, await as(world.ids.ta), late.id);
    expect(await counted()).toBe(late.id);
  });

  it('leaves no temp file behind when an upload is larger than the limit or breaks off midway', async () => {
    const before = await countSubmissions(t.db, world.courseId);
    await expect(deps.files.receive(Readable.from([Buffer.alloc(4096)]), 1024)).rejects.toBeInstanceOf(
      TooLargeError,
    );
    const broken = new Readable({
      read() {
        this.push(Buffer.alloc(512));
        this.destroy(new Error('connection reset'));
      },
    });
    await expect(deps.files.receive(broken, 1024 * 1024)).rejects.toThrow('connection reset');
    const tmp = join(t.config.filesDir, 'tmp');
    expect(existsSync(tmp) ? readdirSync(tmp) : []).toEqual([]);
    expect(await countSubmissions(t.db, world.courseId)).toBe(before);
  });

  it('refuses slides from a student whose group does not present that class', async () => {
    const temp = await deps.files.receive(Readable.from([await makePdf(1)]), 1024 * 1024);
    await expect(
      submitWork(deps, await as(world.ids.dan), {
        deliverableKey: 'slides',
        meetingDate: '2024-08-28',
        readingIndex: null,
        text: null,
        file: { temp, name: 'x.pdf' },
        acknowledgePolicy: true,
        now,
      }),
    ).rejects.toMatchObject({ code: 'forbidden', details: { reason: 'not-in-group' } });
    await deps.files.discard(temp);
  });
});
