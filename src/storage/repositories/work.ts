// Deliverables, submissions (versions, files, counted version), extensions, policy acknowledgements and reviews.
import { sql } from 'kysely';
import { writeTransaction, type Db } from '../db.js';
import { bumpWorkVersion } from './hot-reads.js';
import {
  work,
  type BlobRow,
  type DeliverableRow,
  type ExtensionRow,
  type ReviewRow,
  type SubmissionFileRow,
  type SubmissionRow,
} from './work-tables.js';

export type {
  DeliverableRow,
  ExtensionRow,
  ReviewRow,
  SubmissionFileRow,
  SubmissionRow,
} from './work-tables.js';

export async function listDeliverableRows(db: Db, courseId: string): Promise<DeliverableRow[]> {
  return work(db)
    .selectFrom('deliverables')
    .selectAll()
    .where('course_id', '=', courseId)
    .orderBy('position')
    .execute();
}

/** Inserts the deliverables a course does not have yet (by key); existing rows (maybe edited by staff) stay. */
export async function insertMissingDeliverables(db: Db, rows: DeliverableRow[]): Promise<number> {
  if (rows.length === 0) return 0;
  const result = await work(db)
    .insertInto('deliverables')
    .values(rows)
    .onConflict((oc) => oc.columns(['course_id', 'key']).doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0);
}

/** Saves a deliverable's edited policy and bumps the course's work version with it (readers cache deliverables by it). */
export async function updateDeliverableRow(
  db: Db,
  courseId: string,
  key: string,
  patch: Pick<DeliverableRow, 'spec' | 'closed' | 'updated_at'>,
): Promise<void> {
  await writeTransaction(db, async (trx) => {
    await work(trx)
      .updateTable('deliverables')
      .set(patch)
      .where('course_id', '=', courseId)
      .where('key', '=', key)
      .execute();
    await bumpWorkVersion(trx, courseId);
  });
}

export interface NewSubmission {
  row: Omit<SubmissionRow, 'version'>;
  files: Array<Omit<SubmissionFileRow, 'submission_id'>>;
  /** Blob rows of the files (their bytes already fsynced on disk). */
  blobs: BlobRow[];
}

export interface SubmissionQuery {
  courseId: string;
  deliverableKey?: string;
  meetingDate?: string | null;
  owners?: string[];
}

export async function listSubmissions(db: Db, q: SubmissionQuery): Promise<SubmissionRow[]> {
  let query = work(db).selectFrom('submissions').selectAll().where('course_id', '=', q.courseId);
  if (q.deliverableKey !== undefined) query = query.where('deliverable_key', '=', q.deliverableKey);
  if (q.meetingDate !== undefined)
    query =
      q.meetingDate === null
        ? query.where('meeting_date', 'is', null)
        : query.where('meeting_date', '=', q.meetingDate);
  if (q.owners !== undefined) {
    if (q.owners.length === 0) return [];
    query = query.where('owner', 'in', q.owners);
  }
  return query.orderBy('submitted_at').orderBy('version').execute();
}

