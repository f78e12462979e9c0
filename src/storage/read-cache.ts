// Answers of the hot reads kept in memory on SQLite while the database has not changed: a write in this process or a commit by another.
import type SqliteDatabase from 'better-sqlite3';

/**
 * Writes made in this process through any SQLite handle's query path (db.ts counts every
 * statement that is not read-only as it is prepared to run). A write outside that path to a
 * table the cached reads read must call noteWrite itself; the hand-in writer's own inserts
 * (submissions, their files, blobs, queued mail) are read by no cached query, so they do not.
 */
let writes = 0;

export function noteWrite(): void {
  writes++;
}

/** Entries kept per handle before the cache starts over (a few hundred bytes each). */
const MAX_ENTRIES = 20_000;

interface HandleCache {
  /** Answers by query text, then one level per parameter (no key built per read). */
  entries: Map<string, Level>;
  /** Answers held in all. */
  size: number;
  /** `writes` and data_version when the entries were read. */
  writes: number;
  dataVersion: number;
  /** data_version as read in this turn of the event loop (null: not read yet). */
  sampled: number | null;
  version: SqliteDatabase.Statement<[], { data_version: number }>;
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

function cacheOf(raw: SqliteDatabase.Database): HandleCache {
  let cache = caches.get(raw);
  if (!cache) {
    cache = {
      entries: new Map(),
      size: 0,
      writes,
      dataVersion: -1,
      sampled: null,
      version: raw.prepare('pragma data_version') as HandleCache['version'],
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
  if (cache.writes !== writes || cache.dataVersion !== dataVersion || cache.size >= MAX_ENTRIES) {
    cache.entries.clear();
    cache.size = 0;
    cache.writes = writes;
    cache.dataVersion = dataVersion;
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
  const answer = read();
  level.set(key, answer);
  cache.size++;
  return answer;
}
