// Bench of discussions: a thread of 500 posts read through the API (server time), and search over 50 000 posts
// (p95 over 200 queries), on SQLite and, when SEMINAR_TEST_PG_URL answers, on PostgreSQL in a schema of its own.
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import pg from 'pg';
import { ulid } from 'ulid';
import { loadConfig } from '../src/config.js';
import { mulberry32 } from '../src/domain/group-formation.js';
import { buildApp } from '../src/http/app.js';
import { createSession } from '../src/services/auth/sessions.js';
import { createUser } from '../src/services/auth/users.js';
import { enrollAs } from '../src/services/enrollment/name-instructor.js';
import { importSyllabus } from '../src/services/import-syllabus.js';
import { createDb, type Db } from '../src/storage/db.js';
import { migrateToLatest } from '../src/storage/migrate.js';
import { talk } from '../src/storage/repositories/discussion-tables.js';
import type { DiscussionPostRow } from '../src/storage/repositories/discussion-tables.js';

const NOW = new Date('2024-10-01T15:00:00Z');
const SLUG = 'cs598-genai-f24';
const WORDS = (
  'attention transformer scaling retrieval alignment reward diffusion token context window latency memory ' +
  'sparse mixture expert distillation quantization benchmark dataset evaluation prompt chain reasoning agent ' +
  'tool planning safety robustness bias fairness privacy federated gradient optimizer schedule warmup batch ' +
  'kernel cache speculative decoding beam sampling temperature logits embedding vector index graph summary'
).split(' ');

const pct = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))]!;
const ms = (x: number) => Math.round(x * 100) / 100;

/** A vocabulary of 4 000 made-up words after the 64 topical ones, drawn by Zipf's law as natural text is. */
const VOCABULARY = [
  ...WORDS,
  ...Array.from({ length: 4000 }, (_, i) => `w${i.toString(36)}x${((i * 7919) % 997).toString(36)}`),
];
const ZIPF = (() => {
  const weights = VOCABULARY.map((_, i) => 1 / (i + 10));
  const total = weights.reduce((a, b) => a + b, 0);
  let acc = 0;
  return weights.map((w) => (acc += w / total));
})();

function word(rng: () => number): string {
  const r = rng();
  let lo = 0;
  let hi = ZIPF.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (ZIPF[mid]! < r) lo = mid + 1;
    else hi = mid;
  }
  return VOCABULARY[lo]!;
}

function text(rng: () => number, words: number): string {
  return Array.from({ length: words }, () => word(rng)).join(' ');
}

async function world(db: Db) {
  await migrateToLatest(db);
  const course = (
    await importSyllabus(
      { db, clock: () => NOW },
      {
        source: readFileSync(new URL('../examples/cs598-genai-f24.md', import.meta.url)),
        slug: SLUG,
        timeZone: 'America/Chicago',
      },
    )
  ).stored;
  const students: string[] = [];
  for (let i = 0; i < 40; i++) {
    const u = await createUser(db, NOW, {
      email: `b${i}@example.edu`,
      name: `Bench ${i}`,
      passwordHash: null,
      isAdmin: false,
    });
    await enrollAs(db, NOW, course.id, u.id, 'student');
    students.push(u.id);
  }
  return { courseId: course.id, students };
}

/** Threads of `perThread` posts each (replies to a random earlier post), written in batches. */
async function fill(
  db: Db,
  courseId: string,
  students: string[],
  threads: number,
  perThread: number,
  seed: number,
) {
  const rng = mulberry32(seed);
  const ids: string[] = [];
  let t0 = NOW.getTime() - 30 * 86_400_000;
  for (let t = 0; t < threads; t++) {
    const threadId = ulid(t0);
    const posts: DiscussionPostRow[] = [];
    for (let p = 0; p < perThread; p++) {
      t0 += 1000;
      const id = ulid(t0);
      posts.push({
        id,
        thread_id: threadId,
        course_id: courseId,
        parent_id: p === 0 ? null : posts[Math.floor(rng() * p)]!.id,
        author_id: students[Math.floor(rng() * students.length)]!,
        title: p === 0 ? `Question about ${text(rng, 4)}` : null,
        body: `${text(rng, 25)}\n\n- ${text(rng, 6)}\n- **${text(rng, 3)}**\n\n\`${text(rng, 2)}\``,
        anonymous: rng() < 0.1 ? 1 : 0,
        private: rng() < 0.05 ? 1 : 0,
        private_owner_id: null,
        hidden: 0,
        endorsed: 0,
        created_at: new Date(t0).toISOString(),
        edited_at: null,
        deleted_at: null,
      });
      if (posts[p]!.private) posts[p]!.private_owner_id = posts[p]!.author_id;
    }
    await db.transaction().execute(async (trx) => {
      await talk(trx)
        .insertInto('discussion_threads')
        .values({
          id: threadId,
          course_id: courseId,
          kind: 'question',
          meeting_id: null,
          category: 'papers',
          summary_submission_id: null,
          opening_post_id: posts[0]!.id,
          author_id: posts[0]!.author_id,
          pinned: 0,
          closed: 0,
          resolved: 0,
          accepted_post_id: null,
          created_at: posts[0]!.created_at,
          last_post_at: posts.at(-1)!.created_at,
        })
        .execute();
      for (let i = 0; i < posts.length; i += 200)
        await talk(trx)
          .insertInto('discussion_posts')
          .values(posts.slice(i, i + 200))
          .execute();
    });
    ids.push(threadId);
  }
  return ids;
}

