// Obligations over a semester on SQLite and PostgreSQL: a late joiner, a student joining a group mid-semester, a dropped and re-added student; the clock moves and the past of everyone else stays as it was.
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { ulid } from 'ulid';
import { buildApp } from '../../src/http/app.js';
import { BlobStore } from '../../src/files/blob-store.js';
import { loadWorkCourse } from '../../src/services/work/context.js';
import { submitWork } from '../../src/services/work/submit.js';
import { saveCourse } from '../../src/storage/repositories/course-writer.js';
import { loadCourse } from '../../src/storage/repositories/course-reader.js';
import { findCourseRef } from '../../src/storage/repositories/enrollments.js';
import { insertGroup, insertMember } from '../../src/storage/repositories/groups.js';
import { insertRoles } from '../../src/storage/repositories/roles.js';
import { buildCourse, buildMeeting, buildReading } from '../support/course-factory.js';
import { describeEachDialect } from '../support/dialects.js';
import { makePerson, TestClient } from './auth-client.js';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const SLUG = 'genai-late-fall';
/** Monday/Wednesday classes 9:30–10:45 in Chicago, Nov 4 – Dec 11 2024, one paper each. */
const DATES = [
  '2024-11-04',
  '2024-11-06',
  '2024-11-11',
  '2024-11-13',
  '2024-11-18',
  '2024-11-20',
  '2024-11-25',
  '2024-12-02',
  '2024-12-04',
  '2024-12-09',
  '2024-12-11',
];
/** Noon in Chicago (CST, UTC−6) on a local date. */
const noon = (date: string) => new Date(`${date}T18:00:00Z`);
/** Half an hour after a class on that date ended (10:45 CST). */
const afterClass = (date: string) => new Date(`${date}T17:15:00Z`);

const course = buildCourse({
  term: { season: 'Fall', year: 2024 },
  meetings: DATES.map((date, i) =>
    buildMeeting({
      date,
      unit: 'GenAI Basics',
      readings: [buildReading({ title: `Paper ${i + 1}`, url: `https://example.org/p${i + 1}` })],
    }),
  ),
});

