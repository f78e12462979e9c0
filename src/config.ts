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
  timeZone: string;
  publicUrl: string;
  smtpUrl: string | null;
  mailFrom: string;
  /** Proxies whose forwarding headers are trusted (empty: none; the client is the peer address). */
  trustedProxies: readonly string[];
  logLevel: string;
  ci: boolean;
  testPgUrl: string | null;
  chromePath: string;
  /** Syllabus URLs may name a loopback address (tests serve the file themselves); false in production. */
  syllabusFetchLoopback: boolean;
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
  const trustedProxies = parseTrustedProxies(e.TRUSTED_PROXIES);
  const dataDir = resolve(e.DATA_DIR);
  return Object.freeze({
    port: e.PORT,
    host: e.HOST,
    database: e.DATABASE_URL
      ? { kind: 'postgres', url: e.DATABASE_URL }
      : { kind: 'sqlite', file: resolve(dataDir, 'seminar.db') },
    dataDir,
    filesDir: resolve(dataDir, 'files'),
    timeZone: e.TIME_ZONE,
    publicUrl: e.PUBLIC_URL ?? `http://localhost:${e.PORT}`,
    smtpUrl: e.SMTP_URL ?? null,
    mailFrom: e.MAIL_FROM,
    trustedProxies,
    logLevel: e.LOG_LEVEL,
    ci: e.CI === 'true' || e.CI === '1',
    testPgUrl: e.SEMINAR_TEST_PG_URL ?? null,
    chromePath: e.CHROME_PATH,
    syllabusFetchLoopback: e.SYLLABUS_FETCH_LOOPBACK === '1' || e.SYLLABUS_FETCH_LOOPBACK === 'true',
  } satisfies Config);
}

const PROXY_NAMES = new Set(['loopback', 'linklocal', 'uniquelocal']);

/** "127.0.0.1, 10.0.0.0/8, loopback" → the list; anything else is a ConfigError naming the entry. */
function parseTrustedProxies(value: string | undefined): string[] {
  const entries = (value ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '');
  for (const entry of entries) {
    const [address = '', bits, ...rest] = entry.split('/');
    const version = isIP(address);
    const max = version === 6 ? 128 : 32;
    const okBits = bits === undefined || (/^\d{1,3}$/.test(bits) && Number(bits) <= max);
    if (PROXY_NAMES.has(entry)) continue;
    if (version === 0 || !okBits || rest.length > 0) {
      throw new ConfigError(
        `Invalid configuration:\n  TRUSTED_PROXIES: "${entry}" is not an IP address, a CIDR range (10.0.0.0/8) or one of loopback, linklocal, uniquelocal`,
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