export async function findSubmission(db: Db, id: string): Promise<SubmissionRow | undefined> {
  return work(db).selectFrom('submissions').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function countSubmissions(db: Db, courseId: string): Promise<number> {
  const row = await work(db)
    .selectFrom('submissions')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('course_id', '=', courseId)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Hand-ins per class date (every version counts), for the classes that hold any. */
export async function countHandInsByMeetingDate(db: Db, courseId: string): Promise<Map<string, number>> {
  const rows = await work(db)
    .selectFrom('submissions')
    .select((eb) => ['meeting_date', eb.fn.countAll<string | number>().as('n')])
    .where('course_id', '=', courseId)
    .where('meeting_date', 'is not', null)
    .groupBy('meeting_date')
    .execute();
  return new Map(rows.map((r) => [r.meeting_date!, Number(r.n)]));
}

export async function listFilesOf(db: Db, submissionIds: string[]): Promise<SubmissionFileRow[]> {
  if (submissionIds.length === 0) return [];
  const out: SubmissionFileRow[] = [];
  for (let i = 0; i < submissionIds.length; i += 500) {
    out.push(
      ...(await work(db)
        .selectFrom('submission_files')
        .selectAll()
        .where('submission_id', 'in', submissionIds.slice(i, i + 500))
        .orderBy('position')
        .execute()),
    );
  }
  return out;
}

export async function listCountedChoices(
  db: Db,
  courseId: string,
): Promise<Array<{ deliverable_key: string; slot: string; owner: string; submission_id: string }>> {
  return work(db)
    .selectFrom('counted_versions')
    .select(['deliverable_key', 'slot', 'owner', 'submission_id'])
    .where('course_id', '=', courseId)
    .execute();
}

export async function setCountedChoice(
  db: Db,
  row: {
    course_id: string;
    deliverable_key: string;
    slot: string;
    owner: string;
    submission_id: string;
    set_by: string;
    set_at: string;
  },
): Promise<void> {
  await work(db)
    .insertInto('counted_versions')
    .values(row)
    .onConflict((oc) =>
      oc
        .columns(['course_id', 'deliverable_key', 'slot', 'owner'])
        .doUpdateSet({ submission_id: row.submission_id, set_by: row.set_by, set_at: row.set_at }),
    )
    .execute();
}

export async function listExtensionRows(db: Db, courseId: string): Promise<ExtensionRow[]> {
  return work(db)
    .selectFrom('extensions')
    .selectAll()
    .where('course_id', '=', courseId)
    .orderBy('granted_at')
    .execute();
}

export async function insertExtension(db: Db, row: ExtensionRow): Promise<void> {
  await work(db).insertInto('extensions').values(row).execute();
}

export async function hasAcknowledged(
  db: Db,
  courseId: string,
  userId: string,
  policy: string,
): Promise<boolean> {
  const row = await work(db)
    .selectFrom('policy_acknowledgements')
    .select('acknowledged_at')
    .where('course_id', '=', courseId)
    .where('user_id', '=', userId)
    .where('policy', '=', policy)
    .executeTakeFirst();
  return row !== undefined;
}

export async function insertAcknowledgement(
  db: Db,
  row: { course_id: string; user_id: string; policy: string; acknowledged_at: string },
): Promise<void> {
  await work(db)
    .insertInto('policy_acknowledgements')
    .values(row)
    .onConflict((oc) => oc.columns(['course_id', 'user_id', 'policy']).doNothing())
    .execute();
}

export async function insertReview(db: Db, row: ReviewRow): Promise<void> {
  await work(db).insertInto('submission_reviews').values(row).execute();
}

/**
 * Records staff's decision on a version (approved / returned) with its review, only if the
 * version is still undecided: a compare-and-set on the version row, so of two decisions sent at
 * once exactly one lands. Answers false (nothing written) when it was decided already. `after`
 * runs in the same transaction (the audit entry).
 */
export async function insertDecision(
  db: Db,
  row: ReviewRow,
  after: (trx: Db) => Promise<void>,
): Promise<boolean> {
  return writeTransaction(db, async (trx) => {
    const claimed = await work(trx)
      .updateTable('submissions')
      .set({ decided_at: row.created_at })
      .where('id', '=', row.submission_id)
      .where('decided_at', 'is', null)
      .executeTakeFirst();
    if (Number(claimed.numUpdatedRows ?? 0) !== 1) return false;
    await work(trx).insertInto('submission_reviews').values(row).execute();
    await after(trx);
    return true;
  });
}

/** The earlier decision on a version (the one that made a second one a conflict), if any. */
export async function findDecisionOf(db: Db, submissionId: string): Promise<ReviewRow | undefined> {
  return work(db)
    .selectFrom('submission_reviews')
    .selectAll()
    .where('submission_id', '=', submissionId)
    .where('decision', '<>', 'comment')
    .orderBy('created_at')
    .executeTakeFirst();
}

/** The resubmission windows staff opened by returning versions of one hand-in: when each opened, until when. */
export async function listResubmissionWindows(
  db: Db,
  key: { course_id: string; deliverable_key: string; slot: string; owner: string },
): Promise<Array<{ openedAt: string; until: string }>> {
  const rows = await work(db)
    .selectFrom('submission_reviews as r')
    .innerJoin('submissions as s', 's.id', 'r.submission_id')
    .select(['r.created_at', 'r.resubmit_until'])
    .where('s.course_id', '=', key.course_id)
    .where('s.deliverable_key', '=', key.deliverable_key)
    .where('s.slot', '=', key.slot)
    .where('s.owner', '=', key.owner)
    .where('r.decision', '=', 'returned')
    .where('r.resubmit_until', 'is not', null)
    .execute();
  return rows.map((r) => ({ openedAt: r.created_at, until: r.resubmit_until! }));
}

export async function listReviewsOf(db: Db, submissionIds: string[]): Promise<ReviewRow[]> {
  if (submissionIds.length === 0) return [];
  return work(db)
    .selectFrom('submission_reviews')
    .selectAll()
    .where('submission_id', 'in', submissionIds)
    .orderBy('created_at')
    .execute();
}

/** For the durability test: every receipt hash stored. */
export async function listReceiptHashes(
  db: Db,
  courseId: string,
): Promise<Array<{ id: string; sha256: string }>> {
  return work(db)
    .selectFrom('submissions')
    .select(['id', 'sha256'])
    .where('course_id', '=', courseId)
    .execute();
}

/** SQLite's own consistency check ("ok" when intact); PostgreSQL answers "ok" after a full read of the tables. */
export async function checkIntegrity(db: Db, dialect: 'sqlite' | 'postgres'): Promise<string> {
  if (dialect === 'sqlite') {
    const { rows } = await sql<{ integrity_check: string }>`pragma integrity_check`.execute(db);
    return rows.map((r) => r.integrity_check).join('; ');
  }
  await sql`select count(*) from submissions`.execute(db);
  await sql`select count(*) from submission_files f join submissions s on s.id = f.submission_id`.execute(db);
  return 'ok';
}

/** One extension of a course by id (undefined when it is not there, or belongs to another course). */
export async function findExtensionRow(
  db: Db,
  courseId: string,
  id: string,
): Promise<ExtensionRow | undefined> {
  return work(db)
    .selectFrom('extensions')
    .selectAll()
    .where('course_id', '=', courseId)
    .where('id', '=', id)
    .executeTakeFirst();
}

/** Removes one extension of a course; answers how many rows went (0 when it was already gone). */
export async function deleteExtensionRow(db: Db, courseId: string, id: string): Promise<number> {
  const result = await work(db)
    .deleteFrom('extensions')
    .where('course_id', '=', courseId)
    .where('id', '=', id)
    .executeTakeFirst();
  return Number(result.numDeletedRows ?? 0);
}

/** Staff's choice of the counted version of one hand-in (deliverable, slot, owner), with who made it and when. */
export async function listCountedChoicesOf(
  db: Db,
  courseId: string,
  key: string,
  owner: string,
): Promise<Array<{ slot: string; submission_id: string; set_by: string; set_at: string }>> {
  return work(db)
    .selectFrom('counted_versions')
    .select(['slot', 'submission_id', 'set_by', 'set_at'])
    .where('course_id', '=', courseId)
    .where('deliverable_key', '=', key)
    .where('owner', '=', owner)
    .execute();
}

/** Removes staff's choice of the counted version of one hand-in; answers how many rows went (0 when there was none). */
export async function deleteCountedChoice(
  db: Db,
  key: { course_id: string; deliverable_key: string; slot: string; owner: string },
): Promise<number> {
  const result = await work(db)
    .deleteFrom('counted_versions')
    .where('course_id', '=', key.course_id)
    .where('deliverable_key', '=', key.deliverable_key)
    .where('slot', '=', key.slot)
    .where('owner', '=', key.owner)
    .executeTakeFirst();
  return Number(result.numDeletedRows ?? 0);
}
