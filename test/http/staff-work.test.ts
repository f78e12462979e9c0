// Staff screens' API on SQLite and PostgreSQL: editing a deliverable, extensions (grant, list, revoke), reviews, one owner's versions and the counted one.
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../src/http/app.js';
import { BlobStore } from '../../src/files/blob-store.js';
import { loadWorkCourse } from '../../src/services/work/context.js';
import { submitWork } from '../../src/services/work/submit.js';
import { saveCourse } from '../../src/storage/repositories/course-writer.js';
import { findCourseRef } from '../../src/storage/repositories/enrollments.js';
import { listAudit } from '../../src/storage/repositories/audit.js';
import { buildCourse } from '../support/course-factory.js';
import { describeEachDialect } from '../support/dialects.js';
import { makePdf } from '../files/build.js';
import { makePerson, type TestClient } from './auth-client.js';
import { buildWorkWorld, multipart, signInWorld, SLUG, type WorkWorld } from './work-helpers.js';

const START = new Date('2024-08-27T12:00:00Z'); // the day before the Aug 28 class, 07:00 in Chicago
const SUMMARY_DUE = '2024-08-29T15:45:00.000Z'; // 24 h after the Aug 28 class ends (10:45 CDT)

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

describeEachDialect('staff work screens over HTTP', (get) => {
  let app: FastifyInstance;
  let world: WorkWorld;
  let now = START;
  let otherSubmissionId = '';
  let clients: Record<string, TestClient> = {};
  const api = `/api/courses/${SLUG}`;

  beforeAll(async () => {
    const { config, db } = get();
    world = await buildWorkWorld(db, START);
    // Another course with a hand-in of its own: its ids must not reach into this course.
    await saveCourse(db, 'other-seminar', buildCourse({ title: 'Another Seminar' }), START.toISOString());
    const other = (await findCourseRef(db, 'other-seminar'))!;
    const stranger = await makePerson(db, START, 'stranger@example.edu', {
      courseId: other.id,
      role: 'student',
      name: 'Stranger',
    });
    const deps = {
      db,
      files: new BlobStore(config.filesDir),
      mailer: null,
      clock: () => now,
      publicUrl: 'http://localhost',
    };
    const work = await loadWorkCourse(deps, 'other-seminar', { userId: stranger.id, isAdmin: false });
    otherSubmissionId = (
      await submitWork(deps, work, {
        deliverableKey: 'question',
        meetingDate: '2024-08-28',
        readingIndex: 0,
        text: 'A question elsewhere?',
        file: null,
        acknowledgePolicy: true,
        now: START,
      })
    ).id;
    app = await buildApp({ config, db, clock: () => now });
    await app.ready();
    clients = await signInWorld(app, world);
  });
  afterAll(async () => {
    await app?.close();
  });

  const patch = (who: string, key: string, payload: unknown) =>
    clients[who]!.request({ method: 'PATCH', url: `${api}/deliverables/${key}`, payload: payload as never });
  const del = (who: string, url: string) => clients[who]!.request({ method: 'DELETE', url });
  const deliverable = async (key: string): Promise<Json> =>
    (await clients.ta!.get(`${api}/deliverables`)).json().deliverables.find((d: Json) => d.key === key);
  const actions = async () =>
    (await listAudit(get().db, { courseId: world.courseId, limit: 200 })).map((r) => r.action);

  it('lets staff edit a deliverable’s rules and shows the new rule in words', async () => {
    const res = await patch('ta', 'summary', {
      title: 'Lecture summary (2–3 pages)',
      dueRule: { kind: 'meeting', anchor: 'end', offsetHours: 48 },
      lateRule: 'flag',
      graceMinutes: 15,
      allowance: 1,
      maxTextChars: 30_000,
    });
    expect(res.statusCode).toBe(200);
    expect(res.json().deliverable).toMatchObject({
      title: 'Lecture summary (2–3 pages)',
      due: '48 h after the class ends',
      lateRule: 'flag',
      graceMinutes: 15,
      allowance: 1,
      maxTextChars: 30_000,
      closed: false,
    });
    const poster = await patch('prof', 'proposal', {
      dueRule: { kind: 'absolute', at: '2024-09-27T17:00:00-05:00' },
      maxBytes: 10 * 1024 * 1024,
      closed: true,
    });
    expect(poster.statusCode).toBe(200);
    expect(poster.json().deliverable).toMatchObject({
      dueRule: { kind: 'absolute', at: '2024-09-27T22:00:00.000Z' },
      maxBytes: 10 * 1024 * 1024,
      closed: true,
    });
    expect((await deliverable('proposal')).closed).toBe(true);
    expect(await actions()).toContain('deliverable-edited');
    // Back to the syllabus's rules for the rest of the suite.
    expect(
      (
        await patch('ta', 'summary', {
          title: 'Lecture summary',
          dueRule: { kind: 'meeting', anchor: 'end', offsetHours: 24 },
          lateRule: 'zero',
          graceMinutes: 0,
          allowance: 0,
          maxTextChars: 50_000,
        })
      ).statusCode,
    ).toBe(200);
    expect(
      (
        await patch('ta', 'proposal', {
          dueRule: { kind: 'absolute', at: '2024-09-27T04:59:59Z' },
          maxBytes: 50 * 1024 * 1024,
          closed: false,
        })
      ).statusCode,
    ).toBe(200);
  });

  it('lets staff set when hand-ins stop after the deadline and the notes, and clear them again', async () => {
    const before = await deliverable('slides');
    expect(before.closeAfterHours).toBeNull();
    const res = await patch('ta', 'slides', {
      closeAfterHours: 36,
      notes: ['At most 40 minutes.', '  ', 'PDF preferred.'],
    });
    expect(res.statusCode).toBe(200);
    expect(res.json().deliverable).toMatchObject({
      closeAfterHours: 36,
      notes: ['At most 40 minutes.', 'PDF preferred.'],
    });
    expect(await deliverable('slides')).toMatchObject({
      closeAfterHours: 36,
      notes: ['At most 40 minutes.', 'PDF preferred.'],
    });
    expect((await patch('ta', 'slides', { closeAfterHours: -1 })).statusCode).toBe(400);
    expect((await patch('ta', 'slides', { notes: ['Bad\u202enote'] })).statusCode).toBe(400);
    expect((await deliverable('slides')).closeAfterHours).toBe(36);
    const cleared = await patch('ta', 'slides', { closeAfterHours: null, notes: before.notes });
    expect(cleared.statusCode).toBe(200);
    expect(cleared.json().deliverable).toMatchObject({ closeAfterHours: null, notes: before.notes });
  });

  it('refuses bad edits with the field they are about, and changes nothing', async () => {
    const before = await deliverable('summary');
    const cases: Array<[string, unknown, number, string | null]> = [
      ['summary', { dueRule: { kind: 'absolute', at: '2024-09-01T12:00:00Z' } }, 400, 'dueRule'],
      ['proposal', { dueRule: { kind: 'meeting', anchor: 'start', offsetHours: -24 } }, 400, 'dueRule'],
      ['proposal', { dueRule: { kind: 'absolute', at: '2024-09-27 17:00' } }, 400, 'dueRule.at'],
      ['summary', { title: '   ' }, 400, 'title'],
      ['summary', { title: 'Summary\u202e fdp.exe' }, 400, 'title'],
      ['summary', { title: 'Two\nlines' }, 400, 'title'],
      ['summary', { title: 'x'.repeat(121) }, 400, null],
      ['summary', { graceMinutes: -1 }, 400, null],
      ['summary', { lateRule: 'maybe' }, 400, null],
      ['question', { maxBytes: 1024 }, 400, 'maxBytes'],
      ['slides', { maxTextChars: 100 }, 400, 'maxTextChars'],
      ['no-such-thing', { graceMinutes: 5 }, 404, null],
      ['..%2F..%2Fetc', { graceMinutes: 5 }, 404, null],
    ];
    for (const [key, body, status, field] of cases) {
      const res = await patch('ta', key, body);
      expect([key, JSON.stringify(body).slice(0, 60), res.statusCode]).toEqual([
        key,
        JSON.stringify(body).slice(0, 60),
        status,
      ]);
      if (field) expect(res.json().error.details.field).toBe(field);
      else if (status === 400) expect(res.json().error.details[0].path).toBeTruthy();
    }
    expect((await patch('ben', 'summary', { graceMinutes: 5 })).statusCode).toBe(403);
    expect(await deliverable('summary')).toEqual(before);
  });

  let betaExtension = '';
  let danExtension = '';

  it('grants extensions to a group and to a student, lists them with names, and shows them in the status table', async () => {
    const toBeta = await clients.ta!.post(`${api}/deliverables/summary/extensions`, {
      meetingDate: '2024-08-28',
      target: { kind: 'group', groupId: world.groups.beta },
      dueAt: '2024-08-31T15:45:00-05:00',
      reason: 'Illness in the group',
    });
    expect(toBeta.statusCode).toBe(201);
    expect(toBeta.json().dueAt).toBe('2024-08-31T20:45:00.000Z');
    betaExtension = toBeta.json().id;
    const toDan = await clients.prof!.post(`${api}/deliverables/question/extensions`, {
      meetingDate: '2024-08-28',
      target: { kind: 'student', userId: world.ids.dan },
      dueAt: '2024-08-28T20:00:00Z',
      reason: null,
    });
    expect(toDan.statusCode).toBe(201);
    danExtension = toDan.json().id;

    const list = await clients.ta!.get(`${api}/extensions`);
    expect(list.statusCode).toBe(200);
    const body = list.json();
    expect(body.timeZone).toBe('America/Chicago');
    expect(body.extensions.map((e: Json) => [e.deliverableKey, e.target.name, e.owner]).sort()).toEqual([
      ['question', 'Dan', `u:${world.ids.dan}`],
      ['summary', 'Beta', `g:${world.groups.beta}`],
    ]);
    expect(body.extensions.find((e: Json) => e.id === betaExtension)).toMatchObject({
      meetingDate: '2024-08-28',
      regularDueAt: SUMMARY_DUE,
      dueAt: '2024-08-31T20:45:00.000Z',
      reason: 'Illness in the group',
      grantedBy: 'Ta',
    });
    expect(body.students.map((s: Json) => s.name)).toEqual(['Ada', 'Ben', 'Cat', 'Dan']);
    expect(body.groups.map((g: Json) => g.name)).toEqual(['Alpha', 'Beta']);

    const table = (await clients.ta!.get(`${api}/deliverables/summary/status`)).json();
    const cell = table.rows
      .find((r: Json) => r.name === 'Beta')
      .cells.find((c: Json) => c.occasion === '2024-08-28');
    expect(cell.extension).toEqual({ id: betaExtension, dueAt: '2024-08-31T20:45:00.000Z' });
    const questions = (await clients.ta!.get(`${api}/deliverables/question/status`)).json();
    expect(questions.rows.find((r: Json) => r.name === 'Dan').cells[0].extension.id).toBe(danExtension);
    expect(questions.rows.find((r: Json) => r.name === 'Ben').cells[0].extension).toBeNull();
    expect(await actions()).toContain('extension-granted');
    expect((await clients.cat!.get(`${api}/extensions`)).statusCode).toBe(403);
  });

  it('refuses extensions that make no sense, with a reason, and records none', async () => {
    const count = async () => (await clients.ta!.get(`${api}/extensions`)).json().extensions.length;
    const before = await count();
    const beta = { kind: 'group', groupId: world.groups.beta };
    const cases: Array<[string, unknown, number, string | null]> = [
      ['no-such-thing', { target: beta, dueAt: '2030-01-01T00:00:00Z' }, 404, null],
      ['summary', { meetingDate: '2024-08-28', target: beta, dueAt: SUMMARY_DUE }, 400, 'not-later'],
      [
        'summary',
        { meetingDate: '2024-08-28', target: beta, dueAt: '2024-08-29T10:00:00Z' },
        400,
        'not-later',
      ],
      [
        'summary',
        {
          meetingDate: '2024-08-28',
          target: { kind: 'student', userId: world.ids.cat },
          dueAt: '2030-01-01T00:00:00Z',
        },
        400,
        'wrong-target',
      ],
      ['summary', { target: beta, dueAt: '2030-01-01T00:00:00Z' }, 400, 'meeting-required'],
      ['summary', { meetingDate: '2024-08-26', target: beta, dueAt: '2030-01-01T00:00:00Z' }, 400, null],
      ['summary', { meetingDate: '2031-01-01', target: beta, dueAt: '2032-01-01T00:00:00Z' }, 404, null],
      [
        'summary',
        {
          meetingDate: '2024-08-28',
          target: { kind: 'group', groupId: 'no-such-group' },
          dueAt: '2030-01-01T00:00:00Z',
        },
        404,
        null,
      ],
      [
        'question',
        {
          meetingDate: '2024-08-28',
          target: { kind: 'student', userId: world.ids.ta },
          dueAt: '2030-01-01T00:00:00Z',
        },
        404,
        null,
      ],
      ['summary', { meetingDate: '2024-08-28', target: beta, dueAt: 'next Friday' }, 400, null],
      ['summary', { meetingDate: '2024-08-28', target: beta, dueAt: '2030-01-01T00:00' }, 400, null],
      [
        'summary',
        { meetingDate: '2024-08-28', target: beta, dueAt: '2030-01-01T00:00:00Z', reason: 'ok\u0000' },
        400,
        null,
      ],
      [
        'summary',
        { meetingDate: '2024-08-28', target: beta, dueAt: '2030-01-01T00:00:00Z', reason: 'x'.repeat(501) },
        400,
        null,
      ],
      [
        'summary',
        { meetingDate: '2024-08-28', target: { kind: 'team', id: 'x' }, dueAt: '2030-01-01T00:00:00Z' },
        400,
        null,
      ],
    ];
    for (const [key, body, status, reason] of cases) {
      const res = await clients.ta!.post(`${api}/deliverables/${key}/extensions`, body);
      expect([key, JSON.stringify(body).slice(0, 80), res.statusCode]).toEqual([
        key,
        JSON.stringify(body).slice(0, 80),
        status,
      ]);
      expect(typeof res.json().error.message).toBe('string');
      if (reason) expect(res.json().error.details.reason).toBe(reason);
    }
    expect(
      (
        await clients.ada!.post(`${api}/deliverables/summary/extensions`, {
          meetingDate: '2024-08-28',
          target: beta,
          dueAt: '2030-01-01T00:00:00Z',
        })
      ).statusCode,
    ).toBe(403);
    expect(await count()).toBe(before);
  });

  it('revokes an extension once: the regular deadline applies again, a second revoke is a 404', async () => {
    const res = await del('ta', `${api}/extensions/${danExtension}`);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ id: danExtension });
    expect((await del('ta', `${api}/extensions/${danExtension}`)).statusCode).toBe(404);
    expect((await del('ta', `${api}/extensions/not-an-id`)).statusCode).toBe(404);
    expect((await del('ta', `${api}/extensions/${'x'.repeat(41)}`)).statusCode).toBe(400);
    expect((await del('ben', `${api}/extensions/${betaExtension}`)).statusCode).toBe(403);
    // Another course's staff cannot revoke this course's extension through their own slug.
    expect((await del('ta', `/api/courses/other-seminar/extensions/${betaExtension}`)).statusCode).toBe(403);
    const questions = (await clients.ta!.get(`${api}/deliverables/question/status`)).json();
    expect(questions.rows.find((r: Json) => r.name === 'Dan').cells[0].extension).toBeNull();
    const entries = await listAudit(get().db, { courseId: world.courseId, limit: 200 });
    const revoked = entries.find((e) => e.action === 'extension-revoked')!;
    expect(JSON.parse(revoked.details!)).toMatchObject({
      id: danExtension,
      deliverable: 'question',
      meetingDate: '2024-08-28',
    });
    expect(revoked.actor_email).toBe('ta@example.edu');
  });

  it('extends individual work for a whole group: every member gets the later deadline, others keep theirs', async () => {
    const res = await clients.ta!.post(`${api}/deliverables/question/extensions`, {
      meetingDate: '2024-08-28',
      target: { kind: 'group', groupId: world.groups.alpha },
      dueAt: '2024-08-28T23:00:00Z',
      reason: 'Alpha was at a conference',
    });
    expect(res.statusCode).toBe(201);
    const id = res.json().id as string;
    const item = async (who: string) =>
      (await clients[who]!.get(`${api}/dashboard`))
        .json()
        .items.find((i: Json) => i.deliverableKey === 'question' && i.meetingDate === '2024-08-28');
    for (const member of ['ada', 'ben'])
      expect(await item(member)).toMatchObject({ extended: true, dueAt: '2024-08-28T23:00:00.000Z' });
    expect((await item('cat')).extended).toBe(false);
    const listed = (await clients.ta!.get(`${api}/extensions`))
      .json()
      .extensions.find((e: Json) => e.id === id);
    // Individual work has no group owner to link to: the list says who and links nowhere wrong.
    expect(listed).toMatchObject({
      target: { kind: 'group', name: 'Alpha' },
      owner: null,
      deliverableKey: 'question',
    });
    const questions = (await clients.ta!.get(`${api}/deliverables/question/status`)).json();
    expect(questions.rows.find((r: Json) => r.name === 'Ada').cells[0].extension?.id).toBe(id);
    expect(questions.rows.find((r: Json) => r.name === 'Cat').cells[0].extension).toBeNull();
    expect((await del('ta', `${api}/extensions/${id}`)).statusCode).toBe(200);
    expect((await item('ada')).extended).toBe(false);
  });

  it('lets staff comment on a summary, and the group sees the comment', async () => {
    now = new Date('2024-08-29T12:00:00Z');
    const summary = await clients.cat!.post(`${api}/submissions`, {
      deliverableKey: 'summary',
      meetingDate: '2024-08-28',
      text: '# Summary\n\nThe problem is quadratic attention.',
      acknowledgePolicy: true,
    });
    expect(summary.statusCode).toBe(201);
    expect(
      (
        await clients.ta!.post(`${api}/submissions/${summary.json().id}/reviews`, {
          decision: 'approved',
          body: 'Fine.',
        })
      ).statusCode,
    ).toBe(400);
    expect(
      (
        await clients.ta!.post(`${api}/submissions/${summary.json().id}/reviews`, {
          decision: 'comment',
          body: '   ',
        })
      ).statusCode,
    ).toBe(400);
    expect(
      (
        await clients.ta!.post(`${api}/submissions/${summary.json().id}/reviews`, {
          decision: 'comment',
          body: 'Bad\u0007bell',
        })
      ).statusCode,
    ).toBe(400);
    expect(
      (
        await clients.ta!.post(`${api}/submissions/${summary.json().id}/reviews`, {
          decision: 'comment',
          body: 'Good structure; cite the FlashAttention paper.',
        })
      ).statusCode,
    ).toBe(201);
    const item = (await clients.cat!.get(`${api}/dashboard`))
      .json()
      .items.find((i: Json) => i.deliverableKey === 'summary');
    expect(item.review).toMatchObject({
      decision: 'comment',
      body: 'Good structure; cite the FlashAttention paper.',
    });
    const detail = (await handIns('ta', 'summary', `g:${world.groups.beta}`, '2024-08-28')).json();
    expect(detail.occasions).toHaveLength(1);
    expect(detail.occasions[0]).toMatchObject({
      meetingDate: '2024-08-28',
      regularDueAt: SUMMARY_DUE,
      effectiveDueAt: '2024-08-31T20:45:00.000Z',
      extension: { id: betaExtension },
      state: 'done',
    });
    expect(detail.occasions[0].slots[0].versions[0].text).toContain('quadratic attention');
  });

  let v1 = '';
  let v2 = '';
  const handIns = (who: string, key: string, owner: string, meetingDate?: string) =>
    clients[who]!.get(
      `${api}/deliverables/${key}/hand-ins?owner=${encodeURIComponent(owner)}${meetingDate ? `&meetingDate=${meetingDate}` : ''}`,
    );
  const uploadProposal = async () => {
    const res = await clients.ada!.request({
      method: 'POST',
      url: `${api}/submissions/upload?deliverableKey=proposal&acknowledgePolicy=true`,
      ...multipart('proposal.pdf', await makePdf(2)),
    });
    expect(res.statusCode).toBe(201);
    return res.json().id as string;
  };

  /** Moves the server clock weeks ahead: sessions idle that long have expired, so everyone signs in again. */
  async function jumpTo(at: string) {
    now = new Date(at);
    for (const [name, client] of Object.entries(clients))
      expect((await client.signIn(`${name}@example.edu`)).statusCode).toBe(200);
  }

  it('lets staff return a proposal with comments, the group see it and resubmit, and staff approve the new version', async () => {
    await jumpTo('2024-09-20T15:00:00Z');
    v1 = await uploadProposal();
    const returned = await clients.prof!.post(`${api}/submissions/${v1}/reviews`, {
      decision: 'returned',
      body: 'Narrow the scope to one system.\nAdd the members’ e-mails.',
    });
    expect(returned.statusCode).toBe(201);
    const seen = (await clients.ben!.get(`${api}/dashboard`))
      .json()
      .items.find((i: Json) => i.deliverableKey === 'proposal');
    expect(seen.review).toMatchObject({
      decision: 'returned',
      body: 'Narrow the scope to one system.\nAdd the members’ e-mails.',
    });
    expect(seen.acceptsFiles && seen.lateAccepted).toBe(true);

    now = new Date('2024-09-22T15:00:00Z');
    v2 = await uploadProposal();
    // The resubmission waits for staff: the old "returned" is history, kept under the version it was about.
    const waiting = (await clients.ben!.get(`${api}/dashboard`))
      .json()
      .items.find((i: Json) => i.deliverableKey === 'proposal');
    // The dashboard carries the group's member names (the summary template's "Group:" line is filled from them).
    expect((await clients.ben!.get(`${api}/dashboard`)).json().group).toEqual({
      id: world.groups.alpha,
      name: 'Alpha',
      members: ['Ada', 'Ben'],
    });
    expect(waiting.review).toBeNull();
    expect(waiting.decision).toBe('waiting');
    expect(
      waiting.history.map((h: Json) => [
        h.version,
        h.counted,
        h.reviews.map((r: Json) => [r.decision, r.body]),
      ]),
    ).toEqual([
      [2, true, []],
      [1, false, [['returned', 'Narrow the scope to one system.\nAdd the members’ e-mails.']]],
    ]);
    expect(seen.decision).toBe('returned');
    const detail = (await handIns('ta', 'proposal', `g:${world.groups.alpha}`)).json();
    expect(detail.owner).toMatchObject({ kind: 'group', name: 'Alpha', members: ['Ada', 'Ben'] });
    expect(detail.deliverable).toMatchObject({ key: 'proposal', needsApproval: true });
    const slot = detail.occasions[0].slots[0];
    expect(
      slot.versions.map((v: Json) => [v.version, v.counted, v.reviews.map((r: Json) => r.decision)]),
    ).toEqual([
      [1, false, ['returned']],
      [2, true, []],
    ]);
    expect(slot.versions[0]).toMatchObject({
      submittedBy: 'Ada',
      outcome: 'on-time',
      files: [{ name: 'proposal.pdf', type: 'pdf', pages: 2 }],
    });
    expect(slot.versions[0].sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(slot.versions[0].reviews[0].author).toBe('Prof');
    expect(slot.chosenByStaff).toBeNull();

    expect(
      (await clients.prof!.post(`${api}/submissions/${v2}/reviews`, { decision: 'approved', body: '' }))
        .statusCode,
    ).toBe(201);
    const approved = (await clients.ada!.get(`${api}/dashboard`))
      .json()
      .items.find((i: Json) => i.deliverableKey === 'proposal');
    expect(approved.review.decision).toBe('approved');
    expect(approved.decision).toBe('approved');
    expect(await actions()).toContain('submission-reviewed');
  });

  it('lets staff choose the counted version, shows that staff chose it, and keeps other courses’ hand-ins out of reach', async () => {
    const res = await clients.ta!.post(`${api}/submissions/${v1}/count`);
    expect(res.statusCode).toBe(200);
    const slot = (await handIns('prof', 'proposal', `g:${world.groups.alpha}`)).json().occasions[0].slots[0];
    expect(slot.countedId).toBe(v1);
    expect(slot.versions.map((v: Json) => v.counted)).toEqual([true, false]);
    expect(slot.chosenByStaff).toMatchObject({ by: 'Ta' });
    const table = (await clients.ta!.get(`${api}/deliverables/proposal/status`)).json();
    const alpha = table.rows.find((r: Json) => r.name === 'Alpha').cells[0];
    expect(alpha).toMatchObject({ chosenByStaff: true, versions: 2 });
    expect(alpha.receipt.id).toBe(v1);
    expect(await actions()).toContain('counted-version-chosen');

    expect((await clients.ta!.post(`${api}/submissions/${otherSubmissionId}/count`)).statusCode).toBe(404);
    expect(
      (
        await clients.ta!.post(`${api}/submissions/${otherSubmissionId}/reviews`, {
          decision: 'comment',
          body: 'Hello',
        })
      ).statusCode,
    ).toBe(404);
    expect((await clients.ta!.post(`${api}/submissions/no-such-id/count`)).statusCode).toBe(404);
    expect((await clients.ada!.post(`${api}/submissions/${v2}/count`)).statusCode).toBe(403);
  });

  it('lets staff undo their choice so the last version on time counts again, logged; a second undo is 404', async () => {
    expect((await del('ada', `${api}/submissions/${v1}/count`)).statusCode).toBe(403);
    expect(
      (await handIns('ta', 'proposal', `g:${world.groups.alpha}`)).json().occasions[0].slots[0].countedId,
    ).toBe(v1);
    // Any version of the hand-in names it: the choice is per hand-in, not per version.
    const res = await del('prof', `${api}/submissions/${v2}/count`);
    expect(res.statusCode).toBe(200);
    const slot = (await handIns('ta', 'proposal', `g:${world.groups.alpha}`)).json().occasions[0].slots[0];
    expect(slot.countedId).toBe(v2);
    expect(slot.chosenByStaff).toBeNull();
    expect(slot.versions.map((v: Json) => v.counted)).toEqual([false, true]);
    const alpha = (await clients.ta!.get(`${api}/deliverables/proposal/status`))
      .json()
      .rows.find((r: Json) => r.name === 'Alpha').cells[0];
    expect(alpha.chosenByStaff ?? false).toBe(false);
    expect(alpha.receipt.id).toBe(v2);
    expect(await actions()).toContain('counted-version-cleared');
    const again = await del('prof', `${api}/submissions/${v2}/count`);
    expect(again.statusCode).toBe(404);
    expect(again.json().error.message).toMatch(/last one on time already counts/);
    expect((await del('ta', `${api}/submissions/${otherSubmissionId}/count`)).statusCode).toBe(404);
    expect((await del('ta', `${api}/submissions/no-such-id/count`)).statusCode).toBe(404);
  });

  it('answers bad version-history questions with 4xx, never 500', async () => {
    const cases: Array<[string, string, string | undefined, number]> = [
      ['proposal', '', undefined, 400],
      ['proposal', 'alpha', undefined, 400],
      ['proposal', `u:${world.ids.ada}`, undefined, 400],
      ['question', `g:${world.groups.alpha}`, undefined, 400],
      ['proposal', 'g:../../etc/passwd', undefined, 400],
      ['proposal', "g:'; drop table submissions; --", undefined, 400],
      ['proposal', 'g:01JAAAAAAAAAAAAAAAAAAAAAAA', undefined, 404],
      ['question', `u:${world.ids.ta}`, undefined, 404],
      ['no-such-thing', `g:${world.groups.alpha}`, undefined, 404],
      ['slides', `g:${world.groups.beta}`, '2024-08-28', 404],
      ['summary', `g:${world.groups.beta}`, '2099-01-01', 404],
    ];
    for (const [key, owner, date, status] of cases) {
      const res = await handIns('ta', key, owner, date);
      expect([key, owner, res.statusCode]).toEqual([key, owner, status]);
    }
    expect((await handIns('ada', 'proposal', `g:${world.groups.alpha}`)).statusCode).toBe(403);
    const questions = (await handIns('ta', 'question', `u:${world.ids.dan}`)).json();
    expect(questions.occasions.length).toBeGreaterThan(0);
    expect(questions.occasions[0].slots[0].readingTitle).toBeTruthy();
  });

  it('shows a late resubmission as waiting for staff even though the approved on-time version still counts', async () => {
    await jumpTo('2024-10-01T15:00:00Z'); // after the Sep 26 deadline: the new version is late
    const v3 = await uploadProposal();
    const slot = (await handIns('ta', 'proposal', `g:${world.groups.alpha}`)).json().occasions[0].slots[0];
    expect(slot.countedId).toBe(v2);
    const item = (await clients.ben!.get(`${api}/dashboard`))
      .json()
      .items.find((i: Json) => i.deliverableKey === 'proposal');
    // Staff approved version 2, but the group's newest is version 3: that is what staff decide on next.
    expect(item.decision).toBe('waiting');
    expect(item.review).toBeNull();
    expect(
      item.history.map((h: Json) => [
        h.id,
        h.version,
        h.late,
        h.counted,
        h.reviews.map((r: Json) => r.decision),
      ]),
    ).toEqual([
      [v3, 3, true, false, []],
      [v2, 2, false, true, ['approved']],
      [v1, 1, false, false, ['returned']],
    ]);
  });
});
