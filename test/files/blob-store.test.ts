// The blob store's temp files: an upload refused while its file is still being opened leaves nothing behind.
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, describe, expect, it } from 'vitest';
import { BlobStore, TooLargeError } from '../../src/files/blob-store.js';

describe('BlobStore.receive', () => {
  const root = mkdtempSync(join(tmpdir(), 'seminar-blobs-'));
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('removes the temp file of every upload refused at its first chunk, even before the file was opened', async () => {
    const store = new BlobStore(root);
    let refused = 0;
    for (let i = 0; i < 200; i++) {
      await store.receive(Readable.from([Buffer.alloc(64 * 1024)]), 1024).catch((error: unknown) => {
        if (error instanceof TooLargeError) refused++;
      });
    }
    expect(refused).toBe(200);
    const dir = join(root, 'tmp');
    expect(existsSync(dir) ? readdirSync(dir) : []).toEqual([]);
  });
});
