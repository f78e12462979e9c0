// Bench: sign-in rate (bounded by the argon2id cost) and authenticated GET p99 at 100 connections, against a real server on SQLite.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { loadConfig } from '../src/config.js';
import { createSeminar, listenSeminar } from '../src/main.js';
import { importSyllabus } from '../src/services/import-syllabus.js';
import { ARGON2_OPTIONS, hashPassword } from '../src/services/auth/passwords.js';
import { createSession } from '../src/services/auth/sessions.js';
import { createUser } from '../src/services/auth/users.js';
import { enrollAs } from '../src/services/enrollment/name-instructor.js';

const PASSWORD = 'bench password 123';
const USERS = 400;

function run(opts: autocannon.Options): Promise<autocannon.Result> {
  return new Promise((resolve, reject) => {
    autocannon(opts, (error, result) => (error ? reject(error) : resolve(result)));
  });
}

export async function benchAuth(): Promise<Record<string, unknown>> {
  const dataDir = mkdtempSync(join(tmpdir(), 'seminar-bench-auth-'));
  const config = loadConfig({ DATA_DIR: dataDir, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'silent' });
  const seminar = await createSeminar(config);
  try {
    const course = await importSyllabus(
      { db: seminar.db },
      {
        source: readFileSync(new URL('../examples/cs598-genai-f24.md', import.meta.url)),
        slug: 'cs598-genai-f24',
        timeZone: 'America/Chicago',
      },
    );
    // Hash cost of one password, measured alone.
    const hashTimes: number[] = [];
    let hash = '';
    for (let i = 0; i < 5; i++) {
      const t = performance.now();
      hash = await hashPassword(PASSWORD);
      hashTimes.push(performance.now() - t);
    }
    const now = new Date();
    const users = [];
    for (let i = 0; i < USERS; i++) {
      const user = await createUser(seminar.db, now, {
        email: `bench${i}@example.edu`,
        name: `Bench ${i}`,
        passwordHash: hash,
      });
      await enrollAs(seminar.db, now, course.stored.id, user.id, 'student');
      users.push(user);
    }
    const { url } = await listenSeminar(seminar);
    const csrf = 'bench-csrf-token-0123456789abcdef';

    // Sign-in: every request a different account and client address (X-Forwarded-For: the app trusts its proxy),
    // so the per-address and per-IP limits (10 and 300 per 15 min) are not what is measured.
    let n = 0;
    const signIn = await run({
      url: `${url}/api/auth/sign-in`,
      connections: 8,
      duration: 8,
      requests: [
        {
          method: 'POST',
          setupRequest: (req) => {
            const i = n++;
            return {
              ...req,
              headers: {
                'content-type': 'application/json',
                cookie: `seminar_csrf=${csrf}`,
                'x-csrf-token': csrf,
                'x-forwarded-for': `10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}`,
              },
              body: JSON.stringify({ email: `bench${i % USERS}@example.edu`, password: PASSWORD }),
            };
          },
        },
      ],
    });

    // Authenticated GETs at 100 connections: the account (session lookup + two small reads) and the course
    // detail as a signed-in student (session + membership + abilities on a cached body).
    const session = await createSession(seminar.db, users[0]!.id, new Date(), {
      ip: null,
      userAgent: 'bench',
    });
    const headers = { cookie: `seminar_session=${session.token}`, 'accept-encoding': 'gzip' };
    const account = await run({ url: `${url}/api/account`, connections: 100, duration: 8, headers });
    const detail = await run({
      url: `${url}/api/courses/cs598-genai-f24`,
      connections: 100,
      duration: 8,
      headers,
    });

    const sorted = [...hashTimes].sort((a, b) => a - b);
    return {
      argon2id: {
        memoryKiB: ARGON2_OPTIONS.memoryCost,
        iterations: ARGON2_OPTIONS.timeCost,
        parallelism: ARGON2_OPTIONS.parallelism,
        hashMsMedian: Number(sorted[2]!.toFixed(1)),
      },
      signIn: {
        connections: 8,
        perSecond: Number(signIn.requests.average.toFixed(1)),
        ok: signIn['2xx'],
        non2xx: signIn.non2xx,
        latencyP50Ms: signIn.latency.p50,
        latencyP99Ms: signIn.latency.p99,
      },
      authenticatedGet: [
        ['/api/account', account],
        ['/api/courses/cs598-genai-f24', detail],
      ].map(([path, r]) => {
        const result = r as autocannon.Result;
        return {
          path,
          connections: 100,
          perSecond: Number(result.requests.average.toFixed(0)),
          latencyP50Ms: result.latency.p50,
          latencyP99Ms: result.latency.p99,
          non2xx: result.non2xx,
          errors: result.errors + result.timeouts,
        };
      }),
      load: (await import('node:os')).loadavg().map((x) => Number(x.toFixed(1))),
    };
  } finally {
    await seminar.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

// Runnable alone: `node --import tsx bench/auth.ts` prints the figures as JSON.
if (process.argv[1] && /bench[\\/]auth\.ts$/.test(process.argv[1])) {
  process.stdout.write(JSON.stringify(await benchAuth(), null, 2) + '\n');
}
