// Talk slots (migration 2026_11_26_0500_talk_slots): rows of talk_slots and talk_slot_settings, and the holder reads other areas call.
import type { Kysely } from 'kysely';
import type { Db } from '../db.js';
import type { CourseTables } from '../schema.js';
import type { GroupTables } from './group-tables.js';

export interface TalkSlotRow {
  id: string;
  course_id: string;
  deliverable_key: string;
  meeting_id: string;
  group_id: string;
  position: number;
  start_time: string | null;
  locked: number;
  created_at: string;
  updated_at: string;
}

export interface TalkSlotSettingsRow {
  course_id: string;
  deliverable_key: string;
  talk_minutes: number | null;
  published_at: string | null;
  updated_at: string;
}

export interface SlotTables {
  talk_slots: TalkSlotRow;
  talk_slot_settings: TalkSlotSettingsRow;
}

type SlotDb = Kysely<SlotTables & GroupTables & CourseTables>;

function slots(db: Db): SlotDb {
  return db as unknown as SlotDb;
}

export async function listTalkSlots(
  db: Db,
  courseId: string,
  deliverableKey: string,
): Promise<TalkSlotRow[]> {
  return slots(db)
    .selectFrom('talk_slots')
    .selectAll()
    .where('course_id', '=', courseId)
    .where('deliverable_key', '=', deliverableKey)
    .orderBy('meeting_id')
    .orderBy('position')
    .orderBy('group_id')
    .execute();
}

/** Replaces every slot of one deliverable (auto-fill apply, a move, a removal) with the given rows. */
export async function replaceTalkSlots(
  db: Db,
  courseId: string,
  deliverableKey: string,
  rows: TalkSlotRow[],
): Promise<void> {
  await slots(db)
    .deleteFrom('talk_slots')
    .where('course_id', '=', courseId)
    .where('deliverable_key', '=', deliverableKey)
    .execute();
  for (let i = 0; i < rows.length; i += 200)
    await slots(db)
      .insertInto('talk_slots')
      .values(rows.slice(i, i + 200))
      .execute();
}

export async function findTalkSlotSettings(
  db: Db,
  courseId: string,
  deliverableKey: string,
): Promise<TalkSlotSettingsRow | undefined> {
  return slots(db)
    .selectFrom('talk_slot_settings')
    .selectAll()
    .where('course_id', '=', courseId)
    .where('deliverable_key', '=', deliverableKey)
    .executeTakeFirst();
}

async function ensureSettingsRow(
  db: Db,
  courseId: string,
  deliverableKey: string,
  at: string,
): Promise<void> {
  await slots(db)
    .insertInto('talk_slot_settings')
    .values({
      course_id: courseId,
      deliverable_key: deliverableKey,
      talk_minutes: null,
      published_at: null,
      updated_at: at,
    })
    .onConflict((oc) => oc.columns(['course_id', 'deliverable_key']).doNothing())
    .execute();
}

/** Sets the talk length and/or publication of one deliverable's slots (creating the row on first use; safe when two requests race). */
export async function upsertTalkSlotSettings(
  db: Db,
  courseId: string,
  deliverableKey: string,
  patch: Partial<Pick<TalkSlotSettingsRow, 'talk_minutes' | 'published_at'>>,
  at: string,
): Promise<void> {
  await ensureSettingsRow(db, courseId, deliverableKey, at);
  await slots(db)
    .updateTable('talk_slot_settings')
    .set({ ...patch, updated_at: at })
    .where('course_id', '=', courseId)
    .where('deliverable_key', '=', deliverableKey)
    .execute();
}

/**
 * Serializes the writers of one deliverable's slots inside a write transaction: the update takes
 * the settings row's lock on PostgreSQL until commit (SQLite's BEGIN IMMEDIATE already holds the
 * database), so two staff moving groups at once never lose one move or collide on insert.
 */
export async function lockTalkSlots(
  db: Db,
  courseId: string,
  deliverableKey: string,
  at: string,
): Promise<void> {
  await ensureSettingsRow(db, courseId, deliverableKey, at);
  await slots(db)
    .updateTable('talk_slot_settings')
    .set({ updated_at: at })
    .where('course_id', '=', courseId)
    .where('deliverable_key', '=', deliverableKey)
    .execute();
}

/**
 * Ids of the groups on a meeting's talk slots (published or not: callers decide what to show),
 * as groupsHoldingRole answers for the roles.
 */
export async function groupsOnSlots(db: Db, meetingId: string): Promise<string[]> {
  const rows = await slots(db)
    .selectFrom('talk_slots')
    .select('group_id')
    .where('meeting_id', '=', meetingId)
    .orderBy('position')
    .orderBy('group_id')
    .execute();
  return rows.map((r) => r.group_id);
}

/**
 * Every slot of a course in the shape of listRoleHolders rows (role 'slot'), so the dashboards
 * treat a slot like a role. With publishedOnly, only deliverables whose slots staff published.
 */
export async function listSlotHolders(
  db: Db,
  courseId: string,
  opts: { publishedOnly: boolean } = { publishedOnly: false },
): Promise<Array<{ meeting_id: string; group_id: string; role: 'slot'; deliverable_key: string }>> {
  let q = slots(db)
    .selectFrom('talk_slots')
    .select(['talk_slots.meeting_id', 'talk_slots.group_id', 'talk_slots.deliverable_key'])
    .where('talk_slots.course_id', '=', courseId);
  if (opts.publishedOnly) {
    q = q
      .innerJoin('talk_slot_settings', (j) =>
        j
          .onRef('talk_slot_settings.course_id', '=', 'talk_slots.course_id')
          .onRef('talk_slot_settings.deliverable_key', '=', 'talk_slots.deliverable_key'),
      )
      .where('talk_slot_settings.published_at', 'is not', null);
  }
  const rows = await q.execute();
  return rows.map((r) => ({
    meeting_id: r.meeting_id,
    group_id: r.group_id,
    role: 'slot' as const,
    deliverable_key: r.deliverable_key,
  }));
}
