// Composition root: opens the database, migrates it, builds the HTTP app; startSeminar also listens.
import type { FastifyInstance } from 'fastify';
import type { Config } from './config.js';
import { blobStorageFor } from './files/stores.js';
import { buildApp } from './http/app.js';
import { MailQueueWorker, type MailQueueOptions } from './mail/queue.js';
import { RECEIPT_MAIL, renderReceiptMail } from './services/work/receipt.js';
import { GRADE_RELEASED_MAIL, renderGradeReleasedMail } from './services/grades/mail.js';
import { accountMailRenderers } from './services/auth/account-mail.js';
import { ROLES_CHANGED_MAIL, renderRolesChangedMail } from './services/assignment/mail.js';
import { renderSummaryCommentMail, SUMMARY_COMMENT_MAIL } from './services/comments/mail.js';
import {
  DIGEST_MAIL,
  NOTIFICATION_MAIL,
  renderDigestMail,
  renderNotificationMail,
} from './services/notifications/notify.js';
import {
  NotificationScheduler,
  type NotificationSchedulerOptions,
} from './services/notifications/scheduler.js';
import { startOrphanSweeper, type OrphanSweeper } from './services/files/sweeper.js';
import { Checkpointer } from './storage/checkpointer.js';
import { createDb, PAGE_CACHE_KIB, type Db } from './storage/db.js';
import { migrateToLatest } from './storage/migrate.js';
import { submissionWriterFor } from './storage/repositories/work-writer.js';
import { threadStatements } from './storage/repositories/work-writer-sqlite.js';
import { WriterThread } from './storage/writer-thread.js';

export interface Seminar {
  app: FastifyInstance;
  db: Db;
  config: Readonly<Config>;
  /** Sends the queued mail (receipts) in the background; null when turned off. */
  mailQueue: MailQueueWorker | null;
  /** Queues announcements, reminders and digests when their time comes; null when turned off. */
  scheduler: NotificationScheduler | null;
  /** Sweeps orphan blobs and abandoned uploads from the file store; null when turned off. */
  sweeper: OrphanSweeper | null;
  /** Copies the SQLite WAL into the database off the event loop; null on PostgreSQL, in memory, or turned off. */
  checkpointer: Checkpointer | null;
  /** Closes the HTTP server (if listening) and the database. Idempotent. */
  close(): Promise<void>;
  /**
   * Stops gracefully: /api/ready answers 503 and responses close their connections for `graceMs`
   * (when a balancer polls /api/ready), then close(): in-flight requests finish, live streams end.
   */
  drain(graceMs: number): Promise<void>;
}

export interface CreateSeminarOptions {
  /** Server time (tests pass a fixed clock). */
  clock?: () => Date;
  /** Folder of the built web client (default web/dist). */
  webDir?: string;
  /** Fastify log level; defaults to config.logLevel when listening via startSeminar, silent otherwise. */
  logLevel?: string | false;
  /** Where JSON log lines go (default stdout). */
  logStream?: { write(line: string): void };
  /** The mail worker's timings (tests shorten them), or false for none (queued mail then waits for the next start). */
  mailQueue?:
    | Partial<
        Pick<
          MailQueueOptions,
          'pollMs' | 'batch' | 'leaseMs' | 'backoffMs' | 'maxBackoffMs' | 'maxAttempts' | 'maxDeferMs'
        >
      >
    | false;
  /**
   * The notification loop (announcements, reminders, digests), with its timings; off unless given
   * (`seminar serve` and `seminar demo` turn it on), so that tests of other things send no reminders.
   */
  scheduler?: Partial<Pick<NotificationSchedulerOptions, 'pollMs' | 'reminderMs' | 'firstDelayMs'>> | false;
  /** The orphan sweep of the file store (at start-up, then hourly); on unless false. */
  sweep?: false;
  /** The WAL checkpoint thread of a SQLite file database (see storage/checkpointer.ts); on unless false. */
  checkpoints?: false;
  /** The hand-in writer thread of a SQLite file database (see storage/writer-thread.ts); on unless false. */
  writerThread?: false;
}

