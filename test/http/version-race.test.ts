// One student's versions of the same question sent at once, to two app instances on one database (PostgreSQL) or to one (SQLite): every version is kept, numbered without clashes, none answers 500.
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../src/http/app.js';
import { createDb, type Db } from '../../src/storage/db.js';
import { listSubmissions } from '../../src/storage/repositories/work.js';
import { describeEachDialect } from '../support/dialects.js';
import { TestClient } from './auth-client.js';
import { makePdf } from '../files/build.js';
import { buildWorkWorld, multipart, SLUG, type WorkWorld } from './work-helpers.js';

const NOW = new Date('2024-08-27T12:00:00Z'); // questions for Aug 28 are open

describeEachDialect('versions of one hand-in sent at once', (get) => {
  const apps: FastifyInstance[] = [];
  let secondDb: Db | null = null;
  let world: WorkWorld;
  const clients: TestClient[] = [];
  const api = `/api/courses/${SLUG}`;

  beforeAll(async () => {
    const { config, db } = get();
    world = await buildWorkWorld(db, NOW);
    apps.push(await buildApp({ config, db, clock: () => NOW }));
    // A second instance with a handle of its own, as two servers on one database (on SQLite: a
    // second connection to the same file, as the CLI beside the server).
    secondDb = createDb(config.database, { poolSize: 4 });
    apps.push(await buildApp({ config, db: secondDb, clock: () => NOW }));
    for (const app of apps) await app.ready();
    const first = new TestClient(apps[0]!, '198.51.100.10');
    expect((await first.signIn('ada@example.edu')).statusCode).toBe(200);
    clients.push(first);
    for (const app of apps.slice(1)) {
      const other = new TestClient(app, '198.51.100.10');
      for (const [k, v] of first.cookies) other.cookies.set(k, v);
      clients.push(other);
    }
  });
  afterAll(async () => {
    for (const app of apps) await app.close();
    await secondDb?.destroy();
  });

  const send = (client: TestClient, text: string, readingIndex = 0) =>
    client.post(`${api}/submissions`, {
      deliverableKey: 'question',
      meetingDate: '2024-08-28',
      readingIndex,
      text,
      acknowledgePolicy: true,
    });

  it('keeps every one of ten versions sent together, numbered 1 to 10, and answers each with its receipt', async () => {
    const texts = Array.from({ length: 10 }, (_, i) => `Version ${i + 1}: why does attention scale?`);
    const answers = await Promise.all(texts.map((t, i) => send(clients[i % clients.length]!, t)));
    expect(answers.map((a) => a.statusCode)).toEqual(texts.map(() => 201));
    const rows = (
      await listSubmissions(get().db, { courseId: world.courseId, deliverableKey: 'question' })
    ).filter((r) => r.reading_index === 0 && r.owner === `u:${world.ids.ada}`);
    expect(rows.map((r) => r.version).sort((a, b) => a - b)).toEqual(texts.map((_, i) => i + 1));
    expect(new Set(rows.map((r) => r.text))).toEqual(new Set(texts));
    // Every acknowledged receipt names a stored version.
    const ids = new Set(rows.map((r) => r.id));
    for (const a of answers) expect(ids.has(a.json().id)).toBe(true);
  });

  it('keeps numbering gapless through a second, larger burst on top of the first', async () => {
    const answers = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        send(clients[i % clients.length]!, `Burst two, ${i}: what limits the context?`),
      ),
    );
    expect(answers.map((a) => a.statusCode)).toEqual(answers.map(() => 201));
    const rows = (
      await listSubmissions(get().db, { courseId: world.courseId, deliverableKey: 'question' })
    ).filter((r) => r.owner === `u:${world.ids.ada}`);
    expect(rows.map((r) => r.version).sort((a, b) => a - b)).toEqual(
      Array.from({ length: 30 }, (_, i) => i + 1),
    );
  });

  it('keeps every version of one file uploaded at once (the same bytes each time), and the file once', async () => {
    const pdf = await makePdf(2);
    const answers = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        clients[i % clients.length]!.request({
          method: 'POST',
          url: `${api}/submissions/upload?deliverableKey=proposal&acknowledgePolicy=true`,
          ...multipart('proposal.pdf', pdf),
        }),
      ),
    );
    expect(answers.map((a) => a.statusCode)).toEqual(answers.map(() => 201));
    const rows = await listSubmissions(get().db, { courseId: world.courseId, deliverableKey: 'proposal' });
    expect(rows.map((r) => r.version).sort((a, b) => a - b)).toEqual(
      Array.from({ length: 10 }, (_, i) => i + 1),
    );
    expect(new Set(rows.map((r) => r.sha256)).size).toBe(1);
    for (const a of answers) {
      const download = await clients[0]!.get(`${api}/submissions/${a.json().id}/download`);
      expect(download.statusCode).toBe(200);
      expect(download.rawPayload.equals(pdf)).toBe(true);
    }
  });
});
