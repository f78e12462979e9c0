// The orphan sweep of the local file store: blobs no row names and abandoned uploads go; referenced blobs, fresh blobs and live uploads stay.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { beforeAll, expect, it } from 'vitest';
import { BlobStore } from '../../src/files/blob-store.js';
import { sweepOrphans } from '../../src/services/files/sweep.js';
import { work } from '../../src/storage/repositories/work-tables.js';
import { describeEachDialect } from '../support/dialects.js';

const HOUR = 3_600_000;

describeEachDialect('the orphan sweep of the file store', (get) => {
  let store: BlobStore;
  const put = (content: string, ageMs: number): string => {
    const sha = createHash('sha256').update(content).digest('hex');
    const path = store.pathOf(sha);
    mkdirSync(join(path, '..'), { recursive: true });
    writeFileSync(path, content);
    const at = new Date(Date.now() - ageMs);
    utimesSync(path, at, at);
    return sha;
  };
  const temp = (name: string, ageMs: number): string => {
    const path = join(store.root, 'tmp', name);
    mkdirSync(join(store.root, 'tmp'), { recursive: true });
    writeFileSync(path, 'half an upload');
    const at = new Date(Date.now() - ageMs);
    utimesSync(path, at, at);
    return path;
  };
  const has = (sha: string) => existsSync(store.pathOf(sha));

  let referenced: string;
  let orphan: string;
  let young: string;
  let stale: string;
  let live: string;
  beforeAll(async () => {
    store = new BlobStore(get().config.filesDir);
    referenced = put('a hand-in with its row', 2 * HOUR);
    await work(get().db)
      .insertInto('blobs')
      .values({ sha256: referenced, size: 22, type: 'text/plain', created_at: new Date().toISOString() })
      .execute();
    orphan = put('bytes of an upload killed before its row', 2 * HOUR);
    young = put('a blob written a moment ago, its row not yet committed', 60_000);
    stale = temp('killed-upload.part', 2 * HOUR);
    live = temp('live-upload.part', 1000);
    // Not a blob name: the sweep leaves foreign files alone.
    writeFileSync(join(store.root, 'README'), 'notes of the operator');
  });

  it('lists only the orphan blob and the abandoned upload in a dry run, and removes nothing', async () => {
    const report = await sweepOrphans({ db: get().db }, store, { dryRun: true });
    expect(report.dryRun).toBe(true);
    expect(report.blobs.map((b) => b.sha256)).toEqual([orphan]);
    expect(report.temp.map((t) => t.name)).toEqual(['killed-upload.part']);
    expect(report.kept).toBe(2);
    for (const sha of [referenced, orphan, young]) expect(has(sha)).toBe(true);
    expect(existsSync(stale)).toBe(true);
  });

  it('removes the orphan blob and the abandoned upload, and keeps the referenced blob, the young blob and the live upload', async () => {
    const report = await sweepOrphans({ db: get().db }, store);
    expect(report.blobs.map((b) => b.sha256)).toEqual([orphan]);
    expect(report.bytes).toBe(report.blobs[0]!.size + report.temp[0]!.size);
    expect(has(orphan)).toBe(false);
    expect(existsSync(stale)).toBe(false);
    expect(has(referenced)).toBe(true);
    expect(has(young)).toBe(true);
    expect(existsSync(live)).toBe(true);
    expect(existsSync(join(store.root, 'README'))).toBe(true);
    // A second sweep finds nothing more.
    const again = await sweepOrphans({ db: get().db }, store);
    expect([again.blobs.length, again.temp.length]).toEqual([0, 0]);
  });

  it('keeps an old orphan that a new hand-in of the same content claims before its row commits', async () => {
    const content = 'the same bytes, sent again after a killed upload';
    const old = put(content, 2 * HOUR);
    const received = await store.receive(Readable.from([Buffer.from(content)]), 1024);
    expect(received.sha256).toBe(old);
    await store.commit(received);
    const report = await sweepOrphans({ db: get().db }, store);
    expect(report.blobs.map((b) => b.sha256)).not.toContain(old);
    expect(has(old)).toBe(true);
    expect(readdirSync(join(store.root, 'tmp'))).toEqual(['live-upload.part']);
  });

  it('removes the young orphans once they have aged past the minimum', async () => {
    const later = new Date(Date.now() + HOUR);
    const report = await sweepOrphans({ db: get().db, clock: () => later }, store);
    expect(report.blobs.map((b) => b.sha256).sort()).toEqual(
      [
        young,
        createHash('sha256').update('the same bytes, sent again after a killed upload').digest('hex'),
      ].sort(),
    );
    expect(has(referenced)).toBe(true);
  });
});
