// Both blob stores (the local folder and an S3-compatible bucket served by s3rver) keep the same promises:
// content-addressed, verified before commit returns, streamed reads, a listing for sweeps and backups,
// and no temp file left by a refused upload.
import { createHash } from 'node:crypto';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BlobStore, TooLargeError, type BlobStorage } from '../../src/files/blob-store.js';
import { S3BlobStore } from '../../src/files/s3-store.js';
import { startTestS3, type TestS3 } from '../support/s3-server.js';
import { makeTempDir } from '../support/temp-dir.js';

async function collect(stream: Readable): Promise<Buffer> {
  const parts: Buffer[] = [];
  for await (const chunk of stream) parts.push(chunk as Buffer);
  return Buffer.concat(parts);
}

const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');

describe.each(['local', 's3'] as const)('blob store [%s]', (kind) => {
  const root = makeTempDir('seminar-blobs-');
  let s3: TestS3 | null = null;
  let store: BlobStorage;
  beforeAll(async () => {
    if (kind === 's3') {
      s3 = await startTestS3();
      store = new S3BlobStore(s3.settings, root.path);
    } else store = new BlobStore(root.path);
  });
  afterAll(async () => {
    if (store instanceof S3BlobStore) store.close();
    await s3?.stop();
    root.remove();
  });

  it('removes the temp file of every upload refused at its first chunk, even before the file was opened', async () => {
    let refused = 0;
    for (let i = 0; i < 200; i++) {
      await store.receive(Readable.from([Buffer.alloc(64 * 1024)]), 1024).catch((error: unknown) => {
        if (error instanceof TooLargeError) refused++;
      });
    }
    expect(refused).toBe(200);
    const dir = join(root.path, 'tmp');
    expect(existsSync(dir) ? readdirSync(dir) : []).toEqual([]);
  });

  it('removes the temp file when the sender drops mid-body, with writes in flight, and throws nothing later', async () => {
    const dir = join(root.path, 'tmp');
    for (let i = 0; i < 50; i++) {
      // Small chunks are written without waiting: one is still being written when the source fails (as a dropped
      // connection does mid-upload) a moment after it.
      let sent = 0;
      const dropped = new Readable({
        read() {
          if (sent++ < 3) this.push(Buffer.alloc(8 * 1024, i));
          else process.nextTick(() => this.destroy(new Error('connection reset')));
        },
      });
      await expect(store.receive(dropped, 1024 * 1024 * 1024)).rejects.toThrow('connection reset');
    }
    // A late error of the file stream would surface here as an uncaught exception (Vitest fails the run on one).
    await new Promise((r) => setTimeout(r, 100));
    expect(existsSync(dir) ? readdirSync(dir) : []).toEqual([]);
  });

  it('stores a streamed upload under its hash, reads it back as a stream, and lists it', async () => {
    const bytes = Buffer.concat(Array.from({ length: 40 }, (_, i) => Buffer.alloc(64 * 1024, i)));
    const temp = await store.receive(
      Readable.from(Array.from({ length: 40 }, (_, i) => bytes.subarray(i * 65536, (i + 1) * 65536))),
      10_000_000,
    );
    expect(temp.sha256).toBe(sha(bytes));
    expect(await store.sizeOf(temp.sha256)).toBeNull();
    await store.commit(temp);
    expect(existsSync(temp.path)).toBe(false);
    expect(await store.sizeOf(temp.sha256)).toBe(bytes.length);
    expect(sha(await collect(store.open(temp.sha256)))).toBe(temp.sha256);
    const listed: string[] = [];
    for await (const b of store.listBlobs()) listed.push(`${b.sha256}:${b.size}`);
    expect(listed).toContain(`${temp.sha256}:${bytes.length}`);
  });

  it('storing the same content twice keeps one copy; remove deletes it', async () => {
    const one = await store.receiveBytes(Buffer.from('same bytes'));
    const two = await store.receiveBytes(Buffer.from('same bytes'));
    await store.commit(one);
    await store.commit(two);
    const listed: string[] = [];
    for await (const b of store.listBlobs()) if (b.sha256 === one.sha256) listed.push(b.sha256);
    expect(listed).toEqual([one.sha256]);
    await store.remove(one.sha256);
    expect(await store.sizeOf(one.sha256)).toBeNull();
    await expect(collect(store.open(one.sha256))).rejects.toThrow();
  });

  it('opens nothing until read: a missing blob fails only when its stream is pulled', async () => {
    const stream = store.open('0'.repeat(64));
    await expect(collect(stream)).rejects.toThrow();
  });
});
