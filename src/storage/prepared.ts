// Prepared statements kept per SQLite handle, for the few hot reads of every request (Kysely prepares each query anew).
import type SqliteDatabase from 'better-sqlite3';
import { sqliteHandle, type Db } from './db.js';
import { cachedRead } from './read-cache.js';

type Statement = SqliteDatabase.Statement<unknown[], unknown>;

const cache = new WeakMap<SqliteDatabase.Database, Map<string, Statement>>();

function statementOn(raw: SqliteDatabase.Database, text: string): Statement {
  let statements = cache.get(raw);
  if (!statements) {
    statements = new Map();
    cache.set(raw, statements);
  }
  let statement = statements.get(text);
  if (!statement) {
    statement = raw.prepare(text);
    statements.set(text, statement);
  }
  return statement;
}

/**
 * The prepared statement for `text` on the SQLite handle behind `db`, or null: on PostgreSQL,
 * and while a transaction is open on the one SQLite connection (callers then use Kysely, which
 * waits for the transaction to end). Statements run synchronously outside Kysely's connection
 * mutex, so they are for plain reads only; with the null in a transaction they never see
 * another unit's uncommitted rows.
 */
export function prepared(db: Db, text: string): Statement | null {
  const raw = sqliteHandle(db);
  if (!raw || raw.inTransaction) return null;
  return statementOn(raw, text);
}

/** What readPrepared answers where prepared would be null (PostgreSQL, or inside a transaction). */
export const NOT_PREPARED: unique symbol = Symbol('not prepared');

/**
 * The first row (`get`) or all rows (`all`) of a prepared read, as `shape` makes them (the rows
 * themselves by default), kept in memory until the database changes (see read-cache.ts): for the
 * reads every request makes. NOT_PREPARED where `prepared` would be null. The answer is shared
 * with later callers: read it, never change it.
 */
export function readPrepared<T = unknown>(
  db: Db,
  text: string,
  mode: 'get' | 'all',
  params: unknown[],
  shape: (rows: unknown) => T = (rows) => rows as T,
): T | typeof NOT_PREPARED {
  const raw = sqliteHandle(db);
  if (!raw || raw.inTransaction) return NOT_PREPARED;
  const statement = statementOn(raw, text);
  return cachedRead(raw, text, params, () =>
    shape(mode === 'get' ? statement.get(...params) : statement.all(...params)),
  );
}
