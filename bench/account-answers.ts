// Bench: median answer time of password-reset and join-by-e-mail requests for a known versus an unknown address
// (they must not tell the two apart), against a real app on SQLite through inject (no network noise).
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '../src/config.js';
import { createSeminar } from '../src/main.js';
import { importSyllabus } from '../src/services/import-syllabus.js';
import { newToken } from '../src/services/auth/tokens.js';
import { createUser } from '../src/services/auth/users.js';
import { insertJoinLink } from '../src/storage/repositories/join-links.js';

const ROUNDS = 200;
const CSRF = 'bench-csrf-token-0123456789abcdef';

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return Number(s[Math.floor(s.length / 2)]!.toFixed(3));
}

export async function benchAccountAnswers(): Promise<Record<string, unknown>> {
  const dataDir = mkdtempSync(join(tmpdir(), 'seminar-bench-answers-'));
  const config = loadConfig({ DATA_DIR: dataDir, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'silent' });
  // No worker: the figure is the answer the person waits for; the mail goes out afterwards.
  const seminar = await createSeminar(config, { mailQueue: false });
  try {
    const course = await importSyllabus(
      { db: seminar.db },
      {
        source: readFileSync(new URL('../examples/cs598-genai-f24.md', import.meta.url)),
        slug: 'cs598-genai-f24',
        timeZone: 'America/Chicago',
      },
    );
    const now = new Date();
    const users = [];
    for (let i = 0; i < ROUNDS; i++) {
      const user = await createUser(seminar.db, now, {
        email: `known${i}@example.edu`,
        name: `Known ${i}`,
        passwordHash: 'not-a-real-hash',
      });
      users.push(user);
    }
    const { token, hash } = newToken();
    await insertJoinLink(seminar.db, {
      id: 'bench-join-link',
      course_id: course.stored.id,
      token_hash: hash,
      role: 'student',
      created_by: users[0]!.id,
      created_at: now.toISOString(),
      expires_at: new Date(now.getTime() + 86_400_000).toISOString(),
      revoked_at: null,
      uses: 0,
    });
    let ip = 0;
    const time = async (url: string, body: Record<string, string>): Promise<number> => {
      const n = ip++;
      const t = performance.now();
      const res = await seminar.app.inject({
        method: 'POST',
        url,
        remoteAddress: `10.9.${(n >> 8) & 255}.${n & 255}`,
        headers: { cookie: `seminar_csrf=${CSRF}`, 'x-csrf-token': CSRF },
        payload: body,
      });
      const ms = performance.now() - t;
      if (res.statusCode !== 202) throw new Error(`${url} answered ${res.statusCode}: ${res.body}`);
      return ms;
    };
    const figures: Record<string, unknown> = {};
    for (const [name, url, body] of [
      ['passwordReset', '/api/auth/password-reset', (email: string) => ({ email })],
      ['joinRequest', '/api/join/request', (email: string) => ({ token, email, name: 'Bench Person' })],
    ] as const) {
      const known: number[] = [];
      const unknown: number[] = [];
      // Interleaved, so drift in the machine's load touches both alike.
      for (let i = 0; i < ROUNDS; i++) {
        known.push(await time(url, body(`known${i}@example.edu`)));
        unknown.push(await time(url, body(`${name}-unknown${i}@example.edu`)));
      }
      figures[name] = { rounds: ROUNDS, knownMedianMs: median(known), unknownMedianMs: median(unknown) };
    }
    return figures;
  } finally {
    await seminar.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}
