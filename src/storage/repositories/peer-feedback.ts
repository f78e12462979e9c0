// Peer feedback (migration 2026_12_06_0600_peer_feedback): ratings of student-led classes and the course's peer weight.
import type { Kysely } from 'kysely';
import type { Db } from '../db.js';

export interface PeerRatingRow {
  id: string;
  course_id: string;
  meeting_date: string;
  rater_id: string;
  /** JSON {criterionKey: 1..5}. */
  scores: string;
  comment: string;
  created_at: string;
  updated_at: string;
}

export interface PeerSettingsRow {
  course_id: string;
  counts: number;
  /** Decimal text, percent. */
  weight: string;
  updated_at: string;
}

interface PeerTables {
  peer_ratings: PeerRatingRow;
  peer_settings: PeerSettingsRow;
}

function peer(db: Db): Kysely<PeerTables> {
  return db as unknown as Kysely<PeerTables>;
}

/** A course's ratings, of one class or of all (by class, then oldest first). */
export async function listPeerRatingRows(
  db: Db,
  courseId: string,
  meetingDate?: string,
): Promise<PeerRatingRow[]> {
  let q = peer(db).selectFrom('peer_ratings').selectAll().where('course_id', '=', courseId);
  if (meetingDate !== undefined) q = q.where('meeting_date', '=', meetingDate);
  return q.orderBy('meeting_date').orderBy('created_at').orderBy('id').execute();
}

/** Writes one person's rating of one class, replacing theirs if there was one (created_at kept). */
export async function upsertPeerRatingRow(db: Db, row: PeerRatingRow): Promise<void> {
  await peer(db)
    .insertInto('peer_ratings')
    .values(row)
    .onConflict((oc) =>
      oc
        .columns(['course_id', 'meeting_date', 'rater_id'])
        .doUpdateSet({ scores: row.scores, comment: row.comment, updated_at: row.updated_at }),
    )
    .execute();
}

export async function findPeerSettingsRow(db: Db, courseId: string): Promise<PeerSettingsRow | undefined> {
  return peer(db)
    .selectFrom('peer_settings')
    .selectAll()
    .where('course_id', '=', courseId)
    .executeTakeFirst();
}

export async function upsertPeerSettingsRow(db: Db, row: PeerSettingsRow): Promise<void> {
  await peer(db)
    .insertInto('peer_settings')
    .values(row)
    .onConflict((oc) =>
      oc
        .column('course_id')
        .doUpdateSet({ counts: row.counts, weight: row.weight, updated_at: row.updated_at }),
    )
    .execute();
}
