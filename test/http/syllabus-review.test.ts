// Import review over HTTP on both dialects: read (no write) with fixes, apply (fixes kept), re-import by URL, refusals, who may.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../src/http/app.js';
import { saveCourse } from '../../src/storage/repositories/course-writer.js';
import { loadCourse } from '../../src/storage/repositories/course-reader.js';
import { findCourseRef } from '../../src/storage/repositories/enrollments.js';
import { buildCourse } from '../support/course-factory.js';
import { describeEachDialect } from '../support/dialects.js';
import { fixturePath, readText } from '../syllabus/helpers.js';
import { makePerson, TestClient } from './auth-client.js';

const clock = new Date('2026-09-01T12:00:00Z');
const BASE = '/api/courses/cs500';
const V1 = readText(fixturePath('review-v1.md'));
const V2 = readText(fixturePath('review-v2.md'));
const FIXES = [
  { kind: 'required', date: '2024-09-05', reading: 'Paper C', required: true },
  { kind: 'required', date: '2024-09-03', reading: 'Paper B', required: true },
  { kind: 'merge', date: '2024-09-12', into: '2024-09-10' },
];

/** Serves the syllabus versions at /v1.md and /v2.md, a 404 elsewhere. */
function serveSyllabi(): Promise<Server> {
  const server = createServer((req, res) => {
    const body = req.url === '/syllabus/v1.md' ? V1 : req.url === '/syllabus/v2.md' ? V2 : null;
    res.writeHead(body === null ? 404 : 200, { 'content-type': 'text/markdown' });
    res.end(body ?? 'not here');
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

describeEachDialect('import review', (get) => {
  let app: FastifyInstance;
  let strict: FastifyInstance;
  let files: Server;
  let origin = '';
  const clients: Record<'prof' | 'ta' | 'student' | 'admin' | 'anonymous', TestClient> = {} as never;

  beforeAll(async () => {
    const { config, db } = get();
    await saveCourse(db, 'cs500', buildCourse(), clock.toISOString());
    const courseId = (await findCourseRef(db, 'cs500'))!.id;
    await makePerson(db, clock, 'prof@example.edu', { courseId, role: 'instructor' });
    await makePerson(db, clock, 'ta@example.edu', { courseId, role: 'ta' });
    await makePerson(db, clock, 'ada@example.edu', { courseId, role: 'student' });
    await makePerson(db, clock, 'root@example.edu', { admin: true });
    app = await buildApp({ config: { ...config, syllabusFetchLoopback: true }, db, clock: () => clock });
    strict = await buildApp({ config, db, clock: () => clock });
    files = await serveSyllabi();
    origin = `http://127.0.0.1:${(files.address() as AddressInfo).port}`;
    for (const [who, email] of [
      ['prof', 'prof@example.edu'],
      ['ta', 'ta@example.edu'],
      ['student', 'ada@example.edu'],
      ['admin', 'root@example.edu'],
    ] as const) {
      clients[who] = new TestClient(app);
      await clients[who].signIn(email);
    }
    clients.anonymous = new TestClient(app);
    await clients.anonymous.get('/api/auth/session');
  });
  afterAll(async () => {
    await app?.close();
    await strict?.close();
    await new Promise((resolve) => files?.close(resolve));
  });

  it('reads a pasted syllabus with fixes beside its source lines and writes nothing', async () => {
    const before = await loadCourse(get().db, 'cs500');
    const res = await clients.prof.post(`${BASE}/syllabus/read`, { source: V1, fixes: FIXES });
    expect(res.statusCode).toBe(200);
    const view = res.json();
    expect(view.ok).toBe(true);
    expect(view.source[10]).toContain('| Sep 3 | Introduction |');
    expect(view.course.meetings.map((m: { date: string; lines: number[] }) => [m.date, m.lines])).toEqual([
      ['2024-09-03', [11]],
      ['2024-09-05', [12]],
      ['2024-09-10', [13, 14]],
    ]);
    expect(view.course.meetings[1].readings[0]).toMatchObject({ title: 'Paper C', required: true, line: 12 });
    expect(view.course.staff).toEqual([{ name: 'Ada Lovelace', role: 'instructor', line: 3 }]);
    expect(view.warnings).toContainEqual({ line: 1, message: expect.stringContaining('names no time zone') });
    expect(view.fixes.every((f: { applied: boolean }) => f.applied)).toBe(true);
    expect((await loadCourse(get().db, 'cs500'))!.version).toBe(before!.version);
  });

  it('applies: stores the course and its fixes; a re-import by URL keeps those that still apply and names the others', async () => {
    const applied = await clients.prof.post(`${BASE}/syllabus/apply`, { source: V1, fixes: FIXES });
    expect(applied.statusCode).toBe(200);
    expect(applied.json()).toMatchObject({ slug: 'cs500', created: false, meetings: 3, readings: 4 });
    const kept = await clients.prof.get(`${BASE}/syllabus/fixes`);
    expect(kept.json()).toEqual({ fixes: FIXES, timeZone: 'America/Chicago' });
    const course = (await clients.prof.get(BASE)).json();
    expect(JSON.stringify(course)).toContain('Paper C');

    // Without a list of fixes, the review starts from those kept with the course.
    const read = await clients.prof.post(`${BASE}/syllabus/read`, { url: `${origin}/syllabus/v2.md` });
    expect(read.statusCode).toBe(200);
    expect(read.json().fetchedFrom).toBe(`${origin}/syllabus/v2.md`);
    expect(read.json().fixes.map((f: { applied: boolean }) => f.applied)).toEqual([false, true, false]);

    const again = await clients.prof.post(`${BASE}/syllabus/apply`, {
      url: `${origin}/syllabus/v2.md`,
      fixes: FIXES,
    });
    expect(again.statusCode).toBe(200);
    expect(again.json().warnings.map((w: { message: string }) => w.message)).toContainEqual(
      expect.stringContaining('Not applied: "Paper C" of 2024-09-05 required'),
    );
    expect((await clients.prof.get(`${BASE}/syllabus/fixes`)).json().fixes).toEqual([FIXES[1]]);
    // An apply that names no fixes keeps those kept; an empty list is staff dropping them all.
    const kept2 = await clients.prof.post(`${BASE}/syllabus/apply`, { url: `${origin}/syllabus/v2.md` });
    expect(kept2.json().fixes.map((f: { applied: boolean }) => f.applied)).toEqual([true]);
    expect((await clients.prof.get(`${BASE}/syllabus/fixes`)).json().fixes).toEqual([FIXES[1]]);
    const audit = (await clients.prof.get(`${BASE}/audit`)).json();
    expect(JSON.stringify(audit)).toContain('imported a version of the syllabus');
  });

  it('shows what a refused syllabus still has, and stores it only when asked to', async () => {
    const source = readText(fixturePath('refused-no-schedule.md'));
    const read = await clients.prof.post(`${BASE}/syllabus/read`, { source });
    expect(read.statusCode).toBe(200);
    expect(read.json()).toMatchObject({
      ok: false,
      course: { title: 'Topics in Modern History', meetings: [] },
    });
    expect(read.json().refusal).toContain('Looked for:');
    const refused = await clients.prof.post(`${BASE}/syllabus/apply`, { source });
    expect(refused.statusCode).toBe(422);
    expect(refused.json().error.message).toContain('Looked for:');
    const before = (await loadCourse(get().db, 'cs500'))!;
    expect(before.meetings.length).toBeGreaterThan(0);
    const fixesBefore = (await clients.prof.get(`${BASE}/syllabus/fixes`)).json().fixes;
    expect(fixesBefore.length).toBeGreaterThan(0);
    const partial = await clients.prof.post(`${BASE}/syllabus/apply`, { source, acceptPartial: true });
    expect(partial.statusCode).toBe(200);
    // What was read replaces the header; the classes the course had stay, with their ids (and what hangs on them).
    expect(partial.json()).toMatchObject({
      meetings: before.meetings.length,
      title: 'Topics in Modern History',
    });
    expect(partial.json().warnings).toContainEqual({
      line: 0,
      message: expect.stringContaining(`keeps its ${before.meetings.length} classes as they were`),
    });
    // The fixes belong to those classes: they stay too, said as kept.
    expect(partial.json().fixes).toEqual(
      fixesBefore.map((fix: unknown) => ({ fix, applied: true, message: expect.any(String) })),
    );
    expect((await clients.prof.get(`${BASE}/syllabus/fixes`)).json().fixes).toEqual(fixesBefore);
    const after = (await loadCourse(get().db, 'cs500'))!;
    expect(after.title).toBe('Topics in Modern History');
    expect(after.version).toBe(before.version + 1);
    expect(after.meetings.map((m) => [m.id, m.date, m.readings.map((r) => r.title)])).toEqual(
      before.meetings.map((m) => [m.id, m.date, m.readings.map((r) => r.title)]),
    );
  });

  it.each([
    ['an ftp address', 'ftp://example.edu/s.md', 'Only http and https'],
    ['not an address', 'syllabus.md', 'full http(s) address'],
    ['a user and password', 'https://u:p@example.edu/s.md', 'user name or password'],
    ['a private address', 'http://10.1.2.3/s.md', 'private or local address'],
    ['a link-local address', 'http://169.254.169.254/latest', 'private or local address'],
    ['a mapped private IPv6 address', 'http://[::ffff:192.168.0.1]/s.md', 'private or local address'],
  ])('refuses %s with a 400 saying why', async (_name, url, says) => {
    const res = await clients.prof.post(`${BASE}/syllabus/read`, { url });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.message).toContain(says);
  });

  it('says what the address answered (404), and refuses loopback unless the test setting allows it', async () => {
    const missing = await clients.prof.post(`${BASE}/syllabus/read`, { url: `${origin}/nothing.md` });
    expect(missing.statusCode).toBe(400);
    expect(missing.json().error.message).toContain('answered 404');
    const prof = new TestClient(strict);
    await prof.signIn('prof@example.edu');
    const local = await prof.post(`${BASE}/syllabus/read`, { url: `${origin}/syllabus/v1.md` });
    expect(local.statusCode).toBe(400);
    expect(local.json().error.message).toContain('private or local address');
  });

  it('refuses a body with both or neither of source and url, and fixes that are not fixes', async () => {
    for (const body of [
      {},
      { source: V1, url: `${origin}/syllabus/v1.md` },
      { source: V1, fixes: [{ kind: 'rename' }] },
    ]) {
      const res = await clients.prof.post(`${BASE}/syllabus/read`, body);
      expect(res.statusCode).toBe(400);
    }
    const zone = await clients.prof.post(`${BASE}/syllabus/read`, {
      source: V1,
      fixes: [{ kind: 'zone', zone: 'Mars/Olympus' }],
    });
    expect(zone.statusCode).toBe(400);
    expect(zone.json().error.message).toContain('not an IANA time zone');
  });

  it('lets instructors and the administrator review; TAs, students and visitors are refused', async () => {
    const expected = { prof: 200, admin: 200, ta: 403, student: 403, anonymous: 401 } as const;
    for (const [who, status] of Object.entries(expected)) {
      const client = clients[who as keyof typeof expected];
      expect([who, (await client.post(`${BASE}/syllabus/read`, { source: V1 })).statusCode]).toEqual([
        who,
        status,
      ]);
      expect([who, (await client.get(`${BASE}/syllabus/fixes`)).statusCode]).toEqual([who, status]);
    }
    expect((await clients.admin.post('/api/admin/syllabus/read', { source: V1 })).statusCode).toBe(200);
    expect((await clients.prof.post('/api/admin/syllabus/read', { source: V1 })).statusCode).toBe(403);
  });

  it('creates a new course (administrator) with the fixes of its review kept', async () => {
    const res = await clients.admin.post('/api/admin/courses', { slug: 'cs501', syllabus: V1, fixes: FIXES });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ slug: 'cs501', meetings: 3, instructor: null, invited: false });
    expect((await clients.admin.get('/api/courses/cs501/syllabus/fixes')).json().fixes).toEqual(FIXES);
  });

  it("re-applies the administrator's fixes when the course's instructor re-imports it", async () => {
    const created = await clients.admin.post('/api/admin/courses', {
      slug: 'cs502',
      syllabus: V1,
      fixes: FIXES,
      instructor: { email: 'prof@example.edu', name: 'Prof' },
    });
    expect(created.statusCode).toBe(201);
    // The instructor already had an account: named, not invited.
    expect(created.json()).toMatchObject({ instructor: { email: 'prof@example.edu' }, invited: false });
    const paperC = (course: {
      meetings: { date: string; readings: { title: string; required: boolean }[] }[];
    }) =>
      course.meetings
        .flatMap((m) => m.readings.map((r) => [m.date, r.title, r.required]))
        .find((r) => r[1] === 'Paper C');
    const stored = (await clients.prof.get('/api/courses/cs502')).json();
    expect(stored.meetings.map((m: { date: string }) => m.date)).toEqual([
      '2024-09-03',
      '2024-09-05',
      '2024-09-10',
    ]);
    expect(paperC(stored)).toEqual(['2024-09-05', 'Paper C', true]);

    // The instructor's review starts from the kept fixes; the same syllabus reads as the administrator fixed it.
    const kept = (await clients.prof.get('/api/courses/cs502/syllabus/fixes')).json();
    expect(kept.fixes).toEqual(FIXES);
    const read = await clients.prof.post('/api/courses/cs502/syllabus/read', {
      source: V1,
      fixes: kept.fixes,
    });
    expect(read.json().fixes.every((f: { applied: boolean }) => f.applied)).toBe(true);
    expect(read.json().course.meetings[1].readings[0]).toMatchObject({ title: 'Paper C', required: true });
    // A new version: the fixes that still fit are applied again and kept; the others are named and dropped.
    const again = await clients.prof.post('/api/courses/cs502/syllabus/apply', {
      source: V2,
      fixes: kept.fixes,
    });
    expect(again.statusCode).toBe(200);
    expect(again.json().fixes.map((f: { applied: boolean }) => f.applied)).toEqual([false, true, false]);
    expect((await clients.prof.get('/api/courses/cs502/syllabus/fixes')).json().fixes).toEqual([FIXES[1]]);
    const paperB = (await clients.prof.get('/api/courses/cs502')).json().meetings[0].readings[1];
    expect(paperB).toMatchObject({ title: 'Paper B', required: true });
  });

  it('says a taken or malformed address is the slug field, and creates a refused syllabus only when asked', async () => {
    const taken = await clients.admin.post('/api/admin/courses', { slug: 'cs500', syllabus: V1 });
    expect(taken.statusCode).toBe(409);
    expect(taken.json().error).toMatchObject({ details: { field: 'slug' } });
    expect(taken.json().error.message).toContain('already exists');
    const malformed = await clients.admin.post('/api/admin/courses', { slug: 'CS 503', syllabus: V1 });
    expect(malformed.statusCode).toBe(400);
    expect(malformed.json().error.code).toBe('invalid_slug');
    const source = readText(fixturePath('refused-no-schedule.md'));
    const refused = await clients.admin.post('/api/admin/courses', { slug: 'hist100', syllabus: source });
    expect(refused.statusCode).toBe(422);
    expect((await clients.anonymous.get('/api/courses/hist100')).statusCode).toBe(404);
    const partial = await clients.admin.post('/api/admin/courses', {
      slug: 'hist100',
      syllabus: source,
      acceptPartial: true,
    });
    expect(partial.statusCode).toBe(201);
    expect(partial.json()).toMatchObject({ title: 'Topics in Modern History', meetings: 0 });
  });
});
