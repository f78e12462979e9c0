// Every table's rows in a dialect-neutral form (column names and JSON values), read from one consistent snapshot,
// and loaded back in dependency order: the core of `seminar backup`, `restore` and `move`.
import { randomBytes } from 'node:crypto';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { sql, type Kysely } from 'kysely';
import { createDb, dialectOf, sqliteHandle, writeTransaction, type AnyDb, type Db } from './db.js';
import { listMigrations } from './migrate.js';

export interface TableShape {
  name: string;
  columns: string[];
}

/** Reads a table of the snapshot page by page (rows as arrays in `columns` order). */
export interface SnapshotReader {
  /** Migrations applied in the snapshot, in order. */
  migrations: string[];
  /** Tables in dependency order (referenced before referencing). */
  tables: TableShape[];
  pages(table: TableShape): AsyncIterable<unknown[][]>;
}

const PAGE = 2000;

/** Runs `fn` on a consistent snapshot: SQLite through its online backup API into a temp copy, PostgreSQL in one read-only REPEATABLE READ transaction. */
export async function withSnapshot<T>(
  db: Db,
  tempDir: string,
  fn: (r: SnapshotReader) => Promise<T>,
): Promise<T> {
  const migrations = (await listMigrations(db)).filter((m) => m.executedAt).map((m) => m.name);
  if (dialectOf(db) === 'postgres') {
    return db
      .transaction()
      .setIsolationLevel('repeatable read')
      .setAccessMode('read only')
      .execute(async (trx) => fn(await readerOf(trx, 'postgres', migrations)));
  }
  const raw = sqliteHandle(db);
  if (!raw) throw new Error('no SQLite handle');
  const copy = join(tempDir, `snapshot-${randomBytes(6).toString('hex')}.db`);
  await raw.backup(copy);
  const snap = createDb({ kind: 'sqlite', file: copy });
  try {
    return await fn(await readerOf(snap, 'sqlite', migrations));
  } finally {
    await snap.destroy();
    for (const suffix of ['', '-wal', '-shm']) await rm(copy + suffix, { force: true });
  }
}

async function readerOf(
  db: AnyDb,
  dialect: 'sqlite' | 'postgres',
  migrations: string[],
): Promise<SnapshotReader> {
  const tables = await tablesInOrder(db, dialect);
  return {
    migrations,
    tables,
    async *pages(table) {
      const cols = table.columns.map((c) => sql.id(c));
      const order = sql.raw(table.columns.map((_, i) => String(i + 1)).join(', '));
      for (let offset = 0; ; offset += PAGE) {
        const { rows } = await sql<
          Record<string, unknown>
        >`select ${sql.join(cols)} from ${sql.id(table.name)} order by ${order} limit ${PAGE} offset ${offset}`.execute(
          db,
        );
        if (rows.length > 0) yield rows.map((r) => table.columns.map((c) => r[c] ?? null));
        if (rows.length < PAGE) return;
      }
    },
  };
}

/**
 * The app's tables with their stored columns, parents first: not the migrator's, not SQLite's full-text index
 * (its triggers rebuild it), not the cache epoch (its triggers count writes as they happen, a copy is no data).
 */
/** Tables whose rows follow from the others' (kept by triggers): neither dumped nor restored. */
const DERIVED = new Set(['cache_epoch']);