async function measure(db: Db, config: ReturnType<typeof loadConfig>) {
  const { courseId, students } = await world(db);
  const [big] = await fill(db, courseId, students, 1, 500, 1);
  const app = await buildApp({ config, db, clock: () => NOW });
  await app.ready();
  const session = await createSession(db, students[0]!, NOW, { ip: null, userAgent: 'bench' });
  const headers = { cookie: `seminar_session=${session.token}; seminar_csrf=${session.csrfToken}` };
  const threadTimes: number[] = [];
  const cold = performance.now();
  const first = await app.inject({ url: `/api/courses/${SLUG}/discussions/${big}`, headers });
  const coldMs = performance.now() - cold;
  if (first.statusCode !== 200) throw new Error(`thread read answered ${first.statusCode}`);
  for (let i = 0; i < 25; i++) {
    const start = performance.now();
    const res = await app.inject({ url: `/api/courses/${SLUG}/discussions/${big}`, headers });
    threadTimes.push(performance.now() - start);
    if (res.statusCode !== 200) throw new Error(`thread read answered ${res.statusCode}`);
  }
  await fill(db, courseId, students, 199, 250, 2); // 500 + 49 750 = 50 250 posts
  const rng = mulberry32(3);
  const searchTimes: number[] = [];
  let hits = 0;
  for (let i = 0; i < 200; i++) {
    // A topical word, or two words as people type them (drawn from the text's own distribution).
    const q = rng() < 0.5 ? WORDS[Math.floor(rng() * WORDS.length)]! : `${word(rng)} ${word(rng)}`;
    const start = performance.now();
    const res = await app.inject({
      url: `/api/courses/${SLUG}/discussions/search?q=${encodeURIComponent(q)}`,
      headers,
    });
    searchTimes.push(performance.now() - start);
    if (res.statusCode !== 200) throw new Error(`search answered ${res.statusCode}`);
    hits += (res.json() as { results: unknown[] }).results.length;
  }
  await app.close();
  threadTimes.sort((a, b) => a - b);
  searchTimes.sort((a, b) => a - b);
  return {
    thread500: {
      firstReadMs: ms(coldMs),
      medianMs: ms(pct(threadTimes, 0.5)),
      p95Ms: ms(pct(threadTimes, 0.95)),
      budgetMs: 300,
    },
    search50k: {
      posts: 50_250,
      p50Ms: ms(pct(searchTimes, 0.5)),
      p95Ms: ms(pct(searchTimes, 0.95)),
      budgetP95Ms: 50,
      meanHits: hits / 200,
    },
  };
}

export async function benchDiscussions(): Promise<Record<string, unknown>> {
  const base = loadConfig();
  const dir = mkdtempSync(join(tmpdir(), 'seminar-bench-disc-'));
  const out: Record<string, unknown> = {};
  try {
    const config = {
      ...base,
      dataDir: dir,
      filesDir: join(dir, 'files'),
      database: { kind: 'sqlite' as const, file: join(dir, 'db.sqlite') },
    };
    const db = createDb(config.database);
    try {
      out.sqlite = await measure(db, config);
    } finally {
      await db.destroy();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  const url = base.testPgUrl;
  if (url) {
    const schema = `bench_disc_${randomBytes(4).toString('hex')}`;
    const admin = new pg.Client({ connectionString: url });
    try {
      await admin.connect();
      await admin.query(`create schema ${schema}`);
      const database = {
        kind: 'postgres' as const,
        url: `${url}${url.includes('?') ? '&' : '?'}options=-c%20search_path%3D${schema}`,
      };
      const db = createDb(database);
      try {
        out.postgres = await measure(db, { ...base, database });
      } finally {
        await db.destroy();
      }
    } catch (error) {
      out.postgres = { error: error instanceof Error ? error.message : String(error) };
    } finally {
      await admin.query(`drop schema if exists ${schema} cascade`).catch(() => {});
      await admin.end().catch(() => {});
    }
  }
  return out;
}
