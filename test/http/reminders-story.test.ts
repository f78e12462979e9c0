// Deadline reminders across the semester on SQLite and PostgreSQL: only those who owe the work and have not handed
// it in are reminded, once per (person, occasion); a re-published role plan changes who is reminded; a student
// who joins late is reminded of nothing from before; two worker processes at once send each reminder once.
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../src/http/app.js';
import { editRole } from '../../src/services/assignment/edit-roles.js';
import { courseAccess } from '../../src/services/enrollment/course-access.js';
import { NOTIFICATION_MAIL } from '../../src/services/notifications/notify.js';
import { runReminders } from '../../src/services/notifications/reminders.js';
import { saveSettings } from '../../src/services/notifications/settings.js';
import { listMailJobs } from '../../src/storage/repositories/mail-queue.js';
import { makePerson, type TestClient } from './auth-client.js';
import { buildWorkWorld, signInWorld, SLUG, type WorkWorld } from './work-helpers.js';
import { describeEachDialect } from '../support/dialects.js';
import { runTwice } from '../support/notify-processes.js';
import { startSmtpSink, unquote } from '../support/smtp-sink.js';

const T0 = new Date('2024-08-20T12:00:00Z');

/** Worker processes start slowly on a busy machine. */
const SLOW = 240_000;