describeEachDialect('obligations start when a student joins (over a semester)', (get) => {
  let app: FastifyInstance;
  let now = noon('2024-10-28');
  const ids: Record<string, string> = {};
  const clients: Record<string, TestClient> = {};
  const groups = { alpha: '', beta: '' };
  const api = `/api/courses/${SLUG}`;
  let ip = 1;

  const signIn = async (name: string) => {
    const client = new TestClient(app, `198.51.100.${ip++}`);
    const res = await client.signIn(`${name}@example.edu`);
    if (res.statusCode !== 200) throw new Error(`${name} could not sign in: ${res.body}`);
    clients[name] = client;
  };
  const person = async (name: string, role: 'student' | 'ta' | 'instructor') => {
    const ref = (await findCourseRef(get().db, SLUG))!;
    ids[name] = (
      await makePerson(get().db, now, `${name}@example.edu`, {
        courseId: ref.id,
        role,
        name: name[0]!.toUpperCase() + name.slice(1),
      })
    ).id;
  };
  /** A request as `name`; sessions lapse while the clock moves weeks on, so a 401 signs in again once. */
  const req = async (name: string, opts: Parameters<TestClient['request']>[0]) => {
    const res = await clients[name]!.request(opts);
    if (res.statusCode !== 401) return res;
    await signIn(name);
    return clients[name]!.request(opts);
  };
  const ok = async (res: Awaited<ReturnType<TestClient['get']>>): Promise<Json> => {
    if (res.statusCode !== 200) throw new Error(`${res.statusCode}: ${res.body}`);
    return res.json();
  };
  const dashboard = async (name: string): Promise<Json> => ok(await req(name, { url: `${api}/dashboard` }));
  const grid = async (key: string): Promise<Json> =>
    ok(await req('ta', { url: `${api}/deliverables/${key}/status` }));
  const roll = async (date: string): Promise<Json> =>
    ok(await req('ta', { url: `${api}/meetings/${date}/attendance` }));
  const classView = async (date: string): Promise<Json> =>
    ok(await req('ta', { url: `${api}/meetings/${date}/dashboard` }));
  /** Takes the roll of a class: every active student present except the ones named absent. */
  const takeRoll = async (date: string, absent: string[] = []) => {
    now = afterClass(date);
    const entries: Json[] = (await roll(date)).entries;
    const res = await req('ta', {
      method: 'PUT',
      url: `${api}/meetings/${date}/attendance`,
      payload: {
        marks: entries.map((e) => ({
          userId: e.userId,
          status: absent.some((n) => ids[n] === e.userId) ? 'absent' : 'present',
        })),
      },
    });
    expect(res.statusCode).toBe(200);
  };
  const setStart = (userId: string, date: string) =>
    req('prof', { method: 'PUT', url: `${api}/roster/${userId}/start`, payload: { date } });

  /** What a student's page says about work due before `before`: item → state, and the allowances. */
  const pastOf = async (name: string, before: Date): Promise<Json> => {
    const d = await dashboard(name);
    return {
      items: Object.fromEntries(
        d.items
          .filter((i: Json) => Date.parse(i.regularDueAt) < before.getTime())
          .map((i: Json) => [`${i.deliverableKey} ${i.meetingDate}`, i.state]),
      ),
    };
  };
  const gridPast = (g: Json, before: Date) =>
    Object.fromEntries(
      g.rows.map((r: Json) => [
        r.name,
        r.cells
          .filter((_: Json, i: number) => Date.parse(g.occasions[i].dueAt) < before.getTime())
          .map((c: Json) => c.state),
      ]),
    );
  const stateOf = (d: Json, key: string, date: string | null) =>
    d.items.find((i: Json) => i.deliverableKey === key && i.meetingDate === date)?.state;
  const cellOf = (g: Json, name: string, date: string) =>
    g.rows.find((r: Json) => r.name === name).cells[g.occasions.findIndex((o: Json) => o.key === date)].state;
  const gradebook = async (): Promise<Json> => ok(await req('prof', { url: `${api}/grades` }));
  const participation = async (name: string): Promise<Json> =>
    (await gradebook()).students.find((s: Json) => s.id === ids[name]).participation;
  const entryOf = (r: Json, name: string) => r.entries.find((e: Json) => e.userId === ids[name]);

  beforeAll(async () => {
    const { config, db } = get();
    const stamp = now.toISOString();
    await saveCourse(db, SLUG, course, stamp);
    const ref = (await findCourseRef(db, SLUG))!;
    const stored = (await loadCourse(db, SLUG))!;
    for (const name of ['ada', 'ben', 'cat', 'dan']) await person(name, 'student');
    await person('ta', 'ta');
    await person('prof', 'instructor');
    groups.alpha = ulid();
    groups.beta = ulid();
    for (const [id, name] of [
      [groups.alpha, 'Alpha'],
      [groups.beta, 'Beta'],
    ] as const)
      await insertGroup(db, { id, course_id: ref.id, name, created_at: stamp, created_by: null });
    for (const [g, u] of [
      [groups.alpha, 'ada'],
      [groups.alpha, 'ben'],
      [groups.beta, 'cat'],
    ] as const)
      await insertMember(db, { group_id: g, user_id: ids[u]!, course_id: ref.id, joined_at: stamp });
    const meetingId = (date: string) => stored.meetings.find((m) => m.date === date)!.id;
    const role = (date: string, group: string, r: 'presenter' | 'summarizer') => ({
      id: ulid(),
      course_id: ref.id,
      meeting_id: meetingId(date),
      group_id: group,
      role: r,
      locked: 0,
      created_at: stamp,
    });
    await insertRoles(db, [
      role('2024-11-11', groups.alpha, 'presenter'),
      role('2024-11-11', groups.beta, 'summarizer'),
      role('2024-11-13', groups.beta, 'presenter'),
      role('2024-11-13', groups.alpha, 'summarizer'),
      role('2024-12-09', groups.alpha, 'presenter'),
      role('2024-12-09', groups.beta, 'summarizer'),
      role('2024-12-11', groups.beta, 'presenter'),
      role('2024-12-11', groups.alpha, 'summarizer'),
    ]);
    app = await buildApp({ config, db, clock: () => now });
    await app.ready();
    for (const name of ['ada', 'ben', 'cat', 'dan', 'ta', 'prof']) await signIn(name);
    // Ada hands in her Nov 6 question on time; nobody else hands anything in.
    now = noon('2024-11-05');
    const deps = {
      db,
      files: new BlobStore(config.filesDir),
      mailer: null,
      clock: () => now,
      publicUrl: 'http://localhost',
    };
    const work = await loadWorkCourse(deps, SLUG, { userId: ids.ada!, isAdmin: false });
    await submitWork(deps, work, {
      deliverableKey: 'question',
      meetingDate: '2024-11-06',
      readingIndex: 0,
      text: 'Why does this scale?',
      file: null,
      acknowledgePolicy: true,
      now,
    });
  });
  afterAll(async () => {
    await app?.close();
  });

  const snapshots: Record<string, Json> = {};
  let questionGridBefore: Json = {};
  let slidesGridBefore: Json = {};

  it('November: students enrolled from the start owe every class and question (misses are misses)', async () => {
    for (const date of DATES.slice(0, 4)) await takeRoll(date, date === '2024-11-06' ? ['cat'] : []);
    now = noon('2024-11-17');
    const ada = await dashboard('ada');
    expect(stateOf(ada, 'question', '2024-11-06')).toBe('done');
    expect(stateOf(ada, 'question', '2024-11-04')).toBe('missed');
    // Alpha summarized Nov 13 and handed nothing in: a miss for its members.
    expect(stateOf(ada, 'summary', '2024-11-13')).toBe('missed');
    expect(stateOf(await dashboard('cat'), 'slides', '2024-11-13')).toBe('missed');
    expect((await dashboard('cat')).attendanceAllowance).toMatchObject({ missed: 1, left: 1 });
    for (const name of ['ada', 'ben', 'cat', 'dan']) snapshots[name] = await pastOf(name, now);
    questionGridBefore = gridPast(await grid('question'), now);
    slidesGridBefore = gridPast(await grid('slides'), now);
  });

  it('Nov 17: Ben is dropped; the classes while he is away are not his (and not missed)', async () => {
    expect((await req('ta', { method: 'POST', url: `${api}/roster/${ids.ben}/drop` })).statusCode).toBe(200);
    for (const date of ['2024-11-18', '2024-11-20']) await takeRoll(date);
    // A dropped student is not on the roll at all.
    expect(entryOf(await roll('2024-11-20'), 'ben')).toBeUndefined();
  });

  it('Nov 21: Dan joins group Alpha; Alpha’s earlier work is not his to have missed', async () => {
    now = noon('2024-11-21');
    const moved = await req('prof', {
      method: 'POST',
      url: `${api}/groups/move`,
      payload: { userId: ids.dan, target: groups.alpha },
    });
    expect(moved.statusCode).toBe(200);
    const dan = await dashboard('dan');
    // Alpha's Nov 13 summary (not handed in) is "before you joined" for Dan, a miss for Ada.
    expect(stateOf(dan, 'summary', '2024-11-13')).toBe('before-joined');
    expect(stateOf(dan, 'slides', '2024-11-11')).toBe('before-joined');
    expect(stateOf(await dashboard('ada'), 'summary', '2024-11-13')).toBe('missed');
    // His own questions were his all along (he was enrolled): misses stay misses.
    expect(stateOf(dan, 'question', '2024-11-04')).toBe('missed');
    expect(dan.items.filter((i: Json) => i.state === 'missed').map((i: Json) => i.deliverableKey)).toEqual(
      Array(6).fill('question'),
    );
    // The staff grid keeps Alpha's past as it was: Ada and Ben owed it.
    expect(cellOf(await grid('summary'), 'Alpha', '2024-11-13')).toBe('missing');
    await takeRoll('2024-11-25');
  });

  it('Nov 26: Ben is re-added; the gap is not missed, before and after count', async () => {
    now = noon('2024-11-26');
    expect((await req('ta', { method: 'POST', url: `${api}/roster/${ids.ben}/restore` })).statusCode).toBe(
      200,
    );
    await takeRoll('2024-12-02', ['ben']);
    await takeRoll('2024-12-04');
    now = noon('2024-12-05');
    const ben = await dashboard('ben');
    for (const date of ['2024-11-18', '2024-11-20', '2024-11-25'])
      expect(stateOf(ben, 'question', date)).toBe('not-member');
    expect(stateOf(ben, 'question', '2024-11-13')).toBe('missed');
    expect(stateOf(ben, 'question', '2024-12-02')).toBe('missed');
    // Absences: only Dec 2 of the six classes he owed (the rolls of Nov 18–25 were not his to attend).
    expect(ben.attendanceAllowance).toMatchObject({ settled: 6, missed: 1, left: 1 });
    // Questions: Nov 4, 6, 11, 13, Dec 2, Dec 4 owed and missed; the three in the gap cost nothing.
    expect(ben.questionAllowance).toMatchObject({ settled: 6, missed: 6, left: 0 });
    const g = await grid('question');
    expect(cellOf(g, 'Ben', '2024-11-20')).toBe('not-member');
    expect(cellOf(g, 'Ben', '2024-12-02')).toBe('missing');
    expect(entryOf(await roll('2024-11-20'), 'ben')).toMatchObject({ obligation: 'not-member' });
    // The gradebook reads the same periods: participation counts the same classes and question days.
    expect(await participation('ben')).toMatchObject({
      attendance: { settled: 6, missed: 1 },
      questions: { settled: 6, missed: 6 },
    });
    // His earlier enrollment cannot be reached into by a start date.
    const clash = await setStart(ids.ben!, '2024-11-10');
    expect(clash.statusCode).toBe(409);
    expect(clash.json().reason ?? clash.json().details?.reason ?? clash.body).toContain('overlaps-earlier');
  });

  it('Dec 5: Eve joins late: nothing before is late or missed, full allowances, no missed presentations', async () => {
    now = noon('2024-12-05');
    const before = {
      ...Object.fromEntries(
        await Promise.all(['ada', 'cat', 'dan'].map(async (n) => [n, await pastOf(n, now)] as const)),
      ),
    };
    await person('eve', 'student');
    await signIn('eve');
    expect(
      (
        await req('prof', {
          method: 'POST',
          url: `${api}/groups/move`,
          payload: { userId: ids.eve, target: groups.beta },
        })
      ).statusCode,
    ).toBe(200);
    const eve = await dashboard('eve');
    const past = eve.items.filter((i: Json) => Date.parse(i.regularDueAt) < now.getTime());
    expect(past.length).toBeGreaterThanOrEqual(11); // 9 question days + Beta's slides and summaries
    expect(past.every((i: Json) => i.state === 'before-joined')).toBe(true);
    expect(eve.items.filter((i: Json) => ['late', 'zero', 'missed'].includes(i.state))).toEqual([]);
    expect(stateOf(eve, 'slides', '2024-11-13')).toBe('before-joined');
    expect(eve.attendanceAllowance).toMatchObject({ allowance: 2, missed: 0, left: 2, settled: 0 });
    expect(eve.questionAllowance).toMatchObject({ allowance: 2, missed: 0, left: 2, settled: 0 });
    // What is still to come is hers (Beta presents Dec 11).
    expect(stateOf(eve, 'question', '2024-12-09')).toBe('open');
    expect(stateOf(eve, 'slides', '2024-12-11')).toBe('open');

    // Staff grids and the roll say the same.
    const questions = await grid('question');
    expect(
      questions.rows
        .find((r: Json) => r.name === 'Eve')
        .cells.slice(0, 9)
        .map((c: Json) => c.state),
    ).toEqual(Array(9).fill('before-joined'));
    expect(cellOf(await grid('slides'), 'Beta', '2024-11-13')).toBe('missing');
    const nov13 = await roll('2024-11-13');
    expect(entryOf(nov13, 'eve')).toMatchObject({ status: null, obligation: 'before-joined' });
    expect(nov13.counts).toMatchObject({ unmarked: 0, notTheirs: 1 });
    expect(await participation('eve')).toMatchObject({
      attendance: { settled: 0, missed: 0 },
      questions: { settled: 0, missed: 0 },
    });
    const eveGrades = (await gradebook()).students.find((s: Json) => s.id === ids.eve);
    expect(Object.values(eveGrades.cells).filter((c: any) => c.state === 'missing')).toEqual([]); // eslint-disable-line @typescript-eslint/no-explicit-any
    const cls = await classView('2024-11-13');
    expect(cls.questions.students.find((s: Json) => s.userId === ids.eve).obligation).toBe('before-joined');

    // Nobody else's past moved: not Eve's arrival, not Dan's move, not Ben's drop and return.
    for (const name of ['ada', 'cat', 'dan']) expect(await pastOf(name, now)).toEqual(before[name]);
    const cutoff = noon('2024-11-17');
    for (const name of ['ada', 'cat']) expect(await pastOf(name, cutoff)).toEqual(snapshots[name]);
    const pastQuestions = gridPast(await grid('question'), cutoff);
    for (const name of ['Ada', 'Ben', 'Cat', 'Dan'])
      expect(pastQuestions[name]).toEqual(questionGridBefore[name]);
    expect(gridPast(await grid('slides'), cutoff)).toEqual(slidesGridBefore);
  });

  it('a start date after the next class: Today and the class view leave Eve’s questions out', async () => {
    now = noon('2024-12-05');
    const today = async () => (await ok(await req('ta', { url: `${api}/today` }))).nextClass;
    expect((await today()).questions).toMatchObject({ expected: 5, students: 5, handedIn: 0 });
    expect((await setStart(ids.eve!, '2024-12-10')).statusCode).toBe(200);
    expect((await today()).meetingDate).toBe('2024-12-09');
    expect((await today()).questions).toMatchObject({ expected: 4, students: 4 });
    const dec9 = (await classView('2024-12-09')).questions.students;
    expect(dec9.find((st: Json) => st.userId === ids.eve).obligation).toBe('before-joined');
    expect((await setStart(ids.eve!, '2024-12-05')).statusCode).toBe(200);
    expect((await today()).questions).toMatchObject({ expected: 5, students: 5 });
  });

  it('Dec 10: what is due after joining is owed — a missed question and an absence count', async () => {
    await takeRoll('2024-12-09', ['eve']);
    now = noon('2024-12-10');
    const eve = await dashboard('eve');
    expect(stateOf(eve, 'question', '2024-12-09')).toBe('missed');
    expect(eve.attendanceAllowance).toMatchObject({ missed: 1, left: 1 });
    expect(eve.questionAllowance).toMatchObject({ missed: 1, left: 1 });
    // Dan owes Alpha's Dec 9 slides (he was in Alpha by then): a missed presentation, unlike Nov 11.
    const dan = await dashboard('dan');
    expect(stateOf(dan, 'slides', '2024-12-09')).toBe('missed');
    expect(stateOf(dan, 'slides', '2024-11-11')).toBe('before-joined');
  });

  it('staff move Eve’s start to Dec 1 and back: the week becomes hers, then not again', async () => {
    const earlier = await setStart(ids.eve!, '2024-12-01');
    expect(earlier.statusCode).toBe(200);
    expect(earlier.json()).toMatchObject({ startsOn: '2024-12-01', timeZone: 'America/Chicago' });
    let eve = await dashboard('eve');
    expect(stateOf(eve, 'question', '2024-12-02')).toBe('missed');
    expect(stateOf(eve, 'question', '2024-11-25')).toBe('before-joined');
    expect(eve.questionAllowance).toMatchObject({ missed: 3, left: 0 });
    // Dec 2 and 4 were rolled before she was on the roll: unmarked, they now count as absences.
    expect(eve.attendanceAllowance).toMatchObject({ missed: 3, settled: 3, left: 0 });
    expect(entryOf(await roll('2024-12-02'), 'eve')).toMatchObject({ obligation: 'owed' });
    expect(cellOf(await grid('question'), 'Eve', '2024-12-04')).toBe('missing');

    expect((await setStart(ids.eve!, '2024-12-05')).statusCode).toBe(200);
    eve = await dashboard('eve');
    expect(stateOf(eve, 'question', '2024-12-02')).toBe('before-joined');
    expect(eve.questionAllowance).toMatchObject({ missed: 1, left: 1 });
    expect(cellOf(await grid('question'), 'Eve', '2024-12-04')).toBe('before-joined');
  });
});
