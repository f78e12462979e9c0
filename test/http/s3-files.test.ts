// Hand-in files in an S3-compatible bucket (s3rver): the upload lands in the bucket before the receipt, nothing stays in
// the local folder, the download and the class zip stream back the same bytes, and a refused upload leaves no object.
import { createHash } from 'node:crypto';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import yauzl from 'yauzl';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../src/http/app.js';
import { S3BlobStore } from '../../src/files/s3-store.js';
import { createTestDatabase } from '../support/dialects.js';
import { startTestS3, type TestS3 } from '../support/s3-server.js';
import { makePdf } from '../files/build.js';
import type { TestClient } from './auth-client.js';
import { buildWorkWorld, multipart, signInWorld, SLUG } from './work-helpers.js';

const NOW = new Date('2024-08-27T12:00:00Z');

function zipEntries(buffer: Buffer): Promise<Map<string, Buffer>> {
  return new Promise((resolve, reject) => {
    yauzl.fromBuffer(buffer, { lazyEntries: true }, (err, zip) => {
      if (err) return reject(err);
      const out = new Map<string, Buffer>();
      zip.on('entry', (entry: yauzl.Entry) => {
        zip.openReadStream(entry, (e, stream) => {
          if (e) return reject(e);
          const parts: Buffer[] = [];
          stream.on('data', (c: Buffer) => parts.push(c));
          stream.on('end', () => {
            out.set(entry.fileName, Buffer.concat(parts));
            zip.readEntry();
          });
        });
      });
      zip.on('end', () => resolve(out));
      zip.readEntry();
    });
  });
}

describe('hand-in files in an S3-compatible bucket', () => {
  let s3: TestS3;
  let database: Awaited<ReturnType<typeof createTestDatabase>>;
  let app: FastifyInstance;
  let clients: Record<string, TestClient>;
  let bucket: S3BlobStore;
  const api = `/api/courses/${SLUG}`;

  beforeAll(async () => {
    s3 = await startTestS3();
    database = await createTestDatabase('sqlite', s3.env);
    const world = await buildWorkWorld(database.db, NOW);
    app = await buildApp({ config: database.config, db: database.db, clock: () => NOW });
    await app.ready();
    clients = await signInWorld(app, world);
    bucket = new S3BlobStore(s3.settings, join(database.dataDir, 'other'));
  });
  afterAll(async () => {
    bucket?.close();
    await app?.close();
    await database?.drop();
    await s3?.stop();
  });

  const stored = async () => {
    const all: string[] = [];
    for await (const b of bucket.listBlobs()) all.push(b.sha256);
    return all;
  };
  const localBlobs = () =>
    existsSync(database.config.filesDir)
      ? readdirSync(database.config.filesDir, { recursive: true, withFileTypes: true }).filter((e) =>
          e.isFile(),
        )
      : [];

  it('stores an upload in the bucket only, and streams it back alone and in the class zip', async () => {
    const pdf = await makePdf(3);
    const sha256 = createHash('sha256').update(pdf).digest('hex');
    const refused = await clients.cat!.request({
      method: 'POST',
      url: `${api}/submissions/upload?deliverableKey=slides&meetingDate=2024-08-28&acknowledgePolicy=true`,
      ...multipart('talk.pdf', pdf),
    });
    expect(refused.statusCode).toBe(403);
    expect(await stored()).toEqual([]);
    const res = await clients.ada!.request({
      method: 'POST',
      url: `${api}/submissions/upload?deliverableKey=slides&meetingDate=2024-08-28&acknowledgePolicy=true`,
      ...multipart('talk.pdf', pdf),
    });
    expect(res.statusCode).toBe(201);
    expect(res.json().sha256).toBe(sha256);
    expect(await stored()).toEqual([sha256]);
    expect(localBlobs()).toEqual([]);

    const dl = await clients.ben!.get(`${api}/submissions/${res.json().id}/download`);
    expect(dl.statusCode).toBe(200);
    expect(dl.rawPayload.equals(pdf)).toBe(true);

    const zip = await clients.prof!.get(`${api}/meetings/2024-08-28/download`);
    expect(zip.statusCode).toBe(200);
    const entries = await zipEntries(zip.rawPayload);
    expect(entries.get('slides/2024-08-28/Alpha/talk.pdf')?.equals(pdf)).toBe(true);
  });
});
