// Files by content hash under config.filesDir: streamed to a temp file (hashed, size-capped), fsynced, renamed into place.
import { createHash, randomBytes } from 'node:crypto';
import { createReadStream, createWriteStream, existsSync, type ReadStream } from 'node:fs';
import { mkdir, open, readdir, readFile, rename, rm, stat, utimes } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { Transform, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';

export class TooLargeError extends Error {
  constructor(readonly limit: number) {
    super(`larger than ${limit} bytes`);
  }
}

export interface TempFile {
  path: string;
  sha256: string;
  size: number;
  /** MD5 of the bytes (hex): sent with an upload to an object store, which checks it on arrival. */
  md5: string;
  /** Whether the source stream was cut short (@fastify/multipart sets `truncated` at its own limit). */
  truncated: boolean;
}

/** A stored blob as the orphan sweep sees it. */
export interface ListedBlob {
  sha256: string;
  /** When its bytes were last written (or last claimed by a hand-in of the same content). */
  modifiedAt: Date;
  size: number;
}

/** An upload in flight (or abandoned by a killed server). */
export interface ListedTemp {
  name: string;
  modifiedAt: Date;
  size: number;
}

/**
 * What the orphan sweep (src/services/files/sweep.ts) asks of a store of blobs: the local folder
 * here, an object store the same way. Deletes are conditional on age, checked again just before
 * deleting, so a blob claimed meanwhile by a hand-in of the same content stays.
 */
export interface SweepableStore {
  listBlobs(): AsyncIterable<ListedBlob>;
  /** Deletes the blob if it was last written before `before`; true when it was deleted. */
  deleteBlob(sha256: string, before: Date): Promise<boolean>;
  listTemp(): AsyncIterable<ListedTemp>;
  /** Deletes the temp file if it was last written before `before`; true when it was deleted. */
  deleteTemp(name: string, before: Date): Promise<boolean>;
}

/**
 * Where hand-in files live: the local folder below, or an S3-compatible bucket (s3-store.ts).
 * Uploads always arrive in a local temp file (hashed, size-capped); `commit` makes the bytes
 * durable and verified in the store, and only then may the row that names them commit.
 */
export interface BlobStorage extends SweepableStore {
  /** Where the blobs are, for messages (a folder or s3://bucket). */
  readonly location: string;
  receive(source: Readable, maxBytes: number): Promise<TempFile>;
  receiveBytes(bytes: Uint8Array): Promise<TempFile>;
  readTemp(temp: TempFile): Promise<Buffer>;
  discard(temp: TempFile): Promise<void>;
  commit(temp: TempFile): Promise<void>;
  remove(sha256: string): Promise<void>;
  /** The blob's bytes as a stream; the read starts at the first pull (a zip of many files opens them one by one). */
  open(sha256: string): Readable;
  /** The stored size, or null when the blob is missing. */
  sizeOf(sha256: string): Promise<number | null>;
}

/**
 * Layout: <filesDir>/<first two hex>/<sha256> for stored blobs, <filesDir>/tmp/ for uploads in
 * flight. Same content, same path: storing it twice is a no-op. With PostgreSQL and several app
 * instances, filesDir must be one shared folder (see docs/operations.md).
 */
export class BlobStore implements BlobStorage {
  constructor(readonly root: string) {}

  get location(): string {
    return this.root;
  }

  pathOf(sha256: string): string {
    if (!/^[0-9a-f]{64}$/.test(sha256)) throw new Error('not a sha-256');
    return join(this.root, sha256.slice(0, 2), sha256);
  }

  private tempPath(): string {
    return join(this.root, 'tmp', `${Date.now().toString(36)}-${randomBytes(8).toString('hex')}.part`);
  }

  /**
   * Streams `source` into a temp file, hashing on the way; throws TooLargeError past `maxBytes`. On any failure (the
   * sender gone mid-body, too large, the disk) the temp file is removed before this throws.
   */
  async receive(source: Readable, maxBytes: number): Promise<TempFile> {
    const path = this.tempPath();
    await mkdir(dirname(path), { recursive: true });
    const hash = createHash('sha256');
    const md5 = createHash('md5');
    let size = 0;
    const meter = new Transform({
      transform(chunk: Buffer, _encoding, done) {
        size += chunk.length;
        if (size > maxBytes) return done(new TooLargeError(maxBytes));
        hash.update(chunk);
        md5.update(chunk);
        done(null, chunk);
      },
    });
    const out = createWriteStream(path, { flags: 'wx' });
    // Its errors reach the pipeline; one more (a write that completes after the stream was destroyed, when the
    // sender drops mid-body) must not become an uncaught exception and stop the file's close.
    out.on('error', () => {});
    try {
      await pipeline(source, meter, out);
    } catch (error) {
      // The stream opens its file asynchronously: wait until it is closed, or the open could land
      // after the rm and leave an orphan temp file.
      await new Promise<void>((resolve) => {
        if (out.closed) return resolve();
        out.once('close', () => resolve());
        out.destroy();
      });
      await rm(path, { force: true });
      throw error;
    }
    const truncated = Boolean((source as { truncated?: boolean }).truncated);
    return { path, sha256: hash.digest('hex'), size, md5: md5.digest('hex'), truncated };
  }

  /** Writes bytes held in memory to a temp file (for Markdown typed in the browser). */
  async receiveBytes(bytes: Uint8Array): Promise<TempFile> {
    const { Readable } = await import('node:stream');
    return this.receive(Readable.from([Buffer.from(bytes)]), Number.MAX_SAFE_INTEGER);
  }

  readTemp(temp: TempFile): Promise<Buffer> {
    return readFile(temp.path);
  }

  /**
   * Makes a temp file durable under its hash: fsync the file, rename into place (or drop it if
   * the same content is already stored), fsync the folder. After this returns the bytes survive a crash.
   */
  async commit(temp: TempFile): Promise<void> {
    const target = this.pathOf(temp.sha256);
    await mkdir(dirname(target), { recursive: true });
    const handle = await open(temp.path, 'r+');
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
    if (existsSync(target) && (await stat(target)).size === temp.size) {
      // Claimed afresh: the orphan sweep leaves recently written blobs alone until their row commits.
      const now = new Date();
      const claimed = await utimes(target, now, now).then(
        () => true,
        () => false,
      );
      if (claimed) await rm(temp.path, { force: true });
      else await rename(temp.path, target);
    } else {
      await rename(temp.path, target);
    }
    await syncDir(dirname(target));
  }

  async *listBlobs(): AsyncIterable<ListedBlob> {
    for (const prefix of await namesIn(this.root)) {
      if (!/^[0-9a-f]{2}$/.test(prefix)) continue;
      for (const name of await namesIn(join(this.root, prefix))) {
        if (!/^[0-9a-f]{64}$/.test(name) || !name.startsWith(prefix)) continue;
        const info = await stat(join(this.root, prefix, name)).catch(() => null);
        if (info?.isFile()) yield { sha256: name, modifiedAt: info.mtime, size: info.size };
      }
    }
  }

  deleteBlob(sha256: string, before: Date): Promise<boolean> {
    return removeIfOlder(this.pathOf(sha256), before);
  }

  async *listTemp(): AsyncIterable<ListedTemp> {
    const dir = join(this.root, 'tmp');
    for (const name of await namesIn(dir)) {
      if (!name.endsWith('.part')) continue;
      const info = await stat(join(dir, name)).catch(() => null);
      if (info?.isFile()) yield { name, modifiedAt: info.mtime, size: info.size };
    }
  }

  deleteTemp(name: string, before: Date): Promise<boolean> {
    if (!/^[\w-]+\.part$/.test(name)) throw new Error('not a temp file name');
    return removeIfOlder(join(this.root, 'tmp', name), before);
  }

  async discard(temp: TempFile): Promise<void> {
    await rm(temp.path, { force: true });
  }

  /** Removes a stored blob (only when no row refers to it: the caller checks). */
  async remove(sha256: string): Promise<void> {
    await rm(this.pathOf(sha256), { force: true });
  }

  async sizeOf(sha256: string): Promise<number | null> {
    const info = await stat(this.pathOf(sha256)).catch(() => null);
    return info ? info.size : null;
  }

  open(sha256: string): ReadStream {
    return createReadStream(this.pathOf(sha256));
  }

  read(sha256: string): Promise<Buffer> {
    return readFile(this.pathOf(sha256));
  }
}

async function namesIn(dir: string): Promise<string[]> {
  return readdir(dir).catch(() => []);
}

/** Removes `path` if it was last written before `before` (stat again right here: a fresh write keeps it). */
async function removeIfOlder(path: string, before: Date): Promise<boolean> {
  const info = await stat(path).catch(() => null);
  if (!info || info.mtimeMs >= before.getTime()) return false;
  await rm(path, { force: true });
  return true;
}

async function syncDir(dir: string): Promise<void> {
  const handle = await open(dir, 'r');
  try {
    await handle.sync();
  } catch {
    // Some file systems refuse fsync on a folder; the rename is still atomic.
  } finally {
    await handle.close();
  }
}
