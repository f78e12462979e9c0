// The mail worker: sends the queued mail (mail_queue) through the Mailer, marks it sent, retries with backoff, survives restarts.
import { setImmediate as yieldTurn } from 'node:timers/promises';
import type { Db } from '../storage/db.js';
import {
  addressesOf,
  claimDueMail,
  markMailFailed,
  markMailSent,
  pruneSentMail,
  releaseMail,
  retryWaitingMailNow,
  type MailJobRow,
} from '../storage/repositories/mail-queue.js';
import type { Mailer } from './mailer.js';

/** Turns a job's payload into the message (subject and text), or null when there is nothing to send any more; one per kind. */
export type MailRenderer = (
  db: Db,
  payload: string,
) => Promise<{
  subject: string;
  text: string;
  html?: string;
  link?: string;
  headers?: Record<string, string>;
} | null>;

export interface MailQueueOptions {
  db: Db;
  mailer: Mailer;
  renderers: Record<string, MailRenderer>;
  clock?: () => Date;
  /** How often to look for due mail when nothing woke the worker (ms). */
  pollMs?: number;
  /** Jobs claimed and sent per round; the event loop gets a turn between messages. */
  batch?: number;
  /** How long a claim keeps other workers (other instances) off a job (ms). */
  leaseMs?: number;
  /** First retry delay; doubled per failed attempt up to maxBackoffMs. */
  backoffMs?: number;
  maxBackoffMs?: number;
  /** Failed attempts after which a job is given up (kept, with its last error). */
  maxAttempts?: number;
  /** True while hand-ins arrive: sending waits, but never longer than maxDeferMs. */
  busy?: () => boolean;
  maxDeferMs?: number;
  /** Sent jobs older than this are deleted (ms). */
  keepSentMs?: number;
  log?: (line: string) => void;
  /** Each sent job, with the request that queued it (structured log). */
  logSent?: (fields: { mailId: string; kind: string; requestId: string | null; attempts: number }) => void;
}

const DAY = 24 * 60 * 60_000;

/**
 * Drains mail_queue in the background. Delivery is at least once: a job is marked sent after
 * the mail server accepted it, so a crash in between sends it again on restart (never zero
 * times). Several instances may run workers: claims with a lease keep them off each other's jobs.
 */
export class MailQueueWorker {
  private readonly o: Required<Omit<MailQueueOptions, 'busy' | 'log' | 'logSent'>> &
    Pick<MailQueueOptions, 'busy' | 'log' | 'logSent'>;
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;
  private stopped = true;
  private deferredSince: number | null = null;
  private lastPrune = 0;

  constructor(options: MailQueueOptions) {
    this.o = {
      clock: () => new Date(),
      pollMs: 2000,
      batch: 10,
      leaseMs: 5 * 60_000,
      backoffMs: 30_000,
      maxBackoffMs: 60 * 60_000,
      maxAttempts: 20,
      maxDeferMs: 10_000,
      keepSentMs: 30 * DAY,
      ...options,
    };
  }

  /**
   * Starts draining. Mail waiting for a retry is tried at once: a start is when a fixed mail
   * setting takes effect, and what a crash or a stop left unsent goes out first.
   */
  start(): void {
    if (!this.stopped) return;
    this.stopped = false;
    this.running = retryWaitingMailNow(this.o.db, this.o.clock())
      .then(
        () => undefined,
        (error: unknown) =>
          this.o.log?.(`mail queue: ${error instanceof Error ? error.message : String(error)}`),
      )
      .finally(() => {
        this.running = null;
        this.arm(0);
      });
  }

  /** Looks for due mail soon (after a hand-in queued some). */
  poke(): void {
    if (!this.stopped && !this.running) this.arm(50);
  }

