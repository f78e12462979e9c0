// Picks the blob store of a configuration: the S3 bucket when S3_BUCKET is set, else the local folder.
import type { Config } from '../config.js';
import { BlobStore, type BlobStorage } from './blob-store.js';
import { S3BlobStore } from './s3-store.js';

const made = new WeakMap<object, BlobStorage>();

/** One store per configuration (an S3 client keeps its connections); temp files stay in the local folder. */
export function blobStorageFor(config: Pick<Config, 'filesDir' | 's3'>): BlobStorage {
  let store = made.get(config);
  if (!store) {
    store = config.s3 ? new S3BlobStore(config.s3, config.filesDir) : new BlobStore(config.filesDir);
    made.set(config, store);
  }
  return store;
}
