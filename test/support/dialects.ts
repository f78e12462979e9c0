// Runs a storage/HTTP suite on SQLite and on PostgreSQL, each file in its own fresh database (a temp folder / a new schema).
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { loadConfig, type Config } from '../../src/config.js';
import { createDb, type Db } from '../../src/storage/db.js';
import { migrateToLatest } from '../../src/storage/migrate.js';
import { makeTempDir, type TempDir } from './temp-dir.js';

export type DialectName = 'sqlite' | 'postgres';

export const DEFAULT_TEST_PG_URL = 'postgres://postgres@127.0.0.1:5432/test';

const env = loadConfig();
/** The PostgreSQL server the suites use (SEMINAR_TEST_PG_URL, else the local default). */
export const testPgUrl = env.testPgUrl ?? DEFAULT_TEST_PG_URL;
/** CI=true: a missing PostgreSQL fails the suites instead of skipping them. */
export const inCi = env.ci;

/** Test schemas are named seminar_t_<base36 ms>_<random>; ones left by a killed run are dropped after a day. */
const SCHEMA_PREFIX = 'seminar_t_';
const STALE_MS = 24 * 60 * 60 * 1000;

async function probe(url: string): Promise<string | null> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    const { rows } = await client.query<{ name: string }>(
      "select nspname as name from pg_namespace where nspname like 'seminar\\_t\\_%'",
    );
    for (const { name } of rows) {
      const born = parseInt(name.slice(SCHEMA_PREFIX.length).split('_')[0] ?? '', 36);
      if (Number.isFinite(born) && Date.now() - born > STALE_MS) {
        await client.query(`drop schema if exists "${name}" cascade`).catch(() => {});
      }
    }
    return null;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  } finally {
    await client.end().catch(() => {});
  }
}

/** Why PostgreSQL cannot be used (null when it answers). Probed once per test file. */
export const pgUnavailable: string | null = await probe(testPgUrl);

/** A database for one suite: a config pointing at it (for createSeminar) and an open, migrated handle. */
export interface TestDatabase {
  dialect: DialectName;
  config: Readonly<Config>;
  db: Db;
  dataDir: string;
}

/**
 * The URL of `base` with a search_path, so every connection of the pool lands in `schema`. `fastCommit` answers a
 * commit before the server flushes its WAL (synchronous_commit=off): the suites never crash the shared PostgreSQL
 * server, so what they read is the same, without waiting a disk flush (~3 ms here) for each of their thousands of
 * commits. The durability suite keeps the flush.
 */
export function withSchema(base: string, schema: string, { fastCommit = false } = {}): string {
  const url = new URL(base);
  url.searchParams.set(
    'options',
    `-c search_path=${schema}${fastCommit ? ' -c synchronous_commit=off' : ''}`,
  );
  return url.toString();
}

/**
 * Creates a fresh database of `dialect` (SQLite file in a temp DATA_DIR, or a new PostgreSQL
 * schema), migrated; `drop()` removes it. Extra env entries (e.g. PUBLIC_URL) go to loadConfig.
 */
export async function createTestDatabase(
  dialect: DialectName,
  extraEnv: Record<string, string> = {},
): Promise<TestDatabase & { drop(): Promise<void> }> {
  const temp: TempDir = makeTempDir(`seminar-${dialect}-`);
  let schema: string | null = null;
  const envVars: Record<string, string> = {
    DATA_DIR: temp.path,
    TIME_ZONE: 'America/Chicago',
    LOG_LEVEL: 'silent',
    ...extraEnv,
  };
  if (dialect === 'postgres') {
    schema = `${SCHEMA_PREFIX}${Date.now().toString(36)}_${randomBytes(4).toString('hex')}`;
    const admin = new pg.Client({ connectionString: testPgUrl });
    await admin.connect();
    try {
      await admin.query(`create schema ${schema}`);
    } finally {
      await admin.end();
    }
    envVars.DATABASE_URL = withSchema(testPgUrl, schema, { fastCommit: true });
  }
  const config = loadConfig(envVars);
  const db = createDb(config.database, { poolSize: 4 });
  const drop = async () => {
    await db.destroy().catch(() => {});
    if (schema) {
      const admin = new pg.Client({ connectionString: testPgUrl });
      await admin.connect();
      try {
        await admin.query(`drop schema if exists ${schema} cascade`);
      } finally {
        await admin.end();
      }
    }
    temp.remove();
  };
  try {
    await migrateToLatest(db);
  } catch (error) {
    await drop();
    throw error;
  }
  return {
    dialect,
    config,
    db,
    dataDir: temp.path,
    drop,
  };
}

let announced = false;

/**
 * Declares `title` once per dialect. `body` receives a getter for the suite's database (valid
 * inside tests and hooks). Without PostgreSQL the postgres copy skips with one line locally, and
 * fails loudly when CI=true.
 */
export function describeEachDialect(
  title: string,
  body: (db: () => TestDatabase, dialect: DialectName) => void,
): void {
  for (const dialect of ['sqlite', 'postgres'] as const) {
    if (dialect === 'postgres' && pgUnavailable !== null) {
      if (inCi) {
        describe(`${title} [postgres]`, () => {
          it('needs PostgreSQL (CI=true)', () => {
            throw new Error(
              `PostgreSQL is not reachable at ${testPgUrl}: ${pgUnavailable}. CI must run the PostgreSQL suites.`,
            );
          });
        });
        continue;
      }
      if (!announced) {
        announced = true;
        console.warn(
          `PostgreSQL suites skipped: no server at ${testPgUrl} (set SEMINAR_TEST_PG_URL; CI=true makes this an error).`,
        );
      }
      describe.skip(`${title} [postgres]`, () =>
        body(() => {
          throw new Error('unreachable');
        }, dialect));
      continue;
    }
    describe(`${title} [${dialect}]`, () => {
      let current: (TestDatabase & { drop(): Promise<void> }) | null = null;
      beforeAll(async () => {
        current = await createTestDatabase(dialect);
      });
      afterAll(async () => {
        await current?.drop();
      });
      body(() => {
        if (!current) throw new Error('the test database is not ready (use it inside tests or hooks)');
        return current;
      }, dialect);
    });
  }
}
