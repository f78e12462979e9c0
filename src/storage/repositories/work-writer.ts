// Group commit for hand-ins: submissions arriving together share one durable transaction (one fsync), each acknowledged after it.
import { sql } from 'kysely';
import { sqliteHandle, type Db } from '../db.js';
import { ThreadNotDurableError, type WriterThread } from '../writer-thread.js';
import { insertMailJobs, type NewMailJob } from './mail-queue.js';
import { type NewSubmission } from './work.js';
import { work, type SubmissionRow, type WorkDb } from './work-tables.js';
import { NotDurableError, sqliteStatements, threadItemOf } from './work-writer-sqlite.js';

/** One hand-in to record, with the mail it sends (receipts), written in the same transaction. */
export interface WriterItem extends NewSubmission {
  mail?: NewMailJob[];
}

interface Pending {
  item: WriterItem;
  resolve: (row: SubmissionRow) => void;
  reject: (error: unknown) => void;
}

/** How long after the last write the writer still counts as busy (the mail worker waits meanwhile). */
const BUSY_MS = 250;

/**
 * Queues submissions and writes everything queued in one transaction on the next turn of the
 * event loop. A caller's promise resolves only after the COMMIT returned (SQLite
 * synchronous=FULL: fsynced; PostgreSQL: flushed WAL), so an acknowledged hand-in is durable.
 * When a batch fails (say, one duplicate version), each item is retried alone so that one bad
 * item cannot fail its neighbours.
 *
 * On SQLite the transaction runs synchronously on the one connection, and its fsync is taken
 * off the event loop (see WalSync in work-writer-sqlite.ts): the batch commits without syncing, the WAL file is synced
 * on the thread pool, and only then are its hand-ins acknowledged. Meanwhile the event loop
 * serves the next requests, which gather into the next batch.
 *
 * A server on a SQLite file hands its batches to a writer thread instead (useThread; see
 * storage/writer-thread.ts): the thread's own connection numbers, inserts, commits and syncs
 * them, and the event loop only serves requests. Should the thread fail, the batches it held are
 * refused (never acknowledged) and the writer goes on here, on the event loop.
 */
export class SubmissionWriter {
  private queue: Pending[] = [];
  private flushing = false;
  /** Batches committed whose sync has not returned yet. */
  private syncing = 0;
  private scheduled = false;
  private lastWriteAt = 0;
  private thread: WriterThread | null = null;

  constructor(
    private readonly db: Db,
    private readonly maxBatch = 256,
  ) {}

  /** Hands the batches from now on to `thread` (null: back to the event loop). */
  useThread(thread: WriterThread | null): void {
    this.thread = thread;
  }

  write(item: WriterItem): Promise<SubmissionRow> {
    return new Promise((resolve, reject) => {
      this.queue.push({ item, resolve, reject });
      this.schedule();
    });
  }

  /** True while hand-ins are arriving (a write within the last quarter second, or one queued). */
  busy(now = Date.now()): boolean {
    return this.queue.length > 0 || this.flushing || this.syncing > 0 || now - this.lastWriteAt < BUSY_MS;
  }

  private schedule(): void {
    if (this.scheduled || this.flushing || this.syncing >= MAX_SYNCING) return;
    this.scheduled = true;
    setImmediate(() => {
      this.scheduled = false;
      void this.flush();
    });
  }

  private async flush(): Promise<void> {
    if (this.flushing || this.queue.length === 0 || this.syncing >= MAX_SYNCING) return;
    this.flushing = true;
    const batch = this.queue.splice(0, this.maxBatch);
    if (this.thread?.running) return this.handOver(this.thread, batch);
    let committed: Committed | null = null;
    try {
      committed = await commitBatch(
        this.db,
        batch.map((p) => p.item),
      );
    } catch {
      // The batch left nothing behind (say, one duplicate version): each item is written alone.
      for (const p of batch) {
        try {
          const [row] = await insertBatch(this.db, [p.item]);
          p.resolve(row!);
        } catch (error) {
          p.reject(error);
        }
      }
    } finally {
      this.lastWriteAt = Date.now();
      this.flushing = false;
    }
    if (!committed) return this.next();
    // Committed: the next batch may commit while this one's sync runs on the thread pool.
    this.syncing++;
    this.next();
    try {
      await committed.durable;
      batch.forEach((p, i) => p.resolve(committed.rows[i]!));
    } catch (error) {
      // Committed but not known to be durable: never acknowledged, and not written again.
      for (const p of batch) p.reject(error);
    } finally {
      this.syncing--;
      this.lastWriteAt = Date.now();
      this.next();
    }
  }

