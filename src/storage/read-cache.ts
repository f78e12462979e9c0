// Answers of the hot reads kept in memory on SQLite while the tables they read have not changed: a write in this
// process, or a commit by another connection that moved the cache epoch.
import type SqliteDatabase from 'better-sqlite3';

/**
 * Writes made in this process through any SQLite handle's query path (db.ts counts every
 * statement that is not read-only as it is prepared to run). A write outside that path to a
 * table the cached reads read must call noteWrite itself; the hand-in writer's own inserts
 * (submissions, their files, blobs, queued mail) are read by no cached query, so they do not,
 * and its thread's commits (another connection) leave the cache epoch where it was.
 */
let writes = 0;

export function noteWrite(): void {
  writes++;
}

/** Cached reads that went to the database (tests and benches look at it). */
let databaseReads = 0;

export function readsFromDatabase(): number {
  return databaseReads;
}

/** Entries kept per handle before the cache starts over (a few hundred bytes each). */
const MAX_ENTRIES = 20_000;

interface HandleCache {
  /** Answers by query text, then one level per parameter (no key built per read). */
  entries: Map<string, Level>;
  /** Answers held in all. */
  size: number;
  /** `writes`, data_version and the cache epoch (null: not known) when the entries were read. */
  writes: number;
  dataVersion: number;
  epoch: number | null;
  /** data_version as read in this turn of the event loop (null: not read yet). */
  sampled: number | null;
  version: SqliteDatabase.Statement<[], { data_version: number }>;
  /** Reads the cache epoch; null when the database has no cache_epoch table (not migrated). */
  epochRead: SqliteDatabase.Statement<[], { value: number }> | null;
}

/** One parameter's answers (last parameter) or the next parameter's levels; Map keys tell null from "null". */
type Level = Map<unknown, unknown>;

/** The key of a read without parameters. */
const NO_PARAMS = Symbol('no parameters');

const caches = new WeakMap<SqliteDatabase.Database, HandleCache>();

/**
 * SQLite's data_version changes when another connection (another process: the CLI, a second
 * server) commits; it is read once per turn of the event loop, so a commit elsewhere is seen by
 * every request that starts after the turn it landed in, as if the two had crossed.
 */
function dataVersionOf(cache: HandleCache): number {
  if (cache.sampled === null) {
    cache.sampled = cache.version.get()!.data_version;
    setImmediate(() => {
      cache.sampled = null;
    });
  }
  return cache.sampled;
}

/**
 * The cache epoch: migration 2026_12_09_0100's triggers move it at every insert, update or delete
 * on the tables the hot reads read, whoever writes. Null without the table (a database not yet
 * migrated): every commit elsewhere then ends the answers, as data_version alone would say.
 */
function epochOf(raw: SqliteDatabase.Database, cache: HandleCache): number | null {
  try {
    cache.epochRead ??= raw.prepare('select value from cache_epoch where id = 1') as HandleCache['epochRead'];
    return Number(cache.epochRead!.get()?.value ?? 0);
  } catch {
    cache.epochRead = null;
    return null;
  }
}

function cacheOf(raw: SqliteDatabase.Database): HandleCache {
  let cache = caches.get(raw);
  if (!cache) {
    cache = {
      entries: new Map(),
      size: 0,
      writes,
      dataVersion: -1,
      epoch: null,
      sampled: null,
      version: raw.prepare('pragma data_version') as HandleCache['version'],
      epochRead: null,
    };
    caches.set(raw, cache);
  }
  return cache;
}

/**
 * The answer of a read (`query` with `params`), from memory when nothing was written since it was
 * read, else from `read`. Only for plain reads outside a transaction on the handle (the caller has
 * a prepared statement): inside one, the answer could be uncommitted. Answers are shared between
 * callers: they must not be changed.
 */
export function cachedRead<T>(
  raw: SqliteDatabase.Database,
  query: string,
  params: unknown[],
  read: () => T,
): T {
  const cache = cacheOf(raw);
  const dataVersion = dataVersionOf(cache);
  let clear = cache.writes !== writes || cache.size >= MAX_ENTRIES;
  if (cache.dataVersion !== dataVersion) {
    // Another connection committed. The epoch is read before any answer of this turn, so an answer
    // kept from here on is never older than the epoch it is kept under.
    const epoch = epochOf(raw, cache);
    if (epoch === null || epoch !== cache.epoch) clear = true;
    cache.dataVersion = dataVersion;
    cache.epoch = epoch;
  }
  if (clear) {
    cache.entries.clear();
    cache.size = 0;
    cache.writes = writes;
  }
  let level = cache.entries.get(query);
  if (!level) {
    level = new Map();
    cache.entries.set(query, level);
  }
  const last = params.length - 1;
  for (let i = 0; i < last; i++) {
    let next = level.get(params[i]) as Level | undefined;
    if (!next) {
      next = new Map();
      level.set(params[i], next);
    }
    level = next;
  }
  const key = last < 0 ? NO_PARAMS : params[last];
  const known = level.get(key);
  if (known !== undefined || level.has(key)) return known as T;
  // The read is synchronous: no write can come between it and keeping its answer.
  databaseReads++;
  const answer = read();
  level.set(key, answer);
  cache.size++;
  return answer;
}

/** Deep-freezes what a cache shares between requests (its answers): a stray mutation throws instead of leaking. */
export function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}
