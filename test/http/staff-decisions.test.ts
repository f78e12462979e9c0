// Staff decisions that make sense, on SQLite and PostgreSQL, with the clock moved: extensions only into the future,
// a return's resubmission window, one decision per version (also when two arrive at once), no empty zips.
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../src/http/app.js';
import { createDb, type Db } from '../../src/storage/db.js';
import { listAudit } from '../../src/storage/repositories/audit.js';
import { listReviewsOf } from '../../src/storage/repositories/work.js';
import { describeEachDialect } from '../support/dialects.js';
import { makePdf } from '../files/build.js';
import { TestClient } from './auth-client.js';
import { buildWorkWorld, multipart, signInWorld, SLUG, type WorkWorld } from './work-helpers.js';

const START = new Date('2024-08-27T12:00:00Z'); // the day before the Aug 28 class
const SUMMARY_DUE = '2024-08-29T15:45:00.000Z'; // 24 h after the Aug 28 class ends
const DAY = 86_400_000;

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

describeEachDialect('staff decisions', (get) => {
  let app: FastifyInstance;
  let second: FastifyInstance;
  let secondDb: Db;
  let world: WorkWorld;
  let now = START;
  let clients: Record<string, TestClient> = {};
  const api = `/api/courses/${SLUG}`;

  beforeAll(async () => {
    const { config, db } = get();
    world = await buildWorkWorld(db, START);
    app = await buildApp({ config, db, clock: () => now });
    await app.ready();
    // A second instance on the same database (its own connection or pool).
    secondDb = createDb(config.database, { poolSize: 4 });
    second = await buildApp({ config, db: secondDb, clock: () => now });
    await second.ready();
    clients = await signInWorld(app, world);
  });
  afterAll(async () => {
    await app?.close();
    await second?.close();
    await secondDb?.destroy();
  });

  async function jumpTo(at: string) {
    now = new Date(at);
    for (const [name, client] of Object.entries(clients))
      expect((await client.signIn(`${name}@example.edu`)).statusCode).toBe(200);
  }
  const audits = async (action: string) =>
    (await listAudit(get().db, { courseId: world.courseId, limit: 500 })).filter((r) => r.action === action);
  const proposalItem = async (who: string) =>
    (await clients[who]!.get(`${api}/dashboard`))
      .json()
      .items.find((i: Json) => i.deliverableKey === 'proposal');
  const uploadProposal = async () => {
    const res = await clients.ada!.request({
      method: 'POST',
      url: `${api}/submissions/upload?deliverableKey=proposal&acknowledgePolicy=true`,
      ...multipart('proposal.pdf', await makePdf(2)),
    });
    expect(res.statusCode).toBe(201);
    return res.json() as Json;
  };

  it('says "nothing handed in yet" for an empty class or deliverable zip instead of an empty file', async () => {
    for (const url of [`${api}/meetings/2024-08-28/download`, `${api}/deliverables/summary/download`]) {
      const res = await clients.ta!.get(url);
      expect([url, res.statusCode]).toEqual([url, 404]);
      expect(res.headers['content-type']).toMatch(/json/);
      expect(res.json().error.message).toMatch(/^Nothing handed in yet/);
      expect(res.json().error.details.reason).toBe('nothing-handed-in');
    }
    const question = await clients.ada!.post(`${api}/submissions`, {
      deliverableKey: 'question',
      meetingDate: '2024-08-28',
      readingIndex: 0,
      text: 'Why does attention scale quadratically?',
      acknowledgePolicy: true,
    });
    expect(question.statusCode).toBe(201);
    const zip = await clients.ta!.get(`${api}/meetings/2024-08-28/download`);
    expect(zip.statusCode).toBe(200);
    expect(zip.headers['content-type']).toBe('application/zip');
    expect(zip.rawPayload.subarray(0, 2).toString()).toBe('PK');
    expect((await clients.ta!.get(`${api}/deliverables/summary/download`)).statusCode).toBe(404);
    expect((await clients.ta!.get(`${api}/deliverables/question/download`)).statusCode).toBe(200);
  });

  it('refuses an extension to a time already past, with the reason and a suggestion, after the deadline passed', async () => {
    await jumpTo('2024-09-02T15:00:00Z'); // the Aug 28 summary was due Aug 29: four days late now
    const beta = { kind: 'group', groupId: world.groups.beta };
    const before = (await audits('extension-granted')).length;
    // After the regular deadline but before now: it would extend nothing.
    const past = await clients.ta!.post(`${api}/deliverables/summary/extensions`, {
      meetingDate: '2024-08-28',
      target: beta,
      dueAt: '2024-08-31T12:00:00Z',
    });
    expect(past.statusCode).toBe(400);
    expect(past.json().error.message).toMatch(/already passed/);
    expect(past.json().error.details).toMatchObject({
      reason: 'in-past',
      field: 'dueAt',
      suggestedDueAt: new Date(now.getTime() + 2 * DAY).toISOString(),
    });
    // Before the regular deadline: still "not later", with the same future suggestion.
    const early = await clients.ta!.post(`${api}/deliverables/summary/extensions`, {
      meetingDate: '2024-08-28',
      target: beta,
      dueAt: '2024-08-29T12:00:00Z',
    });
    expect(early.json().error.details).toMatchObject({ reason: 'not-later' });
    expect((await audits('extension-granted')).length).toBe(before);
    expect((await clients.ta!.get(`${api}/extensions`)).json()).toMatchObject({
      now: now.toISOString(),
      extensions: [],
    });
    // The suggested time (two days from now) is granted, and Beta's summary is open again.
    const granted = await clients.ta!.post(`${api}/deliverables/summary/extensions`, {
      meetingDate: '2024-08-28',
      target: beta,
      dueAt: past.json().error.details.suggestedDueAt,
    });
    expect(granted.statusCode).toBe(201);
    const summary = (await clients.cat!.get(`${api}/dashboard`))
      .json()
      .items.find((i: Json) => i.deliverableKey === 'summary');
    expect(summary).toMatchObject({ state: 'open', extended: true, regularDueAt: SUMMARY_DUE });
  });

  let v1 = '';

  it('opens a resubmission window when returning (a week by default) within which the new version is on time', async () => {
    await jumpTo('2024-09-24T15:00:00Z'); // two days before the proposal deadline (Sep 26)
    v1 = (await uploadProposal()).id;
    const deadline = (await proposalItem('ada')).dueAt as string;
    // Returned after the deadline passed: without a window the new version would be late.
    await jumpTo('2024-09-30T15:00:00Z');
    expect(Date.parse(deadline)).toBeLessThan(now.getTime());
    const returned = await clients.prof!.post(`${api}/submissions/${v1}/reviews`, {
      decision: 'returned',
      body: 'Narrow the scope to one system.',
    });
    expect(returned.statusCode).toBe(201);
    const until = new Date(now.getTime() + 7 * DAY).toISOString();
    expect(returned.json().resubmitBy).toBe(until);
    const item = await proposalItem('ben');
    expect(item).toMatchObject({ decision: 'returned', resubmitBy: until, dueAt: until, state: 'done' });
    expect(item.blocker).toBeNull();
    const detail = (
      await clients.ta!.get(
        `${api}/deliverables/proposal/hand-ins?owner=${encodeURIComponent(`g:${world.groups.alpha}`)}`,
      )
    ).json();
    expect(detail.occasions[0].slots[0].versions[0].reviews).toMatchObject([
      { decision: 'returned', resubmitBy: until, author: 'Prof' },
    ]);
    const entry = (await audits('submission-reviewed')).at(-1)!;
    expect(JSON.parse(entry.details!)).toMatchObject({ decision: 'returned', resubmitBy: until });

    await jumpTo('2024-10-05T15:00:00Z'); // inside the window
    const v2 = await uploadProposal();
    expect(v2).toMatchObject({ version: 2, late: false, outcome: 'on-time', dueAt: until });
    const after = await proposalItem('ada');
    expect(after).toMatchObject({ decision: 'waiting', resubmitBy: null, state: 'done' });
    // The first version keeps what it was: handed in on time before its deadline, not counted now.
    expect(after.history.map((h: Json) => [h.version, h.late, h.counted])).toEqual([
      [2, false, true],
      [1, false, false],
    ]);
  });

  it('answers a second decision on the same version with 409: no second review, no second audit entry', async () => {
    const reviews = async () => (await listReviewsOf(get().db, [v1])).length;
    const before = { reviews: await reviews(), audit: (await audits('submission-reviewed')).length };
    for (const decision of ['returned', 'approved'] as const) {
      const again = await clients.ta!.post(`${api}/submissions/${v1}/reviews`, {
        decision,
        body: 'Second thoughts.',
      });
      expect([decision, again.statusCode]).toEqual([decision, 409]);
      expect(again.json().error.message).toMatch(/already returned/);
      expect(again.json().error.details).toMatchObject({ reason: 'already-decided', decision: 'returned' });
    }
    expect(await reviews()).toBe(before.reviews);
    expect((await audits('submission-reviewed')).length).toBe(before.audit);
    // Comments stay possible.
    expect(
      (await clients.ta!.post(`${api}/submissions/${v1}/reviews`, { decision: 'comment', body: 'See v2.' }))
        .statusCode,
    ).toBe(201);
  });

  it('lets exactly one of several decisions sent at once to two instances land', async () => {
    const v2 = (await proposalItem('ada')).history[0].id as string;
    const twin = new TestClient(second, '198.51.100.99');
    for (const [k, v] of clients.prof!.cookies) twin.cookies.set(k, v);
    const before = (await audits('submission-reviewed')).length;
    const answers = await Promise.all(
      Array.from({ length: 6 }, (_, i) =>
        (i % 2 === 0 ? clients.prof! : twin).post(`${api}/submissions/${v2}/reviews`, {
          decision: i % 3 === 0 ? 'approved' : 'returned',
          body: `Decision ${i}`,
        }),
      ),
    );
    const codes = answers.map((a) => a.statusCode).sort();
    expect(codes).toEqual([201, 409, 409, 409, 409, 409]);
    const decisions = (await listReviewsOf(get().db, [v2])).filter((r) => r.decision !== 'comment');
    expect(decisions).toHaveLength(1);
    expect((await audits('submission-reviewed')).length).toBe(before + 1);
  });

  it('refuses a resubmission deadline already past, or one on a decision that is not a return', async () => {
    const v3 = (await uploadProposal()).id;
    const cases: Array<[unknown, string]> = [
      [{ decision: 'returned', body: 'Redo.', resubmitBy: '2024-10-01T00:00:00Z' }, 'resubmitBy'],
      [{ decision: 'returned', body: 'Redo.', resubmitBy: 'next week' }, 'resubmitBy'],
      [{ decision: 'approved', body: '', resubmitBy: '2030-01-01T00:00:00Z' }, 'resubmitBy'],
      [{ decision: 'comment', body: 'Hm.', resubmitBy: '2030-01-01T00:00:00Z' }, 'resubmitBy'],
    ];
    for (const [body, field] of cases) {
      const res = await clients.ta!.post(`${api}/submissions/${v3}/reviews`, body);
      expect([JSON.stringify(body), res.statusCode]).toEqual([JSON.stringify(body), 400]);
      expect(res.json().error.details.field).toBe(field);
    }
    expect(await listReviewsOf(get().db, [v3])).toHaveLength(0);
    // A window staff choose: the student reads it.
    const chosen = await clients.ta!.post(`${api}/submissions/${v3}/reviews`, {
      decision: 'returned',
      body: 'One more pass.',
      resubmitBy: '2024-10-12T17:00:00-05:00',
    });
    expect(chosen.statusCode).toBe(201);
    expect((await proposalItem('ben')).resubmitBy).toBe('2024-10-12T22:00:00.000Z');
    // After the window closes, a new version is late again.
    await jumpTo('2024-10-13T15:00:00Z');
    expect((await proposalItem('ben')).resubmitBy).toBeNull();
    const late = await uploadProposal();
    expect(late).toMatchObject({ late: true });
  });
});
