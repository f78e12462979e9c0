// Unreleased scores stay with staff: a graded, unreleased item is read back through every GET route a student can
// call, and nothing of it shows; released, it shows. The regrade window, moved across its end with the clock.
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { appPlugins, buildApp } from '../../src/http/app.js';
import { listAudit } from '../../src/storage/repositories/audit.js';
import { buildCourse } from '../support/course-factory.js';
import { describeEachDialect } from '../support/dialects.js';
import type { TestClient } from './auth-client.js';
import { buildWorkWorld, signInWorld, SLUG, type WorkWorld } from './work-helpers.js';

const START = new Date('2024-08-27T12:00:00Z');
const COMPONENTS = [
  { key: 'participation', name: 'Participation', weight: 10 },
  { key: 'paper-presentation-discussion', name: 'Paper Presentation & Discussion', weight: 15 },
  { key: 'project-presentations', name: 'Project Presentations', weight: 20 },
];
const SECRET = 'Hidden-until-release remark';
const POINTS = '61.73';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

// Every GET route as Fastify registers it (this file's own app only).
const registered: string[] = [];
appPlugins.unshift(async (app) => {
  app.addHook('onRoute', (route) => {
    for (const method of [route.method].flat())
      if (method === 'GET' && route.url.startsWith('/api')) registered.push(route.url);
  });
});