  /** Gives a batch to the writer thread; the next one may be handed over while this one is written. */
  private async handOver(thread: WriterThread, batch: Pending[]): Promise<void> {
    this.syncing++;
    this.flushing = false;
    this.next();
    try {
      const results = await thread.write(batch.map((p) => threadItemOf(p.item)));
      batch.forEach((p, i) => {
        const result = results[i]!;
        if ('version' in result) {
          // The queued row becomes the stored one in place: a copy of its twenty fields per hand-in showed in the burst's profile.
          const row = p.item.row as SubmissionRow;
          row.version = result.version;
          p.resolve(row);
        } else p.reject(Object.assign(new Error(result.error.message), { code: result.error.code }));
      });
    } catch (error) {
      // Not known to be written durably (a failed sync, or the thread gone): none is acknowledged.
      const refusal = error instanceof ThreadNotDurableError ? new NotDurableError(error.message) : error;
      for (const p of batch) p.reject(refusal);
    } finally {
      this.syncing--;
      this.lastWriteAt = Date.now();
      this.next();
    }
  }

  private next(): void {
    if (this.queue.length > 0) this.schedule();
  }
}

/** A batch written: its rows, and the promise that they are durable (null when the commit itself made them so). */
interface Committed {
  rows: SubmissionRow[];
  durable: Promise<void> | null;
}

/**
 * Batches committed and waiting for their sync at once. A second batch commits while the first
 * one's WAL sync runs (its sync then covers both), so the event loop is not idle waiting for
 * the disk while requests are queued; more would only add syncs of the same file.
 */
const MAX_SYNCING = 2;

/** Writes a batch; on SQLite its rows are committed but acknowledged only once `durable` resolved. */
async function commitBatch(db: Db, items: WriterItem[]): Promise<Committed> {
  const raw = sqliteHandle(db);
  if (!raw) return { rows: await insertBatch(db, items), durable: null };
  const statements = sqliteStatements(raw);
  const wal = statements.wal;
  const rows = await db
    .connection()
    .execute(async () =>
      wal
        ? wal.unsynced(() => statements.transaction.immediate(items))
        : statements.transaction.immediate(items),
    );
  return { rows, durable: wal ? wal.sync() : null };
}

/**
 * Records versions with their files, blob rows and queued mail in one transaction, each
 * version number taken inside it (max + 1). On SQLite the transaction holds the write lock
 * from its start (BEGIN IMMEDIATE), so no other connection numbers meanwhile; on PostgreSQL a
 * transaction-scoped advisory lock per hand-in does the same across instances. The unique key
 * stays the last guard: a duplicate fails, never overwrites.
 */
export async function insertBatch(db: Db, items: WriterItem[]): Promise<SubmissionRow[]> {
  if (sqliteHandle(db)) {
    const { rows, durable } = await commitBatch(db, items);
    await durable;
    return rows;
  }
  for (let attempt = 1; ; attempt++) {
    try {
      return await work(db)
        .transaction()
        .execute(async (trx) => {
          // Numbering is allocated under a lock per hand-in (course, deliverable, slot, owner), taken
          // in one order for the whole batch: another instance numbering the same hand-in waits
          // for this commit and then reads the new highest version, instead of clashing with it.
          for (const key of [...new Set(items.map(versionKey))].sort())
            await sql`select pg_advisory_xact_lock(hashtextextended(${key}::text, 0::bigint))`.execute(trx);
          const out: SubmissionRow[] = [];
          for (const item of items) out.push(await insertOneKysely(trx as unknown as WorkDb, item));
          return out;
        });
    } catch (error) {
      // A deadlock between two instances' batches, or a clash with a writer that numbers without
      // the lock: the transaction left nothing behind, so it is run again.
      if (attempt >= MAX_ATTEMPTS || !retryable(error)) throw error;
    }
  }
}

const MAX_ATTEMPTS = 5;

/** The hand-in whose versions an item numbers. */
function versionKey(item: WriterItem): string {
  const { row } = item;
  return [row.course_id, row.deliverable_key, row.slot, row.owner].join('|');
}

/** PostgreSQL's unique violation, deadlock and serialization failure: the same write may succeed again. */
function retryable(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === '23505' || code === '40P01' || code === '40001';
}

async function insertOneKysely(trx: WorkDb, item: WriterItem): Promise<SubmissionRow> {
  const { row, files, blobs } = item;
  const max = await trx
    .selectFrom('submissions')
    .select((eb) => eb.fn.max('version').as('v'))
    .where('course_id', '=', row.course_id)
    .where('deliverable_key', '=', row.deliverable_key)
    .where('slot', '=', row.slot)
    .where('owner', '=', row.owner)
    .executeTakeFirst();
  const full: SubmissionRow = { ...row, version: Number(max?.v ?? 0) + 1 };
  for (const blob of blobs) {
    await trx
      .insertInto('blobs')
      .values(blob)
      .onConflict((oc) => oc.column('sha256').doNothing())
      .execute();
  }
  await trx.insertInto('submissions').values(full).execute();
  if (files.length > 0) {
    await trx
      .insertInto('submission_files')
      .values(files.map((f) => ({ ...f, submission_id: row.id })))
      .execute();
  }
  if (item.mail) await insertMailJobs(trx, item.mail);
  return full;
}

const writers = new WeakMap<Db, SubmissionWriter>();

/** The one writer of a database handle (so every request on it shares the batches). */
export function submissionWriterFor(db: Db): SubmissionWriter {
  let writer = writers.get(db);
  if (!writer) {
    writer = new SubmissionWriter(db);
    writers.set(db, writer);
  }
  return writer;
}
