// Staff's Today page as the semester moves: before the first class, mid-semester (hand-ins, rolls, decisions), after the last.
import { Readable } from 'node:stream';
import { beforeAll, expect, it } from 'vitest';
import { BlobStore } from '../../src/files/blob-store.js';
import { todayView } from '../../src/services/dashboard/today.js';
import { markAttendance } from '../../src/services/attendance/roll.js';
import { loadWorkCourse, type WorkDeps } from '../../src/services/work/context.js';
import { reviewSubmission } from '../../src/services/work/staff.js';
import { submitWork, type SubmitInput } from '../../src/services/work/submit.js';
import { describeEachDialect } from '../support/dialects.js';
import { makePdf } from '../files/build.js';
import { buildWorkWorld, SLUG, type WorkWorld } from '../http/work-helpers.js';

describeEachDialect('the staff Today page over a semester', (get) => {
  let world: WorkWorld;
  let deps: WorkDeps;
  let now = new Date('2024-08-20T12:00:00Z');

  beforeAll(async () => {
    world = await buildWorkWorld(get().db, now);
    deps = {
      db: get().db,
      files: new BlobStore(get().config.filesDir),
      mailer: null,
      clock: () => now,
      publicUrl: 'http://localhost',
    };
  });

  const as = (userId: string) => loadWorkCourse(deps, SLUG, { userId, isAdmin: false });
  const today = async () => todayView(deps, await as(world.ids.ta), now);
  const hand = async (userId: string, input: Partial<SubmitInput> & { deliverableKey: string }) => {
    const file =
      input.text === undefined
        ? {
            temp: await deps.files.receive(Readable.from([await makePdf(2)]), 50 * 1024 * 1024),
            name: 'x.pdf',
          }
        : null;
    return submitWork(deps, await as(userId), {
      meetingDate: null,
      readingIndex: null,
      text: null,
      file,
      acknowledgePolicy: true,
      now,
      ...input,
    });
  };

  it('before the first class: the first class is next, nothing waits, no roll is owed', async () => {
    const view = await today();
    expect(view).toMatchObject({
      state: 'before',
      firstClass: '2024-08-26',
      lastClass: '2024-09-04',
      waiting: [],
      rollsNotTaken: [],
      nothingWaits: true,
    });
    expect(view.nextClass).toMatchObject({ meetingDate: '2024-08-26', presenters: [], inProgress: false });
  });

  it('mid-semester: the next class with its presenters, summary group, slides and questions; the roll owed', async () => {
    now = new Date('2024-08-27T12:00:00Z');
    let view = await today();
    expect(view.state).toBe('during');
    expect(view.nextClass).toMatchObject({
      meetingDate: '2024-08-28',
      presenters: [{ groupId: world.groups.alpha, name: 'Alpha', slides: 'open' }],
      summarizers: [{ groupId: world.groups.beta, name: 'Beta' }],
      reviewers: [],
      questions: { handedIn: 0, expected: 4, students: 4, complete: 0 },
    });
    expect(view.rollsNotTaken.map((r) => r.meetingDate)).toEqual(['2024-08-26']);
    expect(view.nothingWaits).toBe(false);

    await hand(world.ids.ada, { deliverableKey: 'slides', meetingDate: '2024-08-28' });
    await hand(world.ids.dan, {
      deliverableKey: 'question',
      meetingDate: '2024-08-28',
      readingIndex: 0,
      text: 'Why?',
    });
    await markAttendance(deps, await as(world.ids.ta), '2024-08-26', [
      { userId: world.ids.ada, status: 'present' },
    ]);
    view = await today();
    expect(view.nextClass!.presenters[0]!.slides).toBe('in');
    expect(view.nextClass!.questions).toMatchObject({ handedIn: 1, expected: 4, complete: 1 });
    expect(view.rollsNotTaken).toEqual([]);
    expect(view.nothingWaits).toBe(true);
  });

  it('lists a proposal and a late summary waiting for a decision, oldest first, until staff decide', async () => {
    now = new Date('2024-08-30T12:00:00Z');
    const late = await hand(world.ids.cat, {
      deliverableKey: 'summary',
      meetingDate: '2024-08-28',
      text: '# Summary\n\nLate but thorough.',
    });
    now = new Date('2024-08-31T12:00:00Z');
    const proposal = await hand(world.ids.ada, { deliverableKey: 'proposal' });
    let view = await today();
    expect(view.waiting.map((w) => [w.kind, w.deliverableKey, w.ownerName, w.meetingDate])).toEqual([
      ['late', 'summary', 'Beta', '2024-08-28'],
      ['proposal', 'proposal', 'Alpha', null],
    ]);
    // The 08-28 class has passed: its roll is owed now, and the next class is 09-04.
    expect(view.rollsNotTaken.map((r) => r.meetingDate)).toEqual(['2024-08-28']);
    expect(view.nextClass!.meetingDate).toBe('2024-09-04');

    const prof = await as(world.ids.prof);
    await reviewSubmission(deps, prof, proposal.id, { decision: 'approved', body: '' });
    await reviewSubmission(deps, prof, late.id, { decision: 'comment', body: 'Seen.' });
    view = await today();
    expect(view.waiting).toEqual([]);
  });

  it('after the last class: no next class, and the past rolls stay owed', async () => {
    now = new Date('2024-12-01T12:00:00Z');
    const view = await today();
    expect(view.state).toBe('after');
    expect(view.nextClass).toBeNull();
    expect(view.rollsNotTaken.map((r) => r.meetingDate)).toEqual(['2024-08-28', '2024-09-04']);
  });

  it('is for staff only', async () => {
    await expect(todayView(deps, await as(world.ids.ada), now)).rejects.toMatchObject({ code: 'forbidden' });
  });
});
