// The orphan sweep over the S3 store (s3rver): an object no row names goes once it is old enough; a named one and a
// fresh one stay.
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { S3BlobStore } from '../../src/files/s3-store.js';
import { sweepOrphans } from '../../src/services/files/sweep.js';
import { work } from '../../src/storage/repositories/work-tables.js';
import { createTestDatabase, type TestDatabase } from '../support/dialects.js';
import { startTestS3, type TestS3 } from '../support/s3-server.js';

describe('the orphan sweep of the S3 store', () => {
  let s3: TestS3;
  let database: TestDatabase & { drop(): Promise<void> };
  let store: S3BlobStore;
  const put = async (content: string) => {
    const temp = await store.receive(Readable.from([Buffer.from(content)]), 1024);
    await store.commit(temp);
    return temp.sha256;
  };
  beforeAll(async () => {
    s3 = await startTestS3();
    database = await createTestDatabase('sqlite', s3.env);
    store = new S3BlobStore(s3.settings, database.config.filesDir);
  });
  afterAll(async () => {
    store?.close();
    await database?.drop();
    await s3?.stop();
  });

  it('keeps young objects, then removes the one no row names once it has aged', async () => {
    const named = await put('a hand-in with its row');
    const orphan = await put('bytes of an upload killed before its row');
    await work(database.db)
      .insertInto('blobs')
      .values({ sha256: named, size: 22, type: 'text/plain', created_at: new Date().toISOString() })
      .execute();
    const now = await sweepOrphans({ db: database.db }, store);
    expect([now.blobs.length, now.kept]).toEqual([0, 2]);
    const later = new Date(Date.now() + 3_600_000);
    const dry = await sweepOrphans({ db: database.db, clock: () => later }, store, { dryRun: true });
    expect(dry.blobs.map((b) => b.sha256)).toEqual([orphan]);
    expect(await store.sizeOf(orphan)).not.toBeNull();
    const swept = await sweepOrphans({ db: database.db, clock: () => later }, store);
    expect(swept.blobs.map((b) => b.sha256)).toEqual([orphan]);
    expect(await store.sizeOf(orphan)).toBeNull();
    expect(await store.sizeOf(named)).toBe(22);
  });
});
