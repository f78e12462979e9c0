// Prepared statements kept per SQLite handle, for the few hot reads of every request (Kysely prepares each query anew).
import type SqliteDatabase from 'better-sqlite3';
import { sqliteHandle, type Db } from './db.js';

type Statement = SqliteDatabase.Statement<unknown[], unknown>;

const cache = new WeakMap<SqliteDatabase.Database, Map<string, Statement>>();

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
