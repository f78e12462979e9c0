// Announcements on two app instances: staff post (now or scheduled in the course zone), members read newest first,
// and each is mailed to everyone enrolled exactly once, even when both instances' loops and mail workers run at once.
import { expect, it } from 'vitest';
import { createSession } from '../../src/services/auth/sessions.js';
import { mailDueAnnouncements } from '../../src/services/notifications/announcements.js';
import { NOTIFICATION_MAIL } from '../../src/services/notifications/notify.js';
import { settingsOf } from '../../src/services/notifications/settings.js';
import { listMailJobs } from '../../src/storage/repositories/mail-queue.js';
import { listActiveStudents } from '../../src/storage/repositories/work-people.js';
import type { Db } from '../../src/storage/db.js';
import { describeEachDialect } from '../support/dialects.js';
import { runTwice } from '../support/notify-processes.js';
import { startSmtpSink, unquote } from '../support/smtp-sink.js';
import { NOW, SLUG, twoInstancesOnOneDb } from './two-instances.js';

/** Worker processes start slowly on a busy machine. */
const SLOW = 240_000;

describeEachDialect('announcements', (get) => {
  const world = twoInstancesOnOneDb(get, 'announce-test');
  const { apps, headers } = world;
  const url = `/api/courses/${SLUG}/announcements`;

  async function studentHeaders(db: Db, index = 0): Promise<Record<string, string>> {
    const s = (await listActiveStudents(db, world.courseId))[index]!;
    const session = await createSession(db, s.id, NOW, { ip: null, userAgent: 'announce-test' });
    return {
      cookie: `seminar_session=${session.token}; seminar_csrf=${session.csrfToken}`,
      'x-csrf-token': session.csrfToken,
    };
  }

  it('posts now: a student on the other instance reads it (sanitized Markdown), and everyone enrolled is queued once', async () => {
    const { db } = get();
    const res = await apps[0]!.inject({
      method: 'POST',
      url,
      headers,
      payload: { title: 'Room change', body: 'We meet in **1302**.<script>alert(1)</script>' },
    });
    expect(res.statusCode, res.body).toBe(201);
    const list = await apps[1]!.inject({ method: 'GET', url, headers: await studentHeaders(db) });
    expect(list.statusCode).toBe(200);
    const [first] = list.json().announcements;
    expect(first).toMatchObject({ title: 'Room change', scheduled: false, mailed: true });
    expect(first.html).toContain('<strong>1302</strong>');
    expect(first.html).not.toContain('<script');
    const jobs = (await listMailJobs(db)).filter((j) => j.kind === NOTIFICATION_MAIL);
    expect(jobs).toHaveLength(13);
    expect(new Set(jobs.map((j) => j.user_id)).size).toBe(13);
  });

  it('refuses a student, an empty title and a time that is not one, with a message and nothing written', async () => {
    const { db } = get();
    const before = (await listMailJobs(db)).length;
    const asStudent = await apps[0]!.inject({
      method: 'POST',
      url,
      headers: await studentHeaders(db),
      payload: { title: 'Hi', body: 'x' },
    });
    expect(asStudent.statusCode).toBe(403);
    const empty = await apps[0]!.inject({ method: 'POST', url, headers, payload: { title: ' ', body: 'x' } });
    expect(empty.statusCode).toBe(400);
    expect(empty.json().error.message).toMatch(/title/);
    const badTime = await apps[0]!.inject({
      method: 'POST',
      url,
      headers,
      payload: { title: 'T', body: 'x', publishAt: 'next tuesday' },
    });
    expect(badTime.statusCode).toBe(400);
    expect(badTime.json().error.message).toMatch(/America\/Chicago/);
    expect((await listMailJobs(db)).length).toBe(before);
  });

  it(
    'schedules one in the course zone: hidden from students until then, editable by staff, mailed once by two racing instances',
    async () => {
      const { db } = get();
      const sink = await startSmtpSink();
      try {
        await runTwice(get().config, 'drain', NOW, { SMTP_URL: sink.url });
        const firstWave = sink.received.length;
        expect(firstWave).toBe(13);
        sink.received.length = 0;
        // 2024-08-21 08:00 in Chicago (CDT, UTC-5) is 13:00 UTC.
        const res = await apps[1]!.inject({
          method: 'POST',
          url,
          headers,
          payload: { title: 'Quiz tomorrow', body: 'Bring a pen.', publishAt: '2024-08-21T08:00' },
        });
        expect(res.statusCode, res.body).toBe(201);
        const { announcement } = res.json();
        expect(announcement).toMatchObject({ publishAt: '2024-08-21T13:00:00.000Z', scheduled: true });
        const student = await studentHeaders(db, 3);
        const seen = await apps[0]!.inject({ method: 'GET', url, headers: student });
        expect(seen.json().announcements.map((a: { title: string }) => a.title)).toEqual(['Room change']);
        const staffSees = await apps[0]!.inject({ method: 'GET', url, headers });
        expect(staffSees.json().announcements.map((a: { title: string }) => a.title)).toEqual([
          'Quiz tomorrow',
          'Room change',
        ]);
        const edit = await apps[0]!.inject({
          method: 'PATCH',
          url: `${url}/${announcement.id}`,
          headers,
          payload: { title: 'Quiz on Wednesday', body: 'Bring a pen.', publishAt: '2024-08-21T08:00' },
        });
        expect(edit.statusCode, edit.body).toBe(200);
        // Before its time, neither loop mails it.
        expect(await mailDueAnnouncements({ db, clock: () => NOW, publicUrl: 'http://x' })).toBe(0);
        const later = new Date('2024-08-21T13:05:00Z');
        // Two processes (two instances' loops) run at once, then two mail workers drain at once.
        const counts = await runTwice(get().config, 'announcements', later);
        expect(counts.reduce((a, b) => a + b, 0)).toBe(13);
        const sent = await runTwice(get().config, 'drain', later, { SMTP_URL: sink.url });
        expect(sent.reduce((a, b) => a + b, 0)).toBe(13);
        const perPerson = new Map<string, number>();
        for (const m of sink.received) for (const to of m.to) perPerson.set(to, (perPerson.get(to) ?? 0) + 1);
        expect(perPerson.size).toBe(13);
        expect([...perPerson.values()].every((n) => n === 1)).toBe(true);
        const mail = unquote(sink.received[0]!.raw);
        expect(mail).toContain('Quiz on Wednesday');
        expect(mail).toMatch(/^List-Unsubscribe:\s+<http:\/\/seminar\.test\/api\/unsubscribe\/[^>]+>/m);
        expect(mail).toMatch(/^List-Unsubscribe-Post: List-Unsubscribe=One-Click/m);
        // Out now: it can no longer be changed.
        const late = await apps[0]!.inject({ method: 'DELETE', url: `${url}/${announcement.id}`, headers });
        expect(late.statusCode).toBe(409);
      } finally {
        await sink.close();
      }
    },
    SLOW,
  );

  it("one-click unsubscribe: a POST of the mail's link turns announcements off without signing in; a forged token is refused", async () => {
    const { db } = get();
    const job = (await listMailJobs(db)).find((j) => j.kind === NOTIFICATION_MAIL)!;
    const post = (JSON.parse(job.payload) as { unsubscribe: { post: string } }).unsubscribe.post;
    const path = new URL(post).pathname;
    const forged = await apps[1]!.inject({ method: 'POST', url: path.slice(0, -3) + 'AAA' });
    expect(forged.statusCode).toBe(404);
    expect((await settingsOf(db, job.user_id!, NOW)).modes.announcements).toBe('instant');
    const res = await apps[1]!.inject({
      method: 'POST',
      url: path,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: 'List-Unsubscribe=One-Click',
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({ kinds: ['announcements'] });
    expect((await settingsOf(db, job.user_id!, NOW)).modes.announcements).toBe('off');
    // The person is not mailed the next announcement.
    const next = await apps[0]!.inject({
      method: 'POST',
      url,
      headers,
      payload: { title: 'Again', body: 'x' },
    });
    expect(next.statusCode).toBe(201);
    const again = (await listMailJobs(db)).filter(
      (j) => j.kind === NOTIFICATION_MAIL && j.payload.includes('Again'),
    );
    expect(again).toHaveLength(12);
    expect(again.some((j) => j.user_id === job.user_id)).toBe(false);
  });
});
