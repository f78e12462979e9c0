// Joining by e-mail over HTTP on both dialects: a typed address is enrolled only once the link mailed to it (read from a
// local SMTP server) is confirmed; the link works once, expires after 24 hours, and stops when the join link does.
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import { buildApp } from '../../src/http/app.js';
import { saveCourse } from '../../src/storage/repositories/course-writer.js';
import { findCourseRef } from '../../src/storage/repositories/enrollments.js';
import { findUserByEmail } from '../../src/storage/repositories/users.js';
import { listMailJobs } from '../../src/storage/repositories/mail-queue.js';
import { buildCourse } from '../support/course-factory.js';
import { describeEachDialect } from '../support/dialects.js';
import { startSmtpSink, unquote, type SmtpSink } from '../support/smtp-sink.js';
import { makePerson, PASSWORD, sendQueuedAccountMail, TestClient } from './auth-client.js';

let clock = new Date('2026-09-01T12:00:00Z');
const HOUR = 60 * 60_000;
const COURSE = '/api/courses/cs598-genai-f24';

describeEachDialect('joining by e-mail', (get) => {
  let app: FastifyInstance;
  let prof: TestClient;
  let sink: SmtpSink;

  beforeAll(async () => {
    const { config, db } = get();
    sink = await startSmtpSink();
    await saveCourse(db, 'cs598-genai-f24', buildCourse(), clock.toISOString());
    const course = (await findCourseRef(db, 'cs598-genai-f24'))!;
    await makePerson(db, clock, 'prof@example.edu', {
      courseId: course.id,
      role: 'instructor',
      name: 'Prof Plum',
    });
    await makePerson(db, clock, 'known@example.edu', { name: 'Kim Known' });
    app = await buildApp({ config: { ...config, smtpUrl: sink.url }, db, clock: () => clock });
    prof = new TestClient(app);
    await prof.signIn('prof@example.edu');
  });
  afterAll(async () => {
    await app?.close();
    await sink?.close();
  });

  async function newJoinLink(): Promise<{ token: string; id: string }> {
    const created = (await prof.post(`${COURSE}/join-links`, { days: 30 })).json() as {
      url: string;
      link: { id: string };
    };
    return { token: new URL(created.url).searchParams.get('token')!, id: created.link.id };
  }

  async function visitor(): Promise<TestClient> {
    const client = new TestClient(app, '198.51.100.9');
    await client.get('/api/auth/session');
    return client;
  }

  /** Asks to join, lets the worker send the mail, and answers the confirmation token read from the SMTP server. */
  async function requestAndReadMail(client: TestClient, joinToken: string, email: string): Promise<string> {
    const before = sink.received.length;
    const asked = await client.post('/api/join/request', { token: joinToken, email, name: 'Walk In' });
    expect(asked.statusCode).toBe(202);
    await sendQueuedAccountMail(app, get().db);
    const mail = sink.received.slice(before).find((m) => m.to.includes(email.toLowerCase()));
    expect(mail, `a mail to ${email}`).toBeTruthy();
    expect(mail!.raw).toContain('Subject: Confirm your address to join');
    return /\/join\/confirm\?token=([A-Za-z0-9_-]+)/.exec(unquote(mail!.raw))![1]!;
  }

  const roster = async () =>
    ((await prof.get(`${COURSE}/roster`)).json() as { people: Array<{ email: string }> }).people.map(
      (p) => p.email,
    );

  it('enrolls a typed address only once the mailed link is confirmed, once, and never stores a usable token', async () => {
    const link = await newJoinLink();
    const walker = await visitor();
    const asked = await walker.post('/api/join/request', {
      token: link.token,
      email: 'Walk.In@example.edu',
      name: 'Walk In',
    });
    const known = await walker.post('/api/join/request', {
      token: link.token,
      email: 'known@example.edu',
      name: 'Someone',
    });
    expect(asked.statusCode).toBe(202);
    expect([known.statusCode, known.json()]).toEqual([asked.statusCode, asked.json()]);
    // The queued jobs hold the join link's id, never its token.
    for (const job of await listMailJobs(get().db)) expect(job.payload).not.toContain(link.token);

    const before = sink.received.length;
    await sendQueuedAccountMail(app, get().db);
    const mails = sink.received.slice(before);
    expect(mails.map((m) => m.to[0]).sort()).toEqual(['known@example.edu', 'walk.in@example.edu']);
    const token = /\/join\/confirm\?token=([A-Za-z0-9_-]+)/.exec(
      unquote(mails.find((m) => m.to[0] === 'walk.in@example.edu')!.raw),
    )![1]!;
    expect(unquote(mails.find((m) => m.to[0] === 'known@example.edu')!.raw)).toContain(
      'then sign in with your Seminar password',
    );

    // Mailed, but nobody is enrolled and no account exists until the address is confirmed.
    expect(await roster()).not.toContain('walk.in@example.edu');
    expect(await roster()).not.toContain('known@example.edu');
    expect(await findUserByEmail(get().db, 'walk.in@example.edu')).toBeUndefined();
    expect(asked.json().message).toMatch(/^Check your inbox/);
    const stored = await (get().db as unknown as Kysely<Record<string, Record<string, unknown>>>)
      .selectFrom('pending_joins')
      .selectAll()
      .execute();
    expect(stored.length).toBeGreaterThanOrEqual(2);
    expect(JSON.stringify(stored)).not.toContain(token);

    expect((await walker.post('/api/join/confirm/status', { token })).json()).toMatchObject({
      state: 'valid',
      email: 'walk.in@example.edu',
      hasAccount: false,
      course: { slug: 'cs598-genai-f24' },
    });
    const noPassword = await walker.post('/api/join/confirm', { token });
    expect(noPassword.statusCode).toBe(400);
    expect(noPassword.json().error.message).toMatch(/Choose a password/);
    const confirmed = await walker.post('/api/join/confirm', { token, password: 'walk-in passphrase' });
    expect(confirmed.statusCode).toBe(200);
    expect(confirmed.json()).toMatchObject({
      course: { slug: 'cs598-genai-f24' },
      email: 'walk.in@example.edu',
      alreadyEnrolled: false,
      signedIn: true,
    });
    expect((await walker.get('/api/auth/session')).json().courses).toEqual([
      expect.objectContaining({ slug: 'cs598-genai-f24', role: 'student' }),
    ]);
    expect((await roster()).filter((e) => e === 'walk.in@example.edu')).toHaveLength(1);
    const links = (await prof.get(`${COURSE}/join-links`)).json().links as Array<{
      id: string;
      uses: number;
    }>;
    expect(links.find((l) => l.id === link.id)!.uses).toBe(1);
    const audit = (await prof.get(`${COURSE}/audit`)).json().entries as Array<{
      action: string;
      sentence: string;
    }>;
    expect(audit.filter((e) => e.action === 'joined-by-link').map((e) => e.sentence)).toEqual([
      'Walk In joined the course with a join link (address confirmed by e-mail).',
    ]);

    const replay = await (
      await visitor()
    ).post('/api/join/confirm', { token, password: 'another passphrase' });
    expect(replay.statusCode).toBe(410);
    expect(replay.json().error).toMatchObject({
      code: 'link_used',
      message: 'This confirmation link has already been used. Sign in to reach the course.',
    });
    expect((await walker.post('/api/join/confirm/status', { token })).json().state).toBe('used');
    expect((await roster()).filter((e) => e === 'walk.in@example.edu')).toHaveLength(1);
  });

  it('lets a known address confirm without a password, then sign in with its own', async () => {
    const link = await newJoinLink();
    const anyone = await visitor();
    const token = await requestAndReadMail(anyone, link.token, 'known@example.edu');
    expect((await anyone.post('/api/join/confirm/status', { token })).json()).toMatchObject({
      state: 'valid',
      hasAccount: true,
    });
    const confirmed = await anyone.post('/api/join/confirm', { token });
    expect(confirmed.json()).toMatchObject({ alreadyEnrolled: false, signedIn: false, csrfToken: null });
    expect((await anyone.get('/api/auth/session')).json().user).toBeNull();
    expect(await roster()).toContain('known@example.edu');
    const kim = new TestClient(app);
    expect((await kim.signIn('known@example.edu', PASSWORD)).statusCode).toBe(200);
    expect((await kim.get('/api/auth/session')).json().courses).toEqual([
      expect.objectContaining({ slug: 'cs598-genai-f24', role: 'student' }),
    ]);
  });

  it('refuses a confirmation link after 24 hours on the moved clock, and enrolls nobody', async () => {
    const link = await newJoinLink();
    const late = await visitor();
    const token = await requestAndReadMail(late, link.token, 'late.comer@example.edu');
    clock = new Date(clock.getTime() + 24 * HOUR + 1000);
    expect((await late.post('/api/join/confirm/status', { token })).json()).toMatchObject({
      state: 'expired',
      email: null,
    });
    const res = await late.post('/api/join/confirm', { token, password: 'late passphrase' });
    expect(res.statusCode).toBe(410);
    expect(res.json().error).toMatchObject({ code: 'link_expired' });
    expect(res.json().error.message).toMatch(/expired: it works for 24 hours/);
    expect(await roster()).not.toContain('late.comer@example.edu');
    expect(await findUserByEmail(get().db, 'late.comer@example.edu')).toBeUndefined();
  });

  it('refuses a confirmation when the join link was revoked in the meantime', async () => {
    const link = await newJoinLink();
    const slow = await visitor();
    const token = await requestAndReadMail(slow, link.token, 'slow@example.edu');
    await prof.request({ method: 'DELETE', url: `${COURSE}/join-links/${link.id}` });
    expect((await slow.post('/api/join/confirm/status', { token })).json().state).toBe('revoked');
    const res = await slow.post('/api/join/confirm', { token, password: 'slow passphrase' });
    expect(res.statusCode).toBe(410);
    expect(res.json().error.message).toBe(
      'The course staff withdrew the join link before you confirmed. Ask them for a new one.',
    );
    expect(await roster()).not.toContain('slow@example.edu');
    const bogus = await slow.post('/api/join/confirm', { token: 'not-a-token', password: 'slow passphrase' });
    expect(bogus.statusCode).toBe(404);
  });

  it('still enrolls a signed-in person at once: their address is confirmed already', async () => {
    const link = await newJoinLink();
    const user = await makePerson(get().db, clock, 'signed.in@example.edu', { name: 'Sid Signed' });
    const sid = new TestClient(app);
    await sid.signIn(user.email);
    const joined = await sid.post('/api/join', { token: link.token });
    expect(joined.json()).toMatchObject({ role: 'student', alreadyEnrolled: false });
    expect(await roster()).toContain('signed.in@example.edu');
  });
});
