// Peer feedback over HTTP on SQLite and PostgreSQL: the window moves with the clock, presenters read medians and comments
// without names, staff read who wrote what, a student who joined after the class is not asked, the weight enters the grade.
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { ulid } from 'ulid';
import { buildApp } from '../../src/http/app.js';
import { listAudit } from '../../src/storage/repositories/audit.js';
import { listPeerRatingRows } from '../../src/storage/repositories/peer-feedback.js';
import { insertRoles } from '../../src/storage/repositories/roles.js';
import { buildCourse } from '../support/course-factory.js';
import { describeEachDialect } from '../support/dialects.js';
import { makePerson, TestClient } from './auth-client.js';
import { buildWorkWorld, signInWorld, SLUG, type WorkWorld } from './work-helpers.js';

const START = new Date('2024-08-27T12:00:00Z');
const COMPONENTS = [
  { key: 'paper-presentation-discussion', name: 'Paper Presentation & Discussion', weight: 50 },
  { key: 'project-report', name: 'Project Report', weight: 50 },
];
const good = { content: 4, clarity: 5, timing: 3, questions: 4 };

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

describeEachDialect('peer feedback over HTTP', (get) => {
  let app: FastifyInstance;
  let world: WorkWorld;
  let now = START;
  let c: Record<string, TestClient> = {};
  let eve: TestClient;
  const api = `/api/courses/${SLUG}`;
  const rate = (who: TestClient, date: string, payload: unknown) =>
    who.request({ method: 'PUT', url: `${api}/meetings/${date}/peer-feedback`, payload: payload as never });

  beforeAll(async () => {
    const { config, db } = get();
    world = await buildWorkWorld(db, START, buildCourse({ components: COMPONENTS }));
    // Beta presents Sept 4 too; Eve enrols during the window of Aug 28 (after that class started).
    await insertRoles(db, [
      {
        id: ulid(),
        course_id: world.courseId,
        meeting_id: world.meetingId('2024-09-04'),
        group_id: world.groups.beta,
        role: 'presenter',
        locked: 0,
        created_at: START.toISOString(),
      },
    ]);
    await makePerson(db, new Date('2024-08-29T12:00:00Z'), 'eve@example.edu', {
      courseId: world.courseId,
      role: 'student',
      name: 'Eve',
    });
    app = await buildApp({ config, db, clock: () => now });
    await app.ready();
    c = await signInWorld(app, world);
    eve = new TestClient(app, '198.51.100.77');
    expect((await eve.signIn('eve@example.edu')).statusCode).toBe(200);
  });
  afterAll(async () => {
    await app?.close();
  });

  it('is closed before the class starts, with a message saying when it opens', async () => {
    now = new Date('2024-08-28T14:29:59Z');
    const res = await rate(c.cat!, '2024-08-28', { scores: good });
    expect(res.statusCode).toBe(409);
    expect((res.json() as Json).error.message).toBe('Feedback on this class opens when it starts.');
    const list = (await c.cat!.get(`${api}/peer-feedback`)).json() as Json;
    expect(list.classes.map((x: Json) => [x.date, x.open, x.blocker])).toEqual([
      ['2024-08-28', false, 'not-yet-open'],
      ['2024-09-04', false, 'presenter'],
    ]);
    expect(list.classes[0].closesAt).toBe('2024-08-30T04:59:59.999Z');
  });

  it('lets classmates rate from the class start, with a sanitized Markdown comment, once each', async () => {
    now = new Date('2024-08-28T14:30:00Z');
    const res = await rate(c.cat!, '2024-08-28', {
      scores: good,
      comment: 'Clear **background**.<script>alert(1)</script>',
    });
    expect(res.statusCode).toBe(200);
    expect((res.json() as Json).mine).toMatchObject({ scores: good });
    now = new Date('2024-08-29T20:00:00Z');
    expect(
      (await rate(c.dan!, '2024-08-28', { scores: { content: 2, clarity: 3, timing: 5, questions: 5 } }))
        .statusCode,
    ).toBe(200);
    // Cat changes her mind: still one rating of hers.
    expect(
      (await rate(c.cat!, '2024-08-28', { scores: { ...good, content: 5 }, comment: 'Ran _long_.' }))
        .statusCode,
    ).toBe(200);
    expect(await listPeerRatingRows(get().db, world.courseId, '2024-08-28')).toHaveLength(2);
  });

  it('refuses incomplete scores and out-of-range ones with what to fix, writing nothing', async () => {
    const res = await rate(c.dan!, '2024-08-28', { scores: { ...good, timing: 6 } });
    expect(res.statusCode).toBe(400);
    expect((res.json() as Json).error.message).toBe('Timing: give a whole number from 1 to 5.');
    expect((await rate(c.dan!, '2024-08-28', { scores: { content: 3 } })).statusCode).toBe(400);
    expect((await rate(c.dan!, '2024-09-03', { scores: good })).statusCode).toBe(404);
    const dan = (await listPeerRatingRows(get().db, world.courseId)).find(
      (r) => r.rater_id === world.ids.dan,
    );
    expect(JSON.parse(dan!.scores)).toEqual({ content: 2, clarity: 3, timing: 5, questions: 5 });
  });

  it('does not let a presenter rate their own talk', async () => {
    const res = await rate(c.ada!, '2024-08-28', { scores: good });
    expect(res.statusCode).toBe(403);
    expect((res.json() as Json).error.message).toBe(
      'You presented this class: your classmates rate it, you do not.',
    );
  });

  it('shows presenters the medians and comments, never who wrote them (through any route they can call)', async () => {
    const body = (await c.ada!.get(`${api}/meetings/2024-08-28/peer-feedback`)).json() as Json;
    expect(body.presenter).toBe(true);
    expect(body.summary).toEqual({
      count: 2,
      medians: { content: '3.5', clarity: '4', timing: '4', questions: '4.5' },
      percent: '80',
      comments: ['<p>Ran <em>long</em>.</p>'],
    });
    const raters = [world.ids.cat, world.ids.dan, 'cat@example.edu', 'dan@example.edu', '"Cat"', '"Dan"'];
    for (const url of [
      `${api}/peer-feedback`,
      `${api}/meetings/2024-08-28/peer-feedback`,
      `${api}/grades/mine`,
      `${api}/dashboard`,
    ]) {
      const res = await c.ada!.get(url);
      expect(res.statusCode, url).toBe(200);
      for (const r of raters) expect(res.body, `${url} names ${r}`).not.toContain(r);
    }
    // A classmate who rated sees only their own rating, not the others' nor the summary.
    const cat = (await c.cat!.get(`${api}/meetings/2024-08-28/peer-feedback`)).json() as Json;
    expect(cat.summary).toBeNull();
    expect(JSON.stringify(cat)).not.toContain(world.ids.dan);
  });

  it('shows staff every rating with its rater, and who has not rated yet', async () => {
    const body = (await c.ta!.get(`${api}/meetings/2024-08-28/peer-feedback`)).json() as Json;
    expect(body.ratings.map((r: Json) => [r.rater.name, r.scores.content, r.commentHtml])).toEqual([
      ['Cat', 5, '<p>Ran <em>long</em>.</p>'],
      ['Dan', 2, ''],
    ]);
    // Ada and Ben presented; Eve joined after the class: nobody is left to ask.
    expect(body.notRated).toEqual([]);
    const later = (await c.ta!.get(`${api}/meetings/2024-09-04/peer-feedback`)).json() as Json;
    expect(later.notRated.map((p: Json) => p.name).sort()).toEqual(['Ada', 'Ben', 'Dan', 'Eve']);
  });

  it('does not ask a student who joined after the class, and asks them for the classes after', async () => {
    const res = await rate(eve, '2024-08-28', { scores: good });
    expect(res.statusCode).toBe(403);
    expect((res.json() as Json).error.message).toBe(
      'You joined the course after this class, so you are not asked to rate it.',
    );
    now = new Date('2024-09-04T15:00:00Z');
    const list = (await eve.get(`${api}/peer-feedback`)).json() as Json;
    expect(list.classes.map((x: Json) => [x.date, x.blocker])).toEqual([
      ['2024-08-28', 'joined-after'],
      ['2024-09-04', null],
    ]);
    expect((await rate(eve, '2024-09-04', { scores: good })).statusCode).toBe(200);
  });

  it('closes at the end of the next day in the course zone: a change one second later is refused and nothing changes', async () => {
    now = new Date('2024-08-30T04:59:59Z');
    expect((await rate(c.dan!, '2024-08-28', { scores: { ...good, content: 3 } })).statusCode).toBe(200);
    now = new Date('2024-08-30T05:00:00Z');
    const res = await rate(c.dan!, '2024-08-28', { scores: { ...good, content: 1 } });
    expect(res.statusCode).toBe(409);
    expect((res.json() as Json).error.message).toBe(
      'Feedback on this class closed at the end of the day after it.',
    );
    const dan = (await listPeerRatingRows(get().db, world.courseId)).find(
      (r) => r.rater_id === world.ids.dan,
    );
    expect(JSON.parse(dan!.scores).content).toBe(3);
    // The past stays: presenters still read what was given.
    const body = (await c.ben!.get(`${api}/meetings/2024-08-28/peer-feedback`)).json() as Json;
    expect(body.summary.count).toBe(2);
  });

  it('lets staff choose whether and with which weight the peer median counts; audited; the gradebook uses it', async () => {
    const grades = (await c.ta!.get(`${api}/grades`)).json() as Json;
    const talk = grades.items.find((i: Json) => i.key === 'presentation@2024-08-28');
    expect(
      (
        await c.ta!.request({
          method: 'PUT',
          url: `${api}/grades/items/${talk.id}/scores`,
          payload: { subject: { kind: 'group', groupId: world.groups.alpha }, points: '87' },
        })
      ).statusCode,
    ).toBe(200);
    const adaPoints = async () => {
      const book = (await c.ta!.get(`${api}/grades`)).json() as Json;
      return book.students.find((s: Json) => s.name === 'Ada').cells[talk.id].points;
    };
    expect(await adaPoints()).toBe('87.00');
    const patch = (payload: unknown) =>
      c.prof!.request({ method: 'PATCH', url: `${api}/peer-feedback/settings`, payload: payload as never });
    const bad = await patch({ counts: true, weight: '150' });
    expect(bad.statusCode).toBe(400);
    expect((bad.json() as Json).error.message).toBe('The peer weight must lie between 0 and 100 %.');
    expect((await patch({ weight: '20' })).statusCode).toBe(200);
    // Weighed but not turned on: the score stays staff's.
    expect(await adaPoints()).toBe('87.00');
    expect((await patch({ counts: true })).statusCode).toBe(200);
    // Cat 5/5/3/4 and Dan 3/5/3/4: medians 4, 5, 3, 4 → 16 of 20 = 80 %; 87 × 0.8 + 80 × 0.2 = 85.6.
    const summary = ((await c.ta!.get(`${api}/meetings/2024-08-28/peer-feedback`)).json() as Json).summary;
    expect(summary.percent).toBe('80');
    expect(await adaPoints()).toBe('85.60');
    const audit = await listAudit(get().db, { courseId: world.courseId, limit: 100 });
    const entries = audit.filter((e: Json) => e.action === 'peer-weight-changed');
    expect(entries).toHaveLength(2);
    expect((await c.ta!.get(`${api}/peer-feedback`)).json()).toMatchObject({
      settings: { counts: true, weight: '20' },
    });
  });
});
