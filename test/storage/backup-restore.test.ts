// Backup and restore on both dialects, and across them: a course with text and file hand-ins is archived while the app
// serves, restored into a fresh database and folder, and every API read and every blob's hash match; a target that
// already holds data is refused; a damaged archive is refused.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
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
import { buildWorkWorld, type WorkWorld } from '../http/work-helpers.js';
import { blobHashes, handInSome, NOW, reads } from './backup-world.js';

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
    ids = await handInSome(app, world);
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
