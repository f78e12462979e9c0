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
  entries: Map<string, unknown>;
  /** `writes` and data_version when the entries were read. */
  writes: number;
  dataVersion: number;
  /** data_version as read in this turn of the event loop (null: not read yet). */
  sampled: number | null;
  version: SqliteDatabase.Statement<[], { data_version: number }>;
}

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
 * The answer of a read (`key` names the query and its parameters), from memory when nothing was
 * written since it was read, else from `read`. Only for plain reads outside a transaction on the
 * handle (the caller has a prepared statement): inside one, the answer could be uncommitted.
 * Answers are shared between callers: they must not be changed.
 */
export function cachedRead<T>(raw: SqliteDatabase.Database, key: string, read: () => T): T {
  const cache = cacheOf(raw);
  const dataVersion = dataVersionOf(cache);
  if (cache.writes !== writes || cache.dataVersion !== dataVersion || cache.entries.size >= MAX_ENTRIES) {
    cache.entries.clear();
    cache.writes = writes;
    cache.dataVersion = dataVersion;
  }
  if (cache.entries.has(key)) return cache.entries.get(key) as T;
  const answer = read();
  // A write while reading (none can happen: the read is synchronous) would make this answer old.
  if (cache.writes === writes) cache.entries.set(key, answer);
  return answer;
}
