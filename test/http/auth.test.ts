// Sign-in over HTTP on both dialects: cookies, rotation, no enumeration, CSRF, rate limits, expiry, sign-out-all, reset links.
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import { buildApp } from '../../src/http/app.js';
import { saveCourse } from '../../src/storage/repositories/course-writer.js';
import { findCourseRef } from '../../src/storage/repositories/enrollments.js';
import { countUserSessions } from '../../src/storage/repositories/sessions.js';
import { setupLinkIfNeeded } from '../../src/services/auth/first-run.js';
import { cleanUpAccounts } from '../../src/services/auth/cleanup.js';
import { createSession } from '../../src/services/auth/sessions.js';
import { enforceLimit, LIMITS } from '../../src/services/auth/rate-limit.js';
import { buildCourse } from '../support/course-factory.js';
import { describeEachDialect } from '../support/dialects.js';
import { makePerson, PASSWORD, sendQueuedAccountMail, TestClient } from './auth-client.js';
import { listMailJobs } from '../../src/storage/repositories/mail-queue.js';
import type { Db } from '../../src/storage/db.js';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

let clock = new Date('2026-09-01T12:00:00Z');
const now = () => clock;
const DAY = 24 * 60 * 60_000;

/** The newest reset link written to the outbox (no SMTP_URL in these suites). */
function lastMailedLink(dataDir: string): string {
  const dir = join(dataDir, 'outbox');
  const files = readdirSync(dir).sort();
  const eml = readFileSync(join(dir, files[files.length - 1]!), 'utf8')
    .replace(/=\r?\n/g, '')
    .replace(/=3D/g, '=');
  const match = /token=([A-Za-z0-9_-]+)/.exec(eml);
  if (!match) throw new Error('no link in the last mail');
  return match[1]!;
}

async function countResetTokens(db: Db): Promise<number> {
  const rows = await (db as unknown as Kysely<{ auth_tokens: { purpose: string } }>)
    .selectFrom('auth_tokens')
    .select('purpose')
    .where('purpose', '=', 'reset')
    .execute();
  return rows.length;
}