describeEachDialect('unreleased scores over HTTP', (get) => {
  let app: FastifyInstance;
  let world: WorkWorld;
  let now = START;
  let clients: Record<string, TestClient> = {};
  const api = `/api/courses/${SLUG}`;
  let talkId = '';
  let otherId = '';

  beforeAll(async () => {
    const { config, db } = get();
    world = await buildWorkWorld(db, START, buildCourse({ components: COMPONENTS }));
    registered.length = 0;
    app = await buildApp({ config, db, clock: () => now });
    await app.ready();
    clients = await signInWorld(app, world);
    const items = ((await clients.ta!.get(`${api}/grades`)).json() as Json).items as Json[];
    talkId = items.find((i) => i.key === 'presentation@2024-08-28')!.id as string;
    otherId = items.find((i) => i.key === 'poster')!.id as string;
    now = new Date('2024-08-28T18:00:00Z');
    const scored = await clients.ta!.request({
      method: 'PUT',
      url: `${api}/grades/items/${talkId}/scores`,
      payload: { subject: { kind: 'group', groupId: world.groups.alpha }, points: POINTS, comment: SECRET },
    });
    expect(scored.statusCode).toBe(200);
  });
  afterAll(async () => {
    await app?.close();
  });

  /** Every GET route with its parameters filled in for Ada, the graded item and its class. */
  function studentUrls(): string[] {
    const urls = [...new Set(registered)]
      .filter((u) => !u.includes('*'))
      .map((u) =>
        u
          .replace(':slug', SLUG)
          .replace(':itemId', talkId)
          .replace(':date', '2024-08-28')
          .replace(':key', 'slides')
          .replace(':userId', world.ids.ada)
          .replace(/:[A-Za-z]+/g, '01JAAAAAAAAAAAAAAAAAAAAAAA'),
      )
      .map((u) => (u.endsWith('/what-if') ? `${u}?itemId=${otherId}&points=50` : u));
    expect(urls.length).toBeGreaterThan(30);
    return urls;
  }

  async function readAll(c: TestClient): Promise<Array<{ url: string; status: number; body: string }>> {
    const out = [];
    for (const url of studentUrls()) {
      const res = await c.get(url);
      out.push({ url, status: res.statusCode, body: res.body });
    }
    return out;
  }

  it('shows nothing of a graded, unreleased score through any GET route a student calls', async () => {
    for (const who of ['ada', 'ben', 'cat'] as const) {
      const read = await readAll(clients[who]!);
      expect(read.filter((r) => r.status >= 500).map((r) => r.url)).toEqual([]);
      const leaks = read.filter((r) => r.body.includes(SECRET) || r.body.includes(POINTS));
      expect(leaks.map((r) => `${who}: ${r.url}`)).toEqual([]);
    }
    // The what-if on another item counts only released work: the hidden 61.73 leaves the grade at the 50 given.
    const whatIf = (
      await clients.ada!.get(`${api}/grades/mine/what-if?itemId=${otherId}&points=50`)
    ).json() as Json;
    expect(whatIf.final).toBe('50.00');
    const mine = (await clients.ada!.get(`${api}/grades/mine`)).json() as Json;
    expect(mine.items.find((i: Json) => i.id === talkId)).toMatchObject({
      state: 'hidden',
      points: null,
      comment: '',
      commentHtml: '',
      regradeOpen: false,
      regradeUntil: null,
    });
  });

  it('shows the score once released (so the reading above can fail), as points and as sanitized comment HTML', async () => {
    expect(
      (await clients.ta!.post(`${api}/grades/items/${talkId}/release`, { released: true })).statusCode,
    ).toBe(200);
    const read = await readAll(clients.ada!);
    const showing = read.filter((r) => r.body.includes(SECRET)).map((r) => r.url);
    expect(showing).toEqual([`${api}/grades/mine`]);
    const mine = (await clients.ada!.get(`${api}/grades/mine`)).json() as Json;
    expect(mine.items.find((i: Json) => i.id === talkId)).toMatchObject({
      points: POINTS,
      commentHtml: `<p>${SECRET}</p>`,
      regradeOpen: true,
      regradeUntil: '2024-09-04T18:00:00.000Z',
    });
    // Cat is not in the presenting group: released or not, the item is not hers.
    expect(JSON.stringify((await readAll(clients.cat!)).map((r) => r.body))).not.toContain(SECRET);
  });

  it('keeps the regrade window open up to its end and closes it just after, as the clock moves', async () => {
    const ask = (reason: string) => clients.ben!.post(`${api}/grades/items/${talkId}/regrades`, { reason });
    const open = (): Promise<Json> =>
      clients
        .ben!.get(`${api}/grades/mine`)
        .then((r) => (r.json() as Json).items.find((i: Json) => i.id === talkId));
    now = new Date('2024-09-04T18:00:00.000Z'); // released Aug 28 18:00 + 7 days, to the millisecond
    expect(await open()).toMatchObject({ regradeOpen: true, regradeUntil: '2024-09-04T18:00:00.000Z' });
    now = new Date('2024-09-04T18:00:00.001Z');
    expect(await open()).toMatchObject({ regradeOpen: false, regradeUntil: '2024-09-04T18:00:00.000Z' });
    const late = await ask('The clock started late.');
    expect(late.statusCode).toBe(409);
    expect((late.json() as Json).error.details).toEqual({ until: '2024-09-04T18:00:00.000Z' });
    // Staff widen the window: the same request, at the same instant, is taken.
    expect(
      (
        await clients.prof!.request({
          method: 'PATCH',
          url: `${api}/grades/settings`,
          payload: { regradeDays: 8 },
        })
      ).statusCode,
    ).toBe(200);
    expect(await open()).toMatchObject({ regradeOpen: true, regradeUntil: '2024-09-05T18:00:00.000Z' });
    expect((await ask('The clock started late.')).statusCode).toBe(200);
    const staff = (await clients.ta!.get(`${api}/grades/regrades`)).json() as Json;
    expect(staff.regrades).toEqual([
      expect.objectContaining({
        studentName: 'Ben',
        itemTitle: expect.stringContaining('Presentation'),
        reason: 'The clock started late.',
        pointsPossible: '100',
        pointsNow: POINTS,
        answer: null,
      }),
    ]);
    // Answered without new points: the score stays, both texts are kept, and the answer is audited.
    const answered = await clients.ta!.post(`${api}/grades/regrades/${staff.regrades[0].id}/answer`, {
      answer: 'The timing rubric already allows for the late start.',
    });
    expect(answered.statusCode).toBe(200);
    expect(answered.json()).toMatchObject({ pointsBefore: POINTS, pointsAfter: POINTS });
    const ben = (await clients.ben!.get(`${api}/grades/mine`)).json() as Json;
    expect(ben.items.find((i: Json) => i.id === talkId)).toMatchObject({ points: POINTS, comment: SECRET });
    expect(ben.regrades).toEqual([
      expect.objectContaining({
        reason: 'The clock started late.',
        answer: 'The timing rubric already allows for the late start.',
      }),
    ]);
    const audit = await listAudit(get().db, { courseId: world.courseId, limit: 50 });
    expect(audit.filter((a) => a.action === 'regrade-answered').map((a) => a.target)).toEqual(['Ben']);
  });
});
