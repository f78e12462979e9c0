// An instance's start and stop as a balancer sees them: two instances starting together migrate once, a database
// newer than the code is refused (exit 3), and SIGTERM drains (ready 503, in-flight requests finish, exit 0).
import http from 'node:http';
import type { Socket } from 'node:net';
import { join } from 'node:path';
import { readdirSync } from 'node:fs';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDb } from '../../src/storage/db.js';
import { runSeminar, ROOT } from '../cli/run-cli.js';
import { ensureBuilt } from '../support/built-seminar.js';
import { inCi, pgUnavailable } from '../support/dialects.js';
import { makeTempDir, type TempDir } from '../support/temp-dir.js';
import { createPgDatabase, startServe, stopInstance } from './processes.js';

beforeAll(ensureBuilt, 180_000);

const MIGRATIONS = readdirSync(join(ROOT, 'src/storage/migrations')).filter((f) => f.endsWith('.ts')).length;
const pgIt = pgUnavailable && !inCi ? it.skip : it;

let dir: TempDir;
beforeAll(() => {
  dir = makeTempDir('seminar-lifecycle-');
});
afterAll(() => dir.remove());

async function migrationNames(database: Parameters<typeof createDb>[0]): Promise<string[]> {
  const db = createDb(database, { poolSize: 1 });
  try {
    const { rows } = await sql<{ name: string }>`select name from kysely_migration order by name`.execute(db);
    return rows.map((r) => r.name);
  } finally {
    await db.destroy();
  }
}

describe('starting together', () => {
  pgIt(
    'two instances started at once on a new PostgreSQL database migrate it once and both become ready',
    async () => {
      const database = await createPgDatabase();
      const env = { DATABASE_URL: database.url, PORT: '0', DATA_DIR: join(dir.path, 'pg') };
      try {
        const both = await Promise.all([startServe(env), startServe(env)]);
        try {
          for (const instance of both) expect((await fetch(`${instance.url}/api/ready`)).status).toBe(200);
          const names = await migrationNames({ kind: 'postgres', url: database.url });
          expect(names).toHaveLength(MIGRATIONS);
          expect(new Set(names).size).toBe(MIGRATIONS);
        } finally {
          for (const instance of both) expect(await stopInstance(instance)).toBe(0);
        }
      } finally {
        await database.drop();
      }
    },
    90_000,
  );

  it('two `seminar migrate` at once on one new SQLite file both succeed, and only one applies the migrations', async () => {
    const env = { DATA_DIR: join(dir.path, 'sqlite') };
    const runs = await Promise.all([runSeminar(['migrate'], env), runSeminar(['migrate'], env)]);
    expect(runs.map((r) => r.code)).toEqual([0, 0]);
    expect(runs.filter((r) => r.stdout.includes('applied ')).length).toBe(1);
    expect(runs.filter((r) => r.stdout.includes('Database is up to date.')).length).toBe(1);
    const names = await migrationNames({ kind: 'sqlite', file: join(dir.path, 'sqlite', 'seminar.db') });
    expect(names).toHaveLength(MIGRATIONS);
  }, 60_000);
});

describe('a database newer than the code', () => {
  it('is refused by `seminar serve` with a clear message and exit code 3, and by `seminar migrate` alike', async () => {
    const env = { DATA_DIR: join(dir.path, 'newer'), PORT: '0' };
    expect((await runSeminar(['migrate'], env)).code).toBe(0);
    const db = createDb({ kind: 'sqlite', file: join(dir.path, 'newer', 'seminar.db') });
    try {
      await sql`insert into kysely_migration (name, timestamp) values ('2099_01_01_0000_future', '2099-01-01')`.execute(
        db,
      );
    } finally {
      await db.destroy();
    }
    const serve = await runSeminar(['serve'], env);
    expect(serve.code).toBe(3);
    expect(serve.stderr).toContain('the database was upgraded by a newer version of Seminar');
    expect(serve.stderr).toContain('2099_01_01_0000_future');
    expect(serve.stdout).not.toContain('running at');
    const migrate = await runSeminar(['migrate'], env);
    expect(migrate.code).toBe(3);
  }, 60_000);
});

/** A POST whose body arrives in two halves `gapMs` apart: the request is in flight in between. */
function slowPost(url: string, gapMs: number): { sent: Promise<void>; done: Promise<number> } {
  const csrf = 'a'.repeat(32);
  const body = JSON.stringify({ email: 'nobody@example.edu', password: 'not the password' });
  let sent!: () => void;
  const started = new Promise<void>((r) => (sent = r));
  const done = new Promise<number>((resolve, reject) => {
    const req = http.request(`${url}/api/auth/sign-in`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'content-length': Buffer.byteLength(body),
        cookie: `seminar_csrf=${csrf}`,
        'x-csrf-token': csrf,
      },
    });
    req.on('response', (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode ?? 0));
    });
    req.on('error', reject);
    req.write(body.slice(0, 10), () => sent());
    setTimeout(() => req.end(body.slice(10)), gapMs);
  });
  return { sent: started, done };
}

describe('SIGTERM', () => {
  it('drains: ready answers 503 at once, requests in flight finish, responses close their connections, exit 0', async () => {
    const instance = await startServe({ DATA_DIR: join(dir.path, 'drain'), PORT: '0', DRAIN_SECONDS: '1' });
    // A balancer polls readiness, so the instance waits the grace period before closing.
    expect((await fetch(`${instance.url}/api/ready`)).status).toBe(200);
    const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
    const idle = await new Promise<Socket>((resolve) => {
      http.get(`${instance.url}/api/health`, { agent }, (res) => {
        const socket = res.socket;
        res.resume();
        res.on('end', () => resolve(socket));
      });
    });
    const idleClosed = new Promise<void>((resolve) => idle.once('close', () => resolve()));
    const inFlight = slowPost(instance.url, 1500);
    await inFlight.sent;
    instance.child.kill('SIGTERM');
    await new Promise((r) => setTimeout(r, 200));

    const ready = await fetch(`${instance.url}/api/ready`);
    expect(ready.status).toBe(503);
    expect(((await ready.json()) as { error: { code: string } }).error.code).toBe('draining');
    const health = await fetch(`${instance.url}/api/health`);
    expect(health.status).toBe(200);
    expect(health.headers.get('connection')).toBe('close');

    // The sign-in began before the signal and is answered (a wrong password: 401), not cut.
    expect(await inFlight.done).toBe(401);
    await idleClosed;
    expect(await instance.exited).toBe(0);
    expect(instance.output()).toContain('SIGTERM, draining');
    agent.destroy();
  }, 60_000);
});