describeEachDialect('sign-in and sessions', (get) => {
  let app: FastifyInstance;
  let ada: { id: string };

  beforeAll(async () => {
    const { config, db } = get();
    await saveCourse(db, 'cs598-genai-f24', buildCourse(), clock.toISOString());
    const course = (await findCourseRef(db, 'cs598-genai-f24'))!;
    ada = await makePerson(db, clock, 'ada@example.edu', {
      courseId: course.id,
      role: 'student',
      name: 'Ada Lovelace',
    });
    await makePerson(db, clock, 'grace@example.edu');
    await makePerson(db, clock, 'limit@example.edu');
    app = await buildApp({ config, db, clock: now });
  });
  afterAll(async () => {
    await app?.close();
  });

  it('signs in with the right password and shows the student their course', async () => {
    const client = new TestClient(app);
    const res = await client.signIn('ADA@example.edu ', PASSWORD);
    expect(res.statusCode).toBe(200);
    const cookie = (
      res.cookies as Array<{ name: string; httpOnly?: boolean; sameSite?: string; secure?: boolean }>
    ).find((c) => c.name === 'seminar_session')!;
    expect(cookie.httpOnly).toBe(true);
    expect(cookie.sameSite).toBe('Lax');
    expect(cookie.secure).toBeFalsy();
    const session = (await client.get('/api/auth/session')).json();
    expect(session.user.email).toBe('ada@example.edu');
    expect(session.courses).toEqual([
      { slug: 'cs598-genai-f24', title: 'Systems for Generative AI', code: 'CS 598', role: 'student' },
    ]);
  });

  it('answers an unknown e-mail and a wrong password alike', async () => {
    const client = new TestClient(app, '198.51.100.1');
    const unknown = await client.signIn('nobody@example.edu', PASSWORD);
    const wrong = await client.signIn('grace@example.edu', 'not the password');
    expect(unknown.statusCode).toBe(401);
    expect(wrong.statusCode).toBe(401);
    expect(unknown.json()).toEqual(wrong.json());
  });

  it('gives a new session at every sign-in and ends the one the browser had', async () => {
    const client = new TestClient(app);
    await client.signIn('grace@example.edu');
    const first = client.cookies.get('seminar_session');
    await client.signIn('grace@example.edu');
    const second = client.cookies.get('seminar_session');
    expect(second).not.toBe(first);
    const stale = new TestClient(app);
    stale.cookies.set('seminar_session', first!);
    expect((await stale.get('/api/auth/session')).json().user).toBeNull();
  });

  it('refuses a state-changing request without the CSRF token or from another site', async () => {
    const client = new TestClient(app);
    await client.signIn('grace@example.edu');
    const noToken = await client.request({
      method: 'PATCH',
      url: '/api/account',
      payload: { name: 'Mallory' },
      csrf: false,
    });
    expect(noToken.statusCode).toBe(403);
    expect(noToken.json().error.details.reason).toBe('csrf-token');
    const foreign = await client.request({
      method: 'PATCH',
      url: '/api/account',
      payload: { name: 'Mallory' },
      headers: { origin: 'https://evil.example' },
    });
    expect(foreign.statusCode).toBe(403);
    expect(foreign.json().error.details.reason).toBe('csrf-origin');
    const ok = await client.request({
      method: 'PATCH',
      url: '/api/account',
      payload: { name: 'Grace Hopper' },
      headers: { origin: 'http://localhost:3000' },
    });
    expect(ok.statusCode).toBe(200);
  });

  it('refuses a sign-in form posted without the CSRF token', async () => {
    const client = new TestClient(app);
    const res = await client.request({
      method: 'POST',
      url: '/api/auth/sign-in',
      payload: { email: 'grace@example.edu', password: PASSWORD },
      csrf: false,
    });
    expect(res.statusCode).toBe(403);
  });

  it('limits sign-in attempts per address, shared through the database by two instances', async () => {
    const { config, db } = get();
    const other = await buildApp({ config, db, clock: now });
    try {
      for (let i = 0; i < 10; i++) {
        const res = await new TestClient(i % 2 ? app : other, `192.0.2.${i}`).signIn(
          'limit@example.edu',
          'wrong password',
        );
        expect(res.statusCode).toBe(401);
      }
      const blocked = await new TestClient(other, '192.0.2.99').signIn('limit@example.edu', PASSWORD);
      expect(blocked.statusCode).toBe(429);
      expect(blocked.json().error.details.retryAfterSeconds).toBeGreaterThan(0);
      clock = new Date(clock.getTime() + 16 * 60_000);
      expect((await new TestClient(app).signIn('limit@example.edu', PASSWORD)).statusCode).toBe(200);
    } finally {
      await other.close();
    }
  });

  it('ends a session idle for 14 days, and any session 30 days after sign-in', async () => {
    const client = new TestClient(app);
    await client.signIn('grace@example.edu');
    clock = new Date(clock.getTime() + 13 * DAY);
    expect((await client.get('/api/account')).statusCode).toBe(200);
    clock = new Date(clock.getTime() + 13 * DAY);
    expect((await client.get('/api/account')).statusCode).toBe(200);
    clock = new Date(clock.getTime() + 5 * DAY); // 31 days after sign-in, never idle for 14
    expect((await client.get('/api/account')).statusCode).toBe(401);

    const idle = new TestClient(app);
    await idle.signIn('grace@example.edu');
    clock = new Date(clock.getTime() + 14 * DAY + 1000);
    expect((await idle.get('/api/account')).statusCode).toBe(401);
  });

  it('signs out every browser of the account at once', async () => {
    const laptop = new TestClient(app);
    const phone = new TestClient(app);
    await laptop.signIn('ada@example.edu');
    await phone.signIn('ada@example.edu');
    expect((await phone.get('/api/account')).json().sessions).toBeGreaterThanOrEqual(2);
    const res = await laptop.post('/api/account/sign-out-everywhere');
    expect(res.statusCode).toBe(200);
    expect((await phone.get('/api/account')).statusCode).toBe(401);
    expect((await laptop.get('/api/account')).statusCode).toBe(401);
    expect(await countUserSessions(get().db, ada.id)).toBe(0);
  });

  it('resets a password by an e-mailed link that works once and within one hour', async () => {
    const client = new TestClient(app);
    await client.get('/api/auth/session');
    const tokensBefore = await countResetTokens(get().db);
    const sent = await client.post('/api/auth/password-reset', { email: 'grace@example.edu' });
    expect(sent.statusCode).toBe(202);
    const unknown = await client.post('/api/auth/password-reset', { email: 'nobody@example.edu' });
    expect(unknown.statusCode).toBe(sent.statusCode);
    expect(unknown.json()).toEqual(sent.json());
    // The same work on both paths (no timing difference to learn from): one queued job each,
    // nothing issued yet; the worker finds the account, issues the link and mails it.
    const queued = await listMailJobs(get().db);
    expect(queued.slice(-2).map((j) => [j.kind, j.address, j.sent_at, j.gave_up_at])).toEqual([
      ['password-reset', 'grace@example.edu', null, null],
      ['password-reset', 'nobody@example.edu', null, null],
    ]);
    expect(await countResetTokens(get().db)).toBe(tokensBefore);
    expect(await sendQueuedAccountMail(app, get().db)).toEqual([
      { kind: 'password-reset', address: 'grace@example.edu', sent: true },
      { kind: 'password-reset', address: 'nobody@example.edu', sent: false },
    ]);
    expect(await countResetTokens(get().db)).toBe(tokensBefore + 1);
    const token = lastMailedLink(get().dataDir);
    expect((await client.post('/api/auth/link-status', { purpose: 'reset', token })).json()).toMatchObject({
      state: 'valid',
      email: 'grace@example.edu',
    });
    const done = await client.post('/api/auth/password-reset/complete', {
      token,
      password: 'a brand new passphrase',
    });
    expect(done.statusCode).toBe(200);
    const again = await new TestClient(app).request({
      method: 'POST',
      url: '/api/auth/password-reset/complete',
      payload: { token, password: 'another passphrase!' },
      csrf: false,
    });
    expect(again.statusCode).toBe(403); // no CSRF token: refused before anything else
    const reuse = new TestClient(app);
    await reuse.get('/api/auth/session');
    const reused = await reuse.post('/api/auth/password-reset/complete', {
      token,
      password: 'another passphrase!',
    });
    expect(reused.statusCode).toBe(410);
    expect(reused.json().error.code).toBe('link_used');
    expect((await new TestClient(app).signIn('grace@example.edu', 'a brand new passphrase')).statusCode).toBe(
      200,
    );

    await reuse.post('/api/auth/password-reset', { email: 'grace@example.edu' });
    await sendQueuedAccountMail(app, get().db);
    const late = lastMailedLink(get().dataDir);
    clock = new Date(clock.getTime() + 61 * 60_000);
    const expired = await reuse.post('/api/auth/password-reset/complete', {
      token: late,
      password: 'too late passphrase',
    });
    expect(expired.statusCode).toBe(410);
    expect(expired.json().error.code).toBe('link_expired');
    expect(expired.json().error.message).toMatch(/Ask for a new reset link/);
  });

  it('answers bad input with 400 and a reason, never a 500', async () => {
    const client = new TestClient(app);
    await client.get('/api/auth/session');
    const long = await client.post('/api/auth/sign-in', {
      email: 'a'.repeat(5000) + '@example.edu',
      password: 'x',
    });
    expect(long.statusCode).toBe(400);
    const notJson = await client.request({
      method: 'POST',
      url: '/api/auth/sign-in',
      payload: '{"email":',
      headers: { 'content-type': 'application/json' },
    });
    expect(notJson.statusCode).toBe(400);
    const badEmail = await client.post('/api/auth/password-reset', { email: 'not an address' });
    expect(badEmail.statusCode).toBe(400);
    expect(badEmail.json().error.message).toBe('Enter a valid e-mail address.');
    await client.signIn('ada@example.edu');
    const longName = await client.request({
      method: 'PATCH',
      url: '/api/account',
      payload: { name: 'n'.repeat(150) },
    });
    expect(longName.statusCode).toBe(400);
    const shortPassword = await client.post('/api/account/password', {
      currentPassword: PASSWORD,
      newPassword: 'short',
    });
    expect(shortPassword.json().error.message).toBe('Choose a password of at least 10 characters.');
    const wrongCurrent = await client.post('/api/account/password', {
      currentPassword: 'nope',
      newPassword: 'long enough new password',
    });
    expect(wrongCurrent.json().error.details.field).toBe('currentPassword');
  });

  it('creates the first administrator once from the set-up link that serve prints', async () => {
    const { db } = get();
    const link = await setupLinkIfNeeded(db, clock, 'http://localhost:3000');
    expect(link).toMatch(/^http:\/\/localhost:3000\/setup\?token=/);
    const token = new URL(link!).searchParams.get('token')!;
    const client = new TestClient(app);
    await client.get('/api/auth/session');
    expect((await client.post('/api/auth/link-status', { purpose: 'setup', token })).json().state).toBe(
      'valid',
    );
    const created = await client.post('/api/auth/setup', {
      token,
      email: 'root@example.edu',
      name: 'Root Admin',
      password: 'administrator passphrase',
    });
    expect(created.statusCode).toBe(200);
    expect((await client.get('/api/auth/session')).json()).toMatchObject({
      user: { isAdmin: true },
      abilities: { createCourse: true },
    });
    expect(await setupLinkIfNeeded(db, clock, 'http://localhost:3000')).toBeNull();
    const again = new TestClient(app);
    await again.get('/api/auth/session');
    const reused = await again.post('/api/auth/setup', {
      token,
      email: 'evil@example.edu',
      name: 'Evil',
      password: 'administrator passphrase',
    });
    expect(reused.statusCode).toBe(410);
    expect((await again.post('/api/auth/link-status', { purpose: 'setup', token })).json().state).toBe(
      'used',
    );
  });

  it('sends the security headers', async () => {
    const res = await app.inject({ url: '/api/health' });
    expect(res.headers['content-security-policy']).toContain("script-src 'self'");
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['x-frame-options']).toBe('SAMEORIGIN');
  });
});

describeEachDialect('account housekeeping', (get) => {
  it('removes expired sessions and old rate-limit counters, and keeps live ones', async () => {
    const { db } = get();
    const t0 = new Date('2026-01-01T00:00:00Z');
    const user = await makePerson(db, t0, 'sweep@example.edu');
    await createSession(db, user.id, t0, { ip: null, userAgent: null });
    const later = new Date(t0.getTime() + 20 * DAY);
    await createSession(db, user.id, later, { ip: null, userAgent: null });
    await enforceLimit(db, LIMITS.signInEmail, 'sweep@example.edu', t0);
    expect(await cleanUpAccounts(db, later)).toEqual({ sessions: 1, buckets: 1, pendingJoins: 0 });
    expect(await countUserSessions(db, user.id)).toBe(1);
  });
});