/** Opens and migrates the database, then builds (but does not start) the app. */
export async function createSeminar(
  config: Readonly<Config>,
  options: CreateSeminarOptions = {},
): Promise<Seminar> {
  const db = createDb(config.database);
  try {
    await migrateToLatest(db);
    const app = await buildApp({
      config,
      db,
      ...(options.clock ? { clock: options.clock } : {}),
      ...(options.webDir ? { webDir: options.webDir } : {}),
      logLevel: options.logLevel ?? false,
      ...(options.logStream ? { logStream: options.logStream } : {}),
    });
    // Receipt mail is written to mail_queue with the hand-in; this worker sends it, yielding to bursts of hand-ins.
    const writer = submissionWriterFor(db);
    // Hand-in transactions run on a thread of their own (SQLite file): the event loop serves the burst.
    const writerThread =
      options.writerThread === false ? null : WriterThread.start(db, threadStatements(), PAGE_CACHE_KIB);
    writer.useThread(writerThread);
    const mailQueue =
      options.mailQueue === false || !app.hasDecorator('auth')
        ? null
        : new MailQueueWorker({
            db,
            mailer: app.auth.mailer,
            renderers: {
              [RECEIPT_MAIL]: renderReceiptMail,
              [GRADE_RELEASED_MAIL]: renderGradeReleasedMail,
              ...accountMailRenderers(app.auth.context()),
              [ROLES_CHANGED_MAIL]: renderRolesChangedMail,
              [SUMMARY_COMMENT_MAIL]: renderSummaryCommentMail,
              [NOTIFICATION_MAIL]: renderNotificationMail,
              [DIGEST_MAIL]: renderDigestMail,
            },
            ...(options.clock ? { clock: options.clock } : {}),
            busy: () => writer.busy(),
            log: (line) => app.log.warn(line),
            logSent: (fields) => app.log.info(fields, 'mail sent'),
            ...(options.mailQueue ?? {}),
          });
    if (mailQueue) app.auth.onMailQueued = () => mailQueue.poke();
    mailQueue?.start();
    const scheduler =
      options.scheduler === undefined || options.scheduler === false
        ? null
        : new NotificationScheduler({
            db,
            publicUrl: config.publicUrl,
            ...(options.clock ? { clock: options.clock } : {}),
            onQueued: () => mailQueue?.poke(),
            log: (line) => app.log.warn(`notifications: ${line}`),
            onReminders: (at) => app.metrics.remindersRan(at),
            ...options.scheduler,
          });
    scheduler?.start();
    // Blobs no row names and uploads abandoned by a killed server: swept now and every hour.
    const sweeper =
      options.sweep === false
        ? null
        : startOrphanSweeper({ db }, blobStorageFor(config), (line) => app.log.warn(line));
    // The WAL is copied into the database by a thread of its own, not by the hand-in burst's commits.
    const checkpointer =
      options.checkpoints === false
        ? null
        : Checkpointer.start(db, { onError: (line) => app.log.warn(line) });
    let closed = false;
    const close = async () => {
      if (closed) return;
      closed = true;
      // In-flight requests get a few seconds to finish; then lingering connections are cut.
      const force = setTimeout(() => app.server.closeAllConnections(), 5000);
      force.unref();
      try {
        await scheduler?.stop();
        await mailQueue?.stop();
        await sweeper?.stop();
        await app.close();
      } finally {
        clearTimeout(force);
        writer.useThread(null);
        await writerThread?.stop();
        await checkpointer?.stop();
        await db.destroy();
      }
    };
    const { lifecycle } = app.deps;
    return {
      app,
      db,
      config,
      mailQueue,
      scheduler,
      sweeper,
      checkpointer,
      close,
      async drain(graceMs) {
        lifecycle.draining = true;
        if (graceMs > 0 && lifecycle.watched()) await new Promise((r) => setTimeout(r, graceMs));
        await close();
      },
    };
  } catch (error) {
    await db.destroy();
    throw error;
  }
}

/** createSeminar + listen on config.host:config.port (0 picks a free port); returns the URL. */
export async function startSeminar(
  config: Readonly<Config>,
  options: CreateSeminarOptions = {},
): Promise<Seminar & { url: string }> {
  const seminar = await createSeminar(config, { logLevel: config.logLevel, scheduler: {}, ...options });
  return listenSeminar(seminar);
}

/** Starts listening on config.host:config.port; closes everything if the port is taken. */
export async function listenSeminar(seminar: Seminar): Promise<Seminar & { url: string }> {
  const { config } = seminar;
  try {
    await seminar.app.listen({ host: config.host, port: config.port });
  } catch (error) {
    await seminar.close();
    throw error;
  }
  const address = seminar.app.server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  const host = config.host === '0.0.0.0' || config.host === '::' ? 'localhost' : config.host;
  const url = `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
  return { ...seminar, url };
}
