// A local S3-compatible server (s3rver) for the object-store tests: one bucket, fixed keys, its objects in a temp folder.
import type { AddressInfo } from 'node:net';
import { loadConfig, type Config } from '../../src/config.js';
import { makeTempDir } from './temp-dir.js';

interface S3rverInstance {
  run(): Promise<AddressInfo>;
  close(): Promise<void>;
}
type S3rverClass = new (options: Record<string, unknown>) => S3rverInstance;

export interface TestS3 {
  /** The S3_* settings that point Seminar at this server. */
  env: Record<string, string>;
  settings: NonNullable<Config['s3']>;
  stop(): Promise<void>;
}

/** Starts s3rver on a free port with bucket `bucket`; `stop()` closes it and removes its folder. */
export async function startTestS3(bucket = 'seminar-files'): Promise<TestS3> {
  const { default: S3rver } = (await import('s3rver')) as { default: S3rverClass };
  const dir = makeTempDir('seminar-s3-');
  const server = new S3rver({
    port: 0,
    address: '127.0.0.1',
    silent: true,
    directory: dir.path,
    configureBuckets: [{ name: bucket }],
  });
  const { port } = await server.run();
  const env = {
    S3_ENDPOINT: `http://127.0.0.1:${port}`,
    S3_BUCKET: bucket,
    S3_REGION: 'us-east-1',
    S3_ACCESS_KEY_ID: 'S3RVER',
    S3_SECRET_ACCESS_KEY: 'S3RVER',
    S3_FORCE_PATH_STYLE: 'true',
  };
  return {
    env,
    settings: loadConfig(env).s3!,
    async stop() {
      await server.close();
      dir.remove();
    },
  };
}
