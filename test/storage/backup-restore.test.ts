// Backup and restore on both dialects, and across them: a course with text and file hand-ins is archived while the app
// serves, restored into a fresh database and folder, and every API read and every blob's hash match; a target that
// already holds data is refused; a damaged archive is refused.
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { backup, restore, type Manifest } from '../../src/backup/archive.js';
import { BlobStore } from '../../src/files/blob-store.js';
import { buildApp } from '../../src/http/app.js';
import { countRows } from '../../src/storage/dump.js';
import {
  createTestDatabase,
  describeEachDialect,
  pgUnavailable,
  type TestDatabase,
} from '../support/dialects.js';
import { makeTempDir } from '../support/temp-dir.js';
import { makePdf } from '../files/build.js';
import { buildWorkWorld, multipart, signInWorld, SLUG, type WorkWorld } from '../http/work-helpers.js';

const NOW = new Date('2024-08-27T12:00:00Z');
const api = `/api/courses/${SLUG}`;
const READS = [
  ['ada', `${api}`],
  ['ada', `${api}/dashboard`],
  ['ben', `${api}/deliverables`],
  ['ta', `${api}/deliverables/question/status`],
  ['ta', `${api}/deliverables/slides/status`],
  ['prof', `${api}/meetings/2024-08-28/dashboard`],
] as const;

async function reads(app: FastifyInstance, world: WorkWorld, receiptIds: string[]) {
  const clients = await signInWorld(app, world);
  const out: Record<string, unknown> = {};
  for (const [who, url] of READS) {
    const res = await clients[who]!.get(url);
    expect(res.statusCode, url).toBe(200);
    out[`${who} ${url}`] = res.json();
  }
  for (const id of receiptIds) {
    const dl = await clients.prof!.get(`${api}/submissions/${id}/download`);
    expect(dl.statusCode).toBe(200);
    out[`download ${id}`] = createHash('sha256').update(dl.rawPayload).digest('hex');
  }
  return out;
}

async function blobHashes(root: string): Promise<string[]> {
  const store = new BlobStore(root);
  const out: string[] = [];
  for await (const b of store.listBlobs())
    out.push(
      `${b.sha256}=${createHash('sha256')
        .update(await store.read(b.sha256))
        .digest('hex')}`,
    );
  return out.sort();
}

describeEachDialect('backup and restore', (get, dialect) => {
  const temp = makeTempDir('seminar-backup-test-');
  const archive = join(temp.path, 'course.zip');
  let world: WorkWorld;
  let before: Record<string, unknown>;
  let ids: string[] = [];
  let manifest: Manifest;
  const targets: Array<TestDatabase & { drop(): Promise<void> }> = [];

  beforeAll(async () => {
    const { config, db } = get();
    world = await buildWorkWorld(db, NOW);
    const app = await buildApp({ config, db, clock: () => NOW });
    await app.ready();
    const clients = await signInWorld(app, world);
    for (const [who, text] of [
      ['ada', 'Why attention?'],
      ['ben', 'Why “quadratic”? ünïcode'],
    ] as const) {
      const res = await clients[who]!.post(`${api}/submissions`, {
        deliverableKey: 'question',
        meetingDate: '2024-08-28',
        readingIndex: 0,
        text,
        acknowledgePolicy: true,
      });
      expect(res.statusCode).toBe(201);
      ids.push(res.json().id);
    }
    const slides = await clients.ada!.request({
      method: 'POST',
      url: `${api}/submissions/upload?deliverableKey=slides&meetingDate=2024-08-28&acknowledgePolicy=true`,
      ...multipart('talk.pdf', await makePdf(2)),
    });
    expect(slides.statusCode).toBe(201);
    ids = [...ids, slides.json().id];
    // Archived while the app still serves.
    manifest = await backup({ db, files: new BlobStore(config.filesDir), now: NOW }, archive);
    before = await reads(app, world, ids);
    await app.close();
  });
  afterAll(async () => {
    for (const t of targets) await t.drop();
    temp.remove();
  });

  const restoreInto = async (into: 'sqlite' | 'postgres') => {
    const target = await createTestDatabase(into);
    targets.push(target);
    const report = await restore({ db: target.db, files: new BlobStore(target.config.filesDir) }, archive);
    expect(report.blobs).toBe(1);
    const app = await buildApp({ config: target.config, db: target.db, clock: () => NOW });
    await app.ready();
    const after = await reads(app, world, ids);
    await app.close();
    expect(after).toEqual(before);
    expect(await blobHashes(target.config.filesDir)).toEqual(await blobHashes(get().config.filesDir));
    return target;
  };

  it('writes every table with its row count and sum, and the file blob', async () => {
    expect(manifest.source).toBe(dialect);
    expect(manifest.blobs).toHaveLength(1);
    const counts = await countRows(get().db);
    for (const t of manifest.tables) expect(counts[t.name], t.name).toBeGreaterThanOrEqual(t.rows);
    expect(manifest.tables.find((t) => t.name === 'submissions')?.rows).toBe(3);
    expect(manifest.tables.findIndex((t) => t.name === 'courses')).toBeLessThan(
      manifest.tables.findIndex((t) => t.name === 'submissions'),
    );
  });

  it(`restores into a fresh ${dialect} database: every read and every blob hash match`, async () => {
    const target = await restoreInto(dialect);
    await expect(
      restore({ db: target.db, files: new BlobStore(target.config.filesDir) }, archive),
    ).rejects.toThrow(/not empty/);
  });

  it.runIf(pgUnavailable === null)(
    `restores the ${dialect} archive into ${dialect === 'sqlite' ? 'PostgreSQL' : 'SQLite'}`,
    async () => {
      await restoreInto(dialect === 'sqlite' ? 'postgres' : 'sqlite');
    },
  );

  it('refuses a damaged archive and writes nothing', async () => {
    const bytes = readFileSync(archive);
    const damaged = join(temp.path, 'damaged.zip');
    // The slides are stored uncompressed: one byte of the PDF changed.
    const at = bytes.indexOf(Buffer.from('%PDF-'));
    expect(at).toBeGreaterThan(0);
    bytes[at + 40] = bytes[at + 40]! ^ 0xff;
    writeFileSync(damaged, bytes);
    const target = await createTestDatabase(dialect);
    targets.push(target);
    await expect(
      restore({ db: target.db, files: new BlobStore(target.config.filesDir) }, damaged),
    ).rejects.toThrow(/damaged/);
    const counts = await countRows(target.db);
    expect(Object.values(counts).reduce((a, b) => a + b, 0)).toBe(0);
    expect(await blobHashes(target.config.filesDir)).toEqual([]);
  });
});
