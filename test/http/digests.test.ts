// Notification settings and the daily digest on SQLite and PostgreSQL: notifyPerson follows each person's choice per
// kind; the digest goes out at their local hour, once per person per day even from two processes at once; its
// one-click link turns every digest kind off.
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../src/http/app.js';
import { createSession } from '../../src/services/auth/sessions.js';
import { runDigests } from '../../src/services/notifications/digests.js';
import {
  DIGEST_MAIL,
  NOTIFICATION_MAIL,
  notifyPerson,
  renderDigestMail,
} from '../../src/services/notifications/notify.js';
import { saveSettings, settingsOf } from '../../src/services/notifications/settings.js';
import { listMailJobs } from '../../src/storage/repositories/mail-queue.js';
import { makePerson } from './auth-client.js';
import { describeEachDialect } from '../support/dialects.js';
import { runTwice } from '../support/notify-processes.js';

/** Worker processes start slowly on a busy machine. */
const SLOW = 240_000;

describeEachDialect('notification settings and daily digests', (get) => {
  let app: FastifyInstance;
  let user = '';
  let now = new Date('2024-10-01T12:00:00Z');

  beforeAll(async () => {
    const { config, db } = get();
    user = (await makePerson(db, now, 'mia@example.edu')).id;
    app = await buildApp({ config, db, clock: () => now });
    await app.ready();
  });
  afterAll(async () => {
    await app?.close();
  });

  const deps = () => ({ db: get().db, clock: () => now, publicUrl: 'http://seminar.test' });
  const jobs = async (kind: string) => (await listMailJobs(get().db)).filter((j) => j.kind === kind);
  const notice = (kind: 'replies' | 'mentions' | 'discussions', subject: string) => ({
    kind,
    subject,
    text: `${subject}.`,
    link: 'http://seminar.test/courses/x',
  });

  it('follows the defaults, then the person’s choice per kind', async () => {
    expect((await settingsOf(get().db, user, now)).modes).toEqual({
      announcements: 'instant',
      replies: 'digest',
      mentions: 'instant',
      discussions: 'digest',
      reminders: 'instant',
    });
    expect(await notifyPerson(deps(), user, notice('mentions', 'Lee mentioned you'))).toBe('mailed');
    await saveSettings(get().db, user, now, {
      modes: { mentions: 'off' },
      digestHour: 18,
      digestZone: 'America/Chicago',
    });
    expect(await notifyPerson(deps(), user, notice('mentions', 'Lee mentioned you again'))).toBe('off');
    expect(await notifyPerson(deps(), user, notice('replies', 'Kim replied'))).toBe('digest');
    expect(await notifyPerson(deps(), user, notice('discussions', 'New discussion: Sep 30'))).toBe('digest');
    expect((await jobs(NOTIFICATION_MAIL)).map((j) => JSON.parse(j.payload).subject)).toEqual([
      'Lee mentioned you',
    ]);
  });

  it(
    'sends the digest at the local hour, once per day even from two processes at once',
    async () => {
      // 17:30 in Chicago (CDT): not yet.
      now = new Date('2024-10-01T22:30:00Z');
      expect(await runDigests(deps())).toBe(0);
      now = new Date('2024-10-01T23:05:00Z');
      const counts = await runTwice(get().config, 'digests', now);
      expect(counts.reduce((a, b) => a + b, 0)).toBe(1);
      const [digest] = await jobs(DIGEST_MAIL);
      const mail = (await renderDigestMail(get().db, digest!.payload))!;
      expect(mail.subject).toBe('Your Seminar digest for 2024-10-01');
      expect(mail.text).toContain('Replies to me: Kim replied');
      expect(mail.text).toContain('New discussions: New discussion: Sep 30');
      expect(mail.headers!['List-Unsubscribe-Post']).toBe('List-Unsubscribe=One-Click');
      // Something later that day waits for tomorrow's digest.
      expect(await notifyPerson(deps(), user, notice('replies', 'Sam replied'))).toBe('digest');
      now = new Date('2024-10-02T03:00:00Z');
      expect(await runDigests(deps())).toBe(0);
      now = new Date('2024-10-02T23:01:00Z');
      expect(await runDigests(deps())).toBe(1);
      const second = (await jobs(DIGEST_MAIL))[1]!;
      expect((await renderDigestMail(get().db, second.payload))!.text).toContain('Sam replied');
      expect(await runDigests(deps())).toBe(0);
    },
    SLOW,
  );

  it('turns every digest kind off with the digest’s one-click link, and nothing else', async () => {
    const [digest] = await jobs(DIGEST_MAIL);
    const post = (JSON.parse(digest!.payload) as { all: { post: string } }).all.post;
    const res = await app.inject({
      method: 'POST',
      url: new URL(post).pathname,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: 'List-Unsubscribe=One-Click',
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().kinds.sort()).toEqual(['discussions', 'replies']);
    expect((await settingsOf(get().db, user, now)).modes).toEqual({
      announcements: 'instant',
      replies: 'off',
      mentions: 'off',
      discussions: 'off',
      reminders: 'instant',
    });
  });

  it('refuses a time zone that is not one, with a message', async () => {
    const session = await createSession(get().db, user, now, { ip: null, userAgent: 'digest-test' });
    const res = await app.inject({
      method: 'PUT',
      url: '/api/account/notifications',
      headers: {
        cookie: `seminar_session=${session.token}; seminar_csrf=${session.csrfToken}`,
        'x-csrf-token': session.csrfToken,
      },
      payload: { digestZone: 'Mars/Olympus' },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.message).toContain('Mars/Olympus');
  });
});