  /** Stops after the message being sent; unsent jobs stay queued for the next start. */
  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    await this.running;
  }

  /** One round now: claims and sends up to `batch` due jobs; answers how many were sent. */
  async drainOnce(): Promise<number> {
    return (await this.drain()).sent;
  }

  private arm(ms: number): void {
    if (this.stopped) return;
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = null;
      this.running = this.round().finally(() => {
        this.running = null;
      });
    }, ms);
    this.timer.unref();
  }

  private async round(): Promise<void> {
    let next = this.o.pollMs;
    try {
      const now = Date.now();
      if (this.o.busy?.()) {
        this.deferredSince ??= now;
        if (now - this.deferredSince < this.o.maxDeferMs) {
          this.arm(Math.min(this.o.pollMs, 250));
          return;
        }
      }
      this.deferredSince = null;
      const { claimed } = await this.drain();
      // A full batch: more may be due; come back after the event loop had its turn.
      if (claimed >= this.o.batch) next = 20;
      if (now - this.lastPrune > 60 * 60_000) {
        this.lastPrune = now;
        await pruneSentMail(this.o.db, new Date(this.o.clock().getTime() - this.o.keepSentMs));
      }
    } catch (error) {
      this.o.log?.(`mail queue: ${error instanceof Error ? error.message : String(error)}`);
    }
    this.arm(next);
  }

  private async drain(): Promise<{ claimed: number; sent: number }> {
    const jobs = await claimDueMail(this.o.db, this.o.clock(), this.o.leaseMs, this.o.batch);
    if (jobs.length === 0) return { claimed: 0, sent: 0 };
    const addresses = await addressesOf(this.o.db, [
      ...new Set(jobs.map((j) => j.user_id).filter((id): id is string => id !== null)),
    ]);
    const sent: string[] = [];
    try {
      for (const [i, job] of jobs.entries()) {
        if (i > 0) await yieldTurn();
        if (this.stopped && this.running) {
          // Stopping: the jobs not tried yet go back to the queue at once.
          await releaseMail(
            this.o.db,
            jobs.slice(i).map((j) => j.id),
            job.claim!,
          );
          break;
        }
        if (await this.sendOne(job, addresses)) sent.push(job.id);
      }
    } finally {
      // One write (one fsync) for the round's sent mail, not one per message.
      await markMailSent(this.o.db, sent, jobs[0]!.claim!, this.o.clock());
    }
    return { claimed: jobs.length, sent: sent.length };
  }

  /** True when the mail server took it (the caller marks it sent); a failure is recorded with its retry or give-up. */
  private async sendOne(job: MailJobRow, addresses: Map<string, string>): Promise<boolean> {
    const claim = job.claim!;
    const attempts = job.attempts + 1;
    try {
      const to = job.user_id !== null ? addresses.get(job.user_id) : job.address;
      const render = this.o.renderers[job.kind];
      const message = to && render ? await render(this.o.db, job.payload) : null;
      if (!to || !message) {
        // Nothing to retry: the account or what the mail is about is gone, or no renderer knows the kind.
        const why = !to
          ? 'no recipient address'
          : !render
            ? `no renderer for "${job.kind}"`
            : 'nothing to send any more';
        await markMailFailed(this.o.db, job.id, claim, attempts, why, null, this.o.clock());
        return false;
      }
      await this.o.mailer.send({ to, ...message, idempotencyKey: `queue-${job.id}` });
      this.o.logSent?.({ mailId: job.id, kind: job.kind, requestId: job.request_id, attempts });
      return true;
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      const now = this.o.clock();
      const retryAt =
        attempts >= this.o.maxAttempts
          ? null
          : new Date(now.getTime() + Math.min(this.o.maxBackoffMs, this.o.backoffMs * 2 ** (attempts - 1)));
      this.o.log?.(
        `mail queue: ${job.kind} mail ${job.id} failed (attempt ${attempts}): ${reason}${retryAt ? `; retry at ${retryAt.toISOString()}` : '; given up'}`,
      );
      await markMailFailed(this.o.db, job.id, claim, attempts, reason, retryAt, now).catch(() => {});
      return false;
    }
  }
}
