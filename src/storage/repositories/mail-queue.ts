// The outgoing-mail queue (migration 2026_11_26_0400): jobs written with what they are about, claimed, sent, retried.
import { randomBytes } from 'node:crypto';
import type { Compilable, ExpressionBuilder, Kysely } from 'kysely';
import type { Db } from '../db.js';
import { prepared } from '../prepared.js';
import type { WorkDb } from './work-tables.js';

export interface MailJobRow {
  id: string;
  /** What renders it, e.g. 'receipt'. */
  kind: string;
  /** The recipient's account (its address is read when sending), or null with `address`. */
  user_id: string | null;
  address: string | null;
  /** JSON the kind renders from. */
  payload: string;
  created_at: string;
  attempts: number;
  next_attempt_at: string;
  claim: string | null;
  claimed_until: string | null;
  sent_at: string | null;
  gave_up_at: string | null;
  last_error: string | null;
  /** The request that caused it (x-request-id), null for background jobs. */
  request_id: string | null;
}

/** What a caller enqueues; the rest of the row starts empty. */
export type NewMailJob = Pick<MailJobRow, 'id' | 'kind' | 'user_id' | 'address' | 'payload' | 'created_at'> &
  Partial<Pick<MailJobRow, 'request_id'>>;

interface MailTables {
  mail_queue: MailJobRow;
  users: { id: string; email: string };
}

type MailDb = Kysely<MailTables>;

/** The queue's typed view of a handle or of a transaction on one. */
function mail(db: Db | WorkDb): MailDb {
  return db as unknown as MailDb;
}

/** Executes a built write and answers the rows it changed. */
async function runWrite(db: Db, query: Compilable): Promise<number> {
  const result = await db.executeQuery(query.compile());
  return Number(result.numAffectedRows ?? 0);
}

function fullRow(job: NewMailJob): MailJobRow {
  return {
    ...job,
    attempts: 0,
    next_attempt_at: job.created_at,
    claim: null,
    claimed_until: null,
    sent_at: null,
    gave_up_at: null,
    last_error: null,
    // Queued while serving a request: that request's id (the caller names it), else null.
    request_id: job.request_id ?? null,
  };
}

/** Inserts jobs with Kysely (inside the caller's transaction when `trx` is one). */
export async function insertMailJobs(trx: Db | WorkDb, jobs: NewMailJob[]): Promise<void> {
  if (jobs.length === 0) return;
  await mail(trx).insertInto('mail_queue').values(jobs.map(fullRow)).execute();
}

/** The columns of a job row, in the order the writer's synchronous SQLite path binds them. */
export const MAIL_JOB_COLUMNS = [
  'id',
  'kind',
  'user_id',
  'address',
  'payload',
  'created_at',
  'attempts',
  'next_attempt_at',
  'claim',
  'claimed_until',
  'sent_at',
  'gave_up_at',
  'last_error',
  'request_id',
] as const satisfies ReadonlyArray<keyof MailJobRow>;

/** A new job's row as values in MAIL_JOB_COLUMNS order (what fullRow makes, without the object). */
export function mailJobValues(job: NewMailJob): unknown[] {
  return [
    job.id,
    job.kind,
    job.user_id ?? null,
    job.address ?? null,
    job.payload,
    job.created_at,
    0,
    job.created_at,
    null,
    null,
    null,
    null,
    null,
    job.request_id ?? null,
  ];
}

/** The row insertMailJobs writes for a job (mailJobValues must list the same values). */
export function mailJobRow(job: NewMailJob): MailJobRow {
  return fullRow(job);
}

/** A job to send now: neither sent nor given up, its next attempt due, no live claim on it. */
function dueFor(nowIso: string) {
  return (w: ExpressionBuilder<MailTables, 'mail_queue'>) =>
    w.and([
      w('sent_at', 'is', null),
      w('gave_up_at', 'is', null),
      w('next_attempt_at', '<=', nowIso),
      w.or([w('claimed_until', 'is', null), w('claimed_until', '<=', nowIso)]),
    ]);
}

/**
 * Claims up to `limit` due jobs for `leaseMs` (other workers, on this or another instance, skip
 * a claimed job until its lease ends) and returns them, oldest first. One UPDATE takes them, so
 * two workers never hold the same job.
 */
export async function claimDueMail(db: Db, now: Date, leaseMs: number, limit: number): Promise<MailJobRow[]> {
  const claim = randomBytes(12).toString('base64url');
  const nowIso = now.toISOString();
  const until = new Date(now.getTime() + leaseMs).toISOString();
  const m = mail(db);
  // A read first: nothing due (the usual case) writes nothing.
  const anyDue = await m
    .selectFrom('mail_queue')
    .select('id')
    .where(dueFor(nowIso))
    .limit(1)
    .executeTakeFirst();
  if (!anyDue) return [];
  await runWrite(
    db,
    m
      .updateTable('mail_queue')
      .set({ claim, claimed_until: until })
      .where('id', 'in', (eb) =>
        eb
          .selectFrom('mail_queue')
          .select('id')
          .where(dueFor(nowIso))
          .orderBy('next_attempt_at')
          .orderBy('id')
          .limit(limit),
      )
      // Checked again on the row itself: a concurrent claimer that got there first wins.
      .where('sent_at', 'is', null)
      .where((w) => w.or([w('claimed_until', 'is', null), w('claimed_until', '<=', nowIso)])),
  );
  return m
    .selectFrom('mail_queue')
    .selectAll()
    .where('claim', '=', claim)
    .orderBy('next_attempt_at')
    .orderBy('id')
    .execute();
}