export async function tablesInOrder(db: AnyDb, dialect = dialectOf(db as Db)): Promise<TableShape[]> {
  const edges: Array<{ child: string; parent: string }> = [];
  const shapes = new Map<string, string[]>();
  if (dialect === 'sqlite') {
    const { rows } = await sql<{ name: string; sql: string }>`
      select name, sql from sqlite_master where type = 'table' and name not like 'sqlite\\_%' escape '\\'`.execute(
      db,
    );
    const virtual = rows.filter((r) => /^create virtual table/i.test(r.sql ?? '')).map((r) => r.name);
    for (const { name } of rows) {
      if (
        DERIVED.has(name) ||
        name.startsWith('kysely_') ||
        virtual.some((v) => name === v || name.startsWith(`${v}_`))
      )
        continue;
      const cols = await sql<{
        name: string;
      }>`select name from pragma_table_info(${name}) order by cid`.execute(db);
      shapes.set(
        name,
        cols.rows.map((c) => c.name),
      );
      const fks = await sql<{ table: string }>`select "table" from pragma_foreign_key_list(${name})`.execute(
        db,
      );
      for (const fk of fks.rows) edges.push({ child: name, parent: fk.table });
    }
  } else {
    const { rows } = await sql<{ table: string; column: string }>`
      select table_name as "table", column_name as "column" from information_schema.columns
      where table_schema = current_schema() and is_generated = 'NEVER'
        and table_name in (select table_name from information_schema.tables
                           where table_schema = current_schema() and table_type = 'BASE TABLE')
      order by table_name, ordinal_position`.execute(db);
    for (const r of rows) {
      if (DERIVED.has(r.table) || r.table.startsWith('kysely_')) continue;
      shapes.set(r.table, [...(shapes.get(r.table) ?? []), r.column]);
    }
    const fks = await sql<{ child: string; parent: string }>`
      select c.relname as child, p.relname as parent from pg_constraint k
      join pg_class c on c.oid = k.conrelid join pg_class p on p.oid = k.confrelid
      where k.contype = 'f' and k.connamespace = current_schema()::regnamespace`.execute(db);
    edges.push(...fks.rows);
  }
  const ordered: string[] = [];
  const visiting = new Set<string>();
  const visit = (name: string) => {
    if (ordered.includes(name) || visiting.has(name) || !shapes.has(name)) return;
    visiting.add(name);
    for (const e of edges) if (e.child === name && e.parent !== name) visit(e.parent);
    ordered.push(name);
  };
  for (const name of [...shapes.keys()].sort()) visit(name);
  return ordered.map((name) => ({ name, columns: shapes.get(name)! }));
}

/** Tables of `db` holding at least one row (a restore refuses such a target). */
export async function nonEmptyTables(db: Db): Promise<string[]> {
  const found: string[] = [];
  for (const t of await tablesInOrder(db)) {
    const { rows } = await sql<{ one: number }>`select 1 as one from ${sql.id(t.name)} limit 1`.execute(db);
    if (rows.length > 0) found.push(t.name);
  }
  return found;
}

/** Rows per table. */
export async function countRows(db: Db): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const t of await tablesInOrder(db)) {
    const { rows } = await sql<{ n: number | string }>`select count(*) as n from ${sql.id(t.name)}`.execute(
      db,
    );
    counts[t.name] = Number(rows[0]?.n ?? 0);
  }
  return counts;
}

export interface TableSource {
  table: TableShape;
  rows: AsyncIterable<unknown[]>;
}

/** Inserts every table's rows in one transaction (all or nothing), in the order given (parents first). */
export async function loadTables(
  db: Db,
  sources: AsyncIterable<TableSource>,
): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  await writeTransaction(db, async (trx) => {
    // Rows of a table that point at each other (replies to replies) may arrive in any order.
    if (dialectOf(db) === 'sqlite') await sql`pragma defer_foreign_keys = on`.execute(trx);
    const any = trx as unknown as Kysely<Record<string, Record<string, unknown>>>;
    for await (const { table, rows } of sources) {
      const size = Math.max(1, Math.min(500, Math.floor(30000 / table.columns.length)));
      let batch: Array<Record<string, unknown>> = [];
      const flush = async () => {
        if (batch.length > 0) await any.insertInto(table.name).values(batch).execute();
        batch = [];
      };
      counts[table.name] = 0;
      for await (const values of rows) {
        batch.push(Object.fromEntries(table.columns.map((c, i) => [c, values[i] ?? null])));
        counts[table.name]!++;
        if (batch.length >= size) await flush();
      }
      await flush();
    }
  });
  return counts;
}
