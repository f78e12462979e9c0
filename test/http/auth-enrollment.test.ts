// Enrollment over HTTP on both dialects: join links, roster CSV preview/apply (all or nothing), invitations, drop, role change, audit.
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildApp } from '../../src/http/app.js';
import { saveCourse } from '../../src/storage/repositories/course-writer.js';
import { findCourseRef } from '../../src/storage/repositories/enrollments.js';
import { buildCourse } from '../support/course-factory.js';
import { describeEachDialect } from '../support/dialects.js';
import { makePerson, sendQueuedAccountMail, TestClient } from './auth-client.js';
import { listMailJobs } from '../../src/storage/repositories/mail-queue.js';

let clock = new Date('2026-09-01T12:00:00Z');
const DAY = 24 * 60 * 60_000;
const COURSE = '/api/courses/cs598-genai-f24';

function outboxMails(dataDir: string): string[] {
  const dir = join(dataDir, 'outbox');
  try {
    return readdirSync(dir)
      .sort()
      .map((f) =>
        readFileSync(join(dir, f), 'utf8')
          .replace(/=\r?\n/g, '')
          .replace(/=3D/g, '='),
      );
  } catch {
    return [];
  }
}

describeEachDialect('enrollment', (get) => {
  let app: FastifyInstance;
  let prof: TestClient;
  let ta: TestClient;
  let sam: TestClient;
  let samId = '';
  let admin: TestClient;

  beforeAll(async () => {
    const { config, db } = get();
    await saveCourse(db, 'cs598-genai-f24', buildCourse(), clock.toISOString());
    const course = (await findCourseRef(db, 'cs598-genai-f24'))!;
    await makePerson(db, clock, 'prof@example.edu', {
      courseId: course.id,
      role: 'instructor',
      name: 'Prof Plum',
    });
    await makePerson(db, clock, 'ta@example.edu', { courseId: course.id, role: 'ta', name: 'Terry TA' });
    await makePerson(db, clock, 'root@example.edu', { admin: true, name: 'Root Admin' });
    samId = (await makePerson(db, clock, 'sam@example.edu', { name: 'Sam Student' })).id;
    app = await buildApp({ config, db, clock: () => clock });
    prof = new TestClient(app);
    ta = new TestClient(app);
    sam = new TestClient(app);
    await prof.signIn('prof@example.edu');
    await ta.signIn('ta@example.edu');
    await sam.signIn('sam@example.edu');
    admin = new TestClient(app);
    await admin.signIn('root@example.edu');
  });
  afterAll(async () => {
    await app?.close();
  });

  it('lets a student join by a link, which expires and can be revoked', async () => {
    const created = await ta.post(`${COURSE}/join-links`, { days: 7 });
    expect(created.statusCode).toBe(201);
    const { url, link } = created.json() as { url: string; link: { id: string } };
    const token = new URL(url).searchParams.get('token')!;
    expect((await sam.post('/api/join/status', { token })).json()).toMatchObject({
      state: 'valid',
      course: { slug: 'cs598-genai-f24' },
    });
    const joined = await sam.post('/api/join', { token });
    expect(joined.json()).toMatchObject({ role: 'student', alreadyEnrolled: false });
    expect((await sam.post('/api/join', { token })).json()).toMatchObject({ alreadyEnrolled: true });
    expect((await sam.get(COURSE)).json().abilities).toMatchObject({ submitWork: true, viewRoster: false });

    clock = new Date(clock.getTime() + 8 * DAY);
    const late = await sam.post('/api/join/status', { token });
    expect(late.json()).toMatchObject({
      state: 'expired',
      message: 'This join link has expired. Ask the course staff for a new one.',
    });
    const stranger = new TestClient(app);
    await stranger.get('/api/auth/session');
    expect((await stranger.post('/api/join', { token })).statusCode).toBe(401);

    const second = (await prof.post(`${COURSE}/join-links`, { days: 30 })).json() as {
      url: string;
      link: { id: string };
    };
    expect(
      (await prof.request({ method: 'DELETE', url: `${COURSE}/join-links/${second.link.id}` })).json().link
        .state,
    ).toBe('revoked');
    expect(
      (await sam.post('/api/join/status', { token: new URL(second.url).searchParams.get('token') })).json()
        .state,
    ).toBe('revoked');
    expect(link.id).toBeTruthy();
  });

  it('previews a roster CSV row by row and applies nothing while any row is wrong', async () => {
    const bad =
      'email,name,role\nnew1@example.edu,New One,student\nbroken-address,Someone,student\nnew2@example.edu,New Two,wizard\n';
    const preview = await prof.request({
      method: 'POST',
      url: `${COURSE}/roster/import/preview`,
      payload: bad,
      headers: { 'content-type': 'text/csv' },
    });
    expect(preview.statusCode).toBe(200);
    const plan = preview.json();
    expect(plan.applicable).toBe(false);
    expect(plan.problems.map((p: { line: number; field: string }) => `${p.line}:${p.field}`)).toEqual([
      '3:email',
      '4:role',
    ]);
    const apply = await prof.request({
      method: 'POST',
      url: `${COURSE}/roster/import/apply?fingerprint=${plan.fingerprint}`,
      payload: bad,
      headers: { 'content-type': 'text/csv' },
    });
    expect(apply.statusCode).toBe(400);
    const roster = (await prof.get(`${COURSE}/roster`)).json();
    expect(roster.people.map((p: { email: string }) => p.email)).not.toContain('new1@example.edu');
  });

  it('applies a clean roster in one go and e-mails the new people an invitation to set a password', async () => {
    const csv =
      'email,name,netid,role\nnew1@example.edu,New One,new1,student\nnew2@example.edu,New Two,,student\nsam@example.edu,Sam Student,,student\nhelper@example.edu,Helper TA,,ta\n';
    const plan = (
      await prof.request({
        method: 'POST',
        url: `${COURSE}/roster/import/preview`,
        payload: csv,
        headers: { 'content-type': 'text/csv' },
      })
    ).json();
    expect(plan.counts).toMatchObject({ invite: 3, unchanged: 1 });
    const before = outboxMails(get().dataDir).length;
    const applied = await prof.request({
      method: 'POST',
      url: `${COURSE}/roster/import/apply?fingerprint=${plan.fingerprint}`,
      payload: csv,
      headers: { 'content-type': 'text/csv' },
    });
    expect(applied.statusCode).toBe(200);
    expect(applied.json().invited).toBe(3);
    const mails = outboxMails(get().dataDir).slice(before);
    expect(mails).toHaveLength(3);
    const invite = mails.find((m) => m.includes('To: new1@example.edu'))!;
    const token = /invitation\?token=([A-Za-z0-9_-]+)/.exec(invite)![1]!;

    const newcomer = new TestClient(app);
    await newcomer.get('/api/auth/session');
    expect((await newcomer.post('/api/auth/link-status', { purpose: 'invite', token })).json()).toMatchObject(
      { state: 'valid', email: 'new1@example.edu' },
    );
    const accepted = await newcomer.post('/api/auth/invitation/accept', {
      token,
      password: 'my own passphrase',
    });
    expect(accepted.statusCode).toBe(200);
    expect((await newcomer.get('/api/auth/session')).json().courses).toEqual([
      expect.objectContaining({ slug: 'cs598-genai-f24', role: 'student' }),
    ]);
    expect(
      (await newcomer.post('/api/auth/invitation/accept', { token, password: 'my own passphrase' })).json()
        .error.code,
    ).toBe('link_used');
  });

  it('refuses a TA importing TAs, and a stale preview', async () => {
    const csv = 'email,name,role\nanother@example.edu,Another TA,ta\n';
    const plan = (
      await ta.request({
        method: 'POST',
        url: `${COURSE}/roster/import/preview`,
        payload: csv,
        headers: { 'content-type': 'text/csv' },
      })
    ).json();
    expect(plan.problems[0].message).toBe('Only instructors can add or change TAs and instructors.');
    const ok = 'email,name\nlate@example.edu,Late Comer\n';
    const okPlan = (
      await ta.request({
        method: 'POST',
        url: `${COURSE}/roster/import/preview`,
        payload: ok,
        headers: { 'content-type': 'text/csv' },
      })
    ).json();
    const stale = await ta.request({
      method: 'POST',
      url: `${COURSE}/roster/import/apply?fingerprint=${okPlan.fingerprint.replace(/^./, 'z')}`,
      payload: ok,
      headers: { 'content-type': 'text/csv' },
    });
    expect(stale.statusCode).toBe(409);
  });

  it('drops a student: they vanish from the roster, lose access, and cannot rejoin by link', async () => {
    expect((await sam.get(`${COURSE}/classmates`)).statusCode).toBe(200);
    const dropped = await ta.post(`${COURSE}/roster/${samId}/drop`);
    expect(dropped.statusCode).toBe(200);
    const roster = (await ta.get(`${COURSE}/roster`)).json();
    expect(roster.people.map((p: { email: string }) => p.email)).not.toContain('sam@example.edu');
    const withDropped = (await ta.get(`${COURSE}/roster?includeDropped=true`)).json();
    expect(
      withDropped.people.find((p: { email: string }) => p.email === 'sam@example.edu').droppedAt,
    ).toBeTruthy();
    const denied = await sam.get(`${COURSE}/classmates`);
    expect(denied.statusCode).toBe(403);
    expect(denied.json().error.details.blocker).toBe('dropped');
    const link = (await ta.post(`${COURSE}/join-links`, { days: 3 })).json() as { url: string };
    const rejoin = await sam.post('/api/join', { token: new URL(link.url).searchParams.get('token') });
    expect(rejoin.statusCode).toBe(403);
  });

  it('lets only an instructor change roles, and records staff actions in the audit log', async () => {
    const roster = (await prof.get(`${COURSE}/roster?search=new%20two`)).json();
    expect(roster.people).toHaveLength(1);
    const id = roster.people[0].userId as string;
    expect(
      (await ta.request({ method: 'PATCH', url: `${COURSE}/roster/${id}`, payload: { role: 'ta' } }))
        .statusCode,
    ).toBe(403);
    expect(
      (
        await prof.request({ method: 'PATCH', url: `${COURSE}/roster/${id}`, payload: { role: 'ta' } })
      ).json(),
    ).toEqual({ userId: id, role: 'ta' });
    const bogus = await prof.request({
      method: 'PATCH',
      url: `${COURSE}/roster/${id}`,
      payload: { role: 'dean' },
    });
    expect(bogus.statusCode).toBe(400);
    const audit = (await prof.get(`${COURSE}/audit`)).json();
    const actions = audit.entries.map((e: { action: string }) => e.action);
    expect(actions).toEqual(
      expect.arrayContaining([
        'role-changed',
        'student-dropped',
        'roster-imported',
        'join-link-created',
        'joined-by-link',
      ]),
    );
    const change = audit.entries.find((e: { action: string }) => e.action === 'role-changed');
    expect(change).toMatchObject({
      actor: 'prof@example.edu',
      target: 'new2@example.edu',
      ip: '203.0.113.7',
      details: { from: 'student', to: 'ta' },
      actorName: 'Prof Plum',
      sentence: 'Prof Plum changed New Two’s role from student to TA.',
    });
    // Every entry reads as a sentence with names, never JSON or ids.
    for (const e of audit.entries as Array<{ sentence: string; actor: string | null }>) {
      expect(e.sentence).toMatch(/^[A-Z].*\.$/);
      expect(e.sentence).not.toMatch(/[{}]|@example\.edu/);
    }
    const link = audit.entries.find((e: { action: string }) => e.action === 'join-link-created');
    expect(link.sentence).toMatch(
      /^(Prof Plum|Terry TA) created a join link valid until \w{3} \d{1,2}, \d{1,2}:\d{2} [AP]M C[DS]T\.$/,
    );
    expect((await ta.get(`${COURSE}/audit`)).statusCode).toBe(403);
  });

  it('lets the administrator create a course from its syllabus and name its instructor, who is invited', async () => {
    const syllabus = readFileSync('examples/cs598-genai-f24.md', 'utf8');
    const before = outboxMails(get().dataDir).length;
    const created = await admin.post('/api/admin/courses', {
      slug: 'cs598-spring',
      syllabus,
      instructor: { email: 'newprof@example.edu', name: 'New Prof' },
    });
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({
      slug: 'cs598-spring',
      instructor: { email: 'newprof@example.edu' },
    });
    const mails = outboxMails(get().dataDir).slice(before);
    expect(mails.some((m) => m.includes('To: newprof@example.edu') && m.includes('/invitation?token='))).toBe(
      true,
    );
    expect((await admin.post('/api/admin/courses', { slug: 'cs598-spring', syllabus })).statusCode).toBe(409);
    expect(
      (await admin.post('/api/admin/courses', { slug: 'junk', syllabus: 'just some words' })).statusCode,
    ).toBe(422);
    // The instructor of cs598-genai-f24 is staff there only.
    expect((await prof.get('/api/courses/cs598-spring/roster')).statusCode).toBe(403);
    expect((await admin.get('/api/courses/cs598-spring/roster')).json().people).toEqual([
      expect.objectContaining({ email: 'newprof@example.edu', role: 'instructor' }),
    ]);
    expect((await prof.post('/api/admin/courses', { slug: 'mine', syllabus })).statusCode).toBe(403);
    // With the course repository as base, the syllabus's relative links point into it; a bad base is a 400.
    const base = 'https://example.edu/cs598/';
    expect(
      (await admin.post('/api/admin/courses', { slug: 'based', syllabus, baseUrl: base })).statusCode,
    ).toBe(201);
    const page = (await admin.get('/api/courses/based')).json() as { resources: Array<{ url: string }> };
    expect(page.resources.map((r) => r.url)).toContain(`${base}Resources/Starting%20with%20Cloudlab`);
    const bad = await admin.post('/api/admin/courses', { slug: 'bad-base', syllabus, baseUrl: 'data:x' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.message).toMatch(/^The base URL \(--base-url\) must be the http\(s\) address/);
  });

  it('answers a roster file with wrong headers with one clear sentence', async () => {
    const res = await prof.request({
      method: 'POST',
      url: `${COURSE}/roster/import/preview`,
      payload: 'Student,Mail\nA,a@example.edu\n',
      headers: { 'content-type': 'text/csv' },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.message).toMatch(
      /^Wrong header line \(missing email and name; unknown column "Student", "Mail"\)/,
    );
    const json = await prof.request({
      method: 'POST',
      url: `${COURSE}/roster/import/preview`,
      payload: { csv: 'x' },
    });
    expect(json.statusCode).toBe(400);
  });

  it('lets a visitor without an account ask to join by link with their e-mail: same answer, then a confirmation mail', async () => {
    const { url } = (await prof.post(`${COURSE}/join-links`, { days: 7 })).json() as { url: string };
    const token = new URL(url).searchParams.get('token')!;
    const visitor = new TestClient(app, '198.51.100.77');
    await visitor.get('/api/auth/session');
    const before = outboxMails(get().dataDir).length;
    const asked = await visitor.post('/api/join/request', {
      token,
      email: 'Walk.In@example.edu',
      name: 'Walk In',
    });
    expect(asked.statusCode).toBe(202);
    const known = await visitor.post('/api/join/request', {
      token,
      email: 'prof@example.edu',
      name: 'Someone',
    });
    expect(known.statusCode).toBe(asked.statusCode);
    expect(known.json()).toEqual(asked.json());
    // Both answers come after the same work (one queued job each); the worker does the rest.
    expect((await listMailJobs(get().db)).slice(-2).map((j) => [j.kind, j.address, j.sent_at])).toEqual([
      ['join-request', 'walk.in@example.edu', null],
      ['join-request', 'prof@example.edu', null],
    ]);
    expect(await sendQueuedAccountMail(app, get().db)).toEqual([
      { kind: 'join-request', address: 'walk.in@example.edu', sent: true },
      { kind: 'join-request', address: 'prof@example.edu', sent: true },
    ]);
    const mails = outboxMails(get().dataDir).slice(before);
    for (const to of ['walk.in@example.edu', 'prof@example.edu'])
      expect(mails.find((m) => m.includes(`To: ${to}`))).toMatch(/join\/confirm\?token=[A-Za-z0-9_-]+/);
    // Mailed only: the address is enrolled once the link is confirmed (test/http/join-confirm.test.ts).
    expect((await prof.get(`${COURSE}/roster`)).body).not.toContain('walk.in@example.edu');
    const expired = await visitor.post('/api/join/request', {
      token: 'bogus',
      email: 'x@example.edu',
      name: 'X',
    });
    expect(expired.statusCode).toBe(404);
  });
});
