// Staff decisions on a version (approve / return): at most one per version, and a return opens a resubmission window.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  // When staff decided on this version (approved or returned), null while undecided. A decision is
  // recorded by setting it where it is still null (compare-and-set), so two decisions sent at once
  // cannot both land.
  await db.schema.alterTable('submissions').addColumn('decided_at', 'text').execute();
  // A return's resubmission window: a new version handed in up to this instant is on time.
  await db.schema.alterTable('submission_reviews').addColumn('resubmit_until', 'text').execute();
  // Versions decided before this migration keep their reviews as they were; the first decision marks them decided.
  await sql`
    update submissions set decided_at = (
      select min(r.created_at) from submission_reviews r
      where r.submission_id = submissions.id and r.decision <> 'comment'
    )
    where exists (
      select 1 from submission_reviews r
      where r.submission_id = submissions.id and r.decision <> 'comment'
    )
  `.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('submission_reviews').dropColumn('resubmit_until').execute();
  await db.schema.alterTable('submissions').dropColumn('decided_at').execute();
}
