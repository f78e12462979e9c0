// Durable outgoing mail: a job row per message, written in the same transaction as what it is about (a hand-in's receipt).
import { sql, type Kysely } from 'kysely';

// Instants are ISO-8601 UTC text, ids app-generated text: the same on SQLite and PostgreSQL.
export async function up(db: Kysely<any>): Promise<void> {
  // A worker claims due rows (claim + claimed_until, a lease other instances respect), sends them
  // through the mailer, and marks them sent; a failure moves next_attempt_at back (backoff).
  await db.schema
    .createTable('mail_queue')
    .addColumn('id', 'text', (c) => c.primaryKey())
    // What to render: 'receipt' (payload: the receipt, course title and zone).
    .addColumn('kind', 'text', (c) => c.notNull())
    // The recipient's account (its address is read when sending), or a literal address.
    .addColumn('user_id', 'text')
    .addColumn('address', 'text')
    .addColumn('payload', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('next_attempt_at', 'text', (c) => c.notNull())
    .addColumn('claim', 'text')
    .addColumn('claimed_until', 'text')
    .addColumn('sent_at', 'text')
    .addColumn('gave_up_at', 'text')
    .addColumn('last_error', 'text')
    .execute();
  await db.schema
    .createIndex('mail_queue_due_idx')
    .on('mail_queue')
    .columns(['sent_at', 'gave_up_at', 'next_attempt_at'])
    .execute();
  // Partial: a job is queued without a claim, so a hand-in's insert does not touch this index.
  await db.schema
    .createIndex('mail_queue_claim_idx')
    .on('mail_queue')
    .column('claim')
    .where(sql.ref('claim'), 'is not', null)
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('mail_queue').ifExists().execute();
}
