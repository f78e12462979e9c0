// Personal calendar URLs on SQLite and PostgreSQL: made by their holder, stored only as a digest, replaced (the old
// URL answers 404), turned off (404), and a stranger's guesses, malformed names and a dropped member's URL all get
// the same 404 that says nothing about why.
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../src/http/app.js';
import { saveCourse } from '../../src/storage/repositories/course-writer.js';
import { findCourseRef } from '../../src/storage/repositories/enrollments.js';
import { buildCourse } from '../support/course-factory.js';
import { describeEachDialect } from '../support/dialects.js';
import { makePerson, TestClient } from './auth-client.js';
import { parseFeed } from './calendar-parse.js';

const NOW = new Date('2026-09-01T12:00:00Z');
const SLUG = 'cal-course';
const api = `/api/courses/${SLUG}/calendar/personal`;

describeEachDialect('personal calendar URLs', (get) => {
  let app: FastifyInstance;
  const clients: Record<string, TestClient> = {};
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    const { config, db } = get();
    await saveCourse(db, SLUG, buildCourse(), NOW.toISOString());
    const course = (await findCourseRef(db, SLUG))!;
    for (const [name, role] of [
      ['ada', 'student'],
      ['bo', 'student'],
      ['tess', 'ta'],
    ] as const)
      ids[name] = (await makePerson(db, NOW, `${name}@example.edu`, { courseId: course.id, role })).id;
    app = await buildApp({ config, db, clock: () => NOW });
    await app.ready();
    let ip = 1;
    for (const name of ['ada', 'bo', 'tess']) {
      clients[name] = new TestClient(app, `192.0.2.${ip++}`);
      expect((await clients[name].signIn(`${name}@example.edu`)).statusCode).toBe(200);
    }
  });
  afterAll(async () => {
    await app?.close();
  });

  const fetchFeed = (path: string) => app.inject({ url: path });
  const notFound = async (path: string) => {
    const res = await fetchFeed(path);
    expect(res.statusCode, path).toBe(404);
    expect(res.json().error.message).toMatch(/No calendar at this address/);
    return res.body;
  };

  it('makes a URL that works without a session, keeps only its digest, and says when it was made', async () => {
    expect((await clients.ada!.get(api)).json()).toEqual({ active: false, createdAt: null });
    const made = await clients.ada!.post(api);
    expect(made.statusCode, made.body).toBe(200);
    const { path, createdAt } = made.json();
    expect(path).toMatch(/^\/api\/calendar\/[A-Za-z0-9_-]{43}\.ics$/);
    expect(createdAt).toBe(NOW.toISOString());
    const res = await fetchFeed(path);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('text/calendar; charset=utf-8');
    expect(res.headers['cache-control']).toBe('private, no-cache');
    expect(parseFeed(res.body).name).toMatch(/\(mine\)$/);
    const token = path.slice('/api/calendar/'.length, -4);
    const rows = await get()
      .db.selectFrom('calendar_tokens' as never)
      .selectAll()
      .execute();
    expect(JSON.stringify(rows)).not.toContain(token);
    expect((await clients.ada!.get(api)).json()).toEqual({ active: true, createdAt });
  });

  it('rotating replaces the URL: the old one answers 404, the new one works', async () => {
    const first = (await clients.bo!.post(api)).json().path;
    expect((await fetchFeed(first)).statusCode).toBe(200);
    const second = (await clients.bo!.post(api)).json().path;
    expect(second).not.toBe(first);
    await notFound(first);
    expect((await fetchFeed(second)).statusCode).toBe(200);
  });

  it('turning it off makes the URL 404 with the same answer as a URL that never existed', async () => {
    const path = (await clients.tess!.post(api)).json().path;
    expect((await fetchFeed(path)).statusCode).toBe(200);
    const off = await clients.tess!.request({ method: 'DELETE', url: api });
    expect(off.statusCode, off.body).toBe(200);
    expect(off.json()).toEqual({ active: false, createdAt: null });
    const revoked = await notFound(path);
    const never = await notFound(`/api/calendar/${'A'.repeat(43)}.ics`);
    expect(revoked).toBe(never);
  });

  it('a dropped student’s URL stops answering, with the same 404', async () => {
    const { db } = get();
    const path = (await clients.bo!.post(api)).json().path;
    const prof = await makePerson(db, NOW, 'prof@example.edu', {
      courseId: (await findCourseRef(db, SLUG))!.id,
      role: 'instructor',
    });
    const staff = new TestClient(app, '192.0.2.50');
    expect((await staff.signIn('prof@example.edu')).statusCode).toBe(200);
    expect((await staff.post(`/api/courses/${SLUG}/roster/${ids.bo}/drop`)).statusCode).toBe(200);
    await notFound(path);
    expect(prof.id).toBeTruthy();
  });

  it('answers hostile names with a 404 and a message, never a 500 or a feed', async () => {
    const hostile = [
      'x.ics',
      `${'A'.repeat(43)}`,
      `${'A'.repeat(44)}.ics`,
      `${'A'.repeat(199)}.ics`,
      "'%20OR%201=1--.ics",
      '..%2F..%2Fetc%2Fpasswd',
      '%00.ics',
      '%E2%80%AE.ics',
      `${'%F0%9F%93%85'.repeat(10)}.ics`,
      `${'A'.repeat(43)}.ICS`,
    ];
    for (const name of hostile) {
      const res = await fetchFeed(`/api/calendar/${name}`);
      expect(res.statusCode, name).toBeGreaterThanOrEqual(400);
      expect(res.statusCode, name).toBeLessThan(500);
      expect(res.json().error.message, name).toBeTruthy();
      expect(res.body).not.toContain('BEGIN:VCALENDAR');
    }
    const long = await fetchFeed(`/api/calendar/${'A'.repeat(5000)}.ics`);
    expect(long.statusCode).toBeGreaterThanOrEqual(400);
    expect(long.statusCode).toBeLessThan(500);
  });

  it('refuses a stranger and a request without the CSRF token', async () => {
    expect((await app.inject({ url: api })).statusCode).toBe(401);
    expect((await app.inject({ method: 'POST', url: api })).statusCode).toBe(403);
    const noCsrf = await clients.ada!.request({ method: 'POST', url: api, csrf: false });
    expect(noCsrf.statusCode).toBe(403);
  });
});