describeEachDialect('deadline reminders', (get) => {
  let app: FastifyInstance;
  let world: WorkWorld;
  let now = T0;
  let clients: Record<string, TestClient> = {};
  let eve = '';
  const api = `/api/courses/${SLUG}`;
  const names = new Map<string, string>();

  beforeAll(async () => {
    const { config, db } = get();
    world = await buildWorkWorld(db, T0);
    for (const [name, id] of Object.entries(world.ids)) names.set(id, name);
    app = await buildApp({ config, db, clock: () => now });
    await app.ready();
    clients = await signInWorld(app, world);
    // Staff publish the roles: Alpha (Ada, Ben) presents on Aug 28, Beta (Cat) writes its summary.
    const res = await clients.prof!.post(`${api}/assignment/publish`, { published: true });
    expect(res.statusCode, res.body).toBe(200);
  });
  afterAll(async () => {
    await app?.close();
  });

  /** The reminders queued so far, as "name: subject" lines (by job id). */
  async function reminderJobs(): Promise<Map<string, string>> {
    return new Map(
      (await listMailJobs(get().db))
        .filter((j) => j.kind === NOTIFICATION_MAIL && JSON.parse(j.payload).kind === 'reminders')
        .map((j) => [j.id, `${names.get(j.user_id!)}: ${JSON.parse(j.payload).subject as string}`]),
    );
  }
  async function reminders(): Promise<string[]> {
    return [...(await reminderJobs()).values()];
  }
  /** Runs the reminder job at `iso` and answers what it queued (the clock may go back: jobs are told apart by id). */
  async function runAt(iso: string): Promise<string[]> {
    const before = await reminderJobs();
    now = new Date(iso);
    await runReminders({ db: get().db, clock: () => now, publicUrl: 'http://seminar.test' });
    return [...(await reminderJobs()).entries()]
      .filter(([id]) => !before.has(id))
      .map(([, line]) => line)
      .sort();
  }

  it('reminds the presenting group of its slides 48 h before the class, once however often it runs', async () => {
    expect(await runAt('2024-08-26T14:00:00Z')).toEqual([]);
    // Aug 28, 9:30 in Chicago is 14:30 UTC: 48 h before is Aug 26, 14:30 UTC.
    const sent = await runAt('2024-08-26T14:40:00Z');
    expect(sent).toEqual([
      'ada: Systems for Generative AI: Presentation slides for the class of Wed Aug 28 is due Tue Aug 27, 09:30 (America/Chicago)',
      'ben: Systems for Generative AI: Presentation slides for the class of Wed Aug 28 is due Tue Aug 27, 09:30 (America/Chicago)',
    ]);
    expect(await runAt('2024-08-26T14:41:00Z')).toEqual([]);
    expect(await runAt('2024-08-26T16:00:00Z')).toEqual([]);
  });

  it('reminds the groups staff last published: an edit alone changes nothing, the publish does', async () => {
    const { db } = get();
    const staff = await courseAccess(db, SLUG, { userId: world.ids.prof, isAdmin: false });
    const deps = { db, clock: () => now };
    const meetingId = world.meetingId('2024-08-28');
    await editRole(deps, staff, { meetingId, groupId: world.groups.beta, role: 'presenter', confirm: true });
    await editRole(deps, staff, {
      meetingId,
      groupId: world.groups.alpha,
      role: 'summarizer',
      confirm: true,
    });
    expect(await runAt('2024-08-26T17:00:00Z')).toEqual([]);
    const res = await clients.prof!.post(`${api}/assignment/publish`, { published: true });
    expect(res.statusCode, res.body).toBe(200);
    const sent = await runAt('2024-08-26T17:05:00Z');
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatch(/^cat: .*Presentation slides for the class of Wed Aug 28/);
  });

  it(
    'sends the 26 h slides reminder from two worker processes at once, once, to the group in force',
    async () => {
      const before = await reminderJobs();
      now = new Date('2024-08-27T12:40:00Z');
      const counts = await runTwice(get().config, 'reminders', now);
      expect(counts.reduce((a, b) => a + b, 0)).toBe(1);
      const sent = [...(await reminderJobs()).entries()].filter(([id]) => !before.has(id)).map(([, l]) => l);
      expect(sent).toHaveLength(1);
      expect(sent[0]).toMatch(/^cat: .*Presentation slides for the class of Wed Aug 28/);
    },
    SLOW,
  );

  it('reminds of questions the evening before (18:00 in Chicago) only those who have not handed them in', async () => {
    now = new Date('2024-08-27T20:00:00Z');
    for (const readingIndex of [0]) {
      const res = await clients.ben!.post(`${api}/submissions`, {
        deliverableKey: 'question',
        meetingDate: '2024-08-28',
        readingIndex,
        text: `Ben asks about reading ${readingIndex + 1}.`,
        acknowledgePolicy: true,
      });
      expect(res.statusCode, res.body).toBe(201);
    }
    expect(await runAt('2024-08-27T22:59:00Z')).toEqual([]);
    const sent = await runAt('2024-08-27T23:01:00Z');
    const who = sent
      .filter((l) => l.includes('Question for the class of Wed Aug 28'))
      .map((l) => l.split(':')[0]);
    expect(who).toContain('dan');
    expect(who).not.toContain('ben');
    expect(sent.every((l) => l.includes('is due Wed Aug 28, 09:30 (America/Chicago)'))).toBe(true);
  });

  it('respects a person who turned reminders off', async () => {
    expect((await reminders()).some((l) => l.startsWith('ada:') && l.includes('Summary'))).toBe(false);
    await saveSettings(get().db, world.ids.ben, now, { modes: { reminders: 'off' } });
    // The summary of Aug 28 (now Alpha's) is due 24 h after the class ends (Aug 29, 10:45 in Chicago): 2 h before.
    const sent = await runAt('2024-08-29T14:00:00Z');
    expect(sent).toEqual([
      'ada: Systems for Generative AI: Lecture summary for the class of Wed Aug 28 is due Thu Aug 29, 10:45 (America/Chicago)',
    ]);
  });

  it('moves the reminders of a student with an extension along with the deadline', async () => {
    now = new Date('2024-08-30T12:00:00Z');
    // Dan's questions for Sep 4 (due 09:30 in Chicago) are due two days later, Sep 6 at 09:30.
    const res = await clients.prof!.post(`${api}/deliverables/question/extensions`, {
      meetingDate: '2024-09-04',
      target: { kind: 'student', userId: world.ids.dan },
      dueAt: '2024-09-06T14:30:00.000Z',
    });
    expect(res.statusCode, res.body).toBe(201);
    // The evening before Sep 4 (18:00 in Chicago): everyone else, not Dan.
    const eve = await runAt('2024-09-03T23:05:00Z');
    const sep4 = eve.filter((l) => l.includes('Question for the class of Wed Sep 4'));
    expect(sep4.map((l) => l.split(':')[0])).toEqual(['ada', 'cat']);
    // The evening before his own deadline: Dan, with his deadline.
    const his = await runAt('2024-09-05T23:05:00Z');
    expect(his).toEqual([
      'dan: Systems for Generative AI: Question for the class of Wed Sep 4 is due Fri Sep 6, 09:30 (America/Chicago)',
    ]);
  });

  it('reminds a student who joined late of nothing due before they joined, and of what is due after', async () => {
    const { db } = get();
    now = new Date('2024-08-29T20:00:00Z');
    eve = (
      await makePerson(db, now, 'eve@example.edu', { courseId: world.courseId, role: 'student', name: 'Eve' })
    ).id;
    names.set(eve, 'eve');
    // Through the rest of the semester, every twelve hours.
    const sent: string[] = [];
    for (let t = now.getTime(); t <= Date.parse('2024-09-30T00:00:00Z'); t += 12 * 3_600_000)
      sent.push(...(await runAt(new Date(t).toISOString())));
    const eves = sent.filter((l) => l.startsWith('eve:'));
    expect(eves.some((l) => l.includes('Question for the class of Wed Sep 4'))).toBe(true);
    expect(eves.some((l) => /Aug (2[0-9])/.test(l))).toBe(false);
    // The proposal is reminded of twice (3 days and 1 day before), once each; Ben turned reminders off.
    const proposal = (await reminders()).filter((l) => l.includes('Project proposal'));
    expect(proposal.filter((l) => l.startsWith('ada:'))).toHaveLength(2);
    expect(proposal.filter((l) => l.startsWith('ben:'))).toHaveLength(0);
  }, 180_000);

  it(
    'delivers the queued reminders through SMTP from two worker processes, each once, with one-click unsubscribe',
    async () => {
      const sink = await startSmtpSink();
      try {
        const jobs = (await listMailJobs(get().db)).filter(
          (j) => j.sent_at === null && j.kind === NOTIFICATION_MAIL,
        );
        await runTwice(get().config, 'drain', now, { SMTP_URL: sink.url });
        expect(sink.received).toHaveLength(jobs.length);
        // Per person, as many messages as jobs: none twice, none missing.
        const tally = (list: string[]) =>
          Object.fromEntries([...new Set(list)].sort().map((k) => [k, list.filter((x) => x === k).length]));
        expect(tally(sink.received.flatMap((m) => m.to))).toEqual(
          tally(jobs.map((j) => `${names.get(j.user_id!)}@example.edu`)),
        );
        const reminder = sink.received.map((m) => unquote(m.raw)).find((r) => r.includes('A reminder'))!;
        expect(reminder).toMatch(
          /^List-Unsubscribe:\s+<http:\/\/seminar\.test\/api\/unsubscribe\/[^>]+\.reminders\./m,
        );
        expect(reminder).toMatch(/^List-Unsubscribe-Post: List-Unsubscribe=One-Click/m);
      } finally {
        await sink.close();
      }
    },
    SLOW,
  );
});
