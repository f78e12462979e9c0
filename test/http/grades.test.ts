// Grades over HTTP on SQLite and PostgreSQL: group scores and overrides, release (mailed), a student's own grades only, regrades, what-if, export.
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { parse } from 'csv-parse/sync';
import { buildApp } from '../../src/http/app.js';
import { listAudit } from '../../src/storage/repositories/audit.js';
import { insertMember } from '../../src/storage/repositories/groups.js';
import { listMailJobs } from '../../src/storage/repositories/mail-queue.js';
import { buildCourse } from '../support/course-factory.js';
import { describeEachDialect } from '../support/dialects.js';
import { makePerson, TestClient } from './auth-client.js';
import { buildWorkWorld, signInWorld, SLUG, type WorkWorld } from './work-helpers.js';

const START = new Date('2024-08-27T12:00:00Z');
const COMPONENTS = [
  { key: 'participation', name: 'Participation', weight: 10 },
  { key: 'paper-presentation-discussion', name: 'Paper Presentation & Discussion', weight: 15 },
  { key: 'paper-summary', name: 'Paper Summary', weight: 15 },
  { key: 'project-report', name: 'Project Report', weight: 40 },
  { key: 'project-presentations', name: 'Project Presentations', weight: 20 },
];

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

describeEachDialect('grades over HTTP', (get) => {
  let app: FastifyInstance;
  let world: WorkWorld;
  let now = START;
  let clients: Record<string, TestClient> = {};
  let eve: TestClient;
  let eveId = '';
  const api = `/api/courses/${SLUG}`;
  let items: Json[] = [];
  const item = (key: string) => items.find((i) => i.key === key)!;

  beforeAll(async () => {
    const { config, db } = get();
    world = await buildWorkWorld(db, START, buildCourse({ components: COMPONENTS }));
    // Eve enrols on Sept 10 and joins Alpha then: Alpha's Aug 28 presentation was before she joined.
    const joined = new Date('2024-09-10T15:00:00Z');
    eveId = (
      await makePerson(db, joined, 'eve@example.edu', {
        courseId: world.courseId,
        role: 'student',
        name: 'Eve',
      })
    ).id;
    await insertMember(db, {
      group_id: world.groups.alpha,
      user_id: eveId,
      course_id: world.courseId,
      joined_at: joined.toISOString(),
    });
    app = await buildApp({ config, db, clock: () => now });
    await app.ready();
    clients = await signInWorld(app, world);
    eve = new TestClient(app, '198.51.100.77');
    expect((await eve.signIn('eve@example.edu')).statusCode).toBe(200);
  });
  afterAll(async () => {
    await app?.close();
  });

  const put = (c: TestClient, url: string, payload: unknown) =>
    c.request({ method: 'PUT', url, payload: payload as never });
  const patch = (c: TestClient, url: string, payload: unknown) =>
    c.request({ method: 'PATCH', url, payload: payload as never });

  it('derives the items from the deliverables and roles, weights as the syllabus gives them', async () => {
    const res = await clients.ta!.get(`${api}/grades`);
    expect(res.statusCode).toBe(200);
    const body = res.json() as Json;
    items = body.items;
    expect(body.categories.map((c: Json) => [c.key, c.weight])).toEqual(
      COMPONENTS.map((c) => [c.key, String(c.weight)]),
    );
    expect(body.weightsProblem).toBeNull();
    expect(item('presentation@2024-08-28')).toMatchObject({
      audience: 'group',
      pointsPossible: '100',
      released: false,
    });
    expect(item('summary@2024-08-28')).toMatchObject({ pointsPossible: '20' });
    expect(item('participation')).toMatchObject({ source: 'participation' });
    expect(body.students.map((s: Json) => s.name)).toEqual(['Ada', 'Ben', 'Cat', 'Dan', 'Eve']);
  });

  it('says what is off when the weights do not add up, and refuses a weight that is not a number', async () => {
    expect(
      (await patch(clients.prof!, `${api}/grades/categories/paper-summary`, { weight: '20' })).statusCode,
    ).toBe(200);
    expect(((await clients.prof!.get(`${api}/grades`)).json() as Json).weightsProblem).toBe(
      'The weights add up to 105 %: 5 % over 100 %.',
    );
    expect(
      (await patch(clients.prof!, `${api}/grades/categories/paper-summary`, { weight: '-3' })).statusCode,
    ).toBe(400);
    expect(
      (await patch(clients.prof!, `${api}/grades/categories/paper-summary`, { weight: '15' })).statusCode,
    ).toBe(200);
    expect((await patch(clients.prof!, `${api}/grades/categories/nope`, { weight: '15' })).statusCode).toBe(
      404,
    );
  });

  it('scores a group once for every member; overriding one member needs a reason and is audited', async () => {
    now = new Date('2024-08-28T18:00:00Z');
    const talk = item('presentation@2024-08-28');
    const scored = await put(clients.ta!, `${api}/grades/items/${talk.id}/scores`, {
      subject: { kind: 'group', groupId: world.groups.alpha },
      points: null,
      rubricScores: { content: '35', clarity: '17', time: '10', questions: '12', panel: '13' },
      comment: 'Clear **background**; ran 43 minutes.',
    });
    expect(scored.statusCode).toBe(200);
    expect((scored.json() as Json).points).toBe('87');
    // "Saved at" reads the server's clock, not the grader's browser.
    expect((scored.json() as Json).savedAt).toBe(now.toISOString());
    const tooMany = await put(clients.ta!, `${api}/grades/items/${talk.id}/scores`, {
      subject: { kind: 'group', groupId: world.groups.alpha },
      points: null,
      rubricScores: { content: '41' },
    });
    expect(tooMany.statusCode).toBe(400);
    expect((tooMany.json() as Json).error.message).toBe('Content: give between 0 and 40 points.');
    const noReason = await put(clients.ta!, `${api}/grades/items/${talk.id}/scores`, {
      subject: { kind: 'student', userId: world.ids.ben },
      points: '80',
    });
    expect(noReason.statusCode).toBe(400);
    const override = await put(clients.ta!, `${api}/grades/items/${talk.id}/scores`, {
      subject: { kind: 'student', userId: world.ids.ben },
      points: '80',
      reason: 'Did not take part in the panel.',
    });
    expect(override.statusCode).toBe(200);
    // Cat is not in Alpha: the item is not hers.
    const notHers = await put(clients.ta!, `${api}/grades/items/${talk.id}/scores`, {
      subject: { kind: 'student', userId: world.ids.cat },
      points: '80',
    });
    expect(notHers.statusCode).toBe(400);
    const book = (await clients.ta!.get(`${api}/grades`)).json() as Json;
    const cell = (name: string) => book.students.find((s: Json) => s.name === name).cells[talk.id];
    expect(cell('Ada')).toMatchObject({ points: '87.00', state: 'scored', overridden: false });
    expect(cell('Ben')).toMatchObject({ points: '80.00', state: 'scored', overridden: true });
    // Eve joined Alpha after the class: excused as "before you joined".
    expect(cell('Eve')).toMatchObject({ state: 'before-joined' });
    expect(book.students.find((s: Json) => s.name === 'Cat').cells[talk.id]).toBeUndefined();
    const audit = await listAudit(get().db, { courseId: world.courseId, limit: 50 });
    expect(audit.some((a) => a.action === 'grade-overridden' && a.target === 'Ben')).toBe(true);
  });

  it('shows a student nothing of an unreleased score, through any student route', async () => {
    const talk = item('presentation@2024-08-28');
    const mine = (await clients.ada!.get(`${api}/grades/mine`)).json() as Json;
    const shown = mine.items.find((i: Json) => i.id === talk.id);
    expect(shown).toMatchObject({
      state: 'hidden',
      points: null,
      rubric: null,
      rubricScores: null,
      comment: '',
    });
    expect(mine.final).toBeNull();
    expect(JSON.stringify(mine)).not.toContain('ran 43 minutes');
    const whatIf = (
      await clients.ada!.get(`${api}/grades/mine/what-if?itemId=${talk.id}&points=50`)
    ).json() as Json;
    expect(whatIf.final).toBe('50.00');
    expect((await clients.ada!.get(`${api}/grades`)).statusCode).toBe(403);
    expect((await clients.ada!.get(`${api}/grades/items/${talk.id}`)).statusCode).toBe(403);
    expect((await clients.ada!.get(`${api}/grades/export`)).statusCode).toBe(403);
    const early = await clients.ada!.post(`${api}/grades/items/${talk.id}/regrades`, { reason: 'Why?' });
    expect(early.statusCode).toBe(409);
  });

  it('releases an item: its students are mailed through the queue, once, and see score, rubric and comment', async () => {
    const talk = item('presentation@2024-08-28');
    const before = (await listMailJobs(get().db)).length;
    const res = await clients.ta!.post(`${api}/grades/items/${talk.id}/release`, { released: true });
    expect(res.statusCode).toBe(200);
    expect((res.json() as Json).mailed).toBe(3);
    const again = await clients.ta!.post(`${api}/grades/items/${talk.id}/release`, { released: true });
    expect((again.json() as Json).mailed).toBe(0);
    const jobs = (await listMailJobs(get().db)).slice(before);
    expect(jobs.map((j) => j.kind)).toEqual(['grade-released', 'grade-released', 'grade-released']);
    // Each mail names the request that released the item (its X-Request-Id), for the log line of its sending.
    expect(new Set(jobs.map((j) => j.request_id))).toEqual(new Set([res.headers['x-request-id']]));
    expect(new Set(jobs.map((j) => j.user_id))).toEqual(new Set([world.ids.ada, world.ids.ben, eveId]));
    const ada = (await clients.ada!.get(`${api}/grades/mine`)).json() as Json;
    expect(ada.items.find((i: Json) => i.id === talk.id)).toMatchObject({
      state: 'scored',
      points: '87.00',
      comment: 'Clear **background**; ran 43 minutes.',
      rubricScores: { content: '35', clarity: '17', time: '10', questions: '12', panel: '13' },
    });
    expect(ada.categories['paper-presentation-discussion']).toBe('87.00');
    expect(ada.final).toBe('87.00');
    expect(ada.letter).toBe('B+');
    const ben = (await clients.ben!.get(`${api}/grades/mine`)).json() as Json;
    expect(ben.final).toBe('80.00');
    expect(JSON.stringify(ben)).not.toContain('87.00');
    const eveGrades = (await eve.get(`${api}/grades/mine`)).json() as Json;
    expect(eveGrades.items.find((i: Json) => i.id === talk.id)).toMatchObject({
      state: 'before-joined',
      points: null,
    });
    expect(eveGrades.final).toBeNull();
    const cat = (await clients.cat!.get(`${api}/grades/mine`)).json() as Json;
    expect(cat.items.some((i: Json) => i.id === talk.id)).toBe(false);
  });

  it('counts a missing summary as 0 only after its deadline', async () => {
    const summary = item('summary@2024-08-28');
    now = new Date('2024-08-29T15:44:00Z');
    let book = (await clients.ta!.get(`${api}/grades`)).json() as Json;
    expect(book.students.find((s: Json) => s.name === 'Cat').cells[summary.id].state).toBe('not-due');
    now = new Date('2024-08-29T15:46:00Z');
    book = (await clients.ta!.get(`${api}/grades`)).json() as Json;
    expect(book.students.find((s: Json) => s.name === 'Cat').cells[summary.id]).toMatchObject({
      state: 'missing',
    });
    expect(book.students.find((s: Json) => s.name === 'Cat').categories['paper-summary']).toBe('0.00');
  });

  it('takes a regrade request within the window, keeps both texts and the change, and closes after the window', async () => {
    const talk = item('presentation@2024-08-28');
    now = new Date('2024-08-30T12:00:00Z');
    const asked = await clients.ada!.post(`${api}/grades/items/${talk.id}/regrades`, {
      reason: 'We kept to 40 minutes; the clock started late.',
    });
    expect(asked.statusCode).toBe(200);
    const twice = await clients.ada!.post(`${api}/grades/items/${talk.id}/regrades`, { reason: 'Again' });
    expect(twice.statusCode).toBe(409);
    const id = (asked.json() as Json).id as string;
    const answered = await clients.ta!.post(`${api}/grades/regrades/${id}/answer`, {
      answer: 'Agreed: full marks for time.',
      points: '90',
    });
    expect(answered.statusCode).toBe(200);
    expect(answered.json()).toMatchObject({ pointsBefore: '87', pointsAfter: '90' });
    expect((await clients.ta!.post(`${api}/grades/regrades/${id}/answer`, { answer: 'x' })).statusCode).toBe(
      409,
    );
    const ada = (await clients.ada!.get(`${api}/grades/mine`)).json() as Json;
    expect(ada.items.find((i: Json) => i.id === talk.id).points).toBe('90.00');
    expect(ada.regrades).toEqual([
      expect.objectContaining({
        reason: 'We kept to 40 minutes; the clock started late.',
        answer: 'Agreed: full marks for time.',
        pointsBefore: '87',
        pointsAfter: '90',
      }),
    ]);
    // Ben's score is untouched by Ada's regrade.
    expect(((await clients.ben!.get(`${api}/grades/mine`)).json() as Json).final).toBe('80.00');
    now = new Date('2024-09-06T12:00:00Z'); // released Aug 28 18:00 + 7 days has passed
    const late = await clients.ben!.post(`${api}/grades/items/${talk.id}/regrades`, { reason: 'Please.' });
    expect(late.statusCode).toBe(409);
  });

  it('exports the Canvas gradebook import CSV and a plain CSV with totals (instructors)', async () => {
    const talk = item('presentation@2024-08-28');
    expect((await clients.ta!.get(`${api}/grades/export`)).statusCode).toBe(403);
    const res = await clients.prof!.get(`${api}/grades/export?format=canvas`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-disposition']).toContain('attachment');
    const rows = parse(res.body) as string[][];
    expect(rows[0]!.slice(0, 5)).toEqual(['Student', 'ID', 'SIS User ID', 'SIS Login ID', 'Section']);
    expect(rows[0]).toContain(`${talk.title} (${talk.key})`);
    expect(rows[1]![0]).toBe('Points Possible');
    const col = rows[0]!.indexOf(`${talk.title} (${talk.key})`);
    expect(rows[1]![col]).toBe('100');
    const byLogin = new Map(rows.slice(2).map((r) => [r[3], r]));
    expect(byLogin.get('ada@example.edu')![col]).toBe('90');
    expect(byLogin.get('ben@example.edu')![col]).toBe('80');
    expect(byLogin.get('eve@example.edu')![col]).toBe('EX');
    expect(byLogin.get('cat@example.edu')![col]).toBe('');
    const plain = parse((await clients.prof!.get(`${api}/grades/export?format=csv`)).body, {
      columns: true,
    }) as Json[];
    // Participation 100 (two missed question days are allowed), presentation 90, the Sept 4 poster missing (0):
    // (10 × 100 + 15 × 90 + 20 × 0) / 45 = 52.22; summary and report hold nothing yet and are left out.
    expect(plain.find((r) => r.Email === 'ada@example.edu')).toMatchObject({
      'Participation (10 %)': '100.00',
      'Paper Presentation & Discussion (15 %)': '90.00',
      'Paper Summary (15 %)': '',
      'Project Presentations (20 %)': '0.00',
      'Final %': '52.22',
      Letter: 'F',
    });
    expect((await clients.prof!.get(`${api}/grades/export?format=xlsx`)).statusCode).toBe(400);
  });
});
