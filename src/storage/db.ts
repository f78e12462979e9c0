// Opens the database (SQLite file or PostgreSQL pool) as one typed Kysely handle; the only place that picks a dialect.
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import pg from 'pg';
import { Kysely, PostgresDialect, SqliteDialect, sql } from 'kysely';
import { noteWrite } from './read-cache.js';
import type { Database } from './schema.js';

export type { Database } from './schema.js';

/** The database handle every service receives. Opaque outside src/storage: use the repositories. */
export type Db = Kysely<Database>;

/** A handle or transaction on any typed view of the same database (repositories that declare their own tables). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyDb = Db | Kysely<any>;

export type DatabaseConfig = { kind: 'sqlite'; file: string } | { kind: 'postgres'; url: string };

export type Dialect = DatabaseConfig['kind'];

/** How many of Kysely's SQLite statements stay prepared (the app writes a few hundred distinct queries). */
const STATEMENT_CACHE_SIZE = 1000;

/**
 * The SQLite handle as Kysely sees it, keeping its prepared statements: Kysely prepares every query anew, and
 * compiling the SQL was about a tenth of a request's CPU. The least recently prepared go first past the bound
 * (queries with `in (…)` lists of every length are distinct). Safe to share: the dialect runs one query at a time
 * on its one connection, a stream holding that connection until it ends.
 */
class StatementCache {
  readonly #statements = new Map<string, SqliteDatabase.Statement>();
  constructor(private readonly raw: SqliteDatabase.Database) {}

  prepare(query: string): SqliteDatabase.Statement {
    let statement = this.#statements.get(query);
    if (!statement) statement = this.#prepareNew(query);
    // Kysely prepares every statement right before it runs it: a write here ends the cached reads.
    if (!statement.readonly) noteWrite();
    return statement;
  }

  #prepareNew(query: string): SqliteDatabase.Statement {
    const statement = this.raw.prepare(query);
    if (this.#statements.size >= STATEMENT_CACHE_SIZE)
      this.#statements.delete(this.#statements.keys().next().value!);
    this.#statements.set(query, statement);
    return statement;
  }

  close(): void {
    this.#statements.clear();
    this.raw.close();
  }
}

const dialects = new WeakMap<Db, Dialect>();
const sqliteHandles = new WeakMap<Db, SqliteDatabase.Database>();
const pgPools = new WeakMap<Db, pg.Pool>();

/** The page cache of each SQLite connection, in KiB. */
export const PAGE_CACHE_KIB = 64 * 1024;

/**
 * Opens the configured database. SQLite: creates the file's folder, WAL, synchronous=FULL
 * (an acknowledged write survives power loss), foreign keys on, a busy timeout for the CLI
 * writing while the server runs, a 64 MiB page cache. ":memory:" gives a private in-memory database.
 * PostgreSQL: a pool; a schema can be chosen in the URL (`?options=-c%20search_path%3Dname`).
 */
export function createDb(config: DatabaseConfig, opts: { poolSize?: number } = {}): Db {
  let db: Db;
  if (config.kind === 'sqlite') {
    if (config.file !== ':memory:') mkdirSync(dirname(config.file), { recursive: true });
    const raw = new SqliteDatabase(config.file);
    raw.pragma('journal_mode = WAL');
    raw.pragma('synchronous = FULL');
    raw.pragma('foreign_keys = ON');
    raw.pragma('busy_timeout = 5000');
    // 64 MiB of page cache (SQLite's default is 2 MiB, filled as pages are read): a deadline burst
    // writes into the index pages of every student's hand-ins, and with the default those pages
    // were read again from the WAL or the file at almost every insert.
    raw.pragma(`cache_size = -${PAGE_CACHE_KIB}`);
    db = new Kysely<Database>({ dialect: new SqliteDialect({ database: new StatementCache(raw) }) });
    sqliteHandles.set(db, raw);
  } else {
    const pool = new pg.Pool({ connectionString: config.url, max: opts.poolSize ?? 10 });
    // An idle client losing its connection must not crash the process; the pool replaces it.
    pool.on('error', () => {});
    db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
    pgPools.set(db, pool);
  }
  dialects.set(db, config.kind);
  return db;
}

/** Which dialect a handle speaks (for the rare query that must differ). */
export function dialectOf(db: Db): Dialect {
  return dialects.get(db) ?? 'sqlite';
}

/**
 * The better-sqlite3 handle behind a SQLite Db, for the few hot reads that keep a prepared
 * statement (Kysely prepares every query anew). Null on PostgreSQL. Repositories only.
 */
export function sqliteHandle(db: Db): SqliteDatabase.Database | null {
  return sqliteHandles.get(db) ?? null;
}

/**
 * Runs `fn` in one write transaction. SQLite: `BEGIN IMMEDIATE`, so the write lock is taken
 * up front and a second process (the CLI while the server runs) waits on the busy timeout
 * instead of failing when a read turns into a write. PostgreSQL: an ordinary transaction.
 */
export async function writeTransaction<T>(db: Db, fn: (trx: Kysely<Database>) => Promise<T>): Promise<T> {
  if (dialectOf(db) === 'postgres') return db.transaction().execute(fn);
  // The SQLite dialect has one connection behind a mutex: holding it makes these statements one unit.
  return db.connection().execute(async (conn) => {
    await sql`begin immediate`.execute(conn);
    try {
      const result = await fn(conn);
      await sql`commit`.execute(conn);
      return result;
    } catch (error) {
      await sql`rollback`.execute(conn).catch(() => {});
      throw error;
    }
  });
}

/**
 * Listens on a PostgreSQL channel (a fixed identifier, never user input) with a connection of its own, taken
 * again after it breaks; null on SQLite. Returns the function that stops listening and gives the connection back.
 */
export async function listenPostgres(
  db: Db,
  channel: string,
  onPayload: (payload: string) => void,
): Promise<(() => Promise<void>) | null> {
  const pool = pgPools.get(db);
  if (!pool || !/^[a-z_]+$/.test(channel)) return null;
  let client: pg.PoolClient | null = null;
  let stopped = false;
  const connect = async (): Promise<void> => {
    const c = await pool.connect();
    c.on('notification', (m) => {
      if (m.channel === channel && m.payload) onPayload(m.payload);
    });
    c.on('error', () => {
      c.release(true);
      if (client === c) client = null;
      if (!stopped) setTimeout(() => void connect().catch(() => {}), 1000).unref();
    });
    await c.query(`LISTEN ${channel}`);
    client = c;
  };
  await connect();
  return async () => {
    stopped = true;
    const c = client;
    client = null;
    if (!c) return;
    try {
      await c.query(`UNLISTEN ${channel}`);
    } finally {
      c.release();
    }
  };
}

/** Sends a notification on a PostgreSQL channel (every instance listening receives it). */
export async function notifyPostgres(db: Db, channel: string, payload: string): Promise<void> {
  await sql`select pg_notify(${channel}, ${payload})`.execute(db);
}

/** Cheap liveness probe used by the health route. */
export async function pingDb(db: Db): Promise<void> {
  await sql`select 1`.execute(db);
}
