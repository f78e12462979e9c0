// Security findings replayed over HTTP on both dialects: CSRF on percent-encoded API paths, trusted proxies, password-check limits, invisible characters in names.
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { loadConfig } from '../../src/config.js';
import { buildApp } from '../../src/http/app.js';
import { enforceLimit, LIMITS } from '../../src/services/auth/rate-limit.js';
import { listAudit } from '../../src/storage/repositories/audit.js';
import { saveCourse } from '../../src/storage/repositories/course-writer.js';
import { findCourseRef } from '../../src/storage/repositories/enrollments.js';
import { findUserByEmail } from '../../src/storage/repositories/users.js';
import { buildCourse } from '../support/course-factory.js';
import { describeEachDialect } from '../support/dialects.js';
import { makePerson, PASSWORD, TestClient } from './auth-client.js';

const clock = new Date('2024-08-20T12:00:00Z');
const SLUG = 'cs598-genai-f24';
const COURSE = `/api/courses/${SLUG}`;

describeEachDialect('security findings', (get) => {
  let app: FastifyInstance;

  beforeAll(async () => {
    const { config, db } = get();
    await saveCourse(db, SLUG, buildCourse(), clock.toISOString());
    const course = (await findCourseRef(db, SLUG))!;
    for (const who of ['csrf', 'proxy', 'proxy2', 'proxy3', 'guess', 'shared', 'names', 'student'])
      await makePerson(db, clock, `${who}@example.edu`, { courseId: course.id, role: 'student' });
    await makePerson(db, clock, 'prof@example.edu', { courseId: course.id, role: 'instructor' });
    app = await buildApp({ config, db, clock: () => clock });
  });
  afterAll(async () => {
    await app?.close();
  });

  it('checks CSRF and reads the session on the matched route, however the /api prefix is spelt', async () => {
    const client = new TestClient(app);
    await client.signIn('csrf@example.edu');
    // The session is found on a percent-encoded path too (the router decodes it to /api/account).
    const read = await client.get('/%61pi/account');
    expect(read.statusCode).toBe(200);
    expect(read.json().user.email).toBe('csrf@example.edu');
    for (const url of ['/%61pi/auth/sign-out', '/%61%70%69/auth/sign-out', '/%61pi/account']) {
      const forged = await client.request({
        method: url.endsWith('account') ? 'PATCH' : 'POST',
        url,
        ...(url.endsWith('account') ? { payload: { name: 'Mallory' } } : {}),
        csrf: false,
      });
      expect(forged.statusCode, url).toBe(403);
      expect(forged.json().error.details.reason).toBe('csrf-token');
    }
    // Still signed in, name unchanged.
    const after = await client.get('/api/account');
    expect(after.statusCode).toBe(200);
    expect(after.json().user.name).toBe('csrf');
  });

  it('believes X-Forwarded-For only from the proxies TRUSTED_PROXIES names', async () => {
    const { config, db } = get();
    const ipOfSignIn = async (email: string) =>
      (await listAudit(db, { courseId: null, limit: 500 })).find(
        (r) => r.action === 'sign-in' && r.actor_email === email,
      )!.ip;
    const spoof = { 'x-forwarded-for': '192.0.2.66' };

    const direct = new TestClient(app, '203.0.113.9');
    await direct.get('/api/auth/session');
    await direct.request({
      method: 'POST',
      url: '/api/auth/sign-in',
      payload: { email: 'proxy@example.edu', password: PASSWORD },
      headers: spoof,
    });
    expect(await ipOfSignIn('proxy@example.edu')).toBe('203.0.113.9');

    const behind = await buildApp({
      config: { ...config, trustedProxies: ['203.0.113.0/24'] },
      db,
      clock: () => clock,
    });
    try {
      const viaProxy = new TestClient(behind, '203.0.113.9');
      await viaProxy.get('/api/auth/session');
      await viaProxy.request({
        method: 'POST',
        url: '/api/auth/sign-in',
        payload: { email: 'proxy2@example.edu', password: PASSWORD },
        headers: spoof,
      });
      expect(await ipOfSignIn('proxy2@example.edu')).toBe('192.0.2.66');
      const stranger = new TestClient(behind, '198.51.100.4');
      await stranger.get('/api/auth/session');
      await stranger.request({
        method: 'POST',
        url: '/api/auth/sign-in',
        payload: { email: 'proxy3@example.edu', password: PASSWORD },
        headers: spoof,
      });
      expect(await ipOfSignIn('proxy3@example.edu')).toBe('198.51.100.4');
    } finally {
      await behind.close();
    }
  });

  it('limits current-password guesses per account (429 with a message), and the right password waits too', async () => {
    const client = new TestClient(app, '203.0.113.21');
    await client.signIn('guess@example.edu');
    for (let i = 0; i < LIMITS.passwordCheckUser.max; i++) {
      const wrong = await client.post('/api/account/password', {
        currentPassword: `guess ${i}`,
        newPassword: 'a brand new passphrase',
      });
      expect(wrong.statusCode).toBe(400);
    }
    const limited = await client.post('/api/account/password', {
      currentPassword: PASSWORD,
      newPassword: 'a brand new passphrase',
    });
    expect(limited.statusCode).toBe(429);
    expect(limited.json().error.message).toMatch(/^Too many attempts\. Try again in \d+ minute/);
    expect(limited.json().error.details.retryAfterSeconds).toBeGreaterThan(0);
    // The password did not change.
    expect((await new TestClient(app, '203.0.113.22').signIn('guess@example.edu')).statusCode).toBe(200);
  });

  it('limits current-password checks per IP address across accounts', async () => {
    const { db } = get();
    for (let i = 0; i < LIMITS.passwordCheckIp.max; i++)
      await enforceLimit(db, LIMITS.passwordCheckIp, '203.0.113.30', clock);
    const client = new TestClient(app, '203.0.113.30');
    await client.signIn('shared@example.edu');
    const limited = await client.post('/api/account/password', {
      currentPassword: PASSWORD,
      newPassword: 'another new passphrase',
    });
    expect(limited.statusCode).toBe(429);
  });

  it('refuses names with bidirectional overrides or invisible characters, with a 400 that says so', async () => {
    const { db } = get();
    const client = new TestClient(app);
    await client.signIn('names@example.edu');
    for (const name of ['Ada\u202Eecila', '\u2066Ada\u2069', 'Ad\u200Ba', 'Ada\u202A']) {
      const res = await client.request({ method: 'PATCH', url: '/api/account', payload: { name } });
      expect(res.statusCode, JSON.stringify(name)).toBe(400);
      expect(res.json().error.message).toMatch(/invisible or text-direction control characters \(found U\+/);
    }
    expect((await findUserByEmail(db, 'names@example.edu'))!.name).toBe('names');
    expect(
      (await client.request({ method: 'PATCH', url: '/api/account', payload: { name: 'Zoë Ñúñez' } }))
        .statusCode,
    ).toBe(200);

    const student = new TestClient(app);
    await student.signIn('student@example.edu');
    const group = await student.post(`${COURSE}/groups`, { name: 'Team \u202Eatled' });
    expect(group.statusCode).toBe(400);
    expect(group.json().error.message).toMatch(/^A group name cannot contain invisible/);
    expect((await student.get(`${COURSE}/groups`)).json().groups ?? []).toEqual([]);

    const prof = new TestClient(app);
    await prof.signIn('prof@example.edu');
    const preview = await prof.request({
      method: 'POST',
      url: `${COURSE}/roster/import/preview`,
      payload: 'email,name\nnew-bidi@example.edu,Eve \u202Enimda\n',
      headers: { 'content-type': 'text/csv' },
    });
    expect(preview.statusCode).toBe(200);
    expect(JSON.stringify(preview.json())).toMatch(/found U\+202E/);
  });
});

it('TRUSTED_PROXIES is off by default and takes addresses, ranges and loopback', () => {
  expect(loadConfig({}).trustedProxies).toEqual([]);
  expect(loadConfig({ TRUSTED_PROXIES: ' 10.0.0.0/8, 127.0.0.1 ,loopback,::1' }).trustedProxies).toEqual([
    '10.0.0.0/8',
    '127.0.0.1',
    'loopback',
    '::1',
  ]);
  expect(() => loadConfig({ TRUSTED_PROXIES: 'proxy.example' })).toThrow(/TRUSTED_PROXIES: "proxy.example"/);
  expect(() => loadConfig({ TRUSTED_PROXIES: '10.0.0.0/99' })).toThrow(/TRUSTED_PROXIES/);
});
