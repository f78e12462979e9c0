// Files by content hash in an S3-compatible bucket (AWS S3, MinIO, Ceph, Garage): shared by every instance.
import { createReadStream } from 'node:fs';
import { Readable } from 'node:stream';
import {
  DeleteObjectCommand,
  GetObjectCommand,
  HeadObjectCommand,
  ListObjectsV2Command,
  PutObjectCommand,
  S3Client,
} from '@aws-sdk/client-s3';
import type { S3Settings } from '../config.js';
import {
  BlobStore,
  type BlobStorage,
  type ListedBlob,
  type ListedTemp,
  type TempFile,
} from './blob-store.js';

export class BlobVerificationError extends Error {}

const PREFIX = 'blobs/';

/**
 * Key: blobs/<sha256>. Uploads arrive in a local temp folder (hashed and size-capped there, as with
 * the local store), then go up as one PutObject streamed from the temp file with its Content-MD5,
 * which the server checks; a HeadObject confirms size and hash before `commit` returns, and so
 * before the row naming the blob commits. Reads stream the object's body.
 */
export class S3BlobStore implements BlobStorage {
  private readonly client: S3Client;
  private readonly temps: BlobStore;

  constructor(
    private readonly settings: S3Settings,
    tempRoot: string,
  ) {
    this.temps = new BlobStore(tempRoot);
    this.client = new S3Client({
      region: settings.region,
      forcePathStyle: settings.forcePathStyle,
      ...(settings.endpoint ? { endpoint: settings.endpoint } : {}),
      ...(settings.accessKeyId && settings.secretAccessKey
        ? { credentials: { accessKeyId: settings.accessKeyId, secretAccessKey: settings.secretAccessKey } }
        : {}),
      // Plain Content-MD5 / Content-Length uploads: every S3-compatible server understands them.
      requestChecksumCalculation: 'WHEN_REQUIRED',
      responseChecksumValidation: 'WHEN_REQUIRED',
    });
  }

  get location(): string {
    return `s3://${this.settings.bucket}`;
  }

  private keyOf(sha256: string): string {
    if (!/^[0-9a-f]{64}$/.test(sha256)) throw new Error('not a sha-256');
    return PREFIX + sha256;
  }

  receive(source: Readable, maxBytes: number): Promise<TempFile> {
    return this.temps.receive(source, maxBytes);
  }

  receiveBytes(bytes: Uint8Array): Promise<TempFile> {
    return this.temps.receiveBytes(bytes);
  }

  readTemp(temp: TempFile): Promise<Buffer> {
    return this.temps.readTemp(temp);
  }

  discard(temp: TempFile): Promise<void> {
    return this.temps.discard(temp);
  }

  listTemp(): AsyncIterable<ListedTemp> {
    return this.temps.listTemp();
  }

  deleteTemp(name: string, before: Date): Promise<boolean> {
    return this.temps.deleteTemp(name, before);
  }

  async commit(temp: TempFile): Promise<void> {
    const Key = this.keyOf(temp.sha256);
    // Sent even when the same content is stored: the fresh write is what tells the orphan sweep
    // (which deletes only objects older than 15 minutes) that a new row is about to name it.
    {
      await this.client.send(
        new PutObjectCommand({
          Bucket: this.settings.bucket,
          Key,
          Body: createReadStream(temp.path),
          ContentLength: temp.size,
          ContentMD5: Buffer.from(temp.md5, 'hex').toString('base64'),
          ContentType: 'application/octet-stream',
          Metadata: { sha256: temp.sha256 },
        }),
      );
      const stored = await this.head(temp.sha256);
      if (stored?.size !== temp.size || stored.sha256 !== temp.sha256)
        throw new BlobVerificationError(
          `the object store did not keep ${temp.sha256} whole (${stored?.size ?? 'no'} bytes of ${temp.size})`,
        );
    }
    await this.temps.discard(temp);
  }

  private async head(
    sha256: string,
  ): Promise<{ size: number; sha256: string | null; modifiedAt: Date } | null> {
    try {
      const out = await this.client.send(
        new HeadObjectCommand({ Bucket: this.settings.bucket, Key: this.keyOf(sha256) }),
      );
      return {
        size: out.ContentLength ?? -1,
        sha256: out.Metadata?.sha256 ?? null,
        modifiedAt: out.LastModified ?? new Date(0),
      };
    } catch (error) {
      if (isNotFound(error)) return null;
      throw error;
    }
  }

  async sizeOf(sha256: string): Promise<number | null> {
    return (await this.head(sha256))?.size ?? null;
  }

  /** Deletes the object if it was last written before `before` (checked again here: a fresh write keeps it). */
  async deleteBlob(sha256: string, before: Date): Promise<boolean> {
    const found = await this.head(sha256);
    if (!found || found.modifiedAt.getTime() >= before.getTime()) return false;
    await this.remove(sha256);
    return true;
  }

  async remove(sha256: string): Promise<void> {
    await this.client.send(
      new DeleteObjectCommand({ Bucket: this.settings.bucket, Key: this.keyOf(sha256) }),
    );
  }

  open(sha256: string): Readable {
    const Key = this.keyOf(sha256);
    const { client } = this;
    const { bucket } = this.settings;
    // An async generator starts only when the stream is first read: a zip opens its entries in turn.
    return Readable.from(
      (async function* () {
        const out = await client.send(new GetObjectCommand({ Bucket: bucket, Key }));
        yield* out.Body as Readable;
      })(),
      { objectMode: false },
    );
  }

  async *listBlobs(): AsyncIterable<ListedBlob> {
    let token: string | undefined;
    do {
      const page = await this.client.send(
        new ListObjectsV2Command({ Bucket: this.settings.bucket, Prefix: PREFIX, ContinuationToken: token }),
      );
      for (const o of page.Contents ?? []) {
        const sha256 = (o.Key ?? '').slice(PREFIX.length);
        if (/^[0-9a-f]{64}$/.test(sha256))
          yield { sha256, size: o.Size ?? 0, modifiedAt: o.LastModified ?? new Date(0) };
      }
      token = page.IsTruncated ? page.NextContinuationToken : undefined;
    } while (token);
  }

  /** Closes the client's sockets (tests and one-shot commands). */
  close(): void {
    this.client.destroy();
  }
}

function isNotFound(error: unknown): boolean {
  const e = error as { name?: string; $metadata?: { httpStatusCode?: number } };
  return e.name === 'NotFound' || e.name === 'NoSuchKey' || e.$metadata?.httpStatusCode === 404;
}
