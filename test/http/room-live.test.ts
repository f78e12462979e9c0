// The class room's live events over real HTTP connections: on PostgreSQL a question and a vote written through one
// instance reach a client of the other (LISTEN/NOTIFY), on SQLite the same instance; names stay hidden from students
// in events when questions are anonymous; a client resumes after its Last-Event-ID, or is told to refetch; a burst of
// votes ends on every client (and on one that resumes) with the final count.
import type { AddressInfo } from 'node:net';
import { beforeAll, expect, it, vi } from 'vitest';
import { presentedReadings } from '../../src/domain/demo-deliverables.js';
import { createSession } from '../../src/services/auth/sessions.js';
import { loadCourse } from '../../src/storage/repositories/course-reader.js';
import { findUserByEmail } from '../../src/storage/repositories/users.js';
import { describeEachDialect } from '../support/dialects.js';
import { openSse, type SseClient, type SseMessage } from '../support/sse.js';
import { NOW, SLUG, twoInstancesOnOneDb } from './two-instances.js';

describeEachDialect('live class room', (get, dialect) => {
  const world = twoInstancesOnOneDb(get, 'room-live-test');
  let date = '';
  let base = '';

  async function headersOf(email: string) {
    const user = (await findUserByEmail(get().db, email))!;
    const s = await createSession(get().db, user.id, NOW, { ip: null, userAgent: 'room-live-test' });
    return { cookie: `seminar_session=${s.token}; seminar_csrf=${s.csrfToken}`, 'x-csrf-token': s.csrfToken };
  }

  beforeAll(async () => {
    const { db } = get();
    const course = (await loadCourse(db, SLUG))!;
    const meeting = course.meetings.find((m) => m.date > '2024-08-20' && presentedReadings(m).length > 0)!;
    date = meeting.date;
    base = `/api/courses/${SLUG}/meetings/${date}/room`;
  });

  it('streams questions without names and votes from the other instance; resumes after Last-Event-ID', async () => {
    const [listening, writing] =
      dialect === 'postgres' ? [world.apps[0]!, world.apps[1]!] : [world.apps[0]!, world.apps[0]!];
    await listening.listen({ port: 0, host: '127.0.0.1' });
    const { port } = listening.server.address() as AddressInfo;
    const url = `http://127.0.0.1:${port}${base}/events`;
    const settings = await writing.inject({
      method: 'PUT',
      url: `/api/courses/${SLUG}/room-settings`,
      headers: world.headers,
      payload: { anonymousQuestions: true },
    });
    expect(settings.statusCode).toBe(200);
    const reader = await headersOf('s0@example.edu');
    const asker = await headersOf('s7@example.edu');
    const voter = await headersOf('s9@example.edu');
    const start = (await listening.inject({ url: base, headers: reader })).json() as { lastEventId: number };
    const student = await openSse(`${url}?after=${start.lastEventId}`, reader);
    const staff = await openSse(url, world.headers);
    expect(student.status).toBe(200);

    const asked = await writing.inject({
      method: 'POST',
      url: `${base}/questions`,
      headers: asker,
      payload: { paperIndex: 0, text: 'Does the method scale to long documents?' },
    });
    expect(asked.statusCode).toBe(200);
    const questionId = (asked.json() as { questions: Array<{ id: string }> }).questions[0]!.id;
    const voted = await writing.inject({
      method: 'PUT',
      url: `${base}/questions/${questionId}/vote`,
      headers: voter,
    });
    expect(voted.statusCode).toBe(200);

    const seen: SseMessage[] = [];
    for (let i = 0; i < 3; i++) seen.push(await student.next());
    expect(seen.map((m) => [m.id, m.event])).toEqual([
      [start.lastEventId + 1, 'question'],
      [start.lastEventId + 2, 'clusters'],
      [start.lastEventId + 3, 'votes'],
    ]);
    const question = JSON.parse(seen[0]!.data);
    expect(question.question).toMatchObject({ id: questionId, author: null, mine: false, source: 'live' });
    expect(seen[0]!.data).not.toMatch(/Student 7|authorId|authorName/);
    expect(JSON.parse(seen[2]!.data)).toMatchObject({ type: 'votes', questionId, votes: 1 });
    expect(Date.parse(JSON.parse(seen[2]!.data).serverNow)).toBe(NOW.getTime());
    const staffSaw = JSON.parse((await staff.next()).data);
    expect(staffSaw.question.author).toBe('Student 7');
    student.close();
    staff.close();

    // A reconnect after the question's id replays what followed it, in order.
    const resumed = await openSse(url, { ...reader, 'last-event-id': String(seen[0]!.id) });
    expect([await resumed.next(), await resumed.next()].map((m) => m.event)).toEqual(['clusters', 'votes']);
    resumed.close();
    // An id the room never reached: the client is told to refetch.
    const lost = await openSse(`${url}?after=999999`, reader);
    const reset = await lost.next();
    expect(reset.event).toBe('reset');
    expect(JSON.parse(reset.data)).toMatchObject({
      type: 'reset',
      reason: 'too-far-behind',
      id: start.lastEventId + 3,
    });
    lost.close();
  });

  it('tells open streams to refetch when staff change the anonymity of questions (through any instance)', async () => {
    const [listening, writing] =
      dialect === 'postgres' ? [world.apps[0]!, world.apps[1]!] : [world.apps[0]!, world.apps[0]!];
    await listening.listen({ port: 0, host: '127.0.0.1' }).catch(() => {});
    const { port } = listening.server.address() as AddressInfo;
    const reader = await headersOf('s0@example.edu');
    const change = (anonymousQuestions: boolean) =>
      writing.inject({
        method: 'PUT',
        url: `/api/courses/${SLUG}/room-settings`,
        headers: world.headers,
        payload: { anonymousQuestions },
      });
    expect((await change(true)).statusCode).toBe(200);
    const openStreams = async () =>
      (await listening.metrics.sseConnections.get()).values.find((v) => v.labels.feed === 'room')?.value ?? 0;
    const student = await openSse(`http://127.0.0.1:${port}${base}/events`, reader);
    // The open stream is counted for /metrics, and no longer once it closes (below; earlier tests' are closed too).
    expect(await openStreams()).toBeGreaterThanOrEqual(1);
    expect((await change(false)).statusCode).toBe(200);
    const reset = await student.next();
    expect(reset.event).toBe('reset');
    expect(JSON.parse(reset.data)).toMatchObject({ type: 'reset', reason: 'settings-changed' });
    // The refetched room follows the new setting: names shown now; hidden again after the next change.
    const named = (await listening.inject({ url: base, headers: reader })).json() as {
      anonymousQuestions: boolean;
    };
    expect(named.anonymousQuestions).toBe(false);
    expect((await change(true)).statusCode).toBe(200);
    expect(JSON.parse((await student.next()).data)).toMatchObject({ reason: 'settings-changed' });
    const hidden = (await listening.inject({ url: base, headers: reader })).json() as {
      questions: Array<{ author: string | null }>;
    };
    expect(hidden.questions.every((q) => q.author === null)).toBe(true);
    student.close();
    await vi.waitFor(async () => expect(await openStreams()).toBe(0));
  });

  it('a burst of votes through the other instance reaches every client as its final count; each sees the question as theirs or not; a dropped client catches up', async () => {
    const [listening, writing] =
      dialect === 'postgres' ? [world.apps[0]!, world.apps[1]!] : [world.apps[0]!, world.apps[0]!];
    await listening.listen({ port: 0, host: '127.0.0.1' }).catch(() => {});
    const { port } = listening.server.address() as AddressInfo;
    const url = `http://127.0.0.1:${port}${base}/events`;
    const asker = await headersOf('s3@example.edu');
    const other = await headersOf('s4@example.edu');
    const voters = await Promise.all(
      [0, 1, 2, 4, 5, 6, 7, 8, 9, 10, 11].map((i) => headersOf(`s${i}@example.edu`)),
    );
    const start = (await listening.inject({ url: base, headers: other })).json() as { lastEventId: number };
    const clients = await Promise.all(
      [asker, other, world.headers].map((h) => openSse(`${url}?after=${start.lastEventId}`, h)),
    );
    const asked = await writing.inject({
      method: 'POST',
      url: `${base}/questions`,
      headers: asker,
      payload: { paperIndex: 0, text: 'How much of the gain is the data rather than the method?' },
    });
    expect(asked.statusCode).toBe(200);
    const questionId = (asked.json() as { questions: Array<{ id: string; text: string }> }).questions.find(
      (q) => q.text.startsWith('How much of the gain'),
    )!.id;
    const votes = await Promise.all(
      voters.map((headers) =>
        writing.inject({ method: 'PUT', url: `${base}/questions/${questionId}/vote`, headers }),
      ),
    );
    expect(votes.map((v) => v.statusCode)).toEqual(voters.map(() => 200));
    const last = (await listening.inject({ url: base, headers: other })).json() as { lastEventId: number };

    /** A client's messages until it shows the question's final count (the room's last event). */
    const untilFinal = async (client: SseClient) => {
      const got: SseMessage[] = [];
      for (;;) {
        const m = await client.next();
        got.push(m);
        if (m.event === 'votes' && JSON.parse(m.data).votes === voters.length) return got;
      }
    };
    const seen = await Promise.all(clients.map(untilFinal));
    for (const got of seen) {
      const ids = got.map((m) => m.id!);
      expect(ids).toEqual([...ids].sort((a, b) => a - b));
      expect(new Set(ids).size).toBe(ids.length);
      expect(ids.at(-1)).toBe(last.lastEventId);
    }
    const questionOf = (got: SseMessage[]) =>
      JSON.parse(got.find((m) => m.event === 'question')!.data).question;
    expect(questionOf(seen[0]!)).toMatchObject({ id: questionId, mine: true, author: null });
    expect(questionOf(seen[1]!)).toMatchObject({ id: questionId, mine: false, author: null });
    expect(questionOf(seen[2]!)).toMatchObject({ id: questionId, mine: false, author: 'Student 3' });
    for (const c of clients) c.close();

    // A client dropped before the burst catches up from its Last-Event-ID: the question, then its final count.
    const resumed = await openSse(url, { ...other, 'last-event-id': String(start.lastEventId) });
    const caught = await untilFinal(resumed);
    expect(questionOf(caught)).toMatchObject({ id: questionId, mine: false, author: null });
    expect(caught.at(-1)!.id).toBe(last.lastEventId);
    resumed.close();
  });

  it('answers at once without a stream when not asked for one; refuses visitors and a bad resume point', async () => {
    const app = world.apps[1]!;
    const res = await app.inject({ url: `${base}/events`, headers: world.headers });
    expect(res.json()).toMatchObject({ stream: false });
    expect(
      (await app.inject({ url: `${base}/events`, headers: { accept: 'text/event-stream' } })).statusCode,
    ).toBe(401);
    const bad = await app.inject({
      url: `${base}/events`,
      headers: { ...world.headers, 'last-event-id': 'abc' },
    });
    expect(bad.statusCode).toBe(400);
  });
});
