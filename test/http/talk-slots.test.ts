// Talk slots over HTTP on both dialects: staff place groups on the presentation days, students read their day; bad input is a clear 4xx and changes nothing.
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../src/http/app.js';
import { createSession } from '../../src/services/auth/sessions.js';
import { describeEachDialect } from '../support/dialects.js';
import { makePdf } from '../files/build.js';
import { multipart } from './work-helpers.js';
import { buildSlotWorld, MIDTERM, SLUG, type SlotWorld } from '../services/talk-slots-world.js';

const NOW = new Date('2024-10-01T15:00:00Z');
const HOSTILE = [
  '',
  ' ',
  '../../etc/passwd',
  "' OR 1=1 --",
  '<script>alert(1)</script>',
  '\u202egpj.exe',
  '😀'.repeat(40),
  'x'.repeat(300),
  '%00',
  'a\u0000b',
  '{"$ne":null}',
];

describeEachDialect('talk slots API', (get) => {
  let app: FastifyInstance;
  let w: SlotWorld;

  beforeAll(async () => {
    const { config, db } = get();
    w = await buildSlotWorld(db, NOW);
    app = await buildApp({ config, db, clock: () => NOW });
    await app.ready();
  });
  afterAll(async () => {
    await app?.close();
  });

  async function as(userId: string | null, method: string, path: string, payload?: unknown) {
    const headers: Record<string, string> = {};
    if (userId) {
      const session = await createSession(get().db, userId, NOW, { ip: null, userAgent: 'http-test' });
      headers.cookie = `seminar_session=${session.token}; seminar_csrf=${session.csrfToken}`;
      headers['x-csrf-token'] = session.csrfToken;
    }
    const res = await app.inject({
      method: method as never,
      url: `/api/courses/${SLUG}${path}`,
      headers,
      ...(payload === undefined ? {} : { payload: payload as never }),
    });
    expect(res.statusCode, res.body).toBeLessThan(500);
    return res;
  }
  const board = async () =>
    (
      (await as(w.prof, 'GET', '/talk-slots')).json() as {
        boards: Array<{ days: Array<{ date: string; talks: Array<{ groupName: string }> }> }>;
      }
    ).boards[0]!;

  it('plans, previews and applies an even spread, places a group by hand, publishes, and the student reads their day', async () => {
    const plan = await as(w.prof, 'POST', `/talk-slots/${MIDTERM}/plan`, {});
    expect(plan.statusCode).toBe(200);
    const { fingerprint } = plan.json() as { fingerprint: string };
    expect((await as(w.prof, 'POST', `/talk-slots/${MIDTERM}/apply`, { fingerprint })).json()).toEqual({
      placed: 4,
      unplaced: 0,
    });
    const moved = await as(w.ta, 'PUT', `/talk-slots/${MIDTERM}/groups/${w.groups[1]}`, {
      meetingId: w.meeting('2024-10-21'),
      position: 0,
      startTime: '09:30',
    });
    expect(moved.statusCode).toBe(200);
    expect((moved.json() as { problems: Array<{ code: string }> }).problems.map((p) => p.code)).toEqual([
      'unbalanced',
    ]);
    expect((await board()).days.map((d) => d.talks.map((t) => t.groupName))).toEqual([
      ['Group 2', 'Group 1', 'Group 3'],
      ['Group 4'],
    ]);

    const before = (await as(w.students[1]![0]!, 'GET', '/my-talk-slot')).json() as {
      talks: Array<{ talk: unknown }>;
    };
    expect(before.talks[0]!.talk).toBeNull();
    expect((await as(w.prof, 'POST', `/talk-slots/${MIDTERM}/publish`, { published: true })).statusCode).toBe(
      200,
    );
    const mine = (await as(w.students[1]![0]!, 'GET', '/my-talk-slot')).json() as {
      talks: Array<{ talk: { sentence: string } }>;
    };
    expect(mine.talks[0]!.talk.sentence).toBe('Your group presents on Mon Oct 21, 1st of 3, at 09:30.');
  });

  it('takes the Oct 21 slides from a group on Oct 21 and refuses Group 4, which presents on Oct 23 (not-holder)', async () => {
    const upload = async (userId: string) => {
      const session = await createSession(get().db, userId, NOW, { ip: null, userAgent: 'http-test' });
      const mp = multipart('progress.pdf', await makePdf(2));
      return app.inject({
        method: 'POST',
        url: `/api/courses/${SLUG}/submissions/upload?deliverableKey=${MIDTERM}&meetingDate=2024-10-21&acknowledgePolicy=true`,
        headers: {
          ...mp.headers,
          cookie: `seminar_session=${session.token}; seminar_csrf=${session.csrfToken}`,
          'x-csrf-token': session.csrfToken,
        },
        payload: mp.payload,
      });
    };
    const taken = await upload(w.students[0]![0]!);
    expect(taken.statusCode, taken.body).toBe(201);
    const refused = await upload(w.students[3]![0]!);
    expect(refused.statusCode).toBe(403);
    expect(refused.json()).toMatchObject({ error: { code: 'forbidden', details: { reason: 'not-holder' } } });
  });

  it('answers 404 for an unknown group, another course’s group and hostile group ids, and changes nothing', async () => {
    const before = await board();
    for (const groupId of [
      'no-such-group',
      w.otherGroup,
      ...HOSTILE.filter((h) => h.trim() !== '' && !h.includes('/')),
    ]) {
      const res = await as(w.prof, 'PUT', `/talk-slots/${MIDTERM}/groups/${encodeURIComponent(groupId)}`, {
        meetingId: w.meeting('2024-10-23'),
      });
      expect([400, 404], `${groupId.slice(0, 20)}: ${res.body}`).toContain(res.statusCode);
      const del = await as(w.prof, 'DELETE', `/talk-slots/${MIDTERM}/groups/${encodeURIComponent(groupId)}`);
      expect([400, 404]).toContain(del.statusCode);
    }
    expect(
      (
        await as(w.prof, 'PUT', `/talk-slots/${MIDTERM}/groups/${w.otherGroup}`, {
          meetingId: w.meeting('2024-10-23'),
        })
      ).json(),
    ).toMatchObject({ error: { code: 'not_found', message: 'No such group in this course.' } });
    expect(await board()).toEqual(before);
  });

  it('answers 400 for a lecture day, a hostile meeting id, a bad start time or place, and an unknown field', async () => {
    const before = await board();
    const put = (body: unknown) => as(w.prof, 'PUT', `/talk-slots/${MIDTERM}/groups/${w.groups[0]}`, body);
    const lecture = await put({ meetingId: w.meeting('2024-10-16') });
    expect(lecture.statusCode).toBe(400);
    expect(lecture.json()).toMatchObject({
      error: { code: 'invalid_input', details: { reason: 'not-a-talk-day' } },
    });
    expect((lecture.json() as { error: { message: string } }).error.message).toMatch(
      /not a presentation day .* Mon Oct 21, Wed Oct 23/,
    );
    for (const meetingId of HOSTILE)
      expect((await put({ meetingId })).statusCode, meetingId.slice(0, 20)).toBe(400);
    for (const startTime of ['9:30', '25:00', '09:30:00', 'noon', ...HOSTILE])
      expect((await put({ meetingId: w.meeting('2024-10-21'), startTime })).statusCode).toBe(400);
    expect((await put({ meetingId: w.meeting('2024-10-21'), startTime: '11:00' })).statusCode).toBe(400);
    for (const position of [-1, 1.5, '0', 1e9, null])
      expect((await put({ meetingId: w.meeting('2024-10-21'), position })).statusCode).toBe(400);
    expect((await put({ meetingId: w.meeting('2024-10-21'), locked: false })).statusCode).toBe(400);
    expect((await put(null)).statusCode).toBe(400);
    expect(await board()).toEqual(before);
  });

  it('answers 404 for an unknown deliverable, 409 for one not given out by slots, and refuses a stale plan', async () => {
    expect((await as(w.prof, 'POST', '/talk-slots/no-such-thing/plan', {})).statusCode).toBe(404);
    expect(
      (await as(w.prof, 'POST', `/talk-slots/${encodeURIComponent('<script>')}/plan`, {})).statusCode,
    ).toBe(404);
    expect((await as(w.prof, 'POST', '/talk-slots/slides/plan', {})).statusCode).toBe(409);
    const stale = await as(w.prof, 'POST', `/talk-slots/${MIDTERM}/apply`, { fingerprint: 'f'.repeat(64) });
    expect(stale.statusCode).toBe(409);
    expect(stale.json()).toMatchObject({ error: { code: 'conflict', details: { reason: 'stale-plan' } } });
    expect(
      (await as(w.prof, 'PATCH', `/talk-slots/${MIDTERM}/settings`, { talkMinutes: 0 })).statusCode,
    ).toBe(400);
    expect(
      (await as(w.prof, 'PATCH', `/talk-slots/${MIDTERM}/settings`, { talkMinutes: '25' })).statusCode,
    ).toBe(400);
    expect(
      (await as(w.prof, 'POST', `/talk-slots/${MIDTERM}/publish`, { published: 'yes' })).statusCode,
    ).toBe(400);
  });

  it('reads the talk length from the deliverable notes staff write ("at most 25 minutes"): a 75-minute day then holds 3 talks', async () => {
    const patched = await as(w.prof, 'PATCH', `/deliverables/${MIDTERM}`, {
      notes: ['Talks are at most 25 minutes, questions included.'],
    });
    expect(patched.statusCode, patched.body).toBe(200);
    const b = (
      (await as(w.prof, 'GET', '/talk-slots')).json() as {
        boards: Array<{ talkMinutes: number | null; days: Array<{ capacity: number | null }> }>;
      }
    ).boards[0]!;
    expect(b.talkMinutes).toBe(25);
    expect(b.days.map((d) => d.capacity)).toEqual([3, 3]);
    expect(
      (await as(w.prof, 'PATCH', `/talk-slots/${MIDTERM}/settings`, { talkMinutes: 15 })).statusCode,
    ).toBe(200);
    const staff = (
      (await as(w.prof, 'GET', '/talk-slots')).json() as {
        boards: Array<{ days: Array<{ capacity: number | null }> }>;
      }
    ).boards[0]!;
    expect(staff.days.map((d) => d.capacity)).toEqual([5, 5]);
  });

  it('refuses students and visitors the staff routes, and staff the student route', async () => {
    expect((await as(w.students[0]![0]!, 'GET', '/talk-slots')).statusCode).toBe(403);
    expect(
      (
        await as(w.students[0]![0]!, 'PUT', `/talk-slots/${MIDTERM}/groups/${w.groups[0]}`, {
          meetingId: w.meeting('2024-10-23'),
        })
      ).statusCode,
    ).toBe(403);
    expect((await as(null, 'GET', '/talk-slots')).statusCode).toBe(401);
    expect((await as(w.prof, 'GET', '/my-talk-slot')).statusCode).toBe(403);
  });
});
