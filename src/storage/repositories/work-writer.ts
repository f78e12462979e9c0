// Group commit for hand-ins: submissions arriving together share one durable transaction (one fsync), each acknowledged after it.
import type { Db } from '../db.js';
import { insertSubmissions, type NewSubmission } from './work.js';
import type { SubmissionRow } from './work-tables.js';

interface Pending {
  item: NewSubmission;
  resolve: (row: SubmissionRow) => void;
  reject: (error: unknown) => void;
}

/**
 * Queues submissions and writes everything queued in one transaction on the next turn of the
 * event loop. A caller's promise resolves only after the COMMIT returned (SQLite
 * synchronous=FULL: fsynced; PostgreSQL: flushed WAL), so an acknowledged hand-in is durable.
 * When a batch fails (say, one duplicate version), each item is retried alone so that one bad
 * item cannot fail its neighbours.
 */
export class SubmissionWriter {
  private queue: Pending[] = [];
  private flushing = false;
  private scheduled = false;

  constructor(
    private readonly db: Db,
    private readonly maxBatch = 256,
  ) {}

  write(item: NewSubmission): Promise<SubmissionRow> {
    return new Promise((resolve, reject) => {
      this.queue.push({ item, resolve, reject });
      this.schedule();
    });
  }

  private schedule(): void {
    if (this.scheduled || this.flushing) return;
    this.scheduled = true;
    setImmediate(() => {
      this.scheduled = false;
      void this.flush();
    });
  }

  private async flush(): Promise<void> {
    if (this.flushing || this.queue.length === 0) return;
    this.flushing = true;
    const batch = this.queue.splice(0, this.maxBatch);
    try {
      const rows = await insertSubmissions(this.db, batch.map((p) => p.item));
      batch.forEach((p, i) => p.resolve(rows[i]!));
    } catch {
      for (const p of batch) {
        try {
          const [row] = await insertSubmissions(this.db, [p.item]);
          p.resolve(row!);
        } catch (error) {
          p.reject(error);
        }
      }
    } finally {
      this.flushing = false;
      if (this.queue.length > 0) this.schedule();
    }
  }
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