/** Marks jobs sent (one write for a whole round of the worker). */
export async function markMailSent(db: Db, ids: string[], claim: string, now: Date): Promise<void> {
  if (ids.length === 0) return;
  await runWrite(
    db,
    mail(db)
      .updateTable('mail_queue')
      .set({ sent_at: now.toISOString(), claim: null, claimed_until: null, last_error: null })
      .where('id', 'in', ids)
      .where('claim', '=', claim),
  );
}

/** Records a failed attempt: tried again at `retryAt`, or given up for good when `retryAt` is null. */
export async function markMailFailed(
  db: Db,
  id: string,
  claim: string,
  attempts: number,
  error: string,
  retryAt: Date | null,
  now: Date,
): Promise<void> {
  await runWrite(
    db,
    mail(db)
      .updateTable('mail_queue')
      .set({
        attempts,
        last_error: error.slice(0, 500),
        claim: null,
        claimed_until: null,
        ...(retryAt ? { next_attempt_at: retryAt.toISOString() } : { gave_up_at: now.toISOString() }),
      })
      .where('id', '=', id)
      .where('claim', '=', claim),
  );
}

/** E-mail addresses of accounts, by id (missing accounts are absent). */
export async function addressesOf(db: Db, userIds: string[]): Promise<Map<string, string>> {
  if (userIds.length === 0) return new Map();
  const rows = await mail(db)
    .selectFrom('users')
    .select(['id', 'email'])
    .where('id', 'in', userIds)
    .execute();
  return new Map(rows.map((r) => [r.id, r.email]));
}

/** Jobs neither sent nor given up (waiting, or being retried). */
export async function countPendingMail(db: Db): Promise<number> {
  const statement = prepared(
    db,
    'select count(*) as n from mail_queue where sent_at is null and gave_up_at is null',
  );
  if (statement) return Number((statement.get() as { n: number }).n);
  const row = await mail(db)
    .selectFrom('mail_queue')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('sent_at', 'is', null)
    .where('gave_up_at', 'is', null)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Every job, oldest first (operations and tests). */
export async function listMailJobs(db: Db): Promise<MailJobRow[]> {
  return mail(db).selectFrom('mail_queue').selectAll().orderBy('created_at').orderBy('id').execute();
}

/** Deletes jobs sent before `before`; returns how many went. */
export async function pruneSentMail(db: Db, before: Date): Promise<number> {
  return runWrite(db, mail(db).deleteFrom('mail_queue').where('sent_at', '<', before.toISOString()));
}

/** Gives claimed jobs back untried (a worker stopping in the middle of a batch). */
export async function releaseMail(db: Db, ids: string[], claim: string): Promise<void> {
  if (ids.length === 0) return;
  await runWrite(
    db,
    mail(db)
      .updateTable('mail_queue')
      .set({ claim: null, claimed_until: null })
      .where('id', 'in', ids)
      .where('claim', '=', claim),
  );
}

/** Makes every waiting retry due now (at start-up: the mail settings may have been fixed); answers how many. */
export async function retryWaitingMailNow(db: Db, now: Date): Promise<number> {
  const nowIso = now.toISOString();
  return runWrite(
    db,
    mail(db)
      .updateTable('mail_queue')
      .set({ next_attempt_at: nowIso })
      .where('sent_at', 'is', null)
      .where('gave_up_at', 'is', null)
      .where('next_attempt_at', '>', nowIso)
      .where((w) => w.or([w('claimed_until', 'is', null), w('claimed_until', '<=', nowIso)])),
  );
}

/** The queue at a glance (metrics): waiting jobs, those retrying after a failure, those given up, the oldest waiting. */
export async function mailQueueStats(
  db: Db,
): Promise<{ pending: number; retrying: number; gaveUp: number; oldestPendingAt: string | null }> {
  const row = await mail(db)
    .selectFrom('mail_queue')
    .select((eb) => [
      eb.fn
        .sum<number>(
          eb
            .case()
            .when(eb.and([eb('sent_at', 'is', null), eb('gave_up_at', 'is', null)]))
            .then(1)
            .else(0)
            .end(),
        )
        .as('pending'),
      eb.fn
        .sum<number>(
          eb
            .case()
            .when(eb.and([eb('sent_at', 'is', null), eb('gave_up_at', 'is', null), eb('attempts', '>', 0)]))
            .then(1)
            .else(0)
            .end(),
        )
        .as('retrying'),
      eb.fn.sum<number>(eb.case().when('gave_up_at', 'is not', null).then(1).else(0).end()).as('gaveUp'),
      eb.fn
        .min<string | null>(
          eb
            .case()
            .when(eb.and([eb('sent_at', 'is', null), eb('gave_up_at', 'is', null)]))
            .then(eb.ref('created_at'))
            .end(),
        )
        .as('oldest'),
    ])
    .executeTakeFirstOrThrow();
  return {
    pending: Number(row.pending ?? 0),
    retrying: Number(row.retrying ?? 0),
    gaveUp: Number(row.gaveUp ?? 0),
    oldestPendingAt: row.oldest ?? null,
  };
}
