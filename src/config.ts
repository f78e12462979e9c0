// The only reader of process.env: parses the environment once into a frozen config.
import { z } from 'zod';
import { isIP } from 'node:net';
import { resolve } from 'node:path';

const envSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default('127.0.0.1'),
  /** postgres://… for PostgreSQL; otherwise the SQLite file below is used. */
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'DATABASE_URL must start with postgres:// (leave it unset for SQLite)')
    .optional(),
  DATA_DIR: z.string().default('./data'),
  /** Default IANA zone for imported courses that do not name one. */
  TIME_ZONE: z.string().default('America/Chicago'),
  /** Public base URL used in e-mailed links, e.g. https://seminar.example.edu */
  PUBLIC_URL: z.string().url().optional(),
  SMTP_URL: z.string().optional(),
  MAIL_FROM: z.string().default('Seminar <seminar@localhost>'),
  /**
   * Reverse proxies whose X-Forwarded-For / -Proto / -Host are believed: comma-separated addresses,
   * CIDR ranges, or the names loopback, linklocal, uniquelocal. Unset: no proxy is trusted.
   */
  TRUSTED_PROXIES: z.string().optional(),
  /**
   * On SIGTERM/SIGINT, how long /api/ready answers 503 while requests are still served, so a balancer
   * polling it moves traffic away before the server closes (skipped when nothing polled /api/ready).
   */
  DRAIN_SECONDS: z.coerce.number().min(0).max(300).default(5),
  /** Who may read /metrics: comma-separated addresses or CIDR ranges (loopback: 127.0.0.0/8 and ::1). Unset: nobody by address. */
  METRICS_ALLOW: z.string().optional(),
  /** A bearer token that opens /metrics from anywhere (Authorization: Bearer …); at least 16 characters. */
  METRICS_TOKEN: z.string().min(16, 'METRICS_TOKEN must be at least 16 characters').optional(),
  /** 1: log one line per request at info level (off by default: it costs throughput). */
  LOG_REQUESTS: z.enum(['0', '1', 'true', 'false']).optional(),
  /** S3-compatible object storage for hand-in files (set S3_BUCKET to use it instead of DATA_DIR/files). */
  S3_ENDPOINT: z.string().url().optional(),
  S3_BUCKET: z.string().min(3).optional(),
  S3_REGION: z.string().default('us-east-1'),
  S3_ACCESS_KEY_ID: z.string().optional(),
  S3_SECRET_ACCESS_KEY: z.string().optional(),
  S3_FORCE_PATH_STYLE: z.enum(['true', 'false', '1', '0']).optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** Set by CI: suites that need PostgreSQL or Chromium must fail instead of skipping. */
  CI: z.string().optional(),
  /** PostgreSQL server used by the test suites (CI points it at the local server). */
  SEMINAR_TEST_PG_URL: z.string().optional(),
  CHROME_PATH: z.string().default('/usr/bin/chromium'),
  /** Tests only: a syllabus URL may point at this machine (127.0.0.1), which is otherwise refused. */
  SYLLABUS_FETCH_LOOPBACK: z.string().optional(),
});

export interface Config {
  port: number;
  host: string;
  database: { kind: 'sqlite'; file: string } | { kind: 'postgres'; url: string };
  dataDir: string;
  filesDir: string;
  /** Object storage for files (null: the local folder filesDir). */
  s3: S3Settings | null;
  timeZone: string;
  publicUrl: string;
  smtpUrl: string | null;
  mailFrom: string;
  /** Proxies whose forwarding headers are trusted (empty: none; the client is the peer address). */
  trustedProxies: readonly string[];
  /** Grace period of a shutdown while a balancer watches /api/ready (ms). */
  drainMs: number;
  logLevel: string;
  /** Whether each request is logged at info level (LOG_REQUESTS=1). */
  logRequests: boolean;
  /** Addresses and CIDR ranges that may read /metrics. */
  metricsAllow: readonly string[];
  /** Bearer token that opens /metrics; null: none. */
  metricsToken: string | null;
  ci: boolean;
  testPgUrl: string | null;
  chromePath: string;
  /** Syllabus URLs may name a loopback address (tests serve the file themselves); false in production. */
  syllabusFetchLoopback: boolean;
}

