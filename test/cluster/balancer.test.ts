// Two real `seminar serve` processes on one PostgreSQL database behind HAProxy (round robin, no stickiness, health
// check on /api/ready): sessions, re-imports, the role plan, rate limits, live-room events, announcements and a deadline
// burst hold across instances, through a rolling restart (zero failed requests) and a SIGKILL (no acknowledged hand-in
// lost); every mail goes out once though both instances' mail workers run.
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDb, type Db } from '../../src/storage/db.js';
import { migrateToLatest } from '../../src/storage/migrate.js';
import { PASSWORD } from '../http/auth-client.js';
import { ensureBuilt } from '../support/built-seminar.js';
import { inCi, pgUnavailable } from '../support/dialects.js';
import { startSmtpSink, unquote, type SmtpSink } from '../support/smtp-sink.js';
import { openSse } from '../support/sse.js';
import { makeTempDir, type TempDir } from '../support/temp-dir.js';
import { freePort, startHaproxy, type Balancer } from './haproxy.js';
import { createPgDatabase, startServe, stopInstance, type Instance } from './processes.js';
import {
  buildWorld,
  CLASS_DATE,
  handIn,
  reimport,
  SYLLABUS_SLUG,
  WORK_SLUG,
  type Caller,
  type World,
} from './world.js';

const STUDENTS = 16;
const run = pgUnavailable && !inCi ? describe.skip : describe;

