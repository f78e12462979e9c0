// The class room over HTTP on SQLite and PostgreSQL: who runs the timer and the phases, handed-in questions joining
// after their deadline with names hidden from classmates, one vote per person, marks by the panel, the reviewers'
// critique points, live questions clustered, and the room read-only for students after class.
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { ulid } from 'ulid';
import { buildApp } from '../../src/http/app.js';
import { insertGroup, insertMember } from '../../src/storage/repositories/groups.js';
import { loadCourse } from '../../src/storage/repositories/course-reader.js';
import { insertRoles } from '../../src/storage/repositories/roles.js';
import { describeEachDialect } from '../support/dialects.js';
import { makePerson, TestClient } from './auth-client.js';
import { buildWorkWorld, signInWorld, SLUG, type WorkWorld } from './work-helpers.js';

const BEFORE = new Date('2024-08-27T12:00:00Z');
const DURING = new Date('2024-08-28T15:00:00Z'); // 10:00 Chicago, after the 09:30 question deadline
const NEXT_DAY = new Date('2024-08-29T15:00:00Z');

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

describeEachDialect('class room over HTTP', (get) => {
  let app: FastifyInstance;
  let world: WorkWorld;
  let now = BEFORE;
  let c: Record<string, TestClient> = {};
  const room = `/api/courses/${SLUG}/meetings/2024-08-28/room`;
  const state = async (who: TestClient) => {
    const res = await who.get(room);
    expect(res.statusCode).toBe(200);
    return res.json() as Json;
  };

  const send = (method: 'PUT' | 'PATCH' | 'DELETE') => (who: TestClient, url: string, payload?: unknown) =>
    who.request({ method, url, ...(payload === undefined ? {} : { payload: payload as never }) });
  const [put, patch, del] = [send('PUT'), send('PATCH'), send('DELETE')];

  beforeAll(async () => {
    const { config, db } = get();
    world = await buildWorkWorld(db, BEFORE);
    // Dan's group Gamma reviews Aug 28; Eve is in the audience.
    const gamma = ulid();
    const stamp = BEFORE.toISOString();
    await insertGroup(db, {
      id: gamma,
      course_id: world.courseId,
      name: 'Gamma',
      created_at: stamp,
      created_by: null,
    });
    await insertMember(db, {
      group_id: gamma,
      user_id: world.ids.dan,
      course_id: world.courseId,
      joined_at: stamp,
    });
    await insertRoles(db, [
      {
        id: ulid(),
        course_id: world.courseId,
        meeting_id: world.meetingId('2024-08-28'),
        group_id: gamma,
        role: 'reviewer',
        locked: 0,
        created_at: stamp,
      },
    ]);
    await makePerson(db, BEFORE, 'eve@example.edu', {
      courseId: world.courseId,
      role: 'student',
      name: 'Eve',
    });
    app = await buildApp({ config, db, clock: () => now });
    await app.ready();
    c = await signInWorld(app, world);
    c.eve = new TestClient(app, '198.51.100.77');
    expect((await c.eve.signIn('eve@example.edu')).statusCode).toBe(200);
    for (const [who, text] of [
      ['ben', 'Why does the reward model overfit on long answers?'],
      ['eve', 'How do they stop the reward model from overfitting?'],
    ] as const) {
      now = new Date(now.getTime() + 60_000);
      const res = await c[who]!.post(`/api/courses/${SLUG}/submissions`, {
        deliverableKey: 'question',
        meetingDate: '2024-08-28',
        readingIndex: 0,
        text,
        acknowledgePolicy: true,
      });
      expect(res.statusCode).toBe(201);
    }
  });
  afterAll(async () => {
    await app?.close();
  });

  it('shows the panel from the roles in force and each viewer’s abilities; no handed-in question before the deadline', async () => {
    const s = await state(c.eve!);
    expect(s.phase).toBe('before');
    expect(s.viewerRole).toBe('audience');
    expect(s.panel.presenting.map((g: Json) => g.name)).toEqual(['Alpha']);
    expect(s.panel.summary.map((g: Json) => g.name)).toEqual(['Beta']);
    expect(s.panel.reviewers[0].members.map((m: Json) => m.name)).toEqual(['Dan']);
    expect(s.panel.audienceCount).toBe(1);
    expect(s.questions).toEqual([]);
    expect(s.questionsDueAt).toBe('2024-08-28T14:30:00.000Z');
    expect(s.timer).toMatchObject({ durationMs: 40 * 60_000, running: false, remainingMs: 40 * 60_000 });
    expect(s.abilities).toEqual({
      runTimer: false,
      setPhase: false,
      mark: false,
      ask: true,
      vote: true,
      editCritique: false,
      manage: false,
    });
    expect((await state(c.ada!)).abilities).toMatchObject({
      runTimer: true,
      setPhase: true,
      mark: true,
      ask: true,
    });
    expect((await state(c.dan!)).abilities).toMatchObject({
      runTimer: false,
      mark: true,
      editCritique: true,
    });
    expect((await state(c.ta!)).abilities).toMatchObject({
      runTimer: true,
      ask: false,
      vote: false,
      manage: true,
    });
  });

  it('lets staff and the presenting group run the timer and the phases, nobody else', async () => {
    now = DURING;
    expect((await c.eve!.post(`${room}/timer`, { action: 'start' })).statusCode).toBe(403);
    expect((await c.cat!.post(`${room}/phase`, { phase: 'presentation' })).statusCode).toBe(403);
    const started = await c.ada!.post(`${room}/timer`, { action: 'start' });
    expect(started.statusCode).toBe(200);
    expect(started.json().timer).toMatchObject({
      running: true,
      startedAt: DURING.toISOString(),
      remainingMs: 2_400_000,
    });
    now = new Date(DURING.getTime() + 5 * 60_000);
    const paused = (await c.ta!.post(`${room}/timer`, { action: 'pause' })).json();
    expect(paused.timer).toMatchObject({ running: false, elapsedMs: 300_000, remainingMs: 2_100_000 });
    expect((await c.ada!.post(`${room}/timer`, { action: 'start', minutes: 30 })).statusCode).toBe(400);
    const reset = (await c.ada!.post(`${room}/timer`, { action: 'reset', minutes: 30 })).json();
    expect(reset.timer).toMatchObject({ durationMs: 1_800_000, elapsedMs: 0, running: false });
    const phase = await c.ada!.post(`${room}/phase`, { phase: 'panel' });
    expect(phase.json().phase).toBe('panel');
    expect((await state(c.eve!)).lastEventId).toBe(4);
  });

  it('puts the handed-in questions on the board after the deadline, similar ones in one cluster, names hidden when the course says', async () => {
    const named = await state(c.dan!);
    expect(named.questions.map((q: Json) => [q.author, q.source, q.status])).toEqual([
      ['Ben', 'handed-in', 'open'],
      ['Eve', 'handed-in', 'open'],
    ]);
    expect(named.clusters).toHaveLength(1);
    expect(named.clusters[0].questionIds).toEqual(named.questions.map((q: Json) => q.id));
    expect(
      (await put(c.eve!, `/api/courses/${SLUG}/room-settings`, { anonymousQuestions: true })).statusCode,
    ).toBe(403);
    const settings = await put(c.prof!, `/api/courses/${SLUG}/room-settings`, { anonymousQuestions: true });
    expect(settings.json()).toEqual({ timerMinutes: null, defaultMinutes: 40, anonymousQuestions: true });
    const hidden = await state(c.dan!);
    expect(hidden.questions.map((q: Json) => [q.author, q.mine])).toEqual([
      [null, false],
      [null, false],
    ]);
    expect(JSON.stringify(hidden.questions)).not.toMatch(/Ben|Eve/);
    expect((await state(c.eve!)).questions.map((q: Json) => q.mine)).toEqual([false, true]);
    expect((await state(c.ta!)).questions.map((q: Json) => q.author)).toEqual(['Ben', 'Eve']);
  });

  it('counts one vote per person: voting twice is no change, retracting takes it back, staff do not vote', async () => {
    const [first] = (await state(c.eve!)).questions as Json[];
    const url = `${room}/questions/${first!.id}/vote`;
    // A vote answers the question's count as committed (not the whole room); the room agrees.
    expect((await put(c.eve!, url)).json()).toMatchObject({ questionId: first!.id, votes: 1, myVote: true });
    expect((await put(c.eve!, url)).json()).toMatchObject({ votes: 1, myVote: true });
    expect((await put(c.dan!, url)).json()).toMatchObject({ votes: 2, myVote: true });
    expect((await state(c.dan!)).questions[0]).toMatchObject({ votes: 2, myVote: true });
    expect((await del(c.eve!, url)).json()).toMatchObject({ votes: 1, myVote: false });
    expect((await del(c.eve!, url)).json()).toMatchObject({ votes: 1, myVote: false });
    expect((await state(c.eve!)).questions[0]).toMatchObject({ votes: 1, myVote: false });
    expect((await put(c.ta!, url)).statusCode).toBe(403);
    expect((await put(c.eve!, `${room}/questions/nope/vote`)).statusCode).toBe(404);
  });

  it('lets staff and the panel mark a question, not the audience', async () => {
    const [first] = (await state(c.eve!)).questions as Json[];
    const url = `${room}/questions/${first!.id}/status`;
    expect((await c.eve!.post(url, { status: 'answered' })).statusCode).toBe(403);
    expect((await c.dan!.post(url, { status: 'discussing' })).json().questions[0].status).toBe('discussing');
    expect((await c.ta!.post(url, { status: 'answered' })).json().questions[0].status).toBe('answered');
    expect((await c.dan!.post(url, { status: 'finished' })).statusCode).toBe(400);
  });

  it('lets the reviewer group and staff keep the critique points, not the authors', async () => {
    expect((await c.cat!.post(`${room}/critique`, { text: 'Baselines are weak.' })).statusCode).toBe(403);
    const added = (await c.dan!.post(`${room}/critique`, { text: 'Baselines are weak.' })).json();
    const id = added.critique[0].id;
    expect(added.critique).toEqual([{ id, text: 'Baselines are weak.', ticked: false }]);
    const ticked = (await patch(c.dan!, `${room}/critique/${id}`, { ticked: true })).json();
    expect(ticked.critique[0].ticked).toBe(true);
    expect((await del(c.ta!, `${room}/critique/${id}`)).json().critique).toEqual([]);
    expect((await del(c.dan!, `${room}/critique/${id}`)).statusCode).toBe(404);
  });

  it('takes live questions from students into the board and its clusters', async () => {
    expect((await c.ta!.post(`${room}/questions`, { paperIndex: 0, text: 'Staff?' })).statusCode).toBe(403);
    expect((await c.eve!.post(`${room}/questions`, { paperIndex: 9, text: 'Which?' })).statusCode).toBe(400);
    const asked = (
      await c.eve!.post(`${room}/questions`, { paperIndex: 0, text: 'Is the evaluation data public?' })
    ).json();
    const live = asked.questions.find((q: Json) => q.source === 'live');
    expect(live).toMatchObject({ mine: true, author: null, votes: 0, status: 'open', paperIndex: 0 });
    expect(asked.clusters.map((cl: Json) => cl.questionIds.length)).toEqual([2, 1]);
  });

  it('after class the room stays readable and only staff still write', async () => {
    now = NEXT_DAY;
    const s = await state(c.eve!);
    expect(s.closed).toBe(true);
    expect(s.abilities).toMatchObject({ vote: false, ask: false, runTimer: false });
    const [first] = s.questions as Json[];
    const refused = await put(c.eve!, `${room}/questions/${first!.id}/vote`);
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.details.reason).toBe('room-closed');
    expect((await c.ada!.post(`${room}/timer`, { action: 'start' })).statusCode).toBe(409);
    expect((await c.ta!.post(`${room}/phase`, { phase: 'ended' })).json().phase).toBe('ended');
    const ended = (await state(c.ta!)).timer;
    expect(ended.running).toBe(false);
  });

  it('answers 404 for a day without a class and 401 for a visitor', async () => {
    expect((await c.eve!.get(`/api/courses/${SLUG}/meetings/2024-08-27/room`)).statusCode).toBe(404);
    const visitor = new TestClient(app, '198.51.100.90');
    expect((await visitor.get(room)).statusCode).toBe(401);
  });

  it('links the room to its class’s discussion once the class has one', async () => {
    expect((await state(c.eve!)).discussionThreadId).toBeNull();
    const opened = await c.prof!.post(`/api/courses/${SLUG}/discussions`, {
      kind: 'class',
      meetingId: world.meetingId('2024-08-28'),
      body: 'What stayed with you from the scaling papers?',
    });
    expect(opened.statusCode).toBeLessThan(300);
    const threadId = (opened.json() as Json).threadId as string;
    expect(threadId).toBeTruthy();
    expect((await state(c.eve!)).discussionThreadId).toBe(threadId);
    expect((await state(c.ta!)).discussionThreadId).toBe(threadId);
  });

  it('shows the next class the panel of the roles planned again and published again after this class', async () => {
    now = NEXT_DAY;
    const course = (await loadCourse(get().db, SLUG))!;
    const next = course.meetings.find((m) => m.date > '2024-08-28' && m.kind !== 'no_class')!;
    const nextRoom = `/api/courses/${SLUG}/meetings/${next.date}/room`;
    const publish = () => c.prof!.post(`/api/courses/${SLUG}/assignment/publish`, { published: true });
    expect((await publish()).statusCode).toBe(200);
    const panelOf = async (who: TestClient, url: string) => {
      const res = await who.get(url);
      expect(res.statusCode).toBe(200);
      return res.json() as Json;
    };
    expect((await panelOf(c.cat!, nextRoom)).panel.presenting).toEqual([]);
    // Staff plan Beta to present the next class: students see it only once published again.
    const planned = await put(c.prof!, `/api/courses/${SLUG}/assignment/roles`, {
      meetingId: next.id,
      groupId: world.groups.beta,
      role: 'presenter',
      confirm: true,
    });
    expect(planned.statusCode).toBe(200);
    expect((await panelOf(c.cat!, nextRoom)).viewerRole).toBe('audience');
    expect((await publish()).statusCode).toBe(200);
    const after = await panelOf(c.cat!, nextRoom);
    expect(after.panel.presenting.map((g: Json) => g.name)).toEqual(['Beta']);
    expect(after.viewerRole).toBe('presenter');
    expect(after.abilities.runTimer).toBe(true);
    // The class that was keeps the panel it had.
    const past = await state(c.eve!);
    expect(past.panel.presenting.map((g: Json) => g.name)).toEqual(['Alpha']);
    expect(past.panel.summary.map((g: Json) => g.name)).toEqual(['Beta']);
  });

  it('lets a student enrolled after the class read its room afterwards, without writing', async () => {
    now = NEXT_DAY;
    await makePerson(get().db, NEXT_DAY, 'fay@example.edu', {
      courseId: world.courseId,
      role: 'student',
      name: 'Fay',
    });
    const fay = new TestClient(app, '198.51.100.78');
    expect((await fay.signIn('fay@example.edu')).statusCode).toBe(200);
    const s = await state(fay);
    expect(s).toMatchObject({ closed: true, phase: 'ended', viewerRole: 'audience' });
    expect(s.questions.length).toBeGreaterThanOrEqual(3);
    expect(s.questions.some((q: Json) => q.votes > 0)).toBe(true);
    expect(s.questions.every((q: Json) => q.mine === false && q.myVote === false)).toBe(true);
    expect(s.abilities).toMatchObject({ vote: false, ask: false });
    const refused = await put(fay, `${room}/questions/${s.questions[0].id}/vote`);
    expect(refused.statusCode).toBe(409);
    const events = await fay.get(`${room}/events`);
    expect(events.json()).toMatchObject({ stream: false });
  });

  it('keeps the room with its class when staff move the class to another day: the same board, votes and marks there once its questions are due, none on the old day', async () => {
    const before = await state(c.ta!);
    const meetingId = world.meetingId('2024-08-28');
    const course = (await c.ta!.get(`/api/courses/${SLUG}`)).json() as Json;
    const meeting = course.meetings.find((m: Json) => m.date === '2024-08-28');
    const taken = new Set(course.meetings.map((m: Json) => m.date));
    const to = ['2024-08-30', '2024-08-31', '2024-09-01'].find((d) => !taken.has(d))!;
    const moved = await c.prof!.request({
      method: 'PATCH',
      url: `/api/courses/${SLUG}/edit/classes/${meetingId}`,
      payload: {
        date: to,
        startTime: meeting.startTime,
        endTime: meeting.endTime,
        title: meeting.title,
        unit: null,
      },
    });
    expect(moved.statusCode).toBe(200);
    expect((await c.ta!.get(room)).statusCode).toBe(404);
    // Questions handed in show once the new day's question deadline has passed (they may be revised until then).
    const early = await c.ta!.get(`/api/courses/${SLUG}/meetings/${to}/room`);
    expect(early.json().questions.filter((q: Json) => q.source === 'handed-in')).toEqual([]);
    now = new Date(`${to}T15:00:00Z`);
    const after = await c.ta!.get(`/api/courses/${SLUG}/meetings/${to}/room`);
    expect(after.statusCode).toBe(200);
    const shown = after.json() as Json;
    const board = (r: Json) => r.questions.map((q: Json) => [q.id, q.text, q.votes, q.status, q.author]);
    expect(board(shown)).toEqual(board(before));
    expect(board(shown).some((q: unknown[]) => q[3] === 'answered')).toBe(true);
    // Nothing happened in the room in between: it is as staff left it (ended), its timer too.
    expect(shown).toMatchObject({ lastEventId: before.lastEventId, phase: before.phase });
    expect({ ...shown.timer, serverNow: null }).toEqual({ ...before.timer, serverNow: null });
    expect(shown.panel).toEqual(before.panel);
  });
});