export interface S3Settings {
  endpoint: string | null;
  bucket: string;
  region: string;
  accessKeyId: string | null;
  secretAccessKey: string | null;
  /** bucket in the path (http://host/bucket/key), as MinIO, Ceph and Garage usually want. */
  forcePathStyle: boolean;
}

export class ConfigError extends Error {
  override name = 'ConfigError';
}

/** Parses an environment (process.env by default) into a frozen Config, or throws ConfigError saying how to fix it. */
export function loadConfig(env: Record<string, string | undefined> = process.env): Readonly<Config> {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  if (!isValidZone(e.TIME_ZONE)) {
    throw new ConfigError(
      `Invalid configuration:\n  TIME_ZONE: "${e.TIME_ZONE}" is not an IANA time zone (e.g. America/Chicago)`,
    );
  }
  const trustedProxies = parseAddresses('TRUSTED_PROXIES', e.TRUSTED_PROXIES, PROXY_NAMES);
  const metricsAllow = parseAddresses('METRICS_ALLOW', e.METRICS_ALLOW, new Set(['loopback']));
  const dataDir = resolve(e.DATA_DIR);
  if (!e.S3_ACCESS_KEY_ID !== !e.S3_SECRET_ACCESS_KEY)
    throw new ConfigError(
      'Invalid configuration:\n  S3_ACCESS_KEY_ID and S3_SECRET_ACCESS_KEY go together: set both, or neither to use the default credentials',
    );
  return Object.freeze({
    port: e.PORT,
    host: e.HOST,
    database: e.DATABASE_URL
      ? { kind: 'postgres', url: e.DATABASE_URL }
      : { kind: 'sqlite', file: resolve(dataDir, 'seminar.db') },
    dataDir,
    filesDir: resolve(dataDir, 'files'),
    s3: e.S3_BUCKET
      ? {
          endpoint: e.S3_ENDPOINT ?? null,
          bucket: e.S3_BUCKET,
          region: e.S3_REGION,
          accessKeyId: e.S3_ACCESS_KEY_ID ?? null,
          secretAccessKey: e.S3_SECRET_ACCESS_KEY ?? null,
          forcePathStyle: e.S3_FORCE_PATH_STYLE === 'true' || e.S3_FORCE_PATH_STYLE === '1',
        }
      : null,
    timeZone: e.TIME_ZONE,
    publicUrl: e.PUBLIC_URL ?? `http://localhost:${e.PORT}`,
    smtpUrl: e.SMTP_URL ?? null,
    mailFrom: e.MAIL_FROM,
    trustedProxies,
    drainMs: Math.round(e.DRAIN_SECONDS * 1000),
    logLevel: e.LOG_LEVEL,
    logRequests: e.LOG_REQUESTS === '1' || e.LOG_REQUESTS === 'true',
    metricsAllow,
    metricsToken: e.METRICS_TOKEN ?? null,
    ci: e.CI === 'true' || e.CI === '1',
    testPgUrl: e.SEMINAR_TEST_PG_URL ?? null,
    chromePath: e.CHROME_PATH,
    syllabusFetchLoopback: e.SYLLABUS_FETCH_LOOPBACK === '1' || e.SYLLABUS_FETCH_LOOPBACK === 'true',
  } satisfies Config);
}

const PROXY_NAMES = new Set(['loopback', 'linklocal', 'uniquelocal']);

/** "127.0.0.1, 10.0.0.0/8, loopback" → the list; anything else is a ConfigError naming the entry. */
function parseAddresses(variable: string, value: string | undefined, names: ReadonlySet<string>): string[] {
  const entries = (value ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '');
  for (const entry of entries) {
    const [address = '', bits, ...rest] = entry.split('/');
    const version = isIP(address);
    const max = version === 6 ? 128 : 32;
    const okBits = bits === undefined || (/^\d{1,3}$/.test(bits) && Number(bits) <= max);
    if (names.has(entry)) continue;
    if (version === 0 || !okBits || rest.length > 0) {
      throw new ConfigError(
        `Invalid configuration:\n  ${variable}: "${entry}" is not an IP address, a CIDR range (10.0.0.0/8) or one of ${[...names].join(', ')}`,
      );
    }
  }
  return entries;
}

function isValidZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}