run('two instances behind HAProxy on one PostgreSQL database', () => {
  let database: { url: string; drop(): Promise<void> };
  let dir: TempDir;
  let smtp: SmtpSink;
  let db: Db;
  let world: World;
  let ports: number[];
  const instances: Instance[] = [];
  let balancer: Balancer;

  const env = (port: number) => ({
    DATABASE_URL: database.url,
    DATA_DIR: dir.path,
    HOST: '127.0.0.1',
    PORT: String(port),
    SMTP_URL: smtp.url,
    TRUSTED_PROXIES: '127.0.0.1',
    DRAIN_SECONDS: '2',
    PUBLIC_URL: 'http://seminar.test',
  });

  beforeAll(async () => {
    await ensureBuilt();
    if (pgUnavailable) throw new Error(`PostgreSQL is needed (CI=true): ${pgUnavailable}`);
    const t0 = Date.now();
    const step = (name: string) => console.log(`cluster: ${name} at ${Date.now() - t0} ms`);
    database = await createPgDatabase();
    dir = makeTempDir('seminar-cluster-');
    smtp = await startSmtpSink();
    db = createDb({ kind: 'postgres', url: database.url }, { poolSize: 4 });
    await migrateToLatest(db);
    step('migrated');
    world = await buildWorld(db, STUDENTS);
    step('world built');
    ports = [await freePort(), await freePort()];
    instances.push(...(await Promise.all(ports.map((p) => startServe(env(p))))));
    step('instances started');
    balancer = await startHaproxy(dir.path, ports);
    step('balancer up');
  }, 300_000);

  afterAll(async () => {
    await balancer?.stop();
    await Promise.all(instances.map((i) => stopInstance(i, 'SIGKILL')));
    await db?.destroy();
    await smtp?.close();
    await database?.drop();
    dir?.remove();
  }, 60_000);

  const get = (path: string, who?: Caller) =>
    fetch(`${balancer.url}${path}`, { headers: who ? { cookie: who.cookie } : {} });
  const post = (path: string, who: Caller, body: unknown) =>
    fetch(`${balancer.url}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie: who.cookie, 'x-csrf-token': who.csrf },
      body: JSON.stringify(body),
    });
  const visitor: Caller = { cookie: `seminar_csrf=${'v'.repeat(32)}`, csrf: 'v'.repeat(32) };

  it('signs in through one instance, and the session works on both', async () => {
    const res = await post('/api/auth/sign-in', visitor, { email: 'signin@example.edu', password: PASSWORD });
    expect(res.status).toBe(200);
    const cookie = res.headers
      .getSetCookie()
      .map((c) => c.split(';')[0])
      .join('; ');
    const servedBy = new Set<string>();
    for (let i = 0; i < 4; i++) {
      const session = await fetch(`${balancer.url}/api/auth/session`, { headers: { cookie } });
      servedBy.add(session.headers.get('x-served-by') ?? '');
      expect(((await session.json()) as { user: { email: string } | null }).user?.email).toBe(
        'signin@example.edu',
      );
    }
    expect([...servedBy].sort()).toEqual(['a', 'b']);
  });

  it('shares the sign-in rate limit: the 11th wrong password for one address is refused whichever instance answers', async () => {
    const codes: number[] = [];
    const servedBy = new Set<string>();
    for (let i = 0; i < 12; i++) {
      const res = await post('/api/auth/sign-in', visitor, {
        email: 'signin@example.edu',
        password: `wrong ${i}`,
      });
      codes.push(res.status);
      servedBy.add(res.headers.get('x-served-by') ?? '');
    }
    // The successful sign-in above counted as one attempt of the window.
    expect(codes.filter((c) => c === 401).length).toBe(9);
    expect(codes.slice(9)).toEqual([429, 429, 429]);
    expect([...servedBy].sort()).toEqual(['a', 'b']);
  });

  it('serves a re-imported syllabus from both instances at once (their cached copies are dropped)', async () => {
    const titles = async () => {
      const seen: Record<string, string> = {};
      for (let i = 0; i < 4; i++) {
        const res = await get(`/api/courses/${SYLLABUS_SLUG}`);
        seen[res.headers.get('x-served-by') ?? ''] = ((await res.json()) as { title: string }).title;
      }
      return seen;
    };
    const before = await titles();
    expect(Object.keys(before).sort()).toEqual(['a', 'b']);
    await reimport(db, 'Systems for Generative AI, revised');
    expect(await titles()).toEqual({
      a: 'Systems for Generative AI, revised',
      b: 'Systems for Generative AI, revised',
    });
  });

  it('applies one role plan sent to both instances at the same moment once: one 200, one 409', async () => {
    const plan = await post(`/api/courses/${SYLLABUS_SLUG}/assignment/plan`, world.instructor, {});
    expect(plan.status).toBe(200);
    const { planId } = (await plan.json()) as { planId: string };
    const answers = await Promise.all(
      [0, 1].map(() => post(`/api/courses/${SYLLABUS_SLUG}/assignment/apply`, world.instructor, { planId })),
    );
    expect(new Set(answers.map((a) => a.headers.get('x-served-by'))).size).toBe(2);
    expect(answers.map((a) => a.status).sort()).toEqual([200, 409]);
    const { rows } = await sql<{ n: number }>`
      select count(*)::int as n from audit_log where action = 'roles-applied' and target = ${planId}
    `.execute(db);
    expect(rows[0]!.n).toBe(1);
  });

  it('sends a live-room question asked through the balancer to stream clients of both instances', async () => {
    const base = `/api/courses/${WORK_SLUG}/meetings/${CLASS_DATE}/room`;
    // One stream on each instance, opened past the balancer so that both are sure to hold one.
    const streams = await Promise.all(
      instances.map((i) => openSse(`${i.url}${base}/events`, { cookie: world.students[1]!.cookie })),
    );
    expect(streams.map((s) => s.status)).toEqual([200, 200]);
    const text = 'Which of the two instances shows this first?';
    const asked = await post(`${base}/questions`, world.students[0]!, { paperIndex: 0, text });
    expect(asked.status, await asked.clone().text()).toBe(200);
    for (const stream of streams) {
      const first = await stream.next();
      expect(first.event).toBe('question');
      expect(JSON.parse(first.data).question.text).toBe(text);
      stream.close();
    }
  });

  /** Every student hands in questions back to back until `until` resolves; returns every answer. */
  async function burst(until: Promise<unknown>, retry: boolean) {
    let done = false;
    void until.then(() => (done = true));
    const acked: Array<{ id: string; sha256: string }> = [];
    const failed: string[] = [];
    await Promise.all(
      world.students.map(async (s, i) => {
        for (let n = 0; !done; n++) {
          const answer = await handIn(balancer.url, s, `Student ${i}, question ${n}`);
          if ('id' in answer) acked.push(answer);
          else {
            failed.push(`${answer.status} ${'detail' in answer ? answer.detail : ''}`);
            if (!retry) return;
          }
        }
      }),
    );
    return { acked, failed };
  }

  async function storedHashes(): Promise<Map<string, string>> {
    const { rows } = await sql<{ id: string; sha256: string }>`select id, sha256 from submissions`.execute(
      db,
    );
    return new Map(rows.map((r) => [r.id, r.sha256]));
  }

  it('keeps answering through a rolling restart (SIGTERM, start again, one after the other): zero failed requests, each receipt mailed once', async () => {
    const rolling = (async () => {
      await new Promise((r) => setTimeout(r, 500));
      for (const k of [0, 1]) {
        expect(await stopInstance(instances[k]!, 'SIGTERM')).toBe(0);
        await balancer.waitFor(String.fromCharCode(97 + k), 'DOWN');
        instances[k] = await startServe(env(ports[k]!));
        await balancer.waitFor(String.fromCharCode(97 + k), 'UP');
      }
      await new Promise((r) => setTimeout(r, 300));
    })();
    const { acked, failed } = await burst(rolling, false);
    await rolling;
    expect(failed).toEqual([]);
    expect(acked.length).toBeGreaterThan(STUDENTS);
    const stored = await storedHashes();
    for (const a of acked) expect(stored.get(a.id)).toBe(a.sha256);

    // Every hand-in's receipt reaches its student once, though both instances' mail workers send.
    const sent = () => smtp.received.filter((m) => unquote(m.raw).includes('SHA-256:'));
    for (let i = 0; i < 600 && sent().length < acked.length; i++)
      await new Promise((r) => setTimeout(r, 100));
    await new Promise((r) => setTimeout(r, 500));
    const { rows: queue } = await sql<{ state: string; n: number }>`
      select case when sent_at is not null then 'sent' when gave_up_at is not null then 'gave up'
        when claim is not null then 'claimed' else 'waiting' end as state, count(*)::int as n
      from mail_queue group by 1 order by 1
    `.execute(db);
    console.log(`cluster: ${acked.length} acked, ${sent().length} receipts, queue ${JSON.stringify(queue)}`);
    const perHash = new Map<string, number>();
    for (const m of sent()) {
      const hash = /SHA-256: ([0-9a-f]{64})/.exec(unquote(m.raw))![1]!;
      perHash.set(hash, (perHash.get(hash) ?? 0) + 1);
    }
    for (const a of acked) expect(perHash.get(a.sha256), a.sha256).toBe(1);
    expect(sent()).toHaveLength(acked.length);
  }, 120_000);

  it('mails an announcement posted through the balancer to each member once, though both mail workers run', async () => {
    const title = 'Room change for Thursday';
    const res = await post(`/api/courses/${SYLLABUS_SLUG}/announcements`, world.instructor, {
      title,
      body: 'We meet in 1302.',
    });
    expect(res.status).toBe(201);
    const { rows } = await sql<{ n: number }>`
      select count(*)::int as n from mail_queue where kind = 'notification' and payload like ${`%${title}%`}
    `.execute(db);
    const queued = rows[0]!.n;
    expect(queued).toBeGreaterThanOrEqual(10);
    const mails = () => smtp.received.filter((m) => unquote(m.raw).includes(title));
    for (let i = 0; i < 300 && mails().length < queued; i++) await new Promise((r) => setTimeout(r, 100));
    await new Promise((r) => setTimeout(r, 500));
    const to = mails().flatMap((m) => m.to);
    expect(to).toHaveLength(queued);
    expect(new Set(to).size).toBe(queued);
  });

  it('loses no acknowledged hand-in when an instance is killed mid-burst, and the balancer takes it out', async () => {
    const killing = (async () => {
      await new Promise((r) => setTimeout(r, 700));
      await stopInstance(instances[1]!, 'SIGKILL');
      await balancer.waitFor('b', 'DOWN');
      await new Promise((r) => setTimeout(r, 700));
    })();
    const { acked } = await burst(killing, true);
    await killing;
    expect((await balancer.states()).b).toBe('DOWN');
    const stored = await storedHashes();
    for (const a of acked) expect(stored.get(a.id)).toBe(a.sha256);
    // After the balancer took it out, every hand-in goes to the survivor and succeeds.
    const after = await handIn(balancer.url, world.students[0]!, 'after the kill');
    expect(after.status).toBe(201);
  }, 90_000);
});
